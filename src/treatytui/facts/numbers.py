"""Numbers as news articles write them, in English, Spanish, French and Portuguese.

``1,500``, ``1.500``, ``4 000``, ``forty-two``, ``a dozen``, ``1.5 million``,
``veintidós``, ``treinta y cinco``, ``quatre-vingt-dix``, ``cinquenta mil``, ``une
vingtaine de`` (about 20), ``una docena de``. ``NUMBER_PATTERN`` is a regular-expression
fragment (case-insensitive, no groups) that matches one written number; ``parse_number``
turns the matched text into an int; ``number_languages`` tells which languages a written
number belongs to, so that a count pairs a number and a noun of the same language ("once"
is eleven only before a Spanish noun).
"""

from __future__ import annotations

import re
from functools import lru_cache

from treatytui.facts.alternation import alternation

LANGUAGES = frozenset({"en", "es", "fr", "pt"})

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Spanish, French and Portuguese number words (the word for "one" is left out: it is
# mostly an article, and a count of one is no count). Values add up ("treinta y cinco",
# "dix-sept", "soixante-dix"); the words of _ROMANCE_SCALES multiply what comes before.
_ROMANCE_WORDS: dict[str, tuple[int, str]] = {}


def _add(langs: str, table: str) -> None:
    for item in table.split():
        word, value = item.split("=")
        _ROMANCE_WORDS[word] = (int(value), langs)


_add(
    "es",
    """dos=2 tres=3 cuatro=4 siete=7 ocho=8 nueve=9 diez=10 once=11 doce=12 trece=13
    catorce=14 dieciséis=16 dieciseis=16 diecisiete=17 dieciocho=18 diecinueve=19 veinte=20
    veintiuno=21 veintiún=21 veintiuna=21 veintidós=22 veintidos=22 veintitrés=23
    veintitres=23 veinticuatro=24 veinticinco=25 veintiséis=26 veintiseis=26 veintisiete=27
    veintiocho=28 veintinueve=29 treinta=30 cuarenta=40 cincuenta=50 sesenta=60 setenta=70
    ochenta=80 noventa=90 ciento=100 doscientos=200 doscientas=200 trescientos=300
    trescientas=300 cuatrocientos=400 cuatrocientas=400 quinientos=500 quinientas=500
    seiscientos=600 seiscientas=600 setecientos=700 setecientas=700 ochocientos=800
    ochocientas=800 novecientos=900 novecientas=900""",
)
_add("es pt", "cinco=5 seis=6 quince=15")
_add(
    "pt",
    """dois=2 duas=2 três=3 quatro=4 sete=7 oito=8 nove=9 dez=10 onze=11 doze=12
    treze=13 catorze=14 quatorze=14 dezesseis=16 dezasseis=16 dezessete=17 dezassete=17
    dezoito=18 dezenove=19 dezanove=19 vinte=20 trinta=30 quarenta=40 cinquenta=50
    sessenta=60 setenta=70 oitenta=80 noventa=90 cento=100 duzentos=200 duzentas=200
    trezentos=300 trezentas=300 quatrocentos=400 quatrocentas=400 quinhentos=500
    quinhentas=500 seiscentos=600 seiscentas=600 setecentos=700 setecentas=700
    oitocentos=800 oitocentas=800 novecentos=900 novecentas=900""",
)
_add(
    "fr",
    """deux=2 trois=3 quatre=4 cinq=5 sept=7 huit=8 neuf=9 dix=10 onze=11 douze=12
    treize=13 quatorze=14 quinze=15 seize=16 vingt=20 vingts=20 trente=30 quarante=40
    cinquante=50 soixante=60 quatre-vingt=80 quatre-vingts=80""",
)
_add("fr en", "six=6")
_ROMANCE_SCALES: dict[str, tuple[int, str]] = {
    "cien": (100, "es"), "cem": (100, "pt"), "cent": (100, "fr"), "cents": (100, "fr"),
    "mil": (1_000, "es pt"), "mille": (1_000, "fr"),
    "millón": (1_000_000, "es"), "millones": (1_000_000, "es"), "milhão": (1_000_000, "pt"),
    "milhões": (1_000_000, "pt"), "millions": (1_000_000, "fr"),
}  # fmt: skip
# "une vingtaine de", "una docena de", "uma dezena de": about so many (a dozen is exact).
_COLLECTIVES: dict[str, tuple[int, str]] = {
    "docena": (12, "es"), "decena": (10, "es"), "veintena": (20, "es"),
    "treintena": (30, "es"), "centenar": (100, "es"), "millar": (1_000, "es"),
    "dizaine": (10, "fr"), "douzaine": (12, "fr"), "quinzaine": (15, "fr"),
    "vingtaine": (20, "fr"), "trentaine": (30, "fr"), "quarantaine": (40, "fr"),
    "cinquantaine": (50, "fr"), "soixantaine": (60, "fr"), "centaine": (100, "fr"),
    "millier": (1_000, "fr"), "dezena": (10, "pt"), "dúzia": (12, "pt"),
    "vintena": (20, "pt"), "centena": (100, "pt"), "milhar": (1_000, "pt"),
}  # fmt: skip
# Their plurals, after a number: "duas dezenas de países" (about 20), "deux centaines de".
_PLURAL_COLLECTIVES: dict[str, tuple[int, str]] = {
    "decenas": (10, "es"), "centenares": (100, "es"), "millares": (1_000, "es"),
    "dizaines": (10, "fr"), "centaines": (100, "fr"), "milliers": (1_000, "fr"),
    "dezenas": (10, "pt"), "centenas": (100, "pt"), "milhares": (1_000, "pt"),
}  # fmt: skip
# "medio centenar de", "un demi-millier de", "meia centena de": half of one.
_HALVES = frozenset({"medio", "media", "meio", "meia", "demi"})
EXACT_COLLECTIVES = frozenset({"docena", "douzaine", "dúzia", "dozen"})
COLLECTIVE_WORDS = frozenset(_COLLECTIVES)
"""The words of "une vingtaine de" and its kin ("vingtaine", "docena", "dezena"...)."""

NUMBER_WORDS = frozenset(
    {*_EN_UNITS, *_EN_TENS, *_EN_SCALES, "dozen", *_ROMANCE_WORDS, *_ROMANCE_SCALES}
    | set(_COLLECTIVES)
    | set(_PLURAL_COLLECTIVES)
)
"""Every word that can be part of a number written in words (lower case)."""


@lru_cache(maxsize=8)
def number_words(language: str) -> frozenset[str]:
    """The number words (lower case) a text in ``language`` may use; all of them for a
    language other than en, es, fr and pt."""
    if language not in LANGUAGES:
        return NUMBER_WORDS
    found = {w for w, (_, langs) in _ROMANCE_WORDS.items() if language in langs.split()}
    found |= {w for w, (_, langs) in _ROMANCE_SCALES.items() if language in langs.split()}
    found |= {w for w, (_, lang) in _COLLECTIVES.items() if lang == language}
    found |= {w for w, (_, lang) in _PLURAL_COLLECTIVES.items() if lang == language}
    if language == "en":
        found |= {*_EN_UNITS, *_EN_TENS, *_EN_SCALES, "dozen"}
    return frozenset(found)


_ONES = frozenset({"un", "une", "uno", "um", "uma"})
_CONNECTORS = frozenset({"a", "and", "y", "e", "et", "de", "d", "una", "un", "une", "uma", "um"})


_UNIT_WORDS = alternation(_EN_UNITS)
_TENS_WORDS = alternation(_EN_TENS)
_SCALE_WORDS = alternation(_EN_SCALES)

# "forty-two", "forty two", "forty", "eleven"
_WORDS_BELOW_100 = rf"(?:(?:{_TENS_WORDS})(?:[-\s](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
# "two hundred and fifty", "three thousand", "a hundred"
_WORD_NUMBER = (
    rf"(?:(?:a|{_WORDS_BELOW_100})(?:\s+(?:{_SCALE_WORDS})(?:\s+(?:and\s+)?{_WORDS_BELOW_100})?)+"
    rf"|{_WORDS_BELOW_100})"
)
_ROMANCE_WORD = rf"{alternation([*_ROMANCE_WORDS, *_ROMANCE_SCALES])}(?![\w])"
# "treinta y cinco", "vingt et un", "dix-sept", "cinquenta mil", "deux cents"
_ROMANCE_NUMBER = rf"(?:{_ROMANCE_WORD}(?:(?:[\s-]+|\s+(?:y|e|et)\s+){_ROMANCE_WORD})*)"
_SMALL_ROMANCE = alternation(w for w, (v, _) in _ROMANCE_WORDS.items() if 2 <= v <= 9)
_COLLECTIVE = (
    rf"(?:(?:(?:una|un|une|uma|um)\s+(?:demi-)?|medio\s+|media\s+|meio\s+|meia\s+)"
    rf"{alternation(_COLLECTIVES)}\s*(?:de\b|d['’])"
    rf"|\b(?:{_SMALL_ROMANCE})\s+{alternation(_PLURAL_COLLECTIVES)}\s*(?:de\b|d['’]))"
)
_DIGIT_SCALES = "million|billion|millions|mil|mille|millones|millón|milhões|milhão"
_DIGIT_NUMBER = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9])"
    r"|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])|[0-9]+)"
    rf"(?:[.,][0-9]+)?(?:\s+(?:{_DIGIT_SCALES})(?!\w))?"
)
_DOZEN = r"(?:(?:half\s+)?a\s+dozen)"

