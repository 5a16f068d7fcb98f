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
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from treatytui.facts import gazetteer
from treatytui.facts.model import Fact
from treatytui.facts.people_names import Mention, NameParser, title_offsets, words
from treatytui.facts.people_titles import nationalities_before_names, romance_titles
from treatytui.facts.sentences import SentenceIndex, find_all, matches_at
from treatytui.facts.words import letter_runs

if TYPE_CHECKING:
    from treatytui.corpus.article import Article

_SAYING = (
    "said says told added noted stressed emphasi[sz]ed underlined urged warned explained "
    "announced affirmed highlighted remarked stated declared insisted argued recalled "
    "commented replied cautioned observed spoke"
).split()
_SAY = "|".join(_SAYING)


def _by_first_letter(alternatives: list[str]) -> str:
    """``a|b|...`` grouped by first letter ("s(?:aid|ays)|t(?:old)..."), each group in
    the alternatives' order: the same matches, but the engine compares a letter once per
    group instead of once per alternative (the pattern after a space is tried at every
    space of the text)."""
    by_first: dict[str, list[str]] = {}
    for alternative in alternatives:
        by_first.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())


# The patterns below are written so that each starts with a letter or a set of letters
# (a look-behind after the first letter stands for the word boundary before it): the
# regular-expression engine then skips to the places where a match may begin.
_NAME_TAIL = rf"(?:\.|[\w’'\-]+)(?: (?:[A-Z]\.|[{gazetteer.UPPER}][\w’'\-]+)){{0,4}}"
_NAME = rf"[{gazetteer.UPPER}]{_NAME_TAIL}"
# after "said", the particles of Arabic and Romance names too ("said Hessa bint Saeed ...")
_SAID_NAME_TAIL = (
    rf"(?:\.|[\w’'\-]+)(?: (?:(?:bin|bint|ibn|de|da|do|dos|das|del|van|von|der|al|el) )*"
    rf"(?:[A-Z]\.|[{gazetteer.UPPER}][\w’'\-]+)){{0,4}}"
)
# "Ghada Waly said", "Tuan, said": a name, an optional comma, a space and a verb of saying.
# The verbs are found first (" said"), then the name that ends just before each one.
_SAY_AFTER_NAME = re.compile(rf" (?:{_by_first_letter(_SAYING)})\b")
_NAME_BEFORE_SAY = re.compile(rf"(?<![\w’'\-])(?P<name>{_NAME}),?\Z")
_NAME_REACH = 250  # no name of four words is longer
_NAME_OF_REACH = 140  # a name, "of" and what the person represents
# "said Ghada Waly,": a verb of saying (or "according to"), a space and a name; the name's
# first capital is found first, then the verb before it (a look-behind for each verb).
# (Every verb ends in "d" or "s", "according to" in "o": one look-behind for that letter
# rules out most capitals at once.)
_VERB_BEFORE = "|".join(rf"(?<=\b{verb} .)" for verb in [*_SAYING, "according to"])
# ("X of the Netherlands": the name ends before "of"/"from" and what the person represents)
_SAYS_NAME = re.compile(
    rf"(?P<name>[{gazetteer.UPPER}](?<=[dsoe] .)(?:{_VERB_BEFORE}){_SAID_NAME_TAIL})"
    rf"(?=[,.;)]|\s*\n| (?:of|from) (?:the )?[{gazetteer.UPPER}])"
)
# "Jonas de Vries of the Netherlands said": the name before what the person represents
_PARTICLES = "(?:(?:de|da|do|dos|das|del|van|von|der|den|di|du|la|le|bin|al|el) )*"
_NAME_WITH_PARTICLES = (
    rf"[{gazetteer.UPPER}][\w’'\-]+(?: {_PARTICLES}(?:[A-Z]\.|[{gazetteer.UPPER}][\w’'\-]+)){{0,4}}"
)
_NAME_OF_BEFORE_SAY = re.compile(
    rf"(?<![\w’'\-])(?P<name>{_NAME_WITH_PARTICLES}) (?:of|from) (?:the )?"
    rf"[{gazetteer.UPPER}][\w’'\-]*"
    rf"(?: (?:of |and |for |the )*[{gazetteer.UPPER}][\w’'\-]*){{0,5}},?\Z"
)
# What follows the last "of" (or "from") of every match of _NAME_OF_BEFORE_SAY (less its
# comma): capitalised words and the glue between them.
_REPRESENTED_TAIL = re.compile(
    rf"(?:(?:of|and|for|the) )*[{gazetteer.UPPER}][\w’'\-]*"
    rf"(?: (?:(?:of|and|for|the) )*[{gazetteer.UPPER}][\w’'\-]*)*"
)
_NAME_ENDING = re.compile(rf"(?<![\w’'\-])(?P<name>{_NAME_WITH_PARTICLES})\Z")
# "Dilma Rousseff (Brasil)": a name with the country the person stands for, in brackets
_BRACKETED_COUNTRY = re.compile(r" \((?P<country>[^()\n]{3,40})\)")
# "South Africa's Cyril Ramaphosa", "Indonesia's Budi Santoso Wirawan": a country's person
_COUNTRY_BEFORE_POSSESSIVE = re.compile(
    rf"(?<![\w’'\-])(?P<country>[{gazetteer.UPPER}][\w\-]+(?: [{gazetteer.UPPER}][\w\-]+){{0,2}})\Z"
)
_NAME_AT = re.compile(_NAME_WITH_PARTICLES)
# "los mandatarios de México, Enrique Peña Nieto, y de Venezuela, Nicolás Maduro":
# a country after "de"/"of" or a semicolon, a comma and a name
_LISTED_COUNTRY = re.compile(
    r"(?:\b(?:de|da|do|del|du|des|of|de la|de l['’]|d['’])|;) ?(?<=[ '’])"
    rf"(?P<country>[{gazetteer.UPPER}][\w\-]+"
    rf"(?: (?:y |and |e |et |the |de )?[{gazetteer.UPPER}][\w\-]+){{0,3}})\Z"
)
# "signed by Abdoulaye Traoré", "chaired by Ana Ruiz": a name after a verb and "by"
_BY_VERBS = ("signed", "chaired", "led", "headed", "opened", "co-chaired", "presided")
_BY_NAME = re.compile(
    rf"(?P<name>[{gazetteer.UPPER}](?<=by .)(?:{'|'.join(rf'(?<={v} by .)' for v in _BY_VERBS)})"
    rf"{_NAME_TAIL})(?=[,.;)]|\s*\n| (?:of|from) (?:the )?[{gazetteer.UPPER}]| and )"
)
_CREDIT = re.compile(
    rf"{gazetteer.at_word_start(['Photos?', 'Photograph', 'Picture', 'Image'])}"
    rf"(?: credit)?\s*(?::|by)\s*(?:[A-Z]{{2,}} Photo ?/ ?|[\w ]+/)?(?P<name>{_NAME})"
)


