"""Decoding a fetched page: the declared charset, checked against what the bytes say.

Order: a byte-order mark; valid UTF-8 (bytes that decode as UTF-8 and are not plain ASCII
almost never are anything else, so a page that declares Latin-1 but is UTF-8 still reads
right); the charset the HTTP header declares, then the one the page declares
(``<meta charset>``, ``http-equiv``, an XML declaration), each only if the bytes decode
with it; then a guess from the bytes (charset-normalizer) for non-Latin scripts; else
Windows-1252, the web's default for undeclared pages (on a short Latin-script text the
guesser cannot tell Windows-1252 from 1250 or 1257, and 1252 is by far the likelier).
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 4096
# Single-byte Latin-script codecs the guesser confuses with Windows-1252 on short texts.
_LATIN = frozenset(
    "cp1250 cp1252 cp1254 cp1257 cp775 cp850 cp852 cp858 iso8859-1 iso8859-2 iso8859-3 "
    "iso8859-4 iso8859-9 iso8859-10 iso8859-13 iso8859-14 iso8859-15 iso8859-16 "
    "mac-roman mac-latin2 mac-iceland mac-turkish".split()
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*(?P<html>[A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["'](?P<xml>[A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def page_charset(body: bytes) -> str | None:
    """The charset a page declares in its first few kilobytes, if any."""
    match = _DECLARED.search(body[:_SNIFF_BYTES])
    if match is None:
        return None
    return (match["html"] or match["xml"]).decode("ascii").lower()


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with treatytui
        return None
    best = from_bytes(body[: 256 * 1024]).best()
    codec = _codec(best.encoding) if best is not None else None
    return None if codec is None or codec in _LATIN else codec


def decode_page(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """``body`` as text and the charset it was read with (see the module docstring)."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace").lstrip("\ufeff"), codec
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for candidate in (_codec(declared), _codec(page_charset(body)), _guess(body)):
        if candidate is None or candidate.startswith("utf-16"):
            continue  # UTF-16 without a BOM is not what a web page is
        try:
            return body.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    return body.decode("cp1252", errors="replace"), "cp1252"
