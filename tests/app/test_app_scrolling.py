"""Scrolling keys: the help screen (j/k/space) and half pages in the article (ctrl+d/u)."""

from __future__ import annotations

from tests.app.conftest import open_first, settle

from treatytui.app.dialogs.help import HelpScreen


async def test_help_scrolls_with_j_k_space_and_G(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 10  # the help is longer than 24 lines
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("k")
        assert body.scroll_y == 1
        await pilot.press("space")
        assert body.scroll_y > 10
        await pilot.press("b")
        assert body.scroll_y == 1
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
        assert isinstance(app.screen, HelpScreen)  # none of them closed it


async def test_ctrl_d_and_ctrl_u_scroll_the_article_by_half_a_page(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_first(pilot, "")
        viewer = app.main.viewer
        assert app.focused is viewer
        half = viewer.scrollable_content_region.height // 2
        assert viewer.max_scroll_y > 2 * half
        await pilot.press("ctrl+d")
        assert viewer.scroll_y == half
        await pilot.press("ctrl+d")
        assert viewer.scroll_y == 2 * half
        await pilot.press("ctrl+u")
        assert viewer.scroll_y == half
