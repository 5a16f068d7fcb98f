"""Organisations: named bodies, with their acronyms.

Precision first (there is no gold for organisations), so only four kinds of mention count:

- a definition, a name followed by its acronym in brackets whose letters the name's words
  spell (``United Nations Office on Drugs and Crime (UNODC)``): the fact spans both;
- a later bare use of an acronym defined in the article (``AALCO``), resolved to the name;
- a well-known body of ``data/organizations.tsv`` by name or acronym (``the European
  Union``, ``Interpol``, ``UNODC``), unless it is part of a longer name (``UN Convention``,
  ``UN Secretary-General``); two-letter acronyms other than UN and EU need the article
  to define them;
- a proper name built on an institutional head (``Ministry of Foreign Affairs``,
  ``Lao People’s Revolutionary Party``, ``Communist Party of Vietnam``), without a leading
  title (``Secretary General of the``).

``name`` is the canonical name of a well-known body, otherwise the name as written;
``acronym`` is None when the article gives none and the table knows none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from treatytui.facts import gazetteer
from treatytui.facts.model import Fact
from treatytui.facts.people_names import words
from treatytui.facts.sentences import SentenceIndex

if TYPE_CHECKING:
    from treatytui.corpus.article import Article

_UP = gazetteer.UPPER
_WORD = rf"(?:[{_UP}][\w’'\-&.]*|\d+)"
_GLUE = r"(?:of|on|and|for|against|in|de|des|du|to|&)"
_RUN = rf"{_WORD}(?:[ ](?:{_GLUE}[ ])?(?:the[ ])?{_WORD})*"
_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Za-z&\-]{1,11})\)")
_RUN_BEFORE = re.compile(rf"(?<![\w’'\-]){_RUN}[ ]?$")
# Where a match of _RUN_BEFORE may start: a capital or a digit that opens a word.
_RUN_START = re.compile(rf"[{_UP}\d](?<![\w’'\-].)")
# _RUN after a word boundary, starting with the character set of its first letter (so
# that the regular-expression engine skips to capitals and digits) and telling the two
# kinds of first word apart after it.
_RUN_RE = re.compile(
    rf"[{_UP}\d](?<![\w’'\-].)(?:(?<=[{_UP}])[\w’'\-&.]*|(?<=\d)\d*)"
    rf"(?:[ ](?:{_GLUE}[ ])?(?:the[ ])?{_WORD})*"
)
_HEADS = frozenset(
    [
        "Party",
        "Commission",
        "Council",
        "Organization",
        "Organisation",
        "Agency",
        "Committee",
        "Union",
        "Association",
        "Institute",
        "Foundation",
        "Secretariat",
        "Programme",
        "Assembly",
        "Court",
        "Tribunal",
        "Ministry",
        "Police",
        "Bureau",
        "Directorate",
        "Authority",
        "Department",
    ]
)
_HEAD_HINT = re.compile("|".join(sorted(_HEADS)))
_LEADING = frozenset(
    ["The", "A", "An", "This", "That", "In", "On", "At", "By", "For", "From", "With", "As"]
)
_SHORT_ACRONYMS = frozenset({"UN", "EU"})


def _initials(words: list[str]) -> str:
    parts = [p for w in words for p in w.split("-") if p and p[0].isupper()]
    return "".join(p[0] for p in parts)


@lru_cache(maxsize=1024)
def _defined_name(full: str, acronym: str) -> str | None:
    """The shortest tail of ``full`` whose words spell ``acronym``, if any (the same
    definition comes back in an article and across articles: computed once)."""
    words = full.split(" ")
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    if sum(1 for c in acronym if c.isupper()) < 2:
        return None
    tail_initials = ""  # the initials of words[i:], grown word by word
    for i in range(len(words) - 1, -1, -1):
        tail_initials = _initials([words[i]]) + tail_initials
        if not words[i][:1].isupper():
            continue
        tail = words[i:]
        initials = tail_initials.upper()
        if initials == letters:
            return " ".join(tail)
        joined = "".join(tail).lower()
        if (
            initials[:1] == letters[:1]
            and _subsequence(initials, letters)
            and _subsequence(letters.lower(), joined)
            and len(initials) >= len(letters) / 2
        ):
            return " ".join(tail)
    return None


def _subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(c in it for c in needle)


@cache
def _known() -> tuple[dict[str, gazetteer.Body], gazetteer.FormIndex]:
    """Well-known bodies by each form they go by, and an index finding those forms."""
    forms: dict[str, gazetteer.Body] = {}
    for body in gazetteer.bodies():
        for form in (body.name, *body.aliases, body.acronym):
            if form:
                forms.setdefault(form, body)
    return forms, gazetteer.FormIndex(forms)


@lru_cache(maxsize=64)
def _acronym_index(acronyms: tuple[str, ...]) -> gazetteer.FormIndex:
    """An index of the acronyms an article defined (the same few recur across articles)."""
    return gazetteer.FormIndex(acronyms)


def _needs_definition(form: str, body: gazetteer.Body) -> bool:
    """True for a two-letter acronym (other than UN and EU): it needs a definition."""
    return form == body.acronym and len(form) < 3 and form not in _SHORT_ACRONYMS


_GLUED_AFTER = re.compile(rf"['’]s\b|[ ](?:{_GLUE}[ ])?[{_UP}]")
_GLUED_BEFORE = re.compile(rf"[{_UP}][\w’'\-]*[ ](?:(?:of|for|to)[ ])?(?:the[ ])?$")
_REACH_BACK = 120  # how far back a word glued to a name may start


def _glued(text: str, start: int, end: int) -> bool:
    """True when a capitalised word continues the name on either side."""
    after = _GLUED_AFTER.match(text, end, end + 12)
    before = _GLUED_BEFORE.search(text, max(0, start - _REACH_BACK), start)
    if before and before.group(0).split()[0] in _LEADING:
        before = None
    return bool(after and not after.group(0).startswith(("'", "’"))) or bool(before)


def _run_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_RUN_BEFORE.search(text, start, end)``: the pattern tried only where a word opens
    with a capital or a digit, leftmost first."""
    for opening in _RUN_START.finditer(text, start, end):
        match = _RUN_BEFORE.match(text, opening.start(), end)
        if match is not None:
            return match
    return None


