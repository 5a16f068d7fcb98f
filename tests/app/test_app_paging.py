"""Every result is reachable: the list loads the next page as the cursor nears its end,
``G`` goes to the last hit, and the count is the number of matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import settle
from treatytui.search.searcher import Searcher

COUNT = 70


@pytest.fixture(scope="module")
def many_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of 70 short articles, a day apart, every one about a convention."""
    from treatytui.search.indexer import refresh

    base = tmp_path_factory.mktemp("many")
    articles = base / "articles"
    articles.mkdir()
    for number in range(COUNT):
        day = f"2025-{1 + number // 28:02d}-{1 + number % 28:02d}"
        (articles / f"a{number:03d}.md").write_text(
            f"---\ntitle: Convention meeting number {number}\npublished: {day}\n---\n"
            f"Delegates met for session {number} of the convention talks in Geneva.\n",
            encoding="utf-8",
        )
    refresh(base / "index", [articles])
    return base / "index"


@pytest.fixture
def many_app(make_app, many_index):
    """An app on the 70 articles (without the start-up refresh from the collection)."""
    return make_app(index_root=many_index, refresh_index=False)


@pytest.mark.parametrize("query,sort", [("", "relevance"), ("convention", "relevance"),
                                        ("convention", "oldest")])  # fmt: skip
def test_pages_put_together_are_the_whole_list(many_index, query, sort):
    searcher = Searcher(many_index)
    try:
        whole = searcher.search(query, limit=COUNT, sort=sort)
        pages = [searcher.search(query, limit=25, sort=sort, offset=o) for o in (0, 25, 50)]
    finally:
        searcher.close()
    assert whole.total == COUNT
    assert [h.id for p in pages for h in p.hits] == [h.id for h in whole.hits]
    assert [h.rank for h in pages[2].hits] == list(range(50, COUNT))
    assert all(p.total == COUNT for p in pages)


@pytest.mark.parametrize("chunk", [500, 20])  # G lists the rest in pages of this many
async def test_G_goes_to_the_last_of_every_result(many_app, monkeypatch, chunk):
    from treatytui.app.screens import main

    monkeypatch.setattr(main, "TO_END_PAGE", chunk)
    app = many_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        status = str(app.main.search_pane.query_one("#search-status").content)
        assert f"{COUNT} articles" in status and " of " not in status  # the count is the count
        assert len(results.hits) == 25
        await pilot.press("tab", "G")
        await settle(pilot)
        assert len(results.hits) == COUNT
        assert results.highlighted == COUNT - 1
        assert results.current_hit.title == "Convention meeting number 0"  # the oldest
        assert len({hit.id for hit in results.hits}) == COUNT
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.viewer.indexed.article.title == "Convention meeting number 0"


async def test_moving_down_loads_the_next_page_before_the_end(many_app):
    app = many_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"convention", "enter")
        await settle(pilot)
        results = app.main.search_pane.results
        assert len(results.hits) == 25
        for _ in range(20):
            await pilot.press("j")
        await settle(pilot)
        assert len(results.hits) > 25  # loaded while the cursor was still on a listed hit
        for _ in range(COUNT - 21):
            await pilot.press("j")
        await settle(pilot)
        assert len(results.hits) == COUNT
        assert results.highlighted == COUNT - 1
