"""Help, command palette, copying, find-in-article, suggestions, sorting, query errors."""

from __future__ import annotations

from conftest import open_first, settle
from treatytui.app.dialogs.help import HelpScreen
from treatytui.app.widgets.article_viewer import ArticleViewer

SIZE = (120, 36)


async def test_help_lists_live_bindings_and_closes(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {binding.description for _section, _keys, binding in app.screen.rows()}
        for words in ("Next hit", "Cite", "Go to fact", "Use suggestion", "Sort", "Quit"):
            assert words in described
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("tab", "question_mark")  # ? outside the input
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_keymap_from_config_remaps_and_help_follows(make_app, config_home):
    (config_home / "config.yaml").write_text("keymap:\n  viewer.next-hit: ctrl+n\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_first(pilot, "convention")
        viewer = app.main.viewer
        await pilot.press("n")
        assert viewer.current_hit is None
        await pilot.press("ctrl+n")
        assert viewer.current_hit == 0
        await pilot.press("f1")
        await pilot.pause()
        keys = {b.id: k for _s, k, b in app.screen.rows()}
        assert keys["viewer.next-hit"] == "^n"


async def test_palette_runs_the_apps_commands(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.facts_panel.display
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"toggle facts")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert not app.main.facts_panel.display
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"sort oldest")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert [h.published.isoformat() for h in app.main.search_pane.results.hits] == [
            "2025-09-10",
            "2025-10-27",
        ]


async def test_copy_quote_with_citation_url_and_fact(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_first(pilot, "hanoi thongloun")
        await pilot.press("n", "y")
        await pilot.pause()
        copied = app.clipboard
        assert "Thongloun" in copied.splitlines()[0] or "Hanoi" in copied.splitlines()[0]
        assert "Laos signs UN Convention against Cybercrime" in copied
        assert "Vientiane Times, 27 Oct 2025" in copied
        assert any(n.title == "Copied quote" for n in app._notifications)
        await pilot.press("u")  # the seed has no url: say so, copy nothing
        await pilot.pause()
        assert app.clipboard == copied
        assert any("no url" in n.message for n in app._notifications)
        await pilot.press("f", "y")
        await pilot.pause()
        fact = app.main.facts_panel.current_entry.first
        assert app.clipboard.startswith(app.main.facts_panel.current_entry.label)
        assert fact.sentence.split()[0] in app.clipboard


async def test_find_in_article_keeps_the_search(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_first(pilot, "hanoi thongloun")
        viewer = app.main.viewer
        query_hits = list(viewer.hits)
        await pilot.press("ctrl+f", *"lao")
        await pilot.pause()
        text = viewer.indexed.article.text
        assert viewer.finding and len(viewer.hits) > 2
        assert all(text[a:b].lower() == "lao" for a, b in viewer.hits)
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleViewer)
        await pilot.press("n")
        assert viewer.hit_status == f"match 2 of {len(viewer.hits)}"
        assert app.main.search_pane.query_input.value == "hanoi thongloun"
        await pilot.press("escape")  # leave find: back to the query's hits
        assert not viewer.finding and viewer.hits == query_hits


async def test_did_you_mean_is_one_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"kampalla")
        await settle(pilot)
        pane = app.main.search_pane
        assert pane.suggestion.lower() == "kampala"
        status = str(pane.query_one("#search-status").content)
        assert f"Did you mean {pane.suggestion}?" in status
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert pane.query_input.value.lower() == "kampala"
        assert [h.id for h in pane.results.hits] == ["seeds/003_1a7183f8b07ea888.txt"]


async def test_sort_is_one_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"convention")
        await settle(pilot)
        assert app.main.last_result.sort == "relevance"
        await pilot.press("tab", "s")
        await settle(pilot)
        assert app.main.last_result.sort == "newest"
        await pilot.press("s")
        await settle(pilot)
        assert app.main.last_result.sort == "oldest"
        assert "oldest first" in str(app.main.search_pane.query_one("#search-status").content)


async def test_query_error_keeps_last_good_results(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"hanoi")
        await settle(pilot)
        good = app.main.search_pane.results.hits
        app.main.search_pane.query_input.insert_text_at_cursor(" foo:bar")  # like a paste
        await settle(pilot)
        status = app.main.search_pane.query_one("#search-status")
        assert "no field 'foo'" in str(status.content)
        assert status.has_class("-error")
        assert app.main.search_pane.results.hits == good
