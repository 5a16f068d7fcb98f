"""Count facts: how many countries, delegates, ratifications... in en, es, fr and pt.

A count is a number (digits or words) with an optional qualifier ("more than", "nearly",
"some", "más de", "près de", "cerca de"...) and a noun ("countries", "member states",
"delegates", "países", "chefs d'État", "Estados-membros"...), possibly with a few
modifiers between them ("47 African countries"); number and noun must share a language
(``numbers.number_languages``). A range ("some 20 to 25 countries") keeps its lower bound
as ``value`` and its upper bound as ``value_to``; its qualifier is the one written ("some"
→ ``about``) or ``at_least`` when none is; a qualifier may follow the noun ("40 countries
or more", "30 pays au moins"). A part whose noun is in the clause before ("Of the 120
countries invited, 98 came", "Sur les onze États membres ..., sept étaient représentés")
takes the whole's noun; the whole is then a total.

Every count has a ``role`` (see ``counts_roles``): ``participants`` (attendance, signing:
"delegates from 60 countries"), ``total`` (a membership or a tally: "the UN's 193 Member
States", "the 166-member body", "became the 37th state to ratify", "ratifications now
stand at 23", "four rounds of talks") or ``threshold`` (what entry into force needs:
"after the 31st ratification", "once 40 states have ratified", "31 ratifications are
needed"), so that views never compare a threshold or a total with attendance.

Countries or people that vote are counted ("112 countries voting in favour", "57 countries
voted to adjourn": the figures view files them under "adopted"); the tallies of votes
themselves ("by 140 votes to 11, with 20 abstentions", "a 101-45 vote") are results, not
numbers of anyone, and would need a role of their own: they are not counts.

Not counts: money, percentages, ages, ordinals other than ratifications, vote tallies,
"the G7", article numbers, years; people and officials
("leaders", "ministers") away from a meeting, a signing or an attendance; "the two
leaders" (a reference to people already named, not a count).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from treatytui.facts.alternation import LazyPattern, alternation
from treatytui.facts.count_nouns import counts_people, open_unit
from treatytui.facts.count_roles import (
    all_units,
    has_context,
    has_participation,
    is_anaphoric,
    is_bare_members,
    needs_context,
    ordinal_counts,
    role_of,
    tally_counts,
    unit_first_words,
    unit_kind,
    unit_languages,
)
from treatytui.facts.model import Fact
from treatytui.facts.numbers import (
    COLLECTIVE_WORDS,
    ENGLISH_NUMBER_PATTERN,
    LANGUAGES,
    NUMBER_PATTERN,
    NUMBER_WORDS,
    SIMPLE_NUMBER_PATTERN,
    is_collective,
    is_exact_collective,
    number_languages,
    number_words,
    parse_number,
)
from treatytui.facts.sentences import SentenceIndex
from treatytui.facts.words import ascii_runs, letter_runs, lower_text

if TYPE_CHECKING:
    from treatytui.corpus.article import Article
    from treatytui.facts.model import Qualifier

_QUALIFIERS: dict[str, Qualifier] = {
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "just over": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "near": "nearly",
    "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about",
    "fewer than": "fewer_than", "less than": "fewer_than", "under": "fewer_than",
    "up to": "up_to", "as many as": "up_to", "a maximum of": "up_to",
    # Spanish
    "más de": "more_than", "mas de": "more_than", "al menos": "at_least",
    "por lo menos": "at_least", "no menos de": "at_least", "casi": "nearly",
    "cerca de": "about", "unos": "about", "unas": "about", "alrededor de": "about",
    "aproximadamente": "about", "menos de": "fewer_than", "hasta": "up_to",
    # French
    "plus de": "more_than", "plus d'": "more_than", "plus d’": "more_than",
    "au moins": "at_least", "pas moins de": "at_least", "pas moins d'": "at_least",
    "pas moins d’": "at_least", "près de": "nearly", "près d'": "nearly",
    "près d’": "nearly", "presque": "nearly", "environ": "about", "quelque": "about",
    "moins de": "fewer_than", "moins d'": "fewer_than", "moins d’": "fewer_than",
    "jusqu'à": "up_to", "jusqu’à": "up_to",
    # Portuguese
    "mais de": "more_than", "pelo menos": "at_least", "ao menos": "at_least", "quase": "nearly",
    "uns": "about", "umas": "about", "por volta de": "about", "perto de": "nearly",
    "até": "up_to",
}  # fmt: skip
# Number words that are also other words ("dos" is "of the" in Portuguese).
_AMBIGUOUS_NUMBERS = frozenset({"dos", "once", "sept", "cent", "mil", "six"})
_SUFFIX_QUALIFIERS: dict[str, Qualifier] = {"+": "more_than", "plus": "more_than"}

_UNITS = all_units()
_UNIT_SET = frozenset(u.lower() for u in _UNITS)
# A count's unit begins within _UNIT_REACH characters of its number.
_UNIT_REACH = 100
# A number that follows one of these (or a letter or digit) is part of a code or amount.
_NOT_BEFORE = frozenset("$€£¥.,/+#-_")
# The first digit of a number that follows none of them (the look-behind is written after
# the digit so that the engine skips ahead to digits).
_DIGITS_START = re.compile(r"[0-9](?<![\w$€£¥.,/+#\-].)")

# Words allowed between the number and the unit: any capitalised word ("47 African
# countries", "27 EU member states") or one of these.
_MODIFIERS = """
other more additional participating different signatory individual foreign partner
developing developed island sovereign member regional national international
non-governmental civil society high-level senior government economic integration
like-minded neighbouring neighboring small prime trade finance environment world
accredited registered negotiating formal official titular consultative ratifying
contracting founding full associate observer dialogue health foreign defence defense
justice interior agriculture energy education labour labor transport fisheries climate
verification inspection monitoring observation field technical peacekeeping
nouveaux nouvelles nouveau autres nuevos nuevas otros otras novos novas outros outras new
"""
_MODIFIER_WORDS = frozenset(_MODIFIERS.split())
# Modifiers that say how many more, not what is counted: left out of the unit.
_NOT_IN_UNIT = frozenset({"more", "additional", "further", "new"})
# Adjectives after a Spanish, French or Portuguese noun that say what is counted ("70
# países observadores", "12 organizações internacionais"): part of the unit.
# Where they are from ("54 pays africains") is, as in English ("48 African countries"),
# which countries, not what is counted: not one of these.
_POST_ADJECTIVES = """
observadores observateurs signatarios signataires signatários internacionales
internacionais internationales plenos titulares titulaires ambientales ambientais insulares
contratantes contractantes ribereños ribereñas riverains socios partenaires parceiros
riveraines ribeirinhos costeros costeiros côtiers
"""
_POST_ADJECTIVE = re.compile(rf"\s+(?i:{alternation(_POST_ADJECTIVES.split())})(?![\w'’-])")
# What may follow "members" alone so that they are members of something said ("36
# membres du Conseil", "40 miembros más"): else "12 members" is no count.
_MEMBERS_OF = re.compile(r"\s+(?i:of|de|du|des|del|do|da|dos|das|más|mas|de\s+plus|more)\b")


def _count_pattern(number: str, units: list[str]) -> str:
    unit_words = alternation(units)
    return (
        rf"(?P<num>{number})"
        rf"(?:\s*(?:-|–|\bto\b|\ba\b|\bà\b)\s*(?P<num2>{SIMPLE_NUMBER_PATTERN}))?"
        r"(?P<suffix>\+|-plus|\s+or\s+more)?"
        r"(?:\s+|(?<=['’]))(?P<mods>(?:[^\W\d_][\w'’.-]*\s+){0,3}?)"
        rf"(?P<unit>(?i:{unit_words}))(?![\w'’-])"
        r"(?:\s+(?:and|&)\s+(?P<mods2>(?:[^\W\d_][\w'’.-]*\s+){0,2}?)"
        rf"(?P<unit2>(?i:{unit_words}))\b)?"
        r"(?![-'’]\w)"
    )


def _qualifier_pattern(qualifiers: list[str]) -> re.Pattern[str]:
    words = alternation(qualifiers)
    return re.compile(rf"(?<![\w-])(?P<qual>(?i:{words}))(?:(?<=['’])|\s+)$")


_ENGLISH_QUALIFIERS = list(_QUALIFIERS)[: list(_QUALIFIERS).index("a maximum of") + 1]


@cache
def _qualifier_regex(english: bool) -> re.Pattern[str]:
    """What may stand before a count's number ("more than", "más de"...)."""
    return _qualifier_pattern(_ENGLISH_QUALIFIERS if english else list(_QUALIFIERS))


