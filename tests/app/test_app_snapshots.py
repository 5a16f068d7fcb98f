"""Snapshots of the screens that matter (SVG files in __snapshots__/, checked by eye)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from conftest import settle
from treatytui.app.screens.main import MainScreen

WIDE = (120, 36)


@pytest.fixture(autouse=True)
def _no_read_while_snapping(monkeypatch):
    """An article open a few seconds becomes read: never while a snapshot is being taken
    on a slow machine (its marks would change)."""
    monkeypatch.setattr(MainScreen, "read_after", 3600.0)


def steps(*keys: str):
    """A run_before that waits for the index, stops cursor blink, then presses ``keys``."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            if key.startswith("type:"):
                await pilot.press(*key.removeprefix("type:"))
            else:
                await pilot.press(key)
            await settle(pilot)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    return run_before


def test_snapshot_main_screen_with_the_seeds(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=steps())


def test_snapshot_query_with_results(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=steps("type:signing"))


def test_snapshot_open_article_with_facts(make_app, snap_compare):
    run = steps("type:hanoi", "enter", "enter", "n")
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=run)


def test_snapshot_fact_selected(make_app, snap_compare):
    run = steps("tab", "enter", "f", "down", "down", "down", "down", "enter")
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=run)


def test_snapshot_help_screen(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=steps("f1"))


def test_snapshot_80x24_article(make_app, snap_compare):
    run = steps("type:convention", "enter", "enter", "n", "n")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_snapshot_no_color(make_app, snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    run = steps("type:hanoi", "enter", "enter", "n")
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=run)


def test_snapshot_query_error(make_app, snap_compare):
    async def paste_error(pilot) -> None:
        await steps("type:hanoi")(pilot)
        pilot.app.main.search_pane.query_input.insert_text_at_cursor(' "unclosed')
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=WIDE, run_before=paste_error)


def test_snapshot_too_small(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=(50, 12), run_before=steps())


def test_snapshot_results_with_marks(make_app, snap_compare):
    from treatytui.state import ArticleKey, ReadingState

    with ReadingState.open() as state:
        state.set_note(ArticleKey("seeds/003_1a7183f8b07ea888.txt"), "call the ministry")

    # The first read and starred, the second unread with a note: the marks are shapes.
    async def mark(pilot) -> None:
        await steps("tab", "m", "asterisk")(pilot)
        pilot.app.clear_notifications()  # they time out: not part of the picture
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=mark)


def test_snapshot_saved_searches(make_app, snap_compare):
    from treatytui.state import ArticleKey, ReadingState

    with ReadingState.open() as state:
        state.save_search("cybercrime, unread", "cybercrime is:unread")
        state.save_search("hanoi", "hanoi")
        state.save_search("starred", "is:starred")
        state.set_read(ArticleKey("seeds/003_1a7183f8b07ea888.txt"))
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=steps("tab", "S"))
