"""Small terminals, NO_COLOR, the user config, and an index changed by another process."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import yaml

from conftest import open_first, screen_text, settle
from treatytui.app.settings import load_settings
from treatytui.config import seeds_dir


async def test_80x24_stacks_the_facts_panel_without_overlap(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        screen = app.main
        search = screen.search_pane.region
        article = screen.query_one("#article-pane").region
        facts = screen.facts_panel.region
        assert facts.y > article.y and facts.x == article.x  # stacked below the article
        for a, b in ((search, article), (search, facts), (article, facts)):
            assert not a.overlaps(b)
        for region in (search, article, facts):
            assert region.right <= 80 and region.bottom <= 23  # the footer has the last row
        assert screen.viewer.size.width >= 40
        # The facts panel can be hidden to give the article the whole column.
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not screen.facts_panel.display
        assert screen.query_one("#article-pane").region.height > article.height


async def test_wide_terminal_puts_three_panes_side_by_side(make_app):
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main
        regions = [
            screen.search_pane.region,
            screen.query_one("#article-pane").region,
            screen.facts_panel.region,
        ]
        assert [r.y for r in regions] == [0, 0, 0]
        assert regions[0].right <= regions[1].x and regions[1].right <= regions[2].x


async def test_too_small_terminal_says_enlarge(make_app):
    app = make_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await settle(pilot)
        assert "Enlarge the terminal" in screen_text(app)
        assert not app.main.query_one("#panes").display or (
            app.main.query_one("#panes").region.area == 0
        )


async def test_no_color_keeps_highlights_visible_by_style(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    assert app.no_color
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_first(pilot, "hanoi")
        await pilot.press("n")
        viewer = app.main.viewer
        hit = viewer.get_component_rich_style("article-viewer--hit", partial=True)
        current = viewer.get_component_rich_style("article-viewer--current-hit", partial=True)
        sentence = viewer.get_component_rich_style("article-viewer--sentence", partial=True)
        assert hit.bold and hit.underline
        assert current.reverse
        assert sentence.underline
        match = app.main.search_pane.results.get_component_rich_style(
            "results-list--match", partial=True
        )
        assert match.bold and match.underline


async def test_malformed_config_is_reported_once_and_defaults_used(make_app, config_home):
    (config_home / "config.yaml").write_text("theme: [unclosed\nsort: newest\n")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        problems = [n for n in app._notifications if n.title == "Settings"]
        assert len(problems) == 1 and "not valid YAML" in problems[0].message
        assert app.theme == "textual-dark"
        assert app.main.sort == "relevance"


async def test_theme_change_is_remembered(make_app, config_home):
    (config_home / "config.yaml").write_text("sort: newest\n")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.main.sort == "newest"
        app.theme = "nord"
        await pilot.pause()
    saved = yaml.safe_load((config_home / "config.yaml").read_text())
    assert saved == {"sort": "newest", "theme": "nord"}
    assert load_settings(config_home).theme == "nord"
    again = make_app()
    assert again.theme == "nord"


async def test_index_changed_by_another_process_is_noticed(make_app, seed_index, tmp_path):
    from treatytui.search.indexer import refresh

    app = make_app(poll_seconds=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.main.last_result.total == 2
        extra = tmp_path / "more"
        extra.mkdir()
        shutil.copy(seeds_dir() / "000_d9b2f0b984d1a4ec.txt", extra / "copy.txt")
        await asyncio.to_thread(refresh, seed_index, [seeds_dir(), extra])
        for _ in range(30):
            await pilot.pause(0.1)
            if app.main.last_result.total == 3:
                break
        await settle(pilot)
        assert app.main.last_result.total == 3
        assert any("Index updated — 3 articles" in n.message for n in app._notifications)


async def test_unwritable_index_folder_opens_read_only(make_app, monkeypatch):
    from treatytui.search import indexer

    def refuse(*args, **kwargs):
        raise indexer.IndexUnavailable("cannot write to the index folder /x: Permission denied")

    monkeypatch.setattr(indexer, "refresh", refuse)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.read_only
        assert any(n.message.startswith("Read-only") for n in app._notifications)
        assert app.main.last_result.total == 2


async def test_no_index_yet_is_built_on_start(make_app, tmp_path: Path):
    app = make_app(index_root=tmp_path / "fresh")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.main.last_result is not None and app.main.last_result.total == 2