NUMBER_PATTERN = (
    rf"(?i:{_DOZEN}|{_COLLECTIVE}|{_DIGIT_NUMBER}|\b{_WORD_NUMBER}(?![\w-])|\b{_ROMANCE_NUMBER})"
    # a letter may follow the elided "d'" of a collective ("une quarantaine d'organisations")
    r"(?<![.,])(?:(?<=['’])|(?!\w))(?![.,][0-9])"
)
"""A regex fragment matching one written number (use inside a larger pattern)."""

ENGLISH_NUMBER_PATTERN = (
    rf"(?i:{_DOZEN}|{_DIGIT_NUMBER}|\b{_WORD_NUMBER}(?![\w-]))(?<![.,])(?!\w)(?![.,][0-9])"
)
"""``NUMBER_PATTERN`` for English text only (a smaller pattern, so a faster one)."""

SIMPLE_NUMBER_PATTERN = rf"(?i:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+|\b{_WORDS_BELOW_100})(?!\w)"
"""A cheaper fragment for the second number of a range: digits, or words below 100."""

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?|[0-9](?:[0-9.,\u00a0\u202f ]*[0-9])?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:([.,\u00a0\u202f ])[0-9]{3})(?:\1[0-9]{3})*")
_EN_VALUES = {**_EN_UNITS, **_EN_TENS}
_SCALES = {
    **_EN_SCALES,
    **{w: v for w, (v, _) in _ROMANCE_SCALES.items()},
    "millón": 1_000_000,
}


