"""Inferring metadata from an article's clean text when no YAML gives it.

- title: the title block, else the first sentence, shortened to about 100 characters;
- published: an update stamp ("Latest Update October 27, 2025", "(Updated: ...)"), a
  dateline ("CaliToday (26/10/2025): ..."), a date in the URL path, or a line that holds
  only a date, in that order;
- authors: the names in the byline ("By Jane Doe and John Roe").
"""

from __future__ import annotations

import re
from datetime import date

from treatytui.corpus.article import Metadata
from treatytui.corpus.cleaning import CleanText
from treatytui.corpus.dates import date_in_url, find_date
from treatytui.corpus.segments import byline_names, is_date_line, stamp_text

_MAX_TITLE_CHARS = 100
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=[\"”’)]*(?:\s|$))")
# A dateline opens a story: a place or outlet, a date, then a colon or dash.
_DATELINE = re.compile(r"(?P<head>[^.!?:—–]{2,60}?)\s*(?::|\s[—–-])\s")
_DATELINE_DEPTH = 3


def shorten(text: str, limit: int = _MAX_TITLE_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():  # drop the word that was cut through
        cut = cut.rsplit(" ", 1)[0]
    return f"{cut.rstrip(' ,;:—–-')}…"


def _title(document: CleanText) -> str | None:
    titles = [b for b in document.blocks if b.kind == "title"]
    if titles:
        return document.text[titles[0].start : titles[0].end]
    for block in document.blocks:
        if block.kind == "paragraph":
            paragraph = document.text[block.start : block.end]
            match = _FIRST_SENTENCE.match(paragraph)
            return shorten((match.group() if match else paragraph).rstrip("."))
    return None


def _published(document: CleanText, url: str | None) -> date | None:
    texts = [(b.kind, document.text[b.start : b.end]) for b in document.blocks]
    for _kind, text in texts:
        stamp = stamp_text(text)
        if stamp is not None and (found := find_date(stamp)) is not None:
            return found
    for _kind, text in [t for t in texts if t[0] == "paragraph"][:_DATELINE_DEPTH]:
        dateline = _DATELINE.match(text)
        if dateline is not None and (found := find_date(dateline["head"])) is not None:
            return found
    if url and (found := date_in_url(url)) is not None:
        return found
    for kind, text in texts:
        if kind == "meta" and is_date_line(text):
            return find_date(text)
    return None


def _authors(document: CleanText) -> tuple[str, ...]:
    for block in document.blocks:
        if block.kind == "byline":
            names = byline_names(document.text[block.start : block.end])
            if names:
                return names
    return ()


def infer_metadata(document: CleanText, url: str | None = None) -> Metadata:
    """What the text itself says about the article (``url`` is the known URL, if any)."""
    return Metadata(
        title=_title(document),
        published=_published(document, url),
        authors=_authors(document),
    )
