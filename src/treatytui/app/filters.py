"""Line filters for terminals that cannot do it all: no colour, or ASCII only.

Applied to every line the app draws (``App.get_line_filters``), after Textual's own.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter


@lru_cache(1024)
def _without_colour(style: Style) -> Style:
    return style.without_color


class NoColour(LineFilter):
    """Drop every colour: what stays is bold, italic, underline, reverse and the text."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else _without_colour(style), control)
            for text, style, control in segments
        ]


# Box drawing (U+2500-U+257F) by shape, block elements (U+2580-U+259F) and the
# punctuation the app itself draws; anything else is folded to ASCII when it can be.
_LINES = {
    **dict.fromkeys("─┄┈╌╴╶╼╾", "-"),
    **dict.fromkeys("━┅┉╍╸╺═", "="),  # heavy and double lines: the focused pane
    **dict.fromkeys("│┃┆┇┊┋╎╏║╵╷╹╻╽╿▏▕▎▍▌▋▊▉▐", "|"),
    **dict.fromkeys("▁▂▃▄▅▆▇█▀▔▖▗▘▙▚▛▜▝▞▟■▪●◆", "#"),
    **dict.fromkeys("░▒▓", ":"),
    "…": "~", "·": ".", "•": "*", "‘": "'", "’": "'", "‚": ",", "“": '"', "”": '"',
    "„": '"', "–": "-", "—": "-", "−": "-", "×": "x", "≠": "#", "⚠": "!", "⏎": ">",
    "↑": "^", "↓": "v", "←": "<", "→": ">", "▲": "^", "▼": "v", "◀": "<", "▶": ">",
    "\u00a0": " ",
}  # fmt: skip


@lru_cache(4096)
def ascii_char(char: str) -> str:
    """``char`` as ASCII taking the same cells: box corners ``+``, lines ``-`` ``|``."""
    if char.isascii():
        return char
    mapped = _LINES.get(char)
    if mapped is not None:
        return mapped
    if "\u2500" <= char <= "\u257f":  # corners, tees and crosses
        return "+"
    folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    width = cell_len(char)
    if len(folded) == 1 and width == 1:
        return folded
    return "?" * width


@lru_cache(4096)
def ascii_text(text: str) -> str:
    """``text`` with every character made ASCII, cell for cell."""
    return text if text.isascii() else "".join(ascii_char(char) for char in text)


class AsciiOnly(LineFilter):
    """Draw with ASCII only (boxes ``+-|``), keeping every line's width."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(ascii_text(text), style, control)
            if not control
            else Segment(text, style, control)
            for text, style, control in segments
        ]
