"""Metadata lines at the top of a plain-text article: ``Title:``, ``Source:``, ``By …``.

Scraped and hand-saved text files often open with a few such lines instead of YAML::

    Title: Laos signs the convention
    Source: Vientiane Times
    Published: 27 October 2025
    By Times Reporters

    Laos has joined 63 countries…

The header block is the run of lines at the very top (after blank lines) that are each a
known ``Key: value`` line (keys case-insensitive, one or two words: ``Title``, ``Source``,
``Published``, ``Date``, ``Publication date``, ``Author``, ``Written by``, ``URL``,
``Source URL``, ``Tags``, ``Keywords``…) or a byline; it ends at the first line
that is neither. It counts only when it holds at least one ``Key:`` line, so a story that
opens with "By the end of the week…" or a byline alone is left as it is. The block
leaves the body; its values become metadata (after the sidecar and front matter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from treatytui.corpus.article import Metadata
from treatytui.corpus.metadata import metadata_from_mapping
from treatytui.corpus.segments import byline_names

# The key each header word stands for (read as metadata_from_mapping reads YAML keys).
HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
    "outlet": "source",
    "published": "published",
    "date": "published",
    "author": "authors",
    "authors": "authors",
    "byline": "authors",
    "url": "url",
    "link": "url",
    "publication": "source",
    "site": "source",
    "published on": "published",
    "publication date": "published",
    "date published": "published",
    "posted": "published",
    "posted on": "published",
    "written by": "authors",
    "source url": "url",
    "original url": "url",
    "tags": "tags",
    "keywords": "tags",
}
_KEY_LINE = re.compile(
    r"[ \t]*(?P<key>[A-Za-z]+(?:[ \t][A-Za-z]+)?)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*"
)
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:[,;&]|\band\b)\s*")
_MAX_HEADER_LINES = 12


@dataclass(frozen=True, slots=True)
class HeaderLines:
    """The metadata of a header block, the text after it, and any warnings."""

    metadata: Metadata
    body: str
    warnings: tuple[str, ...] = ()


def _header_line(line: str) -> tuple[str, str] | None:
    """``(key, value)`` for a header line ("authors" for a byline), else None."""
    match = _KEY_LINE.fullmatch(line)
    if match is not None:
        key = HEADER_KEYS.get(" ".join(match["key"].lower().split()))
        return (key, match["value"]) if key is not None else None
    names = byline_names(line.strip())
    return ("byline", ", ".join(names)) if names else None


def split_header_lines(text: str) -> HeaderLines | None:
    """The header block at the top of ``text`` (see the module docstring), or None."""
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    values: dict[str, object] = {}
    keyed = False
    end = start
    while end < len(lines) and end - start < _MAX_HEADER_LINES:
        found = _header_line(lines[end].rstrip("\r\n").lstrip("\ufeff"))
        if found is None:
            break
        key, value = found
        keyed = keyed or key != "byline"
        key = "authors" if key == "byline" else key
        if key == "authors" and isinstance(value, str):
            value = [name for name in _AUTHOR_SEPARATOR.split(value) if name]
        values.setdefault(key, value)
        end += 1
    if not keyed:
        return None
    metadata, warnings = metadata_from_mapping(
        values, f"header line{'s' if end - start > 1 else ''}"
    )
    body = "".join(lines[end:]).lstrip("\r\n")
    return HeaderLines(metadata, body, tuple(warnings))