def _digits_value(token: str) -> float | None:
    if _GROUPED.fullmatch(token):
        return float(re.sub(r"[^0-9]", "", token))
    token = token.replace(",", ".")
    try:
        return float(token)
    except ValueError:
        return None


def _word_values(token: str) -> list[str]:
    """A token split at hyphens, except the compounds the tables hold ("quatre-vingt")."""
    if token in _ROMANCE_WORDS or "-" not in token:
        return [token]
    return token.split("-")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> int | None:
    """The integer a written number stands for, or None when ``text`` is not one.

    >>> parse_number("forty-two"), parse_number("1.500"), parse_number("une vingtaine de")
    (42, 1500, 20)
    """
    tokens = [w for t in _TOKEN.findall(text.lower()) for w in _word_values(t)]
    if not tokens:
        return None
    if tokens in (["a", "dozen"], ["dozen"]):
        return 12
    if tokens == ["half", "a", "dozen"]:
        return 6
    collective = [t for t in tokens if t in _COLLECTIVES]
    if collective:
        value = _COLLECTIVES[collective[0]][0]
        return value // 2 if any(t in _HALVES for t in tokens) else value
    plural = [i for i, t in enumerate(tokens) if t in _PLURAL_COLLECTIVES]
    if plural:
        times = parse_number(" ".join(tokens[: plural[0]])) if plural[0] else None
        return None if times is None else times * _PLURAL_COLLECTIVES[tokens[plural[0]]][0]
    total = 0.0
    current: float = 0
    for i, token in enumerate(tokens):
        if token in _ONES and i and tokens[i - 1] in ("et", "y", "e"):
            current += 1  # "vingt et un", "veinte y uno"
        elif token[0].isdigit():
            value = _digits_value(token)
            if value is None:
                return None
            current += value
        elif token in _EN_VALUES:
            current += _EN_VALUES[token]
        elif token in _ROMANCE_WORDS:
            current += _ROMANCE_WORDS[token][0]
        elif token in _SCALES:
            scale = _SCALES[token]
            current = (current or 1) * scale
            if scale >= 1_000:
                total += current
                current = 0
        elif token in _CONNECTORS:
            continue
        else:
            return None
    value = total + current
    return int(value) if value == int(value) else None


@lru_cache(maxsize=4096)
def number_languages(text: str) -> frozenset[str]:
    """The languages a written number can be read in: all four for digits and "dozen"."""
    langs = set(LANGUAGES)
    for token in _TOKEN.findall(text.lower()):
        for word in _word_values(token):
            if word[0].isdigit() or word in _CONNECTORS:
                continue
            if word in _EN_VALUES or word in _EN_SCALES or word in ("dozen", "half"):
                word_langs = {"en"} | (
                    set(_ROMANCE_WORDS[word][1].split()) if word in _ROMANCE_WORDS else set()
                )
            elif word in _ROMANCE_WORDS:
                word_langs = set(_ROMANCE_WORDS[word][1].split())
            elif word in _ROMANCE_SCALES:
                word_langs = set(_ROMANCE_SCALES[word][1].split())
            elif word in _COLLECTIVES:
                word_langs = {_COLLECTIVES[word][1]}
            elif word in _PLURAL_COLLECTIVES:
                word_langs = {_PLURAL_COLLECTIVES[word][1]}
            else:
                continue
            langs &= word_langs
    return frozenset(langs)


def is_collective(text: str) -> bool:
    """True for "une vingtaine de" and its kin (an approximate number)."""
    words = [w for t in _TOKEN.findall(text.lower()) for w in _word_values(t)]
    return any(w in _COLLECTIVES or w in _PLURAL_COLLECTIVES for w in words)


def is_exact_collective(text: str) -> bool:
    """True for "una docena de", "une douzaine d'" (a dozen is read as twelve)."""
    return any(t in EXACT_COLLECTIVES for t in _TOKEN.findall(text.lower()))