class _Collector:
    """Collects organisation facts for one article; earlier evidence claims a span first."""

    def __init__(self, article: Article, sentences: SentenceIndex) -> None:
        self.text = article.text
        self.sentences = sentences
        self.facts: list[Fact] = []
        self.acronyms: dict[str, str] = {}
        # The spans taken, by start: they never overlap, so their ends rise too, and a new
        # span overlaps one only if it overlaps the last that starts before it ends.
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int, name: str, acronym: str | None) -> None:
        i = bisect_left(self._starts, end)
        if i > 0 and self._ends[i - 1] > start:
            return
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        sentence = self.sentences.sentence_text(start, end)
        attrs = {"name": name, "acronym": acronym}
        self.facts.append(Fact("organization", self.text[start:end], start, end, sentence, attrs))

    def definitions(self) -> None:
        """ "Full Name (ACRONYM)", when the name's words spell the acronym."""
        forms = _known()[0]
        for match in _ACRONYM.finditer(self.text):
            acronym = match.group("acronym")
            before = _run_before(self.text, max(0, match.start() - 150), match.start())
            if before is None:
                continue
            full = before.group().rstrip(" ")
            name = _defined_name(full, acronym)
            if name is None or gazetteer.country(acronym) or gazetteer.place(name):
                continue
            body = forms.get(name) or forms.get(acronym)
            canonical = body.name if body and body.acronym in (None, acronym) else name
            self.acronyms[acronym] = canonical
            self.add(before.start() + len(full) - len(name), match.end(), canonical, acronym)

    def known_and_acronyms(self) -> None:
        """Well-known bodies, and the acronyms the article defined."""
        forms, index = _known()
        for start, end, form in index.finditer(self.text):
            body = forms[form]
            if form in self.acronyms:
                self.add(start, end, self.acronyms[form], form)
            elif _glued(self.text, start, end) or _needs_definition(form, body):
                continue
            else:
                self.add(start, end, body.name, body.acronym)
        for start, end, acronym in _acronym_index(tuple(self.acronyms)).finditer(self.text):
            self.add(start, end, self.acronyms[acronym], acronym)

    def headed(self) -> None:
        """Proper names built on an institutional head word."""
        if not _HEAD_HINT.search(self.text):
            return  # no head word anywhere: no such name
        for match in _RUN_RE.finditer(self.text):
            run = match.group()
            if " " not in run:
                continue  # one word only: what follows would drop it
            words = run.split(" ")
            if _HEADS.isdisjoint(words):
                continue  # no head word: what follows would drop it
            start = match.start()
            while words and (words[0] in _LEADING or words[0].islower() or _title(words[0])):
                start += len(words[0]) + 1
                words = words[1:]
            titles = [i for i, w in enumerate(words) if i and _title(w)]
            if titles:
                words = words[: titles[0]]
            start, words = _without_person_before(start, words)
            words = _without_place_after(_without_name_after(words))
            if len(words) < 2 or words[0].endswith(("'s", "’s")):
                continue
            heads = [i for i, w in enumerate(words) if w in _HEADS]
            tail_ok = heads and (heads[0] > 0 or words[1] in ("of", "for"))
            if tail_ok and not words[-1][:1].islower():
                name = " ".join(words)
                body = _known()[0].get(name)
                self.add(start, start + len(name), body.name if body else name, None)


