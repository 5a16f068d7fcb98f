"""Count facts: how many countries, delegates, speakers... took part.

A count is a number (digits or words) with an optional qualifier ("more than", "nearly",
"some"...) and a participant noun ("countries", "member states", "delegates"...), possibly
with a few modifiers between them ("47 African countries"). A range ("some 20 to 25
countries") keeps its lower bound as ``value`` and its upper bound as ``value_to``; its
qualifier is the one written ("some" → ``about``) or ``at_least`` when none is.

Not counts: money, percentages, ages, ordinals, vote tallies ("101 states voting in
favour"), ratification thresholds ("once 40 states have ratified"), "193-member",
"the G7", article numbers, years.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from treatytui.facts.model import Fact
from treatytui.facts.numbers import (
    NUMBER_PATTERN,
    NUMBER_WORDS,
    SIMPLE_NUMBER_PATTERN,
    parse_number,
)
from treatytui.facts.sentences import SentenceIndex

if TYPE_CHECKING:
    from treatytui.corpus.article import Article
    from treatytui.facts.model import Qualifier

_QUALIFIERS: dict[str, Qualifier] = {
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "just over": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "about": "about",
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "an estimated": "about",
    "estimated": "about",
    "fewer than": "fewer_than",
    "less than": "fewer_than",
    "under": "fewer_than",
    "up to": "up_to",
    "as many as": "up_to",
    "a maximum of": "up_to",
}
_SUFFIX_QUALIFIERS: dict[str, Qualifier] = {"+": "more_than", "plus": "more_than"}

_UNITS = (
    "member states",
    "member countries",
    "member nations",
    "states parties",
    "states members",
    "heads of state and government",
    "heads of state",
    "civil society organisations",
    "civil society organizations",
    "countries",
    "nations",
    "states",
    "governments",
    "economies",
    "jurisdictions",
    "delegates",
    "delegations",
    "participants",
    "attendees",
    "observers",
    "signatories",
    "statements",
    "speakers",
    "leaders",
    "representatives",
    "ministers",
    "officials",
    "experts",
    "organisations",
    "organizations",
    "agencies",
    "NGOs",
    "parties",
    "people",
    "persons",
)
# The full pattern is tried only at numbers followed, within _UNIT_REACH characters, by
# the first word of a unit: plain string searches rule out most of an article.
_UNIT_FIRST_WORDS = sorted({unit.split()[0].lower() for unit in _UNITS})
_UNIT_REACH = 100
# A number that follows one of these (or a letter or digit) is part of a code or amount.
_NOT_BEFORE = frozenset("$€£¥.,/+#-_")
# The first digit of a number that follows none of them (the look-behind is written after
# the digit so that the engine skips ahead to digits).
_DIGITS_START = re.compile(r"[0-9](?<![\w$€£¥.,/+#\-].)")
_ASCII_WORD = re.compile(r"[a-z]+")
# Units that need a sentence about taking part before they count ("2 billion people" does not).
_CONTEXT_UNITS = frozenset({"people", "persons"})
_PARTICIPATION = re.compile(
    r"\b(?:attend|particip|took\s+part|take\s+part|taking\s+part|gather|join|present|"
    r"register|turn(?:ed)?\s+out|delegat|sign)",
    re.IGNORECASE,
)

_QUALIFIER_WORDS = "|".join(
    sorted((q.replace(" ", r"\s+") for q in _QUALIFIERS), key=len, reverse=True)
)
_UNIT_WORDS = "|".join(u.replace(" ", r"\s+") for u in _UNITS)
# Words allowed between the number and the unit: any capitalised word ("47 African
# countries", "27 EU member states") or one of these.
_MODIFIERS = """
other more additional participating different signatory individual foreign partner
developing developed island sovereign member regional national international
non-governmental civil society high-level senior government economic integration
like-minded neighbouring neighboring small
"""
_MODIFIER_WORDS = frozenset(_MODIFIERS.split())
_COUNT_PATTERN = (
    rf"(?P<num>{NUMBER_PATTERN})"
    rf"(?:\s*(?:-|–|\bto\b)\s*(?P<num2>{SIMPLE_NUMBER_PATTERN}))?"
    r"(?P<suffix>\+|-plus|\s+or\s+more)?"
    r"\s+(?P<mods>(?:[^\W\d_][\w'’.-]*\s+){0,3}?)"
    rf"(?P<unit>(?i:{_UNIT_WORDS}))\b"
    r"(?:\s+(?:and|&)\s+(?P<mods2>(?:[^\W\d_][\w'’.-]*\s+){0,2}?)"
    rf"(?P<unit2>(?i:{_UNIT_WORDS}))\b)?"
    r"(?![-'’]\w)"
)
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w-])(?P<qual>(?i:{_QUALIFIER_WORDS}))\s+$")
_NUMBER_SEARCH_WORDS = sorted(NUMBER_WORDS - {"dozen"} | {"a dozen", "half a dozen"})
_NUMBER_WORD = re.compile(rf"(?i:\b(?:{'|'.join(_NUMBER_SEARCH_WORDS)}))")


@cache
def _count_regex() -> re.Pattern[str]:
    """The count pattern (from the number on), compiled on first use."""
    return re.compile(_COUNT_PATTERN)


# Words just before the number that make it an identifier, not a count.
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:articles?|art\.|paragraphs?|para\.|sections?|chapters?|resolutions?|rules?|"
    r"no\.|number|page|protocol|annex|item)\s*$",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"[$€£¥]\s*$|\b(?:US|USD|EUR|GBP)\s*$")
_VOTE_AFTER = re.compile(
    r"\s+(?:voting|voted|vote|in\s+favou?r|against|abstain(?:ed|ing)?|abstentions?)\b",
    re.IGNORECASE,
)
_THRESHOLD = re.compile(r"ratif|accession|accede|\bdeposit", re.IGNORECASE)
_THRESHOLD_HINTS = ("ratif", "accession", "accede", "deposit")
_THRESHOLD_WINDOW = 40


def _normalise_unit(text: str) -> str:
    """The unit as written, lower case (acronyms such as "NGOs" keep theirs)."""
    words = text.split()
    return " ".join(w if w[:-1].isupper() and len(w) > 2 else w.lower() for w in words)


def _is_identifier_or_money(text: str, start: int) -> bool:
    before = text[max(0, start - 14) : start]
    return bool(_IDENTIFIER_BEFORE.search(before) or _CURRENCY_BEFORE.search(before))


def _is_threshold(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - _THRESHOLD_WINDOW) : end + _THRESHOLD_WINDOW]
    lowered = window.lower()  # cheap tests first: each match holds one of these words
    if not any(word in lowered for word in _THRESHOLD_HINTS):
        return False
    return bool(_THRESHOLD.search(window))


def _looks_like_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099


def _modifiers_allowed(words: str | None) -> bool:
    return all(w[0].isupper() or w.lower() in _MODIFIER_WORDS for w in (words or "").split())


def _unit_end(match: re.Match[str]) -> int:
    """Where the unit ends: after a second noun ("countries and regional organisations")."""
    if match.group("unit2") and _modifiers_allowed(match.group("mods2")):
        return match.end("unit2")
    return match.end("unit")


def _count_attrs(
    match: re.Match[str], qualifier_text: str, end: int, sentence: str
) -> dict[str, Any] | None:
    if not _modifiers_allowed(match.group("mods")):
        return None
    value = parse_number(match.group("num"))
    if value is None or value < 2 or _looks_like_year(match.group("num")):
        return None
    unit = _normalise_unit(match.string[match.start("unit") : end])
    if unit in _CONTEXT_UNITS and not _PARTICIPATION.search(sentence):
        return None
    qualifier: Qualifier = "exact"
    if qualifier_text:
        qualifier = _QUALIFIERS[" ".join(qualifier_text.lower().split())]
    suffix = (match.group("suffix") or "").strip().lstrip("-").lower()
    value_to = parse_number(match.group("num2")) if match.group("num2") else None
    if value_to is not None and value_to <= value:
        return None
    if suffix == "or more":
        qualifier = "at_least"
    elif suffix in _SUFFIX_QUALIFIERS:
        qualifier = _SUFFIX_QUALIFIERS[suffix]
    elif value_to is not None and qualifier == "exact":
        qualifier = "at_least"
    attrs: dict[str, Any] = {"value": value, "qualifier": qualifier, "unit": unit}
    if value_to is not None:
        attrs["value_to"] = value_to
    return attrs


def _word_starts(haystack: str, words: list[str]) -> list[int]:
    """Where each of ``words`` begins a word of ``haystack`` (lower case), in order."""
    starts = []
    for word in words:
        i = haystack.find(word)
        while i >= 0:
            if i == 0 or not haystack[i - 1].isalpha():
                starts.append(i)
            i = haystack.find(word, i + 1)
    return sorted(starts)


def _candidates(text: str) -> list[int]:
    """Where a number begins that a unit word follows closely, in order."""
    lowered = text.lower()
    starts = [m.start() for m in _DIGITS_START.finditer(text)]
    if len(lowered) == len(text):
        # Every ASCII word of the text (a superset of the hyphen-separated parts of its
        # tokens): only a filter on which number and unit words to look for.
        words = set(_ASCII_WORD.findall(lowered))
        starts += _word_starts(
            lowered, [w for w in _NUMBER_SEARCH_WORDS if w.rsplit(" ", 1)[-1] in words]
        )
        units = _word_starts(lowered, [w for w in _UNIT_FIRST_WORDS if w in words])
    else:  # lower() changed the length of some character: no shortcuts
        starts += [m.start() for m in _NUMBER_WORD.finditer(text)]
        units = list(range(len(text)))
    found = []
    for i in sorted(set(starts)):
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] in _NOT_BEFORE):
            continue
        nearest_unit = bisect_right(units, i)
        if nearest_unit < len(units) and units[nearest_unit] <= i + _UNIT_REACH:
            found.append(i)
    return found


def _matches(text: str, sentences: SentenceIndex) -> Iterator[tuple[int, re.Match[str]]]:
    """(start including any qualifier, match from the number on) of each candidate count."""
    pattern = _count_regex()
    done = 0
    for i in _candidates(text):
        sentence = sentences.at(i)
        if i < done or sentence is None:
            continue
        match = pattern.match(text, i, sentence.end)
        if match is None:
            continue
        done = match.end()
        qualifier = _QUALIFIER_BEFORE.search(text, max(sentence.start, i - 24), i)
        yield (qualifier.start() if qualifier else i), match


def extract_counts(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """The participant counts of ``article``, in text order."""
    text = article.text
    facts: list[Fact] = []
    for start, match in _matches(text, sentences):
        end = _unit_end(match)
        if "\n" in text[start:end] or _is_identifier_or_money(text, start):
            continue
        if _VOTE_AFTER.match(text, end) or _is_threshold(text, start, end):
            continue
        sentence = sentences.sentence_text(start, end)
        attrs = _count_attrs(match, text[start : match.start()], end, sentence)
        if attrs is None:
            continue
        facts.append(Fact("count", text[start:end], start, end, sentence, attrs))
    return facts