@cache
def _lowercase_apposition() -> re.Pattern[str]:
    """ "Ann Lee, a senior researcher at Example Watch, said": a name of two words or more,
    a comma, a lower-case role built on a word of ``lowercase_heads`` (group ``role``,
    without its article), which may name where the person works, then a comma or a stop."""
    up = gazetteer.UPPER
    heads = "|".join(sorted(words("lowercase_heads"), key=len, reverse=True))
    body = rf"[{up}][\w’'\-&.]*(?: (?:(?:of|for|on|and|the|de|des|du|&) )*[{up}][\w’'\-&.]*)*"
    # The role is found first (a scan for ", " is fast), then the name before its comma.
    return re.compile(
        rf", (?:(?:a|an|the|its|his|her|their) )?"
        rf"(?P<role>(?:[a-z][\w’'\-]* |[{up}][a-z]+(?:an|ese|ish|ian|i|ic) ){{0,3}}?(?:{heads})"
        rf"(?: (?:at|of|for|with|from|in) (?:the )?(?:{body}|[a-z]+))?)(?=[,.;])"
    )


_NAME_BEFORE_COMMA = re.compile(rf"(?<![\w’'\-])(?P<name>{_NAME})\Z")


def _appositions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, role) of the names that ``_lowercase_apposition`` roles follow."""
    found = []
    for match in _lowercase_apposition().finditer(text):
        comma = match.start()
        start = comma
        for _ in range(4):  # a name has four words at most
            start = text.rfind(" ", max(0, comma - _NAME_REACH), start)
            if start < 0:
                start = max(0, comma - _NAME_REACH)
                break
        name = _NAME_BEFORE_COMMA.search(text, start, comma)
        if name:
            found.append((name.start(), name.end(), match.group("role")))
    return found


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


# Every verb of _SAYING as a plain word ("emphasised", "emphasized"), and "according to"
_SAYING_FORMS = (
    *(verb for verb in _SAYING if "[" not in verb),
    *(verb.replace("[sz]", letter) for verb in _SAYING if "[" in verb for letter in "sz"),
    "according to",
)


@cache
def _saying_starts() -> tuple[gazetteer.WordStarts, dict[str, tuple[str, ...]]]:
    """Where a verb of saying may begin, and the verbs by their first word."""
    by_first: dict[str, list[str]] = {}
    for verb in _SAYING_FORMS:
        by_first.setdefault(verb.split(" ")[0], []).append(verb)
    index = gazetteer.WordStarts(_SAYING_FORMS)
    return index, {first: tuple(verbs) for first, verbs in by_first.items()}


def _saying(text: str) -> tuple[list[int], list[int]]:
    """Where ``_SAY_AFTER_NAME`` may match (the space before a verb), and where
    ``_SAYS_NAME`` may (the capital after a verb and a space), in order."""
    index, by_first = _saying_starts()
    spaces, capitals = set(), set()
    for start, first in index.hits(text):
        if start and text[start - 1] == " ":
            spaces.add(start - 1)
        for verb in by_first[first]:
            if text.startswith(verb, start):
                capitals.add(start + len(verb) + 1)
    return sorted(spaces), sorted(capitals)


_UP_CHAR = re.compile(rf"[{gazetteer.UPPER}]")


# The run of word characters at the start of a reversed piece of text: the run that ends
# the text, read with one anchored match.
_RUN_REVERSED = re.compile(r"[\w’'\-]*")
_RUN_BACK = 48  # longer runs than this are left to the patterns


def _run_start(text: str, end: int, chars: re.Pattern[str] = _RUN_REVERSED) -> int | None:
    """Where the run of ``chars`` that ends at ``end`` starts (None when it is long)."""
    piece = text[max(0, end - _RUN_BACK) : end][::-1]
    length = chars.match(piece).end()
    if length == len(piece) and end > _RUN_BACK:
        return None
    return end - length


def _capitalised_before(text: str, end: int) -> bool:
    """False when the word that ends at ``end`` (less a comma) is no capitalised word and
    no initial: then no name (nor country) of the patterns that end there can."""
    if text[end - 1 : end] == ",":
        end -= 1
    i = _run_start(text, end)
    if i is None:
        return True
    if i == end:
        return text[end - 1 : end] == "."
    return _UP_CHAR.match(text, i) is not None


def _pattern_matches(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is a credit) of the names next to verbs of saying and in photo credits."""
    found = []
    before_verbs, after_verbs = _saying(text)
    for say in matches_at(_SAY_AFTER_NAME, text, before_verbs):
        verb = say.start()
        # A name has four words at most: it starts after the fourth space before the verb.
        reach = max(0, verb - _NAME_REACH)
        start = verb
        for _ in range(4):
            start = text.rfind(" ", reach, start)
            if start < 0:
                start = reach
                break
        if not _capitalised_before(text, verb):
            continue  # both patterns end with a capitalised word (and a comma)
        match = _NAME_BEFORE_SAY.search(text, start, verb)
        if match:
            found.append((match.start("name"), match.end("name"), False))
        near = max(0, verb - _NAME_OF_REACH)
        of_at, from_at = text.rfind(" of ", near, verb), text.rfind(" from ", near, verb)
        of_at, after_of = (of_at, of_at + 4) if of_at > from_at else (from_at, from_at + 6)
        if (
            of_at >= 0
            and (text[verb - 1 : verb].isalpha() or text[verb - 1 : verb] == ",")
            # what follows the last "of" is capitalised words (and glue) only
            and _REPRESENTED_TAIL.fullmatch(text, after_of, verb - (text[verb - 1] == ","))
        ):
            # the name ends at the "of": it starts at most ~60 characters before it
            match = _NAME_OF_BEFORE_SAY.search(text, max(near, of_at - 60), verb)
            if match:
                found.append((match.start("name"), match.end("name"), False))
    for match in matches_at(_SAYS_NAME, text, after_verbs):
        found.append((match.start("name"), match.end("name"), False))
    found += _country_marked_names(text)
    found += _names_after_plural_titles(text)
    found += _contact_names(text)
    found += _listed_heads_of_state(text)
    found += _elected_names(text)
    for i in find_all(text, " by ") if "by" in letter_runs(text) else ():
        match = _BY_NAME.match(text, i + 4)
        if match and not _is_place_or_body(match.group("name")):
            found.append((match.start("name"), match.end("name"), False))
    # A credit starts with one of these words: plain string searches find where.
    starts = sorted(i for word in ("Photo", "Picture", "Image") for i in find_all(text, word))
    for match in matches_at(_CREDIT, text, starts):
        found.append((match.start("name"), match.end("name"), True))
    return found


