"""Making article text safe to show: no terminal control codes, ever."""

from __future__ import annotations

import re

# ANSI/ECMA-48 escape sequences (CSI, OSC, DCS, ...), then any remaining C0/C1 controls
# other than newline and tab.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC/DCS/SOS/PM/APC ... terminator
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit OSC/DCS/...
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without escape sequences and control characters (newline and tab kept)."""
    if not text:
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str) -> str:
    """``printable(text)`` on one line (newlines and tabs become spaces)."""
    return " ".join(printable(text).split())