@cache
def _number_word_regex() -> re.Pattern[str]:
    """Where a number word begins (any language): for a text whose lower-cased form has
    other offsets."""
    words = sorted(NUMBER_WORDS - {"dozen"} | {"a dozen", "half a dozen"})
    return re.compile(rf"(?i:\b(?:{'|'.join(map(re.escape, words))}))")


_COLLECTIVE_ARTICLE = re.compile(
    r"(?i:\b(?:(?:una|un|une|uma|um)\s+(?:demi-)?|medio\s+|media\s+|meio\s+|meia\s+))$"
)
# "19 of the 22 countries", "diecinueve de los veintidós países": a part of a total.
_PART_OF = LazyPattern(
    rf"(?P<num>{NUMBER_PATTERN})\s+(?i:of\s+the|of\s+its|of\s+their|of\s+(?:the\s+)?[\w&.-]+['’]s|"
    r"de\s+los|de\s+las|de\s+sus|des|de\s+ses|de\s+leurs|dos|das|de\s+seus|de\s+suas|"
    r"sur\s+les)\s+$"
)


# What the text just before a part of a total holds ("19 of the 22 countries").
_PART_GLUE = re.compile("of |de l|des |dos |das |sur l|de s")


@cache
def _count_regex(english: bool) -> re.Pattern[str]:
    """The count pattern (from the number on), for English text or for any, compiled on
    first use."""
    if english:
        units = [u for u in _UNITS if "en" in unit_languages(u)]
        return re.compile(_count_pattern(ENGLISH_NUMBER_PATTERN, units))
    return re.compile(_count_pattern(NUMBER_PATTERN, _UNITS))


# Words just before the number that make it an identifier, not a count.
_IDENTIFIER_WORDS = """article articles art. paragraph paragraphs para. section sections chapter
chapters resolution resolutions rule rules no. number page protocol annex item artículo
párrafo decision decisión décision decisão resolución résolution resolução"""
_IDENTIFIER_BEFORE = re.compile(rf"\b{alternation(_IDENTIFIER_WORDS.split())}\s*$", re.IGNORECASE)
# "the two-state solution": "la solución de dos Estados", "a solução de dois Estados"
_IDIOM_BEFORE = re.compile(r"(?i:\b(?:solução|solución|solution|soluzione)\s+(?:de|à|a|di)\s+)$")
_CURRENCY_BEFORE = re.compile(r"[$€£¥]\s*$|\b(?:US|USD|EUR|GBP|R\$)\s*$")


@lru_cache(maxsize=1024)
def _normalise_unit(text: str) -> str:
    """The unit as written, lower case (acronyms such as "NGOs" keep theirs)."""
    words = text.split()
    return " ".join(w if w[:-1].isupper() and len(w) > 2 else w.lower() for w in words)


# What the text before an identifier's number ends with (case-folded, white space left
# out), and the last characters of an amount's currency: cheap tests before the patterns.
_IDENTIFIER_ENDINGS = tuple(word.casefold() for word in _IDENTIFIER_WORDS.split())
_CURRENCY_LAST = frozenset("$€£¥SDRP")


# "one in every two workers", "uno de cada dos", "un sur deux": a ratio, not a count.
_RATIO_ENDINGS = ("cada", "each", "every", "chaque")
_RATIO_BEFORE = re.compile(r"(?<![^\W\d_])(?:cada|each|every|chaque)$")


def _is_identifier_or_money(text: str, start: int) -> bool:
    before = text[max(0, start - 14) : start]
    tail = before.rstrip()
    if not tail:
        return False
    folded = tail.casefold()
    if folded.endswith(_RATIO_ENDINGS) and _RATIO_BEFORE.search(folded):
        return True
    if "solu" in folded and _IDIOM_BEFORE.search(before):
        return True
    if folded.endswith(_IDENTIFIER_ENDINGS) and _IDENTIFIER_BEFORE.search(before):
        return True
    return tail[-1] in _CURRENCY_LAST and _CURRENCY_BEFORE.search(before) is not None


