"""The user flows of the reader, driven with Pilot on the seed index."""

from __future__ import annotations

from conftest import open_first, settle
from treatytui.app.widgets.article_viewer import ArticleViewer
from treatytui.app.widgets.facts_panel import FactsPanel
from treatytui.app.widgets.results_list import ResultsList

SIZE = (120, 36)


async def test_start_lists_collection_newest_first(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        assert [h.published.isoformat() for h in results.hits] == ["2025-10-27", "2025-09-10"]
        status = str(app.main.search_pane.query_one("#search-status").content)
        assert "2 articles" in status and "newest first" in status
        assert app.focused is app.main.search_pane.query_input


async def test_typing_a_query_shows_matching_results(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"kampala")
        await settle(pilot)
        hits = app.main.search_pane.results.hits
        assert [h.id for h in hits] == ["seeds/003_1a7183f8b07ea888.txt"]
        assert app.main.last_result.query == "kampala"
        assert hits[0].snippet.highlights  # the matched word is highlighted


async def test_open_result_shows_article_with_hits_and_facts(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"hanoi", "enter")
        await settle(pilot)
        assert isinstance(app.focused, ResultsList)
        await pilot.press("enter")
        await settle(pilot)
        viewer = app.main.viewer
        assert isinstance(app.focused, ArticleViewer)
        assert viewer.indexed is not None
        assert viewer.indexed.article.id == app.main.search_pane.results.hits[0].id
        text = viewer.indexed.article.text
        assert viewer.hits and all(text[a:b].lower() == "hanoi" for a, b in viewer.hits)
        assert app.main.facts_panel.entries  # facts come from the index


async def test_n_and_N_move_through_hits(make_app):
    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await open_first(pilot, "convention")
        viewer = app.main.viewer
        total = len(viewer.hits)
        assert total >= 3
        await pilot.press("n")
        assert viewer.current_hit == 0
        assert viewer.hit_status == f"hit 1 of {total}"
        await pilot.press("n", "n")
        assert viewer.hit_status == f"hit 3 of {total}"
        assert app.main.query_one("#article-pane").border_subtitle == f"hit 3 of {total}"
        await pilot.press("N")
        assert viewer.current_hit == 1
        # The current hit is scrolled into view.
        await pilot.press("G", "N")
        await pilot.pause()
        line = viewer.line_of(viewer.hits[viewer.current_hit][0])
        top = viewer.scroll_offset.y
        assert top <= line < top + viewer.scrollable_content_region.height


async def test_selecting_a_fact_scrolls_to_its_sentence(make_app):
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        await pilot.press("f")
        panel = app.main.facts_panel
        assert isinstance(app.focused, FactsPanel)
        # Go to the last fact (far down the article) and choose it.
        await pilot.press("G", "enter")
        await pilot.pause()
        viewer = app.main.viewer
        fact = panel.current_entry.first
        start, end = viewer.sentence
        text = viewer.indexed.article.text
        assert start <= fact.start < end and text[fact.start : fact.end] == fact.text
        line = viewer.line_of(fact.start)
        top = viewer.scroll_offset.y
        assert top <= line < top + viewer.scrollable_content_region.height


async def test_escape_goes_back_a_level_and_clears_the_query(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.main.search_pane
        await open_first(pilot, "hanoi")
        assert app.focused is app.main.viewer
        await pilot.press("escape")
        assert app.focused is pane.results
        await pilot.press("escape")
        assert app.focused is pane.query_input
        assert pane.query_input.value == "hanoi"
        await pilot.press("escape")
        assert pane.query_input.value == ""
        await settle(pilot)
        assert len(pane.results.hits) == 2  # the whole collection again


async def test_slash_focuses_search_and_q_quits_outside_inputs(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, ResultsList)
        await pilot.press("slash")
        assert app.focused is app.main.search_pane.query_input
        await pilot.press("q")  # typed into the input, not a quit
        assert app.main.search_pane.query_input.value == "q"
        assert app.is_running
        await pilot.press("escape", "escape", "tab", "q")
        await pilot.pause()
        assert not app.is_running
        assert app.return_code == 0


async def test_ctrl_q_quits_from_the_input(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