# "the chairs of the two subsidiary bodies, Harald Aas and Nabeel Qureshi": a plural title,
# a comma and two names joined by "and" (or "y", "et", "e")
_PLURAL_HEADS = tuple(
    f" {word}"
    for word in """chairs co-chairs chairpersons co-facilitators facilitators co-presidents
    presidents ministers envoys ambassadors negotiators rapporteurs leaders copresidentes
    presidentes ministros embajadores cancilleres coprésidents présidents ministres
    ambassadeurs embaixadores chanceleres""".split()
)
_TWO_NAMES_AFTER = re.compile(
    rf"(?:[^.;\n]{{0,70}}?, | )(?:(?:Ambassadors|Ministers|embajadores|ambassadeurs) )?"
    rf"(?P<a>{_NAME_WITH_PARTICLES}) (?:and|y|et|e) (?P<b>{_NAME_WITH_PARTICLES})"
    r"(?=[,.;)]| \(| [a-zà-ÿ])"
)


# The second name's capital after "and", "y", "et" or "e" is found first (a few per
# article), then the plural title before it
_CONJUNCTIONS = (" and ", " y ", " et ", " e ")


def _conjunctions_in(text: str) -> list[str]:
    """The ``_CONJUNCTIONS`` that may occur in ``text``: each is a whole run of letters
    between spaces, so a text without that run has none (English has no " y ")."""
    runs = letter_runs(text)
    return [conj for conj in _CONJUNCTIONS if conj[1:-1] in runs]


_PLURAL_HEAD_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(h.strip() for h in _PLURAL_HEADS) + r")(?![\w-])"
)


