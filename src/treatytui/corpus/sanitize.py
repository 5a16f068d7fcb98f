"""Removing terminal control codes from article text.

Article text is data: it is shown in a terminal, so it must never carry escape sequences
or control characters that a terminal would act on.
"""

from __future__ import annotations

import re

# ANSI/ECMA-48 escape sequences, in their 7-bit (ESC ...) and 8-bit (C1) forms:
# OSC/DCS/SOS/PM/APC strings run to a string terminator (BEL, ESC \ or ST) or, unterminated,
# to the end of the line; CSI sequences end with a final byte; other escapes are two characters.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])   # OSC, DCS, SOS, PM, APC introducers
        [^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?
    | (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]?     # CSI: parameters, intermediates, final byte
    | \x1b [ -/]* [0-~]?                       # two-character and nF escapes
    """,
    re.VERBOSE,
)

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Any character the three patterns above deal with (a quick test for clean text).
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def strip_controls(text: str) -> str:
    """Normalise line breaks to ``\\n`` and remove escape sequences and control characters.

    Tabs and newlines are kept; carriage returns become newlines (``\\r\\n`` counts once).
    """
    if _ANY_CONTROL.search(text) is None:
        return text
    text = _LINE_BREAKS.sub("\n", text)
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL_CHARACTERS.sub("", text)
