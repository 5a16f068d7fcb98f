"""What a fetched web page says about itself: main text, title, site, authors, date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from treatytui.corpus.dates import date_in_url


@dataclass(frozen=True)
class PageFacts:
    """A page's main text (for the content hash) and its metadata."""

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()


def describe_page(html: str, url: str) -> PageFacts:
    """The main text and metadata of the HTML page fetched from ``url``, read the way the
    indexer will read the stored file."""
    from treatytui.corpus.cleaning import clean

    document = clean(html, "html")
    meta = document.metadata
    return PageFacts(
        text=document.text,
        title=meta.title,
        source=meta.source,
        url=meta.url,
        published=meta.published or date_in_url(url),
        authors=meta.authors,
    )
