"""Segments — the paragraphs of an article before assembly — and what a short line is.

The format readers (plain text, Markdown, HTML) turn a file into segments; a segment whose
kind they cannot tell from the markup is classified here by its content: a byline
("By Jane Doe"), a meta line (an update stamp, a date, an emoji-marked detail such as a
venue), or a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from treatytui.corpus.article import BlockKind
from treatytui.corpus.dates import MONTHS, find_date


@dataclass(frozen=True, slots=True)
class Segment:
    """One paragraph-to-be; ``kind`` is None when the content decides it."""

    text: str
    kind: BlockKind | None = None


_NAME = r"(?:[A-Z][\w'’.-]*)"
_CONNECTOR = r"(?:and|&|de|da|del|der|di|dos|du|van|von|la|le|bin|al|el)"
_NAMES = rf"{_NAME}(?:,?\s+(?:{_CONNECTOR}\s+)*{_NAME}){{0,11}}"
# Words that start a phrase ("By The Numbers", "By This Time"), not a name.
_NOT_A_NAME = r"(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|My|Then|Now)\b)"
_BYLINE = re.compile(rf"(?:By|BY|Written by|Reporting by)\s+{_NOT_A_NAME}(?P<names>{_NAMES})")
_NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")
_ENDS_WITH_INITIAL = re.compile(r"\b[A-Z][a-z]?\.$")

_STAMP = re.compile(
    r"\(?\s*(?:latest update|last updated|updated|published|posted|first published)"
    r"(?:\s+on)?\s*[:\-–—]?\s*(?P<stamp>[^()]*\d[^()]*?)\s*\)?",
    re.IGNORECASE,
)
_WEEKDAYS_AND_TIMES = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
    r"|\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\b|\b[ap]\.?m\.?\b|\b(?:GMT|UTC|EAT|ICT)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")  # every date has its year in digits: a quick test first
_DATE_FILLERS = {"of", "st", "nd", "rd", "th"}

# A leading pictograph (with variation selectors, skin tones and ZWJ sequences), as used to
# mark a venue, a date or a time on a line of its own.
_PICTOGRAPH = r"[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
_EMOJI_MARKER = re.compile(
    rf"(?:{_PICTOGRAPH}[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]*\u200d?)+\s*(?P<rest>\S.*)", re.DOTALL
)
_MAX_META_CHARS = 100
# Twelve names and their separators; a longer line is prose, which also keeps the byline
# pattern from reading a huge line to its end.
_MAX_BYLINE_CHARS = 300
SETTLED_CHARS = max(_MAX_META_CHARS, _MAX_BYLINE_CHARS)
"""A paragraph longer than this is a paragraph whatever text is appended to it."""


def byline_names(text: str) -> tuple[str, ...] | None:
    """The names in a byline line ("By Jane Doe and John Roe"), or None if it is not one."""
    if len(text) > _MAX_BYLINE_CHARS:
        return None
    match = _BYLINE.fullmatch(text)
    if match is None or (text.endswith(".") and not _ENDS_WITH_INITIAL.search(text)):
        return None
    names = (name.strip() for name in _NAME_SEPARATOR.split(match["names"]))
    return tuple(name for name in names if name)


def stamp_text(text: str) -> str | None:
    """The date part of an update stamp ("(Latest Update October 27, 2025)"), if it is one."""
    if len(text) > _MAX_META_CHARS:  # the stamp's date is at most 60 characters
        return None
    match = _STAMP.fullmatch(text)
    return match["stamp"] if match and is_date_line(match["stamp"]) else None


def is_date_line(text: str) -> bool:
    """Whether a line holds only a date, perhaps with a weekday and a time."""
    if len(text) > 60 or not _DIGIT.search(text) or find_date(text) is None:
        return False
    words = _WORD.findall(_WEEKDAYS_AND_TIMES.sub(" ", text))
    return all(word.lower() in MONTHS or word.lower() in _DATE_FILLERS for word in words)


# Markers whose meaning is worth keeping, as the word that replaces them.
_MARKER_LABELS = {
    **dict.fromkeys("📍📌🏛🏢🗺", "Where"),
    **dict.fromkeys("🗓📅📆", "When"),
    **dict.fromkeys("⏰⌚🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛", "Time"),
}


def without_emoji_marker(text: str) -> str | None:
    """The line with its leading emoji marker replaced, or None when it has none.

    A marker with a known meaning becomes a word ("📍 Speke Resort" → "Where: Speke
    Resort", "🗓️ September 8-12" → "When: September 8-12"); any other is dropped. Emoji
    are not kept: terminals disagree on their width, which would misalign the viewer.
    """
    match = _EMOJI_MARKER.fullmatch(text)
    if match is None:
        return None
    label = _MARKER_LABELS.get(text[0])
    return f"{label}: {match['rest']}" if label else match["rest"]


def classify(text: str) -> BlockKind:
    """The kind of a segment that its markup did not settle."""
    if byline_names(text) is not None:
        return "byline"
    if len(text) <= _MAX_META_CHARS and (stamp_text(text) is not None or is_date_line(text)):
        return "meta"
    return "paragraph"


def is_short_marker(text: str) -> bool:
    """Whether an emoji-marked line is a short detail (a venue, a date) and not a sentence."""
    return len(text) <= _MAX_META_CHARS and not text.rstrip().endswith((".", "!", "?"))