def _without_person_before(start: int, words: list[str]) -> tuple[int, list[str]]:
    """ "Dr Tedros Adhanom Ghebreyesus of the World Health Organization": the body starts
    after the "of" that follows a part without a head word."""
    heads = [i for i, w in enumerate(words) if w in _HEADS]
    glue = next((i for i, w in enumerate(words) if w in ("of", "for")), None)
    if not heads or glue is None or glue == 0 or glue > heads[0]:
        return start, words
    cut = glue + 1 + (words[glue + 1 : glue + 2] == ["the"])
    return start + sum(len(w) + 1 for w in words[:cut]), words[cut:]


def _without_name_after(words: list[str]) -> list[str]:
    """ "National Crime Agency Graeme Biggar": a body ends at its last head word unless an
    "of ..." (or the like) follows it."""
    heads = [i for i, w in enumerate(words) if w in _HEADS]
    if not heads:
        return words
    tail = words[heads[-1] + 1 :]
    if tail and not any(w.islower() for w in tail) and not any(w.isupper() for w in tail):
        return words[: heads[-1] + 1]
    return words


_ABBREVIATIONS = frozenset({"Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "S.A.", "Ltda."})
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _without_place_after(words: list[str]) -> list[str]:
    """ "the Food and Agriculture Organization in Rome.": the body ends before "in" and a
    city or country, and without the full stop that ends the sentence."""
    last = words[-1] if words else ""
    if last.endswith(".") and last not in _ABBREVIATIONS and not _INITIALS.fullmatch(last):
        words = [*words[:-1], last.rstrip(".")]
    for i, word in enumerate(words):
        if (
            word == "in"
            and i
            and words[i - 1] in _HEADS
            and gazetteer.place(" ".join(words[i + 1 :])) is not None
        ):
            return words[:i]
    return words


def _title(word: str) -> bool:
    """True for the words of a person's title that may open a run ("Secretary")."""
    return word in words("heads") or word in words("ranks") or word == "General"


def extract_organizations(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """The organisation facts of ``article``, ordered by position."""
    collector = _Collector(article, sentences)
    collector.definitions()
    collector.known_and_acronyms()
    collector.headed()
    return sorted(collector.facts, key=lambda fact: (fact.start, fact.end))
