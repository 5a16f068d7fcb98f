"""People: the persons an article names, with their roles.

Evidence, in order of strength:

- a title before a name: ``Vietnamese President Luong Cuong``, ``UN Secretary-General
  António Guterres``, ``General Vilay Lakhamfong``, ``Mr Tuan``;
- a title phrase, a comma, then the name: ``Speaker of Uganda's Parliament, Anita Annet
  Among``, ``Deputy Prime Minister and Minister of Public Security, General Vilay Lakhamfong``;
- a name, a comma, then a title (apposition): ``Ghada Waly, Executive Director of UNODC``,
  ``President Thongloun, who is also Secretary General of the ...``;
- a name of two or more words before or after a verb of saying (``Ghada Waly said``);
- a photo credit (``Photo: Jane Doe``), kept with ``"credit": True``.

Short references (``President Cuong``, ``General Vilay``, ``Tuan said``, a bare
``Guterres``) are resolved to the full name given elsewhere in the article, matching any
word of it (Vietnamese given names come last, Lao given names first). Every mention becomes
a fact whose ``text`` is the name as written and whose ``name`` is the full name; all facts
of one person share one ``role``: the person's offices in order of first mention, joined
with "; " (a role contained in another, such as "President" in "Vietnamese President", is
dropped); a military rank or an honorific counts only when no office is known ("Mr" and its
kin never do). A single-word name stands alone only after a title (``President Putin``).
Bylines and the names of organisations and places are not people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from treatytui.corpus.article import Article
from treatytui.facts import gazetteer
from treatytui.facts.model import Fact
from treatytui.facts.people_names import Mention, NameParser, words
from treatytui.facts.sentences import SentenceIndex

_SAY = (
    r"said|says|told|added|noted|stressed|emphasi[sz]ed|underlined|urged|warned|explained|"
    r"announced|affirmed|highlighted|remarked|stated|declared|insisted|argued|recalled"
)
_NAME = rf"[{gazetteer.UPPER}][\w’'\-]+(?: [{gazetteer.UPPER}][\w’'\-]+){{0,3}}"
_NAME_SAYS = re.compile(rf"(?<![\w’'\-])(?P<name>{_NAME})(?:,)? (?:{_SAY})\b")
_SAYS_NAME = re.compile(rf"\b(?:{_SAY}|according to) (?P<name>{_NAME})(?=[,.;)]|\s*\n)")
_CREDIT = re.compile(
    rf"\b(?:Photos?|Photograph|Picture|Image)(?: credit)?\s*(?::|by)\s*"
    rf"(?:[A-Z]{{2,}} Photo ?/ ?|[\w ]+/)?(?P<name>{_NAME})"
)


@dataclass(slots=True)
class _Person:
    """One person: the full name and what the article calls them."""

    name: str
    keys: frozenset[str]
    offices: list[str] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)

    def role(self) -> str | None:
        """The offices joined with "; ", or the first rank, or None."""
        unique = {_role_key(r): r for r in reversed(self.offices)}  # first form of each
        kept = [r for r in unique.values() if not any(_contains(o, r) for o in unique.values())]
        kept.sort(key=self.offices.index)
        if kept:
            return "; ".join(kept)
        return self.ranks[0] if self.ranks else None


_ROLE_ABBREVIATIONS = (
    (re.compile(r"\bu\.?n\.?(?= )|united nations"), "un"),
    (re.compile(r"\bpm\b"), "prime minister"),
)


def _role_key(role: str) -> str:
    """A role's form for comparison: "U.N." is "UN", "PM" is "Prime Minister"."""
    key = gazetteer.fold(role).replace("'s", "")
    for pattern, replacement in _ROLE_ABBREVIATIONS:
        key = pattern.sub(replacement, key)
    return key


def _contains(longer: str, shorter: str) -> bool:
    """True when ``shorter`` says less than ``longer`` (and is not the same role)."""
    a, b = _role_key(longer), _role_key(shorter)
    return a != b and b in a


