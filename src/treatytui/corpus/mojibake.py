"""Repairing mojibake: UTF-8 text that was once decoded with the wrong code page.

``ftfy`` does the general repair ("â€™" → "’"). It leaves some short Windows-1250 runs
alone ("AntĂłnio" for "António"), because "Ăł" is also plausible Central European text;
those are repaired here only where the result is a Latin letter or common punctuation.
"""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import is_bad

_CP1250 = "cp1250"


def _cp1250_chars(low: int, high: int) -> str:
    """The characters that Windows-1250 maps the bytes ``low..high`` to, as a regex class."""
    chars = []
    for byte in range(low, high + 1):
        try:
            chars.append(bytes([byte]).decode(_CP1250))
        except UnicodeDecodeError:
            continue
    return "".join(re.escape(char) for char in chars)


_CONTINUATION = f"[{_cp1250_chars(0x80, 0xBF)}]"
# A two-byte sequence for U+0080..U+017F (Latin-1 Supplement, Latin Extended-A), or a
# three-byte sequence for U+2000..U+20FF (general punctuation, currency signs).
_CP1250_MOJIBAKE = re.compile(
    f"[{_cp1250_chars(0xC2, 0xC5)}]{_CONTINUATION}|{re.escape(bytes([0xE2]).decode(_CP1250))}"
    f"{_CONTINUATION}{{2}}"
)


def _repair_cp1250(match: re.Match[str]) -> str:
    run = match.group()
    try:
        repaired = run.encode(_CP1250).decode("utf-8")
    except UnicodeError:
        return run
    return repaired if repaired.isalpha() or "\u2000" <= repaired <= "\u20ff" else run


# A cheap first look: mojibake has a lead byte of a UTF-8 sequence read as a Latin
# letter (Ã, Â, â, Ă, Ĺ, …) followed by a continuation byte read as punctuation, a symbol
# or another Latin letter. Text without such a pair is left alone without ftfy's slower
# checks (most articles).
_HINT = re.compile(
    "[\u00c2-\u00f4\u0102\u0139\u013d\u0104-\u017e]"
    "[\u0080-\u00bf\u0104-\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> str:
    """Undo wrong-code-page decoding without touching well-formed text.

    Curly quotes, dashes, ligatures, full-width characters and HTML entities are left as
    they are; only encoding errors are fixed.
    """
    if text.isascii() or not _HINT.search(text):
        return text
    if is_bad(text):  # ftfy's own test, then its full repair: both slow, rarely needed
        text = ftfy.fix_text(
            text,
            uncurl_quotes=False,
            unescape_html=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            remove_terminal_escapes=False,
            normalization=None,
        )
    return _CP1250_MOJIBAKE.sub(_repair_cp1250, text)