def _looks_like_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099


# "participants from 130 members": the members of the body meeting.
# "backed by 24 members", "apoyada por 24 miembros": the members of the body, too.
_FROM_BEFORE = re.compile(r"(?i:\b(?:from|de|by|por|par|pelos)\s+)$")


def _modifiers_allowed(words: str | None) -> bool:
    if not words:
        return True
    return all(
        w[0].isupper()
        or w.lower() in _MODIFIER_WORDS
        or w.lower().rsplit("-", 1)[-1] in _MODIFIER_WORDS  # "least-developed"
        or (w.startswith("non-") and w[4:5].isupper())
        for w in (words or "").split()
    )


def _unit_modifiers(words: str | None) -> list[str]:
    """The modifiers that say what is counted ("nine partner countries": "partner", "14
    finance ministers": "finance"). Names and demonyms say which ones ("11 ASEAN member
    states", "48 African countries") and words like "more" how many more ("two more
    states"): the unit leaves them out, so that counts of countries group together."""
    if not words:
        return []
    kept = words.split()
    if any(w[0].isupper() or ("-" in w and w.split("-")[1][:1].isupper()) for w in kept):
        return []  # "the 18 Pacific Islands Forum members": a name, however long
    while kept and kept[0].lower() in _NOT_IN_UNIT:
        kept.pop(0)
    return kept


# A qualifier written after the noun: "40 countries or more", "30 pays au moins".
_POST_QUALIFIERS: dict[str, Qualifier] = {
    "or more": "at_least", "or so": "about", "at least": "at_least", "or fewer": "up_to",
    "or less": "up_to", "o más": "at_least", "o mas": "at_least", "como mínimo": "at_least",
    "al menos": "at_least", "o menos": "up_to", "ou plus": "at_least", "au moins": "at_least",
    "au minimum": "at_least", "ou moins": "up_to", "ou mais": "at_least",
    "pelo menos": "at_least", "no mínimo": "at_least", "ou menos": "up_to",
}  # fmt: skip
_POST_QUALIFIER = LazyPattern(rf"\s+(?P<qual>(?i:{alternation(_POST_QUALIFIERS)}))(?![\w'’-])")
# The first words of those qualifiers: a cheap test before the pattern.
_POST_QUALIFIER_FIRST = frozenset(q.split()[0] for q in _POST_QUALIFIERS)


def _post_qualifier(text: str, end: int) -> re.Match[str] | None:
    """The qualifier written just after a count's noun, if any."""
    word = text[end : end + 12].split(maxsplit=1)
    if not word or word[0].lower() not in _POST_QUALIFIER_FIRST:
        return None
    return _POST_QUALIFIER.match(text, end)


# After a second noun, a count of its own: "81 parties and observers from some 40 states".
_OWN_COUNT_AFTER = LazyPattern(
    rf"\s+(?i:from|of|de|des|da|do|dos|das)\s+(?:[^\W\d]+\s+){{0,2}}?(?:{NUMBER_PATTERN})"
)


def _unit_end(match: re.Match[str]) -> int:
    """Where the unit ends: after a second noun ("countries and regional organisations"),
    unless a number of its own follows that one."""
    if (
        match.group("unit2")
        and _modifiers_allowed(match.group("mods2"))
        and not _OWN_COUNT_AFTER.match(match.string, match.end("unit2"))
    ):
        return match.end("unit2")
    return match.end("unit")


def _count_attrs(
    match: re.Match[str], qualifier_text: str, end: int, languages: frozenset[str]
) -> dict[str, Any] | None:
    number, mods, unit_text, suffix_text, number_to = match.group(
        "num", "mods", "unit", "suffix", "num2"
    )
    if not _modifiers_allowed(mods):
        return None
    if not number_languages(number) & unit_languages(unit_text) & languages:
        return None  # "once countries": Spanish eleven before an English noun
    in_words = number[0].isalpha()
    if in_words and number.lower() in _AMBIGUOUS_NUMBERS and unit_text[0].isupper():
        return None  # "dos Países de Língua Portuguesa": a name, not a count
    value = parse_number(number)
    if value is None or value < 2 or _looks_like_year(number):
        return None
    unit = match.string[match.start("unit") : end]
    if mods:
        unit = " ".join([*_unit_modifiers(mods), unit])
    unit = _normalise_unit(unit)
    qualifier: Qualifier = "exact"
    if qualifier_text:
        qualifier = _QUALIFIERS[" ".join(qualifier_text.lower().split())]
    elif in_words and is_collective(number) and not is_exact_collective(number):
        qualifier = "about"
    suffix = suffix_text.strip().lstrip("-").lower() if suffix_text else ""
    value_to = parse_number(number_to) if number_to else None
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


def _joined_before(character: str) -> bool:
    """Whether a number after ``character`` is part of a word, code or amount."""
    return character.isalnum() or character in _NOT_BEFORE


def _word_starts(haystack: str, words: list[str]) -> list[int]:
    """Where each of ``words`` begins a word of ``haystack`` (lower case), in order."""
    starts = []
    for word in words:
        starts += [m.start() for m in _word_start_regex(word).finditer(haystack)]
    return sorted(starts)


@lru_cache(maxsize=1024)
def _word_start_regex(word: str) -> re.Pattern[str]:
    """``word`` where no letter comes before it (what ``str.isalpha`` calls a letter: any
    alphabetic character, so digits and "_" are not)."""
    # the literal first (the engine then skips ahead to it), the look-behind after it
    return re.compile(rf"{re.escape(word)}(?<![^\W\d_][\s\S]{{{len(word)}}})")


@cache
def _search_words(language: str) -> tuple[dict[str, list[str]], frozenset[str]]:
    """The number words to search for (multi-word forms whole), by their last word, and
    the units' first words."""
    words = number_words(language) - {"dozen"}
    if "dozen" in number_words(language):
        words |= {"a dozen", "half a dozen"}
    by_last: dict[str, list[str]] = {}
    for word in sorted(words):
        by_last.setdefault(word.rsplit(" ", 1)[-1], []).append(word)
    return by_last, frozenset(unit_first_words(language))


