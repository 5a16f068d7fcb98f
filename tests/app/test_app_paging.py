"""Every result is reachable: the list is as tall as the matches from the first page on,
fetches the hits a page at a time as they come into view, ``G`` fetches only the last
page, and a row whose page is not in yet is a placeholder (no key waits for it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import settle
from treatytui.app.screens.main import MainScreen
from treatytui.app.widgets import results_list
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


def shown(results) -> str:
    """The results list's lines as drawn now."""
    return "\n".join(results.render_line(y).text for y in range(results.size.height))


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


async def test_G_fetches_only_the_last_page_and_shows_the_last_hit_g_goes_back(
    many_app, monkeypatch
):
    monkeypatch.setattr(results_list, "PAGE", 40)  # pages from 0 and 40
    asked: list[int] = []
    real = MainScreen._more

    def record(self, *search_and_page):
        asked.append(search_and_page[-2])  # (query, sort, as_you_type, serial, offset, limit)
        real(self, *search_and_page)

    monkeypatch.setattr(MainScreen, "_more", record)
    app = many_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = app.main.search_pane
        results = pane.results
        status = str(pane.query_one("#search-status").content)
        assert f"{COUNT} articles" in status and " of " not in status  # the count is the count
        assert results.total == COUNT and len(results.hits) == 25
        assert results.virtual_size.height == COUNT * results_list.ROW_HEIGHT
        await pilot.press("tab", "G")
        await settle(pilot)
        assert results.highlighted == COUNT - 1
        assert results.current_hit.title == "Convention meeting number 0"  # the oldest
        assert asked == [40]  # the last page alone, not the 15 hits before it
        assert len(results.hits) == 25 + 30
        assert "Convention meeting number 0" in shown(results)
        assert f" {COUNT} of {COUNT} " in shown(results)  # its number, under it
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.viewer.indexed.article.title == "Convention meeting number 0"
        await pilot.press("escape", "g")
        await settle(pilot)
        assert results.highlighted == 0
        assert results.current_hit.title == f"Convention meeting number {COUNT - 1}"
        assert f"Convention meeting number {COUNT - 1}" in shown(results)
        assert f" 1 of {COUNT} " in shown(results) and f" {COUNT} of" not in shown(results)


async def test_moving_down_fetches_the_next_page_before_the_end(many_app):
    app = many_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"convention", "enter")
        await settle(pilot)
        results = app.main.search_pane.results
        assert len(results.hits) == 25
        for _ in range(18):
            await pilot.press("j")
        await settle(pilot)
        assert len(results.hits) > 25  # fetched while the cursor was still on a fetched hit
        for _ in range(COUNT - 19):
            await pilot.press("j")
        await settle(pilot)
        assert len(results.hits) == COUNT and results.complete
        assert results.highlighted == COUNT - 1
        assert len({hit.id for hit in results.hits}) == COUNT
        await pilot.press("j")  # at the last hit: stays there
        assert results.highlighted == COUNT - 1


async def test_pagedown_moves_a_screen_of_hits(many_app):
    app = many_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        await pilot.press("tab", "pagedown")
        per_screen = results.scrollable_content_region.height // results_list.ROW_HEIGHT
        assert results.highlighted == per_screen
        for _ in range(COUNT):
            await pilot.press("pagedown")
        await settle(pilot)
        assert results.highlighted == COUNT - 1 and results.current_hit is not None
        await pilot.press("pageup")
        assert results.highlighted == COUNT - 1 - per_screen


async def test_a_row_not_fetched_yet_is_a_placeholder_and_no_key_waits(many_app, monkeypatch):
    held: list[tuple[object, ...]] = []
    real = MainScreen._more
    monkeypatch.setattr(MainScreen, "_more", lambda self, *page: held.append(page))
    app = many_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        await pilot.press("tab", "G")
        await settle(pilot)
        assert results.highlighted == COUNT - 1  # the cursor is there at once
        assert results.current_hit is None  # ... on a row whose page is not in
        assert held and "…" in shown(results) and "Convention meeting" not in shown(results)
        await pilot.press("enter")  # nothing to open yet: nothing happens
        await settle(pilot)
        assert app.main.viewer.indexed is None
        for page in held:  # the pages come in
            real(app.main, *page)
        await settle(pilot)
        assert results.current_hit.title == "Convention meeting number 0"
        assert "Convention meeting number 0" in shown(results)


async def test_a_page_that_cannot_be_fetched_says_why_in_its_rows(many_app, monkeypatch):
    from treatytui.search.results import QueryError

    app = many_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        real = app.main.library.search

        def failing(text, **options):
            if options.get("offset"):
                raise QueryError("query too broad")
            return real(text, **options)

        monkeypatch.setattr(app.main.library.searcher, "search", failing)
        await pilot.press("tab", "G")
        await settle(pilot)
        assert results.current_hit is None
        assert "not fetched: query too" in shown(results)


async def test_a_click_on_a_row_highlights_and_opens_its_hit(many_app):
    app = many_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        second = results.hits[1]
        await pilot.click(results, offset=(6, results_list.ROW_HEIGHT + 1))  # its 2nd line
        await settle(pilot)
        assert results.highlighted == 1
        assert app.main.viewer.indexed.article.id == second.id
