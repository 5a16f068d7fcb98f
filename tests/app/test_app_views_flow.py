"""From the reader to the collection views and back: t, c, enter on a row, escape."""

from __future__ import annotations

from conftest import SIZE, settle
from treatytui.app.screens.figures import FiguresScreen
from treatytui.app.screens.main import MainScreen
from treatytui.app.screens.timeline import TimelineScreen
from treatytui.app.widgets.article_viewer import ArticleViewer


async def test_timeline_row_opens_the_article_at_its_sentence_and_escape_returns(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "t")
        await settle(pilot)
        timeline = app.screen
        assert isinstance(timeline, TimelineScreen)
        assert timeline.entries, "the seeds have dated facts"
        await pilot.press("down")
        chosen = timeline.rows.current
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        viewer = app.main.viewer
        assert isinstance(app.focused, ArticleViewer)
        assert viewer.indexed is not None and viewer.sentence is not None
        start, end = viewer.sentence
        mention = timeline.mentions_of(chosen)[0]
        assert start <= mention.span[0] < end
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is timeline
        assert timeline.rows.current == chosen
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_figures_from_the_palette_and_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "c")
        await settle(pilot)
        assert isinstance(app.screen, FiguresScreen)
        assert app.screen.entries
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Timeline")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)


async def test_the_figures_cursor_skips_the_group_headings(make_app):
    from treatytui.views.figures import FigureGroup

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "c")
        await settle(pilot)
        figures = app.screen
        assert isinstance(figures, FiguresScreen)
        rows = figures.rows
        groups = sum(isinstance(entry, FigureGroup) for entry in rows.rows)
        assert groups >= 2, "the seeds report several quantities"
        landed = [rows.cursor]
        for _ in range(len(rows.rows)):
            await pilot.press("j")
            landed.append(rows.cursor)
        assert not any(isinstance(rows.rows[i], FigureGroup) for i in landed)
        assert landed[-1] == len(rows.rows) - 1  # the last figure was reached
        assert len(set(landed)) == len(rows.rows) - groups  # every figure on the way
        await pilot.press("g")
        first = rows.cursor
        assert not isinstance(rows.current, FigureGroup) and first > 0
        await pilot.press("k")  # nothing above the first figure but its heading
        assert rows.cursor == first
        await pilot.press("G", "pageup", "pageup")
        assert not isinstance(rows.current, FigureGroup)
