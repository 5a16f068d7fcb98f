"""Text helpers for widgets: visible control characters and offset-preserving wrapping."""

from __future__ import annotations

import re

from rich.cells import cell_len

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD = re.compile(r"\S+\s*|\s+")


def _visible_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛, ␇, … (control pictures)
    return "␡" if code == 0x7F else "�"


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible one of the same length.

    Unlike ``textsafety.printable`` this keeps offsets, so spans into an article's clean
    text (hits, facts) still point at the right characters.
    """
    return _CONTROL.sub(_visible_char, text.replace("\t", " "))


def wrap_offsets(text: str, width: int) -> list[int]:
    """Where each wrapped line of ``text`` starts (greedy, on spaces; long words folded)."""
    width = max(1, width)
    starts = [0]
    column = 0
    for match in _WORD.finditer(text):
        word = match.group()
        visible_len = cell_len(word.rstrip())
        if column and column + visible_len > width:
            starts.append(match.start())
            column = 0
        if visible_len > width:
            # Fold a word longer than the line, a character at a time.
            position = match.start()
            for char in word.rstrip():
                size = cell_len(char)
                if column + size > width and column:
                    starts.append(position)
                    column = 0
                column += size
                position += 1
            column += cell_len(word) - visible_len
            continue
        column += cell_len(word)
    return starts