def _candidates(text: str, language: str) -> list[tuple[int, int]]:
    """(where a number begins that a unit word follows closely, where the first unit word
    after it begins), in order."""
    return _scan(text, language)[0]


def _number_starts(text: str, language: str) -> list[int]:
    """Where each number of ``text`` (digits or words) begins, in order."""
    return _scan(text, language)[1]


@lru_cache(maxsize=4)
def _scan(text: str, language: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The candidates of ``_candidates`` and the starts of ``_number_starts``."""
    number_search, unit_first = _search_words(language)
    english = language == "en"  # "une vingtaine de": collectives are not English
    lowered = lower_text(text)
    starts = [m.start() for m in _DIGITS_START.finditer(text)]
    if len(lowered) == len(text):
        # Every word of the text (a superset of the hyphen-separated parts of its
        # tokens): only a filter on which number and unit words to look for.
        words = ascii_runs(text) if english else letter_runs(text)
        present = [form for last in words & number_search.keys() for form in number_search[last]]
        in_words = _word_starts(lowered, present) if present else []
        units = _word_starts(lowered, list(words & unit_first))
    else:  # lower() changed the length of some character: no shortcuts
        in_words = [m.start() for m in _number_word_regex().finditer(text)]
        units = list(range(len(text)))
    if in_words:  # (the digits' pattern leaves out those after a letter, digit or sign)
        in_words = [
            i
            for i in in_words
            if not i or not _joined_before(text[i - 1]) or text[i - 5 : i].lower() == "demi-"
        ]
        starts = sorted({*starts, *in_words})
    found = {}
    for i in starts:
        nearest_unit = bisect_right(units, i)
        if nearest_unit < len(units) and units[nearest_unit] <= i + _UNIT_REACH:
            article = None if english else _COLLECTIVE_ARTICLE.search(text, max(0, i - 9), i)
            start = article.start() if article else i
            found[start] = units[bisect_right(units, start)]
    return sorted(found.items()), starts


def _matches(
    text: str, sentences: SentenceIndex, done: list[int]
) -> Iterator[tuple[int, re.Match[str]]]:
    """(start including any qualifier, match from the number on) of each candidate count;
    candidates before ``done[0]`` (the end of the last count kept) are skipped."""
    english = sentences.language == "en"
    pattern = _count_regex(english)
    qualifiers = _qualifier_regex(english)
    for i, unit in _candidates(text, sentences.language):
        if i < done[0]:
            continue
        span = sentences.span_at(i)
        if span is None or unit >= span[1]:
            continue  # the pattern, held to the sentence, could not reach a unit
        match = pattern.match(text, i, span[1])
        if match is None:
            continue
        qualifier = qualifiers.search(text, max(span[0], i - 24), i)
        yield (qualifier.start() if qualifier else i), match


def extract_counts(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """The counts of ``article``, each with its role, in text order."""
    text = article.text
    facts: list[Fact] = []
    language = sentences.language
    english = language == "en"
    languages = frozenset({language}) if language in LANGUAGES else LANGUAGES
    done = [0]  # the end of the last count kept: the candidates inside it are skipped
    for start, match in _matches(text, sentences, done):
        end = _unit_end(match)
        if not english and end == match.end("unit"):
            adjective = _POST_ADJECTIVE.match(text, end)
            end = adjective.end() if adjective else end
        if "\n" in text[start:end] or _is_identifier_or_money(text, start):
            continue
        sentence_span = sentences.span_at(start)
        low = sentence_span[0] if sentence_span else _line_start(text, start)
        if start == match.start() and _named_number(text, low, start):
            continue  # "COP 29 negotiators", "on May 14 delegates arrived"
        attrs = _count_attrs(match, text[start : match.start()], end, languages)
        if attrs is None:
            continue
        post = _post_qualifier(text, end) if attrs["qualifier"] == "exact" else None
        if post is not None:
            attrs["qualifier"] = _POST_QUALIFIERS[" ".join(post.group("qual").lower().split())]
            end = post.end()
        sentence = sentences.at(start)
        sentence_text = sentences.sentence_text(start, end)
        if is_anaphoric(text, start, attrs["value"], attrs["qualifier"]):
            continue
        kind = unit_kind(match.group("unit"))
        part = None
        just_before = text[max(0, start - 24) : start]  # "of the bloc's"
        if _PART_GLUE.search(just_before):
            low = max(sentence.start if sentence else 0, start - 40)
            part = _PART_OF.search(text, low, start)
        part_value = parse_number(part.group("num")) if part else None
        if part_value is not None and not 2 <= part_value < attrs["value"]:
            part_value = None
        bounds = (sentence.start, sentence.end) if sentence else (start, end)
        role = role_of(
            text,
            start,
            end,
            kind,
            bounds,
            whole_of_part=part_value is not None,
            bare_members=is_bare_members(match.group("unit"))
            and not match.group("mods")  # "a dozen OECD members", "12 new members"
            and end == match.end("unit")
            and _MEMBERS_OF.match(text, end) is None
            and _FROM_BEFORE.search(text, max(0, start - 6), start) is None,
        )
        if role is None or (
            role == "participants" and needs_context(kind) and not has_context(kind, sentence_text)
        ):
            continue
        done[0] = end
        attrs["role"] = role
        facts.append(Fact("count", text[start:end], start, end, sentence_text, attrs))
        if part is not None and part_value is not None:
            # "19 of the 22 countries": 19 took part, of a whole of 22
            part_attrs = {"value": part_value, "qualifier": "exact", "unit": attrs["unit"]}
            part_attrs["role"] = _part_role(kind)
            p_start, p_end = part.span("num")
            facts.append(
                Fact("count", text[p_start:p_end], p_start, p_end, sentence_text, part_attrs)
            )
    facts += _open_counts(text, sentences, facts)
    facts += _elided_counts(text, sentences, facts)
    facts += _parts_after_whole(text, sentences, facts)
    followed = _followed(text, sentences.language, facts)
    if followed:  # counts that a number of its own follows closely
        facts += _compared_counts(text, sentences, facts, followed)
        facts += _verb_parts(text, sentences, facts, followed)
    facts += ordinal_counts(article, sentences)
    facts += tally_counts(article, sentences)
    return _without_title_repeats(article, _distinct(sorted(facts, key=lambda f: (f.start, f.end))))


@cache
def _open_number_regex(english: bool) -> re.Pattern[str]:
    """A number, or a range of two, where a count of a noun outside the tables may begin."""
    number = ENGLISH_NUMBER_PATTERN if english else NUMBER_PATTERN
    return re.compile(
        rf"(?P<num>{number})"
        rf"(?:\s*(?:-|–|\bto\b|\ba\b|\bà\b)\s*(?P<num2>{SIMPLE_NUMBER_PATTERN}))?"
    )


_FEW = 3
_OPENING_MARKS = " \t\n\"“‘'(«—–-•*"
# Words a headline in title case capitalises before a count ("Delegates From 40 Nations").
_TITLE_CASE_WORDS = frozenset(
    """of from in at by with and to for as the some about over nearly almost more than
    around up at least de des du les en à con por para los las dos das em com mais plus
    près casi cerca unos unas quelque environ""".split()
)
_SCALE_WORDS = frozenset(
    "million millions billion billions milhão milhões millón millones mil mille milliard "
    "milliards thousand hundred".split()
)
# "des trois conventions", "of the two bodies": things already named.
_REFERENCE_BEFORE = re.compile(r"(?i:\b(?:des|dos|das|del|aux|of\s+the|de\s+l[oa]s)\s+)$")
# The word before a number that names what it numbers ("COP 29", "Room 12", "May 14").
_NAME_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][\w.’'-]*)[ \t\u00a0]+$")


def _open_counts(text: str, sentences: SentenceIndex, facts: list[Fact]) -> list[Fact]:
    """Counts of nouns outside the tables ("14 working groups", "60 000 pêcheurs"): a
    tally (``total``), or those who took part when the noun is of people and the sentence
    speaks of a meeting ("some 2,000 demonstrators gathered")."""
    language = sentences.language
    if language not in LANGUAGES:
        return []
    english = language == "en"
    number_regex = _open_number_regex(english)
    qualifiers = _qualifier_regex(english)
    taken = sorted(f.span for f in facts)
    found: list[Fact] = []
    done = 0
    for i in _number_starts(text, language):
        if i < done or any(s <= i < e for s, e in taken):
            continue
        span = sentences.span_at(i)
        if span is None:
            continue
        match = number_regex.match(text, i, span[1])
        if match is None:
            continue
        number = match.group("num")
        value = parse_number(number)
        if value is None or value < 2 or _looks_like_year(number):
            continue
        if language not in number_languages(number) or _few_in_words(number, value):
            continue
        if number.lower() in _SCALE_WORDS:
            continue  # "milhões de trabalhadores": how many is not said
        noun = open_unit(text, match.end(), span[1], language, number)
        if noun is None or noun.unit in _UNIT_SET or noun.head in _UNIT_SET:
            continue
        if _is_identifier_or_money(text, i) or _named_number(text, span[0], i):
            continue
        qualifier_match = qualifiers.search(text, max(span[0], i - 24), i)
        start = qualifier_match.start() if qualifier_match else i
        qualifier: Qualifier = "exact"
        if qualifier_match:
            qualifier = _QUALIFIERS[" ".join(qualifier_match.group("qual").lower().split())]
        elif number[0].isalpha() and is_collective(number) and not is_exact_collective(number):
            qualifier = "about"
        if is_anaphoric(text, start, value, qualifier) or _REFERENCE_BEFORE.search(
            text, max(0, start - 12), start
        ):
            continue
        attrs: dict[str, Any] = {"value": value, "qualifier": qualifier, "unit": noun.unit}
        value_to = parse_number(match.group("num2")) if match.group("num2") else None
        if value_to is not None and value_to > value:
            attrs["value_to"] = value_to
            attrs["qualifier"] = "at_least" if qualifier == "exact" else qualifier
        sentence_text = sentences.sentence_text(start, noun.end)
        people = counts_people(noun.head) and has_participation(sentence_text)
        attrs["role"] = "participants" if people else "total"
        found.append(Fact("count", text[start : noun.end], start, noun.end, sentence_text, attrs))
        done = noun.end
    return found


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _few_in_words(number: str, value: int) -> bool:
    """Two or three in words: before a noun outside the tables, mostly things already
    named ("the three conventions", "two earlier drafts"), not a count."""
    return value <= _FEW and number[0].isalpha()


def _named_number(text: str, low: int, start: int) -> bool:
    """Whether the number at ``text[start]`` follows a name that it numbers ("COP 29"),
    not a word opening its sentence."""
    match = _NAME_BEFORE.search(text, max(low, start - 30), start)
    if (
        match is None
        or match.group(1).lower() in _TITLE_CASE_WORDS
        or match.group(1).endswith(("'s", "’s", "s'", "s’"))  # "the OSCE's 57 States"
    ):
        return False  # "Leaders From 40 Nations Meet": a headline's capitals
    if not text[low : match.start(1)].strip(_OPENING_MARKS):
        return match.group(1).isupper() and len(match.group(1)) > 1  # "COP 29 talks"
    return True


# A part of a count just made, its noun left out: "300 délégués, dont une cinquantaine en
# ligne", "700 participants, including 200 online", "nine of them".
_ELIDED_BEFORE = LazyPattern(
    r"(?i:,?\s*(?:dont|including|among\s+them|of\s+whom|entre\s+ellos|entre\s+ellas|"
    r"incluidos|incluidas|entre\s+eux|entre\s+elles|dos\s+quais|das\s+quais|"
    r"entre\s+os\s+quais|entre\s+as\s+quais)\s+)"
    rf"(?P<num>(?i:(?:une|un|una|uma|um)\s+(?:{'|'.join(sorted(COLLECTIVE_WORDS))})\b)|"
    rf"{NUMBER_PATTERN})(?![\w%-]|\s*(?:%|per\s*cent|percent|por\s+ciento|pour\s+cent))"
)
_OF_THEM = LazyPattern(
    rf"(?P<num>{NUMBER_PATTERN})\s+(?i:of\s+them|of\s+those|de\s+ellos|de\s+ellas|"
    r"d['’]entre\s+eux|d['’]entre\s+elles|deles|delas)\b"
)
_ELIDED_REACH = 120
_ELIDED_HINTS = re.compile(
    alternation(("dont", "includ", "among", "whom", "entre", "of them", "of those", "de ell",
                 "deles", "delas", "quais"), space=" ")
)  # fmt: skip


def _elided_counts(text: str, sentences: SentenceIndex, facts: list[Fact]) -> list[Fact]:
    """Parts of the counts in ``facts`` whose noun is left out, with the whole's unit and
    role: "Plus de 300 délégués participent, dont une cinquantaine en ligne" (50)."""
    found = []
    for fact in list(facts):
        span = sentences.span_at(fact.start)
        if span is None:
            continue
        high = min(span[1], fact.end + _ELIDED_REACH)
        window = text[fact.end : high].lower()
        if not _ELIDED_HINTS.search(window):
            continue
        for pattern in (_ELIDED_BEFORE, _OF_THEM):
            match = pattern.search(text, fact.end, high)
            if match is None:
                continue
            number = match.group("num")
            value = parse_number(number)
            if value is None or not 2 <= value < fact.get("value") or _looks_like_year(number):
                continue
            start, end = match.span("num")
            if text[start - 1 : start] in _NOT_BEFORE or any(
                f.start < end and start < f.end for f in facts
            ):
                continue
            attrs = {"value": value, "qualifier": "about" if is_collective(number) else "exact",
                     "unit": fact.get("unit"), "role": fact.get("role")}  # fmt: skip
            found.append(
                Fact(
                    "count", text[start:end], start, end, sentences.sentence_text(start, end), attrs
                )
            )
            break
    return found


# A whole stated first, its part after a comma with the noun left out: "Of the 120
# countries invited, 98 came", "De los 120 países invitados, 98 asistieron", "Sur les onze
# États membres que compte l'organisation, sept étaient représentés", "Dos 15 países
# convidados, 12 compareceram". The part took part; the whole is a total.
_WHOLE_BEFORE = LazyPattern(
    r"(?i:of\s+(?:the\s+)?[\w&.-]+['’]s|of\s+the|of\s+its|out\s+of\s+the|among\s+the|"
    r"de\s+los|de\s+las|de\s+sus|entre\s+los|entre\s+las|sur\s+les|parmi\s+les|des|"
    r"dos|das|entre\s+os|entre\s+as|de\s+seus|de\s+suas)\s+$"
)
_WHOLE_GLUE = (
    "of the", "of its", "among the", "de los", "de las", "de sus", "sur les", "parmi les",
    "des", "dos", "das", "entre os", "entre as", "de seus", "de suas",
)  # fmt: skip
_PART_AFTER = LazyPattern(
    r"[^,;.!?\n]{0,60}?,\s*(?P<qual>(?i:only|just|some|about|nearly|almost|solo|sólo|"
    r"apenas|unos|unas|cerca\s+de|casi|seulement|environ|près\s+de|quase|cerca\s+de)\s+)?"
    rf"(?P<num>{NUMBER_PATTERN})(?![\w%-])"
    r"(?!\s*(?:%|per\s*cent|percent|por\s+ciento|pour\s+cent|por\s+cento)|"
    r"\s+(?i:years?|months?|days?|weeks?|hours?|million|billion|años|meses|días|ans|mois|"
    r"jours|anos|dias|semanas|semaines|euros?|dollars?|dólares|reais)\b)"
)
# The same with a participle for a noun: "Of the 120 invited, 98 came".
_PARTICIPLES = """invited registered accredited invitados invitadas inscritos inscritas
acreditados acreditadas invités invitées inscrits inscrites accrédités convidados convidadas
credenciados"""
_PARTICIPLE_WHOLE = LazyPattern(
    r"(?:^|(?<=[,;:.!?]\s)|(?<=\n))(?i:of\s+the|out\s+of\s+the|de\s+los|de\s+las|sur\s+les|"
    rf"des|dos|das)\s+(?P<num>{NUMBER_PATTERN})\s+"
    rf"(?P<unit>(?i:{alternation(_PARTICIPLES.split())}))\s*,"
)
_PARTICIPLE_WORDS = frozenset(_PARTICIPLES.split())


# A count compared with another of the same noun, left out: "About 4,500 delegates
# registered, down from 6,000 last year", "4 500 délégués, contre 6 000 en 2024", "frente a
# los 90 países de la edición anterior".
_COMPARED = LazyPattern(
    # (a percentage may stand between: "2 percent of GDP, up from nine")
    r"(?:[^.;!?\n\d]|[0-9]+(?:[.,][0-9]+)?\s*(?:%|(?i:per\s*cent|percent|por\s+ciento|"
    r"pour\s+cent|por\s+cento))){0,80}?(?i:\b(?:down|up)\s+from|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|"
    r"\bagainst|\bfrente\s+a(?:\s+los|\s+las)?|\ben\s+comparación\s+con(?:\s+los|\s+las)?|"
    r"\bcontre|\bpar\s+rapport\s+aux|\bcontra(?:\s+os|\s+as|\s+los|\s+las)?|"
    r"\bem\s+comparação\s+com(?:\s+os|\s+as)?)\s+"
    rf"(?P<num>{NUMBER_PATTERN})(?![\w%-]|[.,][0-9])"
    r"(?!\s*(?:%|per\s*cent|percent|por\s+ciento|pour\s+cent|por\s+cento)|"
    r"\s+(?i:years?|months?|days?|weeks?|hours?|million|billion|años|meses|días|ans|mois|"
    r"jours|anos|dias|semanas|semaines|euros?|dollars?|dólares|reais|votes|votos|voix)\b)"
)
_COMPARED_HINTS = re.compile(
    "down from|up from|compar|versus|vs|against|frente a|contre|contra|rapport aux"
)
_COMPARED_REACH = 110


def _followed(text: str, language: str, facts: list[Fact]) -> list[Fact]:
    """The facts that a number outside every fact follows within ``_FOLLOW_REACH``."""
    if not facts:
        return []
    numbers = _number_starts(text, language)
    starts = frozenset(f.start for f in facts)
    return [f for f in facts if _number_after(numbers, starts, f.end, _FOLLOW_REACH)]


def _compared_counts(
    text: str, sentences: SentenceIndex, facts: list[Fact], among: list[Fact]
) -> list[Fact]:
    """The counts compared with those of ``among`` (of ``facts``), with their unit and
    role: "About 4,500 delegates registered, down from 6,000 last year" (6,000)."""
    found: list[Fact] = []
    taken = [f.span for f in facts]
    lowered = lower_text(text)
    for fact in among:
        if not _COMPARED_HINTS.search(lowered, fact.end, fact.end + _COMPARED_REACH):
            continue
        span = sentences.span_at(fact.start)
        if span is None:
            continue
        match = _COMPARED.match(text, fact.end, min(span[1], fact.end + _COMPARED_REACH))
        if match is None:
            continue
        number = match.group("num")
        value = parse_number(number)
        start, end = match.span("num")
        if value is None or value < 2 or _looks_like_year(number):
            continue
        if any((s < end and start < e) or fact.end <= s < start for s, e in taken):
            continue  # a count of its own, or another count is nearer
        attrs = {"value": value, "qualifier": "about" if is_collective(number) else "exact",
                 "unit": fact.get("unit"), "role": fact.get("role")}  # fmt: skip
        found.append(
            Fact("count", text[start:end], start, end, sentences.sentence_text(start, end), attrs)
        )
        taken.append((start, end))
    return found


# Others of a count's noun, left out before a verb: "The deal was backed by 63 countries,
# while 16 voted against and 24 abstained", "firmaron 30 países y 12 se abstuvieron".
_VERBS_AFTER = """voted abstained opposed objected attended signed ratified came joined sent
stayed declined refused backed supported rejected took remained votaron abstuvieron firmaron
ratificaron asistieron enviaron rechazaron apoyaron participaron estuvieron voté votèrent
abstenus signé ratifié envoyé participé votaram abstiveram assinaram ratificaram enviaram
participaram estiveram""".split()
_VERB_SET = frozenset(_VERBS_AFTER)
_VERB_PART = LazyPattern(
    r"[^.;!?\n\d]{0,60}?(?:,\s*(?i:while\s+|whereas\s+|but\s+|and\s+)?|"
    r"\s+(?i:while|whereas|but|and|y|e|et|mientras\s+que|mientras|pero|tandis\s+que|"
    r"alors\s+que|mais|enquanto|mas)\s+)"
    rf"(?P<num>{NUMBER_PATTERN})(?![\w%-]|[.,][0-9])\s+"
    r"(?:(?i:se|s['’]|ne|n['’]|no|não|have|had|has|han|ont|sont|se\s+sont|têm)\s*)?"
    rf"(?i:{alternation(_VERBS_AFTER)})\b"
)
_VERB_PARTS_LIMIT = 3
_VERB_PARTS_REACH = 140
_FOLLOW_REACH = max(_VERB_PARTS_REACH, _COMPARED_REACH)


_AUXILIARIES = frozenset("se s' ne n' no não have had has han ont sont têm".split())


def _number_after(numbers: list[int], starts: frozenset[int], end: int, reach: int) -> list[int]:
    """The starts of ``numbers`` within ``reach`` characters after ``end`` but those
    where a count begins (a cheap test: a number inside a count may be among them)."""
    first = bisect_right(numbers, end)
    last = bisect_right(numbers, end + reach, lo=first)
    return [i for i in numbers[first:last] if i not in starts]


_NUMBER_GLUE = frozenset({"y", "e", "et", "and"})


def _verb_follows(lowered: str, i: int) -> bool:
    """Whether one of the verbs of ``_VERB_PART`` follows the number at ``lowered[i]``,
    maybe after one or two auxiliaries ("16 voted", "12 se sont abstenus")."""
    words = lowered[i : i + 60].split()[:7]
    k = 1
    while k < len(words) and (
        words[k][0].isdigit() or words[k] in NUMBER_WORDS or words[k] in _NUMBER_GLUE
    ):
        k += 1  # "treinta y cinco", "1 200"
    for _ in range(3):
        if k >= len(words):
            return False
        word = words[k].strip(",.;:")
        if word in _VERB_SET:
            return True
        if word not in _AUXILIARIES:
            return False
        k += 1
    return False


def _verb_parts(
    text: str, sentences: SentenceIndex, facts: list[Fact], among: list[Fact]
) -> list[Fact]:
    """The numbers after a count of ``among`` (of ``facts``) that stand for more of its
    noun before a verb ("63 countries, while 16 voted against and 24 abstained")."""
    found: list[Fact] = []
    if _VERB_SET.isdisjoint(letter_runs(text)):
        return found  # none of the verbs anywhere: a cheap set test
    taken = [f.span for f in facts]
    lowered = lower_text(text)
    numbers = _number_starts(text, sentences.language)
    starts = frozenset(f.start for f in facts)
    for fact in among:
        free = _number_after(numbers, starts, fact.end, _VERB_PARTS_REACH)
        if not any(_verb_follows(lowered, i) for i in free):
            continue  # no number of its own before a verb: cheap tests
        span = sentences.span_at(fact.start)
        if span is None:
            continue
        end = fact.end
        for _ in range(_VERB_PARTS_LIMIT):
            match = _VERB_PART.match(text, end, span[1])
            if match is None:
                break
            number = match.group("num")
            value = parse_number(number)
            start, stop = match.span("num")
            if value is None or value < 2 or _looks_like_year(number):
                break
            if any((s < stop and start < e) or end <= s < start for s, e in taken):
                break  # a count of its own, or another count is nearer
            attrs = {"value": value, "qualifier": "exact", "unit": fact.get("unit"),
                     "role": fact.get("role")}  # fmt: skip
            sentence = sentences.sentence_text(start, stop)
            found.append(Fact("count", text[start:stop], start, stop, sentence, attrs))
            taken.append((start, stop))
            end = stop
    return found


def _part_role(kind: str) -> str:
    """The role of a part of a whole: those who took part, or a tally of the meeting's
    work ("2 of the 5 agreements")."""
    return "total" if kind == "item" else "participants"


def _parts_after_whole(text: str, sentences: SentenceIndex, facts: list[Fact]) -> list[Fact]:
    """The parts stated after their whole with the noun left out ("Of the 120 countries
    invited, 98 came": 98 countries took part); the whole becomes a total."""
    found = []
    taken = [f.span for f in facts]
    for fact in list(facts):
        low = max(0, fact.start - 12)
        before = text[low : fact.start].rstrip().lower()
        if not before.endswith(_WHOLE_GLUE) and not (
            before.endswith(("'s", "’s"))
            and "of " in text[max(0, fact.start - 30) : fact.start].lower()
        ):
            continue
        span = sentences.span_at(fact.start)
        glue = (
            None
            if span is None
            else _WHOLE_BEFORE.search(text, max(span[0], fact.start - 30), fact.start)
        )
        if span is None or glue is None or not _opens_clause(text, span[0], glue.start()):
            continue
        parts = _parts_after(text, span, fact.end, fact.get("value"), taken)
        if not parts:
            continue
        fact.attrs["role"] = "total"
        kind = unit_kind(fact.get("unit"))
        if kind != "item" and " " in fact.get("unit"):
            kind = unit_kind(fact.get("unit").split(" ", 1)[1])  # "nouveaux sites"
        for start, end, value, qualifier in parts:
            attrs = {"value": value, "qualifier": qualifier, "unit": fact.get("unit"),
                     "role": _part_role(kind)}  # fmt: skip
            sentence = sentences.sentence_text(start, end)
            found.append(Fact("count", text[start:end], start, end, sentence, attrs))
    if not _PARTICIPLE_WORDS.isdisjoint(letter_runs(text)):
        found += _participle_wholes(text, sentences, taken)
    return found


def _opens_clause(text: str, low: int, start: int) -> bool:
    """Whether ``text[start:]`` opens its sentence (which begins at ``low``) or a clause."""
    before = text[low:start].rstrip()
    return not before or before[-1] in ",;:(—–-"


# More parts after the first: "29 enviaron delegaciones y 11 estuvieron representados".
_MORE_PARTS = LazyPattern(
    r"[^,;.!?\d\n]{0,50}?(?:,\s*|\s+(?i:and|y|e|et|while|mientras|tandis\s+que|enquanto)\s+)"
    rf"(?P<num>{NUMBER_PATTERN})(?![\w%-]|[.,][0-9])(?!\s+(?i:of|de|des|dos|das|per|por|pour)\b)"
    r"(?=\s+[^\W\d_])"
)
_PARTS_LIMIT = 3


def _parts_after(
    text: str, span: tuple[int, int], end: int, whole: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int, int, Qualifier]]:
    """(start, end, value, qualifier) of each part that follows a whole ending at
    ``end``: the first after a comma, the others joined to it."""
    parts: list[tuple[int, int, int, Qualifier]] = []
    part = _part_after(text, span, end, whole, taken)
    while part is not None and len(parts) < _PARTS_LIMIT:
        parts.append(part)
        match = _MORE_PARTS.match(text, part[1], span[1])
        if match is None:
            break
        value = parse_number(match.group("num"))
        start, stop = match.span("num")
        if value is None or not 1 <= value < whole or _looks_like_year(match.group("num")):
            break
        if any(s < stop and start < e for s, e in taken):
            break
        part = (start, stop, value, "exact")
    return parts


def _part_after(
    text: str, span: tuple[int, int], end: int, whole: int, taken: list[tuple[int, int]]
) -> tuple[int, int, int, Qualifier] | None:
    """(start, end, value, qualifier) of the part that follows a whole ending at ``end``."""
    match = _PART_AFTER.match(text, end, span[1])
    if match is None:
        return None
    number = match.group("num")
    value = parse_number(number)
    if value is None or not 1 <= value < whole or _looks_like_year(number):
        return None
    start, stop = match.span("num")
    if any(s < stop and start < e for s, e in taken):
        return None  # a count of its own
    qualifier: Qualifier = "exact"
    if match.group("qual"):
        word = match.group("qual").split()[0].lower()
        qualifier = "about" if word in ("some", "about", "unos", "unas", "environ") else "exact"
        qualifier = "nearly" if word in ("nearly", "almost", "casi", "près", "quase") else qualifier
        if word == "cerca":
            qualifier = "about"
        if qualifier != "exact":
            start = match.start("qual")
    return start, stop, value, qualifier


def _participle_wholes(
    text: str, sentences: SentenceIndex, taken: list[tuple[int, int]]
) -> list[Fact]:
    """ "Of the 120 invited, 98 came": 120 invited in total, 98 of them took part."""
    found = []
    for match in _PARTICIPLE_WHOLE.finditer(text):
        span = sentences.span_at(match.start("num"))
        whole = parse_number(match.group("num"))
        if span is None or whole is None or whole < 2:
            continue
        start, end = match.start("num"), match.end("unit")
        if any(s < end and start < e for s, e in taken):
            continue
        parts = _parts_after(text, span, end, whole, taken)
        if not parts:
            continue
        unit = match.group("unit").lower()
        sentence = sentences.sentence_text(start, end)
        attrs = {"value": whole, "qualifier": "exact", "unit": unit, "role": "total"}
        found.append(Fact("count", text[start:end], start, end, sentence, attrs))
        for p_start, p_end, value, qualifier in parts:
            attrs = {"value": value, "qualifier": qualifier, "unit": unit, "role": "participants"}
            found.append(Fact("count", text[p_start:p_end], p_start, p_end, sentence, attrs))
    return found


def _without_title_repeats(article: Article, facts: list[Fact]) -> list[Fact]:
    """The counts but those of the title that the body states too: a headline shortens
    ("Eleven states sign" over "Eleven member states signed"), the body says it in full."""
    title = article.title
    if not title or not article.text.startswith(title):
        return facts
    body = [(f.get("value"), f.get("unit")) for f in facts if f.start >= len(title)]
    return [
        f
        for f in facts
        if f.start >= len(title) or not any(_restates(f, value, unit) for value, unit in body)
    ]


def _restates(title_count: Fact, value: int, unit: str) -> bool:
    """Whether a count of the title says what a count of the body says: the same value of
    the same unit or of a longer one ("states" of "member states")."""
    title_unit = title_count.get("unit")
    return title_count.get("value") == value and (
        unit == title_unit or unit.endswith(f" {title_unit}")
    )


def _distinct(facts: list[Fact]) -> list[Fact]:
    """One fact per span: the first found wins."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for fact in facts:
        if any(s < fact.end and fact.start < e for s, e in seen):
            continue
        seen.add(fact.span)
        kept.append(fact)
    return kept
