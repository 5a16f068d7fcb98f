"""Saved web pages: main text without the furniture, metadata from meta, OG and JSON-LD."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fetch.extraction_pages import PAGES, ExtractionPage

from treatytui.corpus.loading import load_article


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_saved_page(page: ExtractionPage, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page.html, encoding="utf-8")
    article = load_article(path)
    text = _normal(article.text)
    assert [s for s in page.kept if _normal(s) not in text] == []
    assert [s for s in page.dropped if _normal(s) in text] == []
    meta = page.meta
    assert article.title == meta["title"]
    assert article.source == meta["source"]
    assert article.authors == meta["authors"]
    assert article.published is not None and article.published.isoformat() == meta["published"]


def test_a_caption_stays_a_caption_in_its_place(tmp_path: Path) -> None:
    from tests.fetch.extraction_pages import CAPTION, P3, PAGE_FIGURE

    path = tmp_path / "figure.html"
    path.write_text(PAGE_FIGURE.html, encoding="utf-8")
    article = load_article(path)
    texts = [(b.kind, article.block_text(b)) for b in article.blocks]
    assert texts[0] == ("title", "A minute of silence opens the signing")
    where = texts.index(("caption", CAPTION))
    assert texts[where - 1][1] == P3[0] and texts[where + 1][1] == P3[1]
