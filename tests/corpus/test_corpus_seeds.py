"""The bundled seed articles load as the reader expects."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from treatytui.corpus import Article, Found, discover, load_article
from treatytui.corpus.article import BlockKind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    found = [item for item in discover([SEEDS]) if isinstance(item, Found)]
    articles = [load_article(item.path, item.root) for item in found]
    return {article.id[:3]: article for article in articles}


def texts(article: Article, kind: BlockKind) -> list[str]:
    return [article.block_text(block) for block in article.blocks_of(kind)]


def test_both_seeds_found(seeds: dict[str, Article]) -> None:
    assert sorted(seeds) == ["000", "003"]


def test_blocks_are_exact_slices(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        assert article.warnings == ()
        for block in article.blocks:
            piece = article.block_text(block)
            assert piece and piece == piece.strip()
        assert "\n\n\n" not in article.text
        assert "|" not in article.text
        assert "___" not in article.text and "![" not in article.text


def test_seed_000(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    assert (
        article.title
        == "Laos signs UN Convention against Cybercrime witnessed by President Thongloun"
    )
    assert article.source == "Vientiane Times"
    assert article.published == date(2025, 10, 27)
    assert article.authors == ("Times Reporters",)
    assert texts(article, "title") == [article.title]
    assert texts(article, "byline") == ["By Times Reporters"]
    assert texts(article, "meta") == ["(Latest Update October 27, 2025)"]
    captions = texts(article, "caption")
    assert len(captions) == 3
    assert (
        captions[1]
        == "General Vilay Lakhamfong signs the United Nations Convention against Cybercrime."
    )
    assert captions[0].startswith("The Secretary General of the Lao People’s")
    assert article.blocks[0].kind == "caption"


def test_seed_003(seeds: dict[str, Article]) -> None:
    article = seeds["003"]
    assert article.published == date(2025, 9, 10)
    assert article.source is None
    assert article.blocks_of("title") == ()
    assert texts(article, "meta") == [
        "Where: Speke Resort Munyonyo, Kampala",
        "When: September 8-12",
    ]
    assert "this October. It is an invitation" in article.text
    assert "Le Anh Tuan (pictured below)." in article.text
    assert "The 63rd AALCO session got under way on Monday" in article.text
    paragraphs = texts(article, "paragraph")
    assert "'No country left behind'" in paragraphs
    assert any(p.startswith("Uganda, which assumed the presidency") for p in paragraphs)


def test_seed_texts_untouched() -> None:
    shared = Path("/work/shared/seeds")
    if not shared.is_dir():
        pytest.skip("no shared copy of the seeds")
    for original in shared.glob("*.txt"):
        assert (SEEDS / original.name).read_bytes() == original.read_bytes()