class _Resolver:
    """Groups mentions into persons and resolves short references."""

    def __init__(self) -> None:
        self.persons: list[_Person] = []

    def person_for(self, mention: Mention) -> _Person | None:
        keys = _keys(mention.name)
        for person in self.persons:
            if keys <= person.keys:
                return person
        if len(keys) >= 2 or (mention.titled and not mention.headline):
            person = _Person(mention.name, keys)
            self.persons.append(person)
            return person
        return None

    def resolve(self, mentions: list[Mention]) -> list[tuple[Mention, _Person]]:
        """Each mention with its person; unresolved short references are dropped."""
        ordered = sorted(mentions, key=lambda m: (-len(m.name.split()), m.start))
        pairs = []
        for mention in ordered:
            if mention.headline and len(_keys(mention.name)) < 2:
                continue
            person = self.person_for(mention)
            if person is None:
                continue
            pairs.append((mention, person))
        for mention, person in sorted(pairs, key=lambda pair: pair[0].start):
            if mention.office:
                person.offices.append(mention.office)
            if mention.rank:
                person.ranks.append(mention.rank)
        return pairs


@cache
def _body_names() -> frozenset[str]:
    """The names of well-known organisations ("Access Now" is not a person)."""
    return frozenset(n for b in gazetteer.bodies() for n in (b.name, *b.aliases))


def _keys(name: str) -> frozenset[str]:
    return frozenset(gazetteer.fold(w) for w in name.split() if w[:1].isupper())


def _pattern_mentions(text: str, parser: NameParser) -> list[Mention]:
    """Names next to verbs of saying, and photo credits."""
    found = []
    for regex, credit in ((_NAME_SAYS, False), (_SAYS_NAME, False), (_CREDIT, True)):
        for match in regex.finditer(text):
            mention = parser.name_at(match.start("name"), credit=credit)
            if mention and (credit or mention.end == match.end("name")):
                found.append(mention)
    return found


def _bare_mentions(text: str, persons: list[_Person], taken: list[tuple[int, int]]) -> list:
    """Further mentions of known full names and of their distinctive words."""
    counts: dict[str, int] = {}
    for person in persons:
        for key in person.keys:
            counts[key] = counts.get(key, 0) + 1
    owners: dict[str, _Person] = {}
    for person in persons:
        owners[person.name] = person
        for word in person.name.split():
            if counts.get(gazetteer.fold(word)) == 1 and len(word) > 2:
                owners.setdefault(word, person)
    for word in words("vietnamese_surnames") | words("function_words"):
        owners.pop(word, None)
    if not owners:
        return []
    forms = "|".join(re.escape(f) for f in sorted(owners, key=len, reverse=True))
    found = []
    for match in re.finditer(rf"(?<![\w’'\-])(?:{forms})(?![\w\-])", text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or _in_run(text, start, end):
            continue
        person = owners[match.group()]
        found.append((Mention(start, end, person.name, titled=False), person))
    return found


def _in_run(text: str, start: int, end: int) -> bool:
    """True when a word is glued to other capitalised words or opens a sentence."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 2]
    if re.search(r"(?:^|[.!?:\n\"“]\s*|[A-ZÀ-Þ][\w’'\-]* )$", before):
        return True
    return bool(re.match(r" [A-ZÀ-Þ]", after))


def extract_people(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """The person facts of ``article``, ordered by position."""
    text = article.text
    bylines = [(b.start, b.end) for b in article.blocks_of("byline")]
    parser = NameParser(text)
    mentions = parser.titled_mentions() + _pattern_mentions(text, parser)
    bodies = _body_names()
    mentions = [
        m
        for m in mentions
        if m.name not in bodies and not any(s <= m.start < e for s, e in bylines)
    ]
    resolver = _Resolver()
    pairs = resolver.resolve(mentions)
    full = [p for p in resolver.persons if len(p.keys) >= 2]
    pairs += _bare_mentions(text, full, [(m.start, m.end) for m in mentions])
    unique = {(m.start, m.end): (m, person) for m, person in reversed(pairs)}
    roles = {id(person): person.role() for person in resolver.persons}
    facts = []
    for mention, person in sorted(unique.values(), key=lambda pair: pair[0].start):
        attrs = {"name": person.name, "role": roles[id(person)]}
        if mention.credit:
            attrs = {"name": person.name, "role": None, "credit": True}
        sentence = sentences.sentence_text(mention.start, mention.end)
        span_text = text[mention.start : mention.end]
        facts.append(Fact("person", span_text, mention.start, mention.end, sentence, attrs))
    return facts