@cache
def _plural_starts() -> gazetteer.WordStarts:
    """Where a plural title may begin."""
    return gazetteer.WordStarts(h.strip() for h in _PLURAL_HEADS)


_PLURAL_REACH = 160  # how far before the second name's capital its plural title may start


def _names_after_plural_titles(text: str) -> list[tuple[int, int, bool]]:
    """The two names a plural title introduces ("the co-chairs, A B and C D"): the
    capitals after a conjunction are looked for only in the reach of a plural title."""
    heads = _plural_starts().starts(text)
    if not heads:
        return []
    spans: list[tuple[int, int]] = []
    for head in heads:  # (runs of text within reach of a title, merged)
        if spans and head <= spans[-1][1]:
            spans[-1] = (spans[-1][0], head + _PLURAL_REACH + 1)
        else:
            spans.append((head, head + _PLURAL_REACH + 1))
    found = []
    resume = 0
    capitals = sorted(
        i + len(conj)
        for low, high in spans
        for conj in _conjunctions_in(text)
        for i in _find_between(text, conj, low, high)
        if text[i + len(conj) : i + len(conj) + 1].isupper()
    )
    for capital in capitals:
        if capital < resume:
            continue
        window = text[max(0, capital - 160) : capital]
        if not any(head in window for head in _PLURAL_HEADS):
            continue
        for head in _PLURAL_HEAD_BEFORE.finditer(text, max(0, capital - 160), capital):
            match = _TWO_NAMES_AFTER.match(text, head.end())
            if match is None or match.start("b") != capital:
                continue
            for group in ("a", "b"):
                name = match.group(group)
                if " " in name and not _is_place_or_body(name):
                    found.append((match.start(group), match.end(group), False))
            resume = match.end()
            break
    return found


_RUN_REVERSED_NO_QUOTES = re.compile(r"[\w\-]*")


def _capitalised_run_before(text: str, end: int) -> bool:
    """Whether the run of letters, digits, underscores and hyphens that ends at ``end``
    starts with a capital and has two characters or more."""
    i = _run_start(text, end, _RUN_REVERSED_NO_QUOTES)
    return i is None or (end - i >= 2 and _UP_CHAR.match(text, i) is not None)


def _find_between(text: str, needle: str, low: int, high: int) -> list[int]:
    """Where ``needle`` starts in ``text`` at ``low`` or after, ending by ``high``."""
    found = []
    i = text.find(needle, low, high)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1, high)
    return found


# "Media contact: Jane Doe-Smith", "Contact presse : Marie Dubois", "Contacto de prensa:
# Lucía Ortega", "Contato para a imprensa: João Mendes", "contactar a Lucía Ortega": after
# a word starting "contact"/"contat" and the words of its phrase, the name (and a second
# one after "and", "et", "y", "e")
_CONTACT_PHRASE = re.compile(
    r"[a-z]*(?: (?:de|da|do|para|pour|for|a|à|la|los|las|os|les|with|con|com|avec|our|"
    r"presse|prensa|imprensa|press|media|médias|média|medios|mídia|comunicación|comunicação|"
    r"communication|communications|información|informação|information|inquiries|details))*"
    rf" ?[:–—]? ?(?=[{gazetteer.UPPER}])"
)
_AND_NAME = re.compile(rf" (?:and|et|y|e) (?={_NAME_WITH_PARTICLES})")


def _contact_names(text: str) -> list[tuple[int, int, bool]]:
    """The names a press contact line gives ("Media contact: Jane Doe-Smith, ...")."""
    found = []
    for stem in ("ontact", "ontat"):
        for i in find_all(text, stem):
            if text[i - 1 : i] not in ("C", "c") or (i > 1 and text[i - 2].isalnum()):
                continue
            phrase = _CONTACT_PHRASE.match(text, i + len(stem))
            name = _NAME_AT.match(text, phrase.end()) if phrase else None
            while name and " " in name.group() and not _is_place_or_body(name.group()):
                found.append((name.start(), name.end(), False))
                second = _AND_NAME.match(text, name.end())
                name = _NAME_AT.match(text, second.end()) if second else None
    return found


