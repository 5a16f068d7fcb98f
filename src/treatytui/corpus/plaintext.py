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

from treatytui.corpus.segments import SETTLED_CHARS, Segment, classify, without_emoji_marker

# Neither part holds its own opening mark: a line of "![" that never close costs one scan.
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
# Nothing but table borders, rules and bullets: dropped, like a blank line.
_FURNITURE = re.compile(r"[\s|+:=_\-*~#·•—–]*")
_OPENERS = ("(", "[", "{", "“", "‘")
_SENTENCE_ENDS = tuple(".!?:;…")
_CLOSERS = "\"'”’)]"
_MAX_CAPTION_LINES = 6
_MAX_PIECES = 2048


def _split_lines(text: str) -> Iterator[str]:
    """``text.split("\\n")`` one line at a time: no list of a million short lines."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _lines(text: str) -> Iterator[Segment | None]:
    """Captions and text lines in order; None for a break (blank line, border, rule)."""
    caption: list[str] | None = None
    for raw in _split_lines(text):
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


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with a sentence's last mark (perhaps before closing quotes)."""
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def _joiner(line_is_prose: bool, line: str, following: str) -> str | None:
    """How to join two lines of one sentence ("" or " "), or None when they are apart.

    ``line`` is the last line of the paragraph so far; ``line_is_prose`` says whether the
    whole paragraph so far is prose.
    """
    if not (line_is_prose and _is_prose(following)):
        return None
    if line.endswith(_OPENERS):
        return ""
    if line.endswith((",", "—", "–")) or (following[0].islower() and not _ends_sentence(line)):
        return " "
    return None


def plain_segments(text: str) -> list[Segment]:
    """The segments of scraped plain text, captions marked, broken sentences rejoined.

    Linear in the length of the text, however many lines join into one paragraph: the
    paragraph is kept in pieces, and only its last line and (while it is short) its whole
    text are looked at before each join. Pieces are merged into chunks as they pile up,
    so a paragraph of a million one-word lines holds a few thousand strings, not millions.
    """
    segments: list[Segment] = []
    chunks: list[str] = []  # the paragraph being joined, merged pieces
    pieces: list[str] = []  # ... then its latest lines and the joiners between them
    length = 0
    settled = False  # the paragraph is long prose: no line appended can change that

    def close() -> None:
        if pieces:
            segments.append(Segment("".join(chunks + pieces)))
            chunks.clear()
            pieces.clear()

    for item in _lines(text):
        if item is None or item.kind is not None:
            close()
            if item is not None:
                segments.append(item)
            continue
        if pieces:
            prose = settled or _is_prose("".join(chunks + pieces))
            joiner = _joiner(prose, pieces[-1], item.text)
            if joiner is not None:
                pieces += (joiner, item.text)
                length += len(joiner) + len(item.text)
                settled = prose and length > SETTLED_CHARS
                if len(pieces) > _MAX_PIECES:
                    chunks.append("".join(pieces[:-1]))
                    del pieces[:-1]
                continue
            close()
        pieces.append(item.text)
        length = len(item.text)
        settled = False
    close()
    return segments
