"""Snapshots of the screens that matter (SVG files in __snapshots__/, checked by eye)."""

from __future__ import annotations

from textual.widgets import Input

from conftest import settle

WIDE = (120, 36)


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