# "presidents A B of Brazil, C D of Paraguay and E F of Bolivia", "os presidentes A B, do
# Brasil; C D, do Paraguai; e E F, da Bolívia": after a plural title, names each followed by
# the country the person leads
_LISTED_HEADS = re.compile(
    r"(?:[Aa]mbassadors|[Ee]mbajadores|[Aa]mbassadeurs|[Ee]mbaixadores|[Cc]o-chairs|"
    r"[Cc]opresidentes|[Cc]oprésidents|[Ee]nvoys|[Pp]residents|"
    r"presidents|presidentes|présidents|ministers|ministros|ministres|leaders|líderes|"
    r"dirigeants|dirigentes|mandatarios|mandatários|heads of state|jefes de Estado|"
    r"chefes de Estado|chefs d['’]État|cancilleres|chanceleres)(?![\w-])(?: [a-zà-ÿ]+)?,? "
)
_HEAD_AND_COUNTRY = re.compile(
    rf"(?P<name>{_NAME_WITH_PARTICLES}),? (?:of|from|de|do|da|del|du|de la|d['’]|de l['’]) ?"
    rf"(?:the )?(?P<country>[{gazetteer.UPPER}][\w\-]+(?: [{gazetteer.UPPER}][\w\-]+){{0,2}})"
)
# "os ministros A B, das Relações Exteriores, C D, da Fazenda, e E F", "A B (Hacienda)":
# each name with the portfolio the person holds
_HEAD_AND_PORTFOLIO = re.compile(
    rf"(?P<name>{_NAME_WITH_PARTICLES})(?:, (?:de|da|do|das|dos|del|des|du|de la|de l['’]) ?| \()"
    rf"(?P<what>[{gazetteer.UPPER}][^,;()\n]{{0,50}}?)\)?(?=[,;.\n]| (?:y|e|et|and)\s|(?<=\)) )"
)
_LIST_SEPARATOR = re.compile(r"(?:[,;] (?:(?:y|e|et|and) )?| (?:y|e|et|and) )")
_LIST_REACH = 300  # three or four names with their countries
# (parts of the plural titles, in ASCII: first letters may be capitals, and a search for
# a string with other characters in ASCII text is slow)
_LISTED_HEAD_WORDS = (
    *"""mbassad mbajad mbaixad o-chairs nvoys sidents sidentes inisters inistros inistres
    eaders deres irigeants irigentes andat Estado ancilleres anceleres""".split(),
    "hefs d",
    "eads of state",
)


# The first run of letters of each plural title of _LISTED_HEADS, lower-cased: a text
# without any of these among its runs has no such list.
_LISTED_HEAD_RUNS = frozenset(
    """ambassadors embajadores ambassadeurs embaixadores co copresidentes coprésidents envoys
    presidents presidentes présidents ministers ministros ministres leaders líderes
    dirigeants dirigentes mandatarios mandatários heads jefes chefes chefs cancilleres
    chanceleres""".split()
)


def _listed_heads_of_state(text: str) -> list[tuple[int, int, bool]]:
    """The names a list of heads of state with their countries gives."""
    found: list[tuple[int, int, bool]] = []
    if _LISTED_HEAD_RUNS.isdisjoint(letter_runs(text)):
        return found  # (most texts: no plural title to open a list)
    # A list ends with "and", "y", "e" or "et" before a capital: the plural title is
    # looked for only in the few hundred characters before each such capital, and only
    # when a plain string search finds one of the plural words there.
    capitals = sorted(
        i + len(conj)
        for conj in _conjunctions_in(text)
        for i in find_all(text, conj)
        if text[i + len(conj) : i + len(conj) + 1].isupper()
    )
    resume = 0
    for capital in capitals:
        reach = max(resume, capital - _LIST_REACH)
        window = text[reach:capital]
        if not any(word in window for word in _LISTED_HEAD_WORDS):
            continue  # (most windows: no plural title there)
        starts = sorted(
            max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
            for word in _LISTED_HEAD_WORDS
            if (at := text.find(word, reach, capital)) >= 0
        )
        head = next(matches_at(_LISTED_HEADS, text, starts, capital), None)
        if head is None:
            continue
        resume = capital
        position = head.end()
        while (item := _listed_item(text, position)) is not None:
            (start, end), after = item
            name = text[start:end]
            if " " in name and not _is_place_or_body(name):
                found.append((start, end, False))
            separator = _LIST_SEPARATOR.match(text, after)
            if separator is None:
                break
            position = separator.end()
    return found


# "Delegates elected Luis Vayas Valdivieso of Ecuador as chair": a verb of choosing, a
# name of two words or more, then "as" or what the person represents
_ELECTED = ("elected ", " appointed ", " named ")  # ("elected" also in "re-elected")
_ELECTED_NAME = re.compile(
    rf"{_NAME_WITH_PARTICLES}(?= as | (?:of|from) (?:the )?[{gazetteer.UPPER}])"
)


