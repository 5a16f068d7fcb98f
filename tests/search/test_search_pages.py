"""Pages of one relevance query: one order, the title bonus on the best hits, cheap deep pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatytui.search import searcher as searcher_module
from treatytui.search.indexer import refresh
from treatytui.search.searcher import RERANK_WINDOW, Searcher

COUNT = 150


@pytest.fixture(scope="module")
def paged_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("pages")
    articles = base / "articles"
    articles.mkdir()
    for number in range(COUNT):
        # The word "fisheries" is said more often in the low numbers (they score higher);
        # every seventh article has it in its title as well.
        title = f"Fisheries round {number}" if number % 7 == 0 else f"Coastal talks {number}"
        said = " ".join(["fisheries"] * (1 + (COUNT - number) // 30))
        (articles / f"a{number:03}.md").write_text(
            f"---\ntitle: {title}\npublished: 2025-01-{1 + number % 28:02}\n---\n"
            f"Delegates spoke of {said} in a long day of talks on boats and ports.\n",
            encoding="utf-8",
        )
    refresh(base / "index", [articles])
    return base / "index"


@pytest.fixture
def searcher(paged_index: Path):
    opened = Searcher(paged_index)
    yield opened
    opened.close()


def test_pages_put_together_are_the_whole_order(searcher: Searcher) -> None:
    whole = searcher.search("fisheries", limit=COUNT)
    pages = [searcher.search("fisheries", limit=20, offset=o) for o in range(0, COUNT, 20)]
    paged = [hit.id for page in pages for hit in page.hits]
    assert whole.total == COUNT and len(whole.hits) == COUNT
    assert paged == [hit.id for hit in whole.hits]
    assert len(set(paged)) == COUNT
    assert [hit.rank for hit in pages[-1].hits] == list(range(140, COUNT))


def test_the_title_bonus_lifts_hits_within_the_window(searcher: Searcher) -> None:
    top = searcher.search("fisheries", limit=RERANK_WINDOW).hits
    titled = [hit for hit in top if hit.title.startswith("Fisheries")]
    assert titled and top[0].title.startswith("Fisheries")
    first_plain = next(n for n, hit in enumerate(top) if not hit.title.startswith("Fisheries"))
    assert all(top.index(hit) < first_plain for hit in titled)  # every titled hit first
    scores = [hit.score for hit in searcher.search("fisheries", limit=COUNT).hits]
    assert scores == sorted(scores, reverse=True)  # the window's boosted scores stay on top


def test_a_deep_page_reads_only_its_own_hits(
    searcher: Searcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    searcher.search("fisheries", limit=1)  # opened
    read: list[int] = []
    whoosh = searcher._whoosh
    real = whoosh.stored_fields
    monkeypatch.setattr(whoosh, "stored_fields", lambda n: read.append(n) or real(n))
    page = searcher.search("fisheries", limit=10, offset=130)
    assert len(page.hits) == 10 and len(read) == 10
    read.clear()
    searcher.search("fisheries", limit=10, offset=0)
    assert len(read) == RERANK_WINDOW  # the first page re-orders the whole window
    assert searcher_module.RERANK_WINDOW < 130
