"""Layout follow-ups of issue 12: notifications beside the find bar, the facts panel's width."""

from __future__ import annotations

import pytest
from tests.app.conftest import open_first, settle
from textual.widgets._toast import Toast


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (200, 50)])
async def test_a_notification_never_covers_the_find_bar(make_app, size):
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await open_first(pilot, "hanoi")
        await pilot.press("ctrl+f", *"convention")
        await settle(pilot)
        find = app.main.find_input.region
        assert find.area
        app.notify("Something happened somewhere\nover two lines", timeout=30)
        app.notify("And a second notice", timeout=30)
        await settle(pilot)
        toasts = [toast.region for toast in app.screen.query(Toast)]
        assert len(toasts) == 2 and all(region.area for region in toasts)
        assert not any(region.overlaps(find) for region in toasts)
        await pilot.press("escape")  # find closed: the toasts go back down
        await settle(pilot)
        app.notify("A third", timeout=30)
        await settle(pilot)
        lowest = max(toast.region.bottom for toast in app.screen.query(Toast))
        assert lowest == size[1] - 1  # just above the footer


async def test_focus_comes_back_after_the_terminal_was_too_small(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_first(pilot, "hanoi")
        viewer = app.main.viewer
        assert app.focused is viewer
        for small in ((50, 30), (120, 12), (40, 10)):
            await pilot.resize_terminal(*small)
            await settle(pilot)
            await pilot.resize_terminal(120, 36)
            await settle(pilot)
            assert app.focused is viewer, small
        await pilot.press("n")  # the keys work again
        assert viewer.current_hit == 0
        await pilot.press("tab")
        focused = app.focused
        assert focused is not viewer
        await pilot.resize_terminal(50, 12)
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.focused is focused


async def test_the_facts_panel_widens_with_the_terminal(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_first(pilot, "hanoi")
        widths = {}
        for width in (120, 160, 200, 260):
            await pilot.resize_terminal(width, 50)
            await settle(pilot)
            facts = app.main.facts_panel.region
            article = app.main.query_one("#article-pane").region
            assert facts.y == article.y  # beside the article from 120 columns on
            assert article.width >= 40
            widths[width] = facts.width
        assert widths[120] >= 34  # as wide as before where the room is short
        assert widths[120] < widths[160] < widths[200]
        assert widths[200] >= 46  # was 34 whatever the terminal


def footer_keys_cut(app) -> list[str]:
    """The footer keys shown but not whole on screen (cut by the edge or the palette key)."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    palette = [key for key in keys if key.has_class("-command-palette")]
    edge = palette[0].region.x if palette else footer.region.right
    cut = []
    for key in keys:
        if key in palette or not key.display:
            continue
        region = key.region
        if not region.area or region.right > edge or region.width < key.render().cell_len:
            cut.append(key.description)
    return cut


async def test_the_footer_at_80_columns_shows_whole_keys_only(make_app):
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = {}
        for step in ((), ("tab",), ("enter",), ("f",), ("c",)):
            await pilot.press(*step)
            await settle(pilot)
            assert footer_keys_cut(app) == [], step
            shown = [k.description for k in app.screen.query(FooterKey) if k.display]
            seen[step] = shown
            assert len(shown) >= 3, step
        assert "Quit" in seen[("f",)]  # quit and help stay longest