def _elected_names(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, False) of the names after "elected", "appointed", "named"."""
    found = []
    runs = letter_runs(text)
    for verb in _ELECTED:
        if verb.strip() not in runs:
            continue  # (the verb is a whole run of letters where it counts)
        for i in find_all(text, verb):
            if verb[0] != " " and text[i - 1 : i] not in (" ", "-"):
                continue
            name = _ELECTED_NAME.match(text, i + len(verb))
            if name and " " in name.group() and not _is_place_or_body(name.group()):
                found.append((name.start(), name.end(), False))
    return found


def _listed_item(text: str, position: int) -> tuple[tuple[int, int], int] | None:
    """((start, end) of the name, where the item ends) of a listed name with its country
    or its portfolio at ``position``, or None."""
    item = _HEAD_AND_COUNTRY.match(text, position)
    if item is not None:
        country = _country_prefix(item.group("country"))
        if country is not None:
            return (item.start("name"), item.end("name")), item.start("country") + len(country)
    item = _HEAD_AND_PORTFOLIO.match(text, position)
    if item is None:
        return None
    portfolio = _portfolio_words()
    capitals = [w for w in item.group("what").split() if w[:1].isupper()]
    if not all(w in portfolio for w in capitals):
        return None
    return (item.start("name"), item.end("name")), item.end()


@cache
def _portfolio_words() -> frozenset[str]:
    """Words of ministries and portfolios ("Relações", "Exteriores", "Fazenda")."""
    from treatytui.facts.people_titles import portfolio_words

    return words("not_names") | portfolio_words()


def _country_prefix(words_: str) -> str | None:
    """The longest first words of ``words_`` that name a country, if any."""
    parts = words_.split(" ")
    for n in range(len(parts), 0, -1):
        candidate = " ".join(parts[:n])
        if gazetteer.country(candidate) is not None:
            return candidate
    return None


def _country_marked_names(text: str) -> list[tuple[int, int, bool]]:
    """Names that a country marks: "Dilma Rousseff (Brasil)", "South Africa's Cyril
    Ramaphosa", "de México, Enrique Peña Nieto"."""
    found = []
    for match in _BRACKETED_COUNTRY.finditer(text):
        if gazetteer.country(match.group("country")) is None:
            continue
        name = _NAME_ENDING.search(text, max(0, match.start() - _NAME_REACH), match.start())
        if name and not _is_place_or_body(name.group("name")):
            found.append((name.start("name"), name.end("name"), False))
    for i in find_all(text, "'s ") + find_all(text, "’s "):
        if not text[i + 3 : i + 4].isupper():
            continue  # (a cheap test first: a name starts with a capital)
        if not _capitalised_run_before(text, i):
            continue  # (a country's name ends with a capitalised word)
        country = _COUNTRY_BEFORE_POSSESSIVE.search(text, max(0, i - 40), i)
        if country is None or gazetteer.country(country.group("country")) is None:
            continue
        name = _NAME_AT.match(text, i + 3)
        if name and " " in name.group() and not _is_place_or_body(name.group()):
            found.append((name.start(), name.end(), False))
    for i in find_all(text, ", "):
        if not text[i + 2 : i + 3].isupper() or not text[i - 1 : i].isalpha():
            continue
        if not _capitalised_run_before(text, i):
            continue
        country = _LISTED_COUNTRY.search(text, max(0, i - 50), i)
        if country is None or gazetteer.country(country.group("country")) is None:
            continue
        name = _NAME_AT.match(text, i + 2)
        if name and " " in name.group() and not _is_place_or_body(name.group()):
            found.append((name.start(), name.end(), False))
    return found


def _is_place_or_body(name: str) -> bool:
    """ "led by Costa Rica", "signed by Access Now": a place or a body, not a person."""
    return gazetteer.place(name) is not None or name in _body_names()


def _pattern_mentions(parser: NameParser, matches: list[tuple[int, int, bool]]) -> list[Mention]:
    """The names that ``_pattern_matches`` found, as the parser reads them."""
    found = []
    for start, end, credit in matches:
        mention = parser.name_at(start, credit=credit)
        if mention is None and not credit:
            # "the Marshall Islands' Tina Stege said": the name is the end of the match
            mention = _name_ending_at(parser, start, end)
        if mention and not credit:
            mention = _without_place(parser, mention)
        if mention and (credit or mention.end == end):
            found.append(mention)
    return found


# "researchers in La Jolla said": a name right after one of these is a place
_PLACE_PREPOSITIONS = (" in ", " at ", " near ", " from ", " of ")
_ARTICLES = frozenset("La Le El Los Las Les".split())


