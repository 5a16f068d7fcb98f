"""Numbers as news articles write them: ``1,500``, ``forty-two``, ``a dozen``, ``1.5 million``.

``NUMBER_PATTERN`` is a regular-expression fragment (case-insensitive, no groups) that
matches one written number; ``parse_number`` turns the matched text into an int.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

NUMBER_WORDS = frozenset([*_UNITS, *_TENS, *_SCALES, "dozen"])
"""Every word that can be part of a number written in words."""

_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(_TENS)
_SCALE_WORDS = "|".join(_SCALES)

# "forty-two", "forty two", "forty", "eleven"
_WORDS_BELOW_100 = rf"(?:(?:{_TENS_WORDS})(?:[-\s](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
# "two hundred and fifty", "three thousand", "a hundred"
_WORD_NUMBER = (
    rf"(?:(?:a|{_WORDS_BELOW_100})(?:\s+(?:{_SCALE_WORDS})(?:\s+(?:and\s+)?{_WORDS_BELOW_100})?)+"
    rf"|{_WORDS_BELOW_100})"
)
_DIGIT_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:\s+(?:million|billion))?"
_DOZEN = r"(?:(?:half\s+)?a\s+dozen)"

NUMBER_PATTERN = rf"(?i:{_DOZEN}|{_DIGIT_NUMBER}|\b{_WORD_NUMBER})(?!\w)(?![.,][0-9])"
"""A regex fragment matching one written number (use inside a larger pattern)."""

SIMPLE_NUMBER_PATTERN = rf"(?i:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+|\b{_WORDS_BELOW_100})(?!\w)"
"""A cheaper fragment for the second number of a range: digits, or words below 100."""

_TOKEN = re.compile(r"[a-z]+|[0-9][0-9,]*(?:\.[0-9]+)?")


def parse_number(text: str) -> int | None:
    """The integer a written number stands for, or None when ``text`` is not one.

    >>> parse_number("forty-two"), parse_number("1,500"), parse_number("a dozen")
    (42, 1500, 12)
    """
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return None
    if tokens in (["a", "dozen"], ["dozen"]):
        return 12
    if tokens == ["half", "a", "dozen"]:
        return 6
    total = 0
    current: float = 0
    for token in tokens:
        if token[0].isdigit():
            current += float(token.replace(",", ""))
        elif token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES:
            scale = _SCALES[token]
            current = (current or 1) * scale
            if scale >= 1_000:
                total += current
                current = 0
        elif token in ("a", "and"):
            continue
        else:
            return None
    value = total + current
    return int(value) if value == int(value) else None
