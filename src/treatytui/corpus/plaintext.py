"""Scraped plain text → segments.

Text copied out of a web page keeps the page's furniture: table borders (``|``), photo
captions written as ``| caption |`` rows (sometimes split over two lines), image
placeholders (``![]()``), rules of underscores or dashes, and sentences broken across
lines. Each remaining line is a paragraph, except that a line that plainly does not end
its sentence is joined to the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from treatytui.corpus.segments import Segment, classify, without_emoji_marker

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# Nothing but table borders, rules and bullets: dropped, like a blank line.
_FURNITURE = re.compile(r"[\s|+:=_\-*~#·•—–]*")
_OPENERS = ("(", "[", "{", "“", "‘")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_MAX_CAPTION_LINES = 6


def _lines(text: str) -> Iterator[Segment | None]:
    """Captions and text lines in order; None for a break (blank line, border, rule)."""
    caption: list[str] | None = None
    for raw in text.split("\n"):
        line = _IMAGE.sub("", raw).strip()
        if caption is not None:
            if line.endswith("|") and not _FURNITURE.fullmatch(line):
                caption.append(line[:-1].strip())
                yield Segment(" ".join(caption), "caption")
                caption = None
                continue
            if line and not _FURNITURE.fullmatch(line) and len(caption) < _MAX_CAPTION_LINES:
                caption.append(line)
                continue
            yield Segment(" ".join(caption), "caption")
            caption = None
        if _FURNITURE.fullmatch(line):
            yield None
        elif line.startswith("|") and line.endswith("|"):
            cells = [cell.strip() for cell in line[1:-1].split("|") if cell.strip()]
            yield Segment(cells[0], "caption") if len(cells) == 1 else Segment(" | ".join(cells))
        elif line.startswith("|"):
            caption = [line[1:].strip()]
        else:
            yield Segment(line.removesuffix("|").rstrip())
    if caption is not None:
        yield Segment(" ".join(caption), "caption")


def _is_prose(text: str) -> bool:
    return without_emoji_marker(text) is None and classify(text) == "paragraph"


def _joiner(line: str, following: str) -> str | None:
    """How to join two lines of one sentence ("" or " "), or None when they are apart."""
    if not (_is_prose(line) and _is_prose(following)):
        return None
    if line.endswith(_OPENERS):
        return ""
    if line.endswith((",", "—", "–")) or (
        following[0].islower() and not _SENTENCE_END.search(line)
    ):
        return " "
    return None


def plain_segments(text: str) -> list[Segment]:
    """The segments of scraped plain text, captions marked, broken sentences rejoined."""
    segments: list[Segment] = []
    previous_was_text = False
    for item in _lines(text):
        if item is None:
            previous_was_text = False
            continue
        if previous_was_text and item.kind is None:
            joiner = _joiner(segments[-1].text, item.text)
            if joiner is not None:
                segments[-1] = Segment(segments[-1].text + joiner + item.text)
                continue
        segments.append(item)
        previous_was_text = item.kind is None
    return segments