@lru_cache(maxsize=4096)
def _place_name(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a place (names recur: remembered)."""
    return gazetteer.place(name) is not None


def _without_place(parser: NameParser, mention: Mention) -> Mention | None:
    """``mention``, or None when it is a place ("Viet Nam said", "in La Jolla said"), or
    the name after the place it is glued to ("of Viet Nam Bui Thanh Son said")."""
    text = parser.text
    first = mention.name.split()[0]
    if text.endswith(_PLACE_PREPOSITIONS, 0, mention.start) and (
        first in _ARTICLES or gazetteer.place(first) is not None
    ):
        return None
    before = text[max(0, mention.start - 30) : mention.start].rsplit(" ", 2)
    if (
        len(before) == 3
        and before[2] == ""
        and before[1][:1].isupper()
        and _place_name(f"{before[1]} {first}")
    ):
        rest = text.find(" ", mention.start, mention.end)
        return None if rest < 0 else _name_ending_at(parser, rest - 1, mention.end)
    return mention


def _name_ending_at(parser: NameParser, start: int, end: int) -> Mention | None:
    """The name of two words or more that starts at a later word and ends at ``end``."""
    text = parser.text
    i = text.find(" ", start, end)
    while i >= 0:
        # A name (or the capitalised function word before one) starts with a capital
        # letter: no need to parse from any other word.
        first = text[i + 1 : i + 2]
        if first.isalpha() and first.isupper():
            mention = parser.name_at(i + 1)
            if mention is not None and mention.end == end and len(mention.name.split()) >= 2:
                return mention
        i = text.find(" ", i + 1, end)
    return None


def _apposition_mentions(
    parser: NameParser, appositions: list[tuple[int, int, str]]
) -> list[Mention]:
    """The names ``_appositions`` found (two words or more), with their roles."""
    found = []
    for start, end, role in appositions:
        mention = parser.name_at(start)
        if mention is None or mention.end != end or len(_keys(mention.name)) < 2:
            continue
        found.append(replace(mention, office=role))
    return found


_ROMANCE = frozenset({"es", "fr", "pt"})

# "», résume Jean-Marc Favre-Bulle,", "dijo María Espinosa,", "afirmou Natalie Unterstell,",
# "según Ana Ruiz,": a verb of saying (or "según", "selon", "segundo") and a name of two
# words or more, then a stop, a comma or a lower-case word
_ROMANCE_SAYING = """
dijo afirmó señaló explicó indicó agregó añadió aseguró declaró subrayó destacó advirtió
sostuvo expresó resumió comentó precisó manifestó apuntó recalcó insistió concluyó reconoció
admitió denunció lamentó alertó reiteró enfatizó dice afirma señala explica asegura advierte
resume sostiene agrega añade destaca subraya según disse afirmou declarou explicou destacou
ressaltou acrescentou salientou lembrou avaliou defendeu observou alertou sublinhou reforçou
diz explica ressalta avalia segundo résume déclare explique affirme souligne estime ajoute
indique précise rappelle assure insiste prévient observe confie tranche martèle note
commente selon résumé expliqué affirmé souligné déclaré ajouté indiqué précisé estimé
""".split()


def _verbs_before(verbs: list[str]) -> str:
    """``(?<=\bverb .)|...`` grouped by the verbs' last letters, one look-behind for each
    letter tried first (most capitals follow no verb: a test per letter, not per verb)."""
    by_last: dict[str, list[str]] = {}
    for verb in verbs:
        by_last.setdefault(verb[-1], []).append(verb)
    groups = []
    for last, group in by_last.items():
        each = "|".join(rf"(?<=\b{verb} .)" for verb in group)
        groups.append(rf"(?<={last} .)(?:{each})")
    # (one test of the letter two places back rules out most capitals at once)
    return rf"(?<=[{''.join(sorted(by_last))}] .)(?:{'|'.join(groups)})"


_ROMANCE_SAYS_NAME = re.compile(
    rf"(?P<name>[{gazetteer.UPPER}](?:{_verbs_before(_ROMANCE_SAYING)}){_SAID_NAME_TAIL})"
    r"(?=[,.;:)!?\n—–]| [a-zà-ÿ]|\Z)"
)


# "fundada por Fidel Castro y Hugo Chávez", "présidée par Nyambura Kamau", "assinado pelo
# X": a participle, "por"/"par"/"pelo"/"pela" and one or two names
_ROMANCE_BY = (" por ", " par ", " pelo ", " pela ")
_PARTICIPLE_ENDINGS = tuple("ado ada ados adas ido ida idos idas ée é ées és".split())
_ROMANCE_BY_NAME = re.compile(
    rf"{_NAME_WITH_PARTICLES}(?=[,.;)]|\s*\n| (?:y|e|et) [{gazetteer.UPPER}]| [a-zà-ÿ]|\Z)"
)
_ROMANCE_AND = re.compile(r" (?:y|e|et) ")


def _romance_by_names(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, False) of the names after a participle and "por", "par", "pelo"."""
    found = []
    for by in _ROMANCE_BY:
        for i in find_all(text, by):
            at = i + len(by)
            if not text[at : at + 1].isupper():
                continue
            word_start = text.rfind(" ", max(0, i - 30), i) + 1
            if not text[word_start:i].endswith(_PARTICIPLE_ENDINGS):
                continue
            name = _ROMANCE_BY_NAME.match(text, at)
            if name and _opens_with_article(name.group()):
                continue  # "interrogé par Le Monde": a newspaper
            while name and " " in name.group() and not _is_place_or_body(name.group()):
                found.append((name.start(), name.end(), False))
                second = _ROMANCE_AND.match(text, name.end())
                name = _ROMANCE_BY_NAME.match(text, second.end()) if second else None
    return found


_ARTICLES_OF_NAMES = _ARTICLES | {"O", "A", "Os", "As", "Un", "Una", "Une", "Um", "Uma"}


def _opens_with_article(name: str) -> bool:
    """ "Le Monde", "El País", "O Globo": a name opening with an article is no person's."""
    return name.split(" ", 1)[0] in _ARTICLES_OF_NAMES


def _romance_said_names(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, False) of the names after Spanish, French and Portuguese verbs of
    saying ("dijo María Espinosa", "résume Jean-Marc Favre-Bulle")."""
    found = []
    for match in _ROMANCE_SAYS_NAME.finditer(text):
        name = match.group("name")
        if " " in name and not _is_place_or_body(name) and not _opens_with_article(name):
            found.append((match.start("name"), match.end("name"), False))
    return found


def _romance_mentions(parser: NameParser, titles: list[tuple[int, str]]) -> list[Mention]:
    """The names that Spanish, French and Portuguese titles introduce, with those titles."""
    found = []
    for offset, role in titles:
        mention = parser.name_at(offset)
        if mention is not None:
            found.append(replace(mention, office=role, titled=True))
    return found


def _names_before_titles(
    text: str, titles_after: list[tuple[int, str]]
) -> list[tuple[int, int, str]]:
    """(start, end, role) of the names that an es/fr/pt title follows in apposition."""
    found = []
    for comma, role in titles_after:
        name = _NAME_ENDING.search(text, max(0, comma - _NAME_REACH), comma)
        if name and " " in name.group("name") and not _is_place_or_body(name.group("name")):
            found.append((name.start("name"), name.end("name"), role))
    return found


def _nationality_mentions(parser: NameParser, offsets: list[int]) -> list[Mention]:
    """The names of two words or more that a nationality introduces ("la colombiana ...")."""
    found = []
    for offset in offsets:
        mention = parser.name_at(offset)
        if mention is not None and len(_keys(mention.name)) >= 2:
            found.append(mention)
    return found


@cache
def _never_owners() -> frozenset[str]:
    """Words that never stand alone for a person: Vietnamese surnames, function words."""
    return words("vietnamese_surnames") | words("function_words")


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
    for word in owners.keys() & _never_owners():
        del owners[word]
    found = []
    for start, end, form in _occurrences(text, owners):
        if any(s < end and start < e for s, e in taken) or _in_run(text, start, end):
            continue
        person = owners[form]
        found.append((Mention(start, end, person.name, titled=False), person))
    return found


def _occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of ``forms``, left to right, the longest at each place.

    What one alternation pattern of the forms (longest first) would find, without
    compiling a pattern for each article.
    """
    hits = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            end = i + len(form)
            if (i == 0 or not _word_before(text[i - 1])) and (
                end == len(text) or not _word_after(text[end])
            ):
                hits.append((i, -len(form), form))
            i = text.find(form, i + 1)
    hits.sort()
    found, resume = [], 0
    for start, minus_length, form in hits:
        if start >= resume:
            found.append((start, start - minus_length, form))
            resume = start - minus_length
    return found


def _word_before(char: str) -> bool:
    return char.isalnum() or char in "_’'-"


def _word_after(char: str) -> bool:
    return char.isalnum() or char in "_-"


_RUN_BEFORE = re.compile(r"(?:^|[.!?:\n\"“]\s*|[A-ZÀ-Þ][\w’'\-]* )$")
_RUN_AFTER = re.compile(r" [A-ZÀ-Þ]")


def _in_run(text: str, start: int, end: int) -> bool:
    """True when a word is glued to other capitalised words or opens a sentence."""
    before = text[max(0, start - 30) : start]
    if _RUN_BEFORE.search(before):
        return True
    return bool(_RUN_AFTER.match(text, end, end + 2))


def _drop_nested(spans: dict[tuple[int, int], object]) -> None:
    """Drop the spans inside a longer one ("Whitfield said" inside 'Jonathan "Jack"
    Whitfield')."""
    reach = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if end <= reach:
            del spans[(start, end)]
        reach = max(reach, end)


def extract_people(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """The person facts of ``article``, ordered by position."""
    text = article.text
    bylines = [(b.start, b.end) for b in article.blocks_of("byline")]
    matches = _pattern_matches(text)
    appositions = _appositions(text)
    offsets = [start for start, _, _ in matches]
    offsets += [start for start, _, _ in appositions]
    offsets += title_offsets(text)
    romance, after, nationals = [], [], []
    if sentences.language in _ROMANCE:
        said = _romance_said_names(text) + _romance_by_names(text)
        matches += said
        offsets += [start for start, _, _ in said]
        romance, titles_after = romance_titles(text)
        after = _names_before_titles(text, titles_after)
        nationals = nationalities_before_names(text)
    offsets += [offset for offset, _ in romance]
    offsets += nationals
    offsets += [start for start, _, _ in after]
    parser = NameParser(text, sentences.runs_around(offsets))
    mentions = parser.titled_mentions() + _pattern_mentions(parser, matches)
    mentions += _apposition_mentions(parser, appositions)
    mentions += _romance_mentions(parser, romance)
    mentions += _nationality_mentions(parser, nationals)
    mentions += _apposition_mentions(parser, after)
    bodies = _body_names()
    mentions = [
        m
        for m in mentions
        if m.name not in bodies and not any(s <= m.start < e for s, e in bylines)
    ]
    # "the Ambassador of Viet Nam said": a place of two words or more is no person
    mentions = [m for m in mentions if m.titled or " " not in m.name or not _place_name(m.name)]
    resolver = _Resolver()
    pairs = resolver.resolve(mentions)
    full = [p for p in resolver.persons if len(p.keys) >= 2]
    pairs += _bare_mentions(text, full, [(m.start, m.end) for m in mentions])
    unique = {(m.start, m.end): (m, person) for m, person in reversed(pairs)}
    _drop_nested(unique)
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
