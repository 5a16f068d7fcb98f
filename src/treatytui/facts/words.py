"""The words of an article, found once for the extractors that read it.

``letter_runs`` is the set of the runs of letters of the lower-cased text (what
``[^\\W\\d_]+`` finds), ``ascii_runs`` that of its runs of a-z: set lookups in them tell
at once that a word a pattern needs is nowhere in the text, so that the pattern need
not be tried. Each is computed once per text (the extractors of one article share it).
"""

from __future__ import annotations

import re
from functools import lru_cache

_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ASCII_RUN = re.compile(r"[a-z]+")
# Every ASCII byte but a-z turned into a space; the bytes of other characters kept.
_ASCII_SEPARATORS = bytes(b if 97 <= b <= 122 or b >= 128 else 32 for b in range(256))
# U+2000-U+203F (spaces, dashes, quotes, bullets...) in UTF-8: no letter among them.
_GENERAL_PUNCTUATION = re.compile(rb"\xe2\x80[\x80-\xbf]")
_GUILLEMETS = (b"\xc2\xab", b"\xc2\xbb")  # « and »


@lru_cache(maxsize=4)
def lower_text(text: str) -> str:
    """``text.lower()``, computed once for the extractors reading the same article."""
    return text.lower()


@lru_cache(maxsize=4)
def letter_runs(text: str) -> frozenset[str]:
    """``set(re.findall(r"[^\\W\\d_]+", text.lower()))``, several times faster: ASCII
    signs and the commonest other ones become spaces in the UTF-8 bytes, the rest splits
    at white space, and only the pieces that are not all letters ("x²", "a·b") go
    through the pattern."""
    lowered = lower_text(text)
    if lowered.isascii():  # runs of a-z, all of them letters: no other sign to look for
        return frozenset(lowered.encode("ascii").translate(_ASCII_SEPARATORS).decode().split())
    data = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_SEPARATORS)
    data = _GENERAL_PUNCTUATION.sub(b" ", data)
    for mark in _GUILLEMETS:
        data = data.replace(mark, b" ")
    pieces = set(data.decode("utf-8", "surrogatepass").split())
    if "".join(pieces).isalpha():
        return frozenset(pieces)
    runs = {piece for piece in pieces if piece.isalpha()}
    for piece in pieces - runs:
        runs.update(_LETTER_RUN.findall(piece))
    return frozenset(runs)


@lru_cache(maxsize=4)
def ascii_runs(text: str) -> frozenset[str]:
    """``set(re.findall("[a-z]+", text.lower()))``: the runs of letters, those with other
    letters than a-z ("são") cut into their a-z parts."""
    runs = letter_runs(text)
    if text.isascii() or "".join(runs).isascii():
        return runs
    found = {run for run in runs if run.isascii()}
    for run in runs - found:
        found.update(_ASCII_RUN.findall(run))
    return frozenset(found)
