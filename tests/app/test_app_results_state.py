"""The results list and the reading state across index changes: a star (mark, note) from
the list keeps the article's content hash, renamed files keep their state after the
reader re-indexes, and the highlighted article stays highlighted and on screen when the
list is refreshed with new rows above it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import screen_text, settle
from treatytui.app.screens.main import MainScreen
from treatytui.app.widgets.results_list import ROW_HEIGHT
from treatytui.collection import Collection
from treatytui.search.searcher import Searcher
from treatytui.state import ArticleKey, ReadingState

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def _never_read_by_time(monkeypatch):
    monkeypatch.setattr(MainScreen, "read_after", 3600.0)


def write_article(folder: Path, number: int, day: str) -> Path:
    path = folder / f"a{number:03d}.md"
    path.write_text(
        f"---\ntitle: Treaty round number {number}\npublished: {day}\n---\n"
        f"Negotiators met for round {number} of the treaty talks in Nairobi.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def collection(tmp_path: Path) -> tuple[Path, Path]:
    """(articles folder, index) of 30 articles a day apart, remembered as a collection, so
    that the reader's re-index (ctrl+r) reads that folder."""
    from treatytui.search.indexer import refresh

    articles, index = tmp_path / "articles", tmp_path / "index"
    articles.mkdir()
    for number in range(30):
        write_article(articles, number, f"2025-03-{1 + number % 28:02d}")
    refresh(index, [articles])
    remembered = Collection.load(index)
    remembered.add([articles])
    remembered.include_seeds = False  # the start-up refresh finds nothing to change
    remembered.save()
    return articles, index


def content_hash(index: Path, article_id: str) -> str:
    searcher = Searcher(index)
    try:
        indexed = searcher.article(article_id)
        assert indexed is not None
        return indexed.article.content_hash
    finally:
        searcher.close()


@pytest.mark.parametrize("key", ["asterisk", "m"])
async def test_a_star_or_mark_from_the_list_stores_the_content_hash(make_app, seed_index, key):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down")  # the second hit; no article is open
        assert app.main.viewer.indexed is None
        target = app.main.search_pane.results.current_hit.id
        await pilot.press(key)
        await settle(pilot)
    expected = content_hash(seed_index, target)
    assert expected
    with ReadingState.open() as state:
        assert state.get(target).hash == expected


async def test_reindexing_moves_the_state_of_a_renamed_file(make_app, collection):
    articles, index = collection
    old_id = next(i for i in _ids(index) if i.endswith("a007.md"))
    with ReadingState.open() as state:
        state.set_starred(ArticleKey(old_id, content_hash(index, old_id)))
        state.set_note(ArticleKey(old_id), "ask the secretariat")
    app = make_app(index_root=index)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (articles / "a007.md").rename(articles / "renamed.md")
        await pilot.press("ctrl+r")
        await settle(pilot)
        await settle(pilot)
        new_id = next(i for i in _ids(index) if i.endswith("renamed.md"))
        with ReadingState.open() as state:
            moved = state.get(new_id)
            assert moved.starred and moved.note == "ask the secretariat"
            assert not state.get(old_id).starred
        results = app.main.search_pane.results
        assert results.marks[new_id].starred  # the new results show the moved star
        said = [n.message for n in app._notifications]
        assert any("renamed article" in message for message in said), said


@pytest.mark.parametrize("row", [12, 22])  # after the refresh: in the first page, past it
async def test_the_highlighted_article_stays_highlighted_and_visible_after_new_rows(
    make_app, collection, row
):
    articles, index = collection
    app = make_app(index_root=index)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        await pilot.press("tab", *["j"] * row)
        await settle(pilot)
        target, total = results.current_hit.id, results.total
        top_before = results.scroll_offset.y
        on_screen_before = results.highlighted * ROW_HEIGHT - top_before
        assert 0 <= on_screen_before <= results.scrollable_content_region.height - ROW_HEIGHT
        for number in range(100, 106):  # six newer articles: rows above the cursor
            write_article(articles, number, "2025-06-01")
        await pilot.press("ctrl+r")
        await settle(pilot)
        await settle(pilot)
        assert results.total == total + 6
        assert results.current_hit is not None and results.current_hit.id == target
        row_top = results.highlighted * ROW_HEIGHT - results.scroll_offset.y
        height = results.scrollable_content_region.height
        assert 0 <= row_top <= height - ROW_HEIGHT  # the whole row is on screen
        # ... where it was (a row higher if the progress bar took a line meanwhile).
        assert abs(row_top - on_screen_before) <= ROW_HEIGHT
        title = results.current_hit.title
        assert title in screen_text(app)


def _ids(index: Path) -> list[str]:
    searcher = Searcher(index)
    try:
        return [hit.id for hit in searcher.search("", limit=1000).hits]
    finally:
        searcher.close()


async def test_at_the_top_new_rows_show_above_the_highlighted_article(make_app, collection):
    articles, index = collection
    app = make_app(index_root=index)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        await pilot.press("tab")
        target, row = results.current_hit.id, results.highlighted
        for number in (200, 201):  # two newer articles
            write_article(articles, number, "2025-07-01")
        await pilot.press("ctrl+r")
        await settle(pilot)
        await settle(pilot)
        assert results.current_hit.id == target and results.highlighted == row + 2
        assert results.scroll_offset.y == 0  # the list stays at the top
        text = screen_text(app)
        assert "Treaty round number 200" in text and "Treaty round number 201" in text
