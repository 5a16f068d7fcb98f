"""The reader's side of the reading state: read marks, stars, notes, query history and
saved searches, driven with Pilot on the seed index (each test has its own state folder)."""

from __future__ import annotations

import pytest

from conftest import open_first, screen_text, settle
from treatytui.app.dialogs.saved_searches import SavedSearchesScreen
from treatytui.app.dialogs.text_input import TextDialog
from treatytui.app.screens.main import MainScreen
from treatytui.state import ReadingState

SIZE = (120, 36)


def saved_state() -> ReadingState:
    return ReadingState.open()


def status_of(app) -> str:
    return str(app.main.search_pane.query_one("#search-status").content)


async def test_an_article_open_a_moment_becomes_read(make_app, monkeypatch):
    monkeypatch.setattr(MainScreen, "read_after", 0.2)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.main.search_pane.results
        first = results.hits[0].id
        assert results.marks == {}  # nothing read yet: every row is marked unread
        assert "• " in screen_text(app)
        await pilot.press("tab", "enter")
        await settle(pilot)
        await pilot.pause(0.4)
        await settle(pilot)
        assert results.marks[first].read
        with saved_state() as state:
            assert state.get(first).read
        assert "1 unread" in status_of(app)  # two articles, one of them read now


async def test_m_toggles_read_and_the_count_follows(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_first(pilot, "convention")
        opened = app.main.viewer.indexed.article.id
        await pilot.press("m")
        await settle(pilot)
        with saved_state() as state:
            assert state.get(opened).read
        await pilot.press("m")
        await settle(pilot)
        with saved_state() as state:
            assert not state.get(opened).read
        assert not app.main.search_pane.results.marks[opened].read


async def test_a_star_survives_a_restart_and_is_starred_finds_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down")  # the second result, highlighted in the list
        target = app.main.search_pane.results.current_hit.id
        await pilot.press("asterisk")
        await settle(pilot)
        assert app.main.search_pane.results.marks[target].starred
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = again.main.search_pane.results
        assert results.marks[target].starred
        assert "★" in screen_text(again)
        await pilot.press(*"is:starred")
        await settle(pilot)
        assert [hit.id for hit in results.hits] == [target]
        await pilot.press("ctrl+a", "ctrl+k", *"-is:starred")
        await settle(pilot)
        assert target not in [hit.id for hit in results.hits] and results.hits


async def test_a_note_is_written_in_a_dialog_and_found_by_has_note(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_first(pilot, "kampala")
        opened = app.main.viewer.indexed.article.id
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"ask the [bold]ministry[/]", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        with saved_state() as state:
            assert state.get(opened).note == "ask the [bold]ministry[/]"  # text, not markup
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"has:note")
        await settle(pilot)
        assert [hit.id for hit in app.main.search_pane.results.hits] == [opened]
        assert "✎" in screen_text(app)


async def test_up_and_down_walk_the_history_kept_across_restarts(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for query in ("convention", "kampala", "convention"):
            await pilot.press("slash", "ctrl+a", "ctrl+k", *query, "enter")
            await settle(pilot)
        query_input = app.main.search_pane.query_input
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"draft")
        await pilot.press("up")
        assert query_input.value == "convention"  # de-duplicated: the newest use counts
        await pilot.press("up")
        assert query_input.value == "kampala"
        await pilot.press("up")
        assert query_input.value == "kampala"  # the oldest stays
        await pilot.press("down", "down")
        assert query_input.value == "draft"  # back to what was typed
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("up")
        assert again.main.search_pane.query_input.value == "convention"


async def test_a_saved_search_lists_its_unread_count_and_runs(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"convention", "enter")
        await settle(pilot)
        total = app.main.search_pane.total
        assert total == 2
        await pilot.press("m")  # the highlighted result is read now
        await settle(pilot)
        await pilot.press("slash", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"conv", "enter")
        await settle(pilot)
        with saved_state() as state:
            assert [(s.name, s.query) for s in state.saved_searches()] == [("conv", "convention")]
        await pilot.press("escape", "tab", "S")  # the query cleared, then from the results
        await settle(pilot)
        assert isinstance(app.screen, SavedSearchesScreen)
        assert app.screen.counts == {"conv": total - 1}
        assert f"{total - 1} unread" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.search_pane.query_input.value == "convention"
        assert app.main.last_result.query == "convention"


async def test_a_saved_name_is_checked_in_the_dialog(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"hanoi", "ctrl+s")
        await settle(pilot)
        await pilot.press("enter")  # no name
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        assert "name" in screen_text(app)
        await pilot.press("escape")
        with saved_state() as state:
            assert state.saved_searches() == []


async def test_without_a_state_the_reader_says_so_and_keeps_working(make_app, tmp_path,
                                                                   monkeypatch):  # fmt: skip
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder should be")
    monkeypatch.setenv("TREATYTUI_STATE", str(blocker / "state.sqlite3"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.search_pane.results.hits  # searching works
        assert any("Reading state" in (n.title or "") for n in app._notifications)
        await pilot.press(*"is:unread")
        await settle(pilot)
        assert "reading state" in status_of(app)
        await pilot.press("ctrl+a", "ctrl+k", *"kampala", "enter", "enter")
        await settle(pilot)
        assert app.main.viewer.indexed is not None  # reading works too
        await pilot.press("m")
        await settle(pilot)


@pytest.mark.parametrize("key", ["m", "asterisk", "a"])
async def test_state_keys_are_in_the_help_screen(make_app, key):
    from treatytui.app.dialogs.help import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        help_screen = HelpScreen()
        await app.push_screen(help_screen)
        keys = {binding.key for _section, _keys, binding in help_screen.rows()}
        assert key in keys


def test_the_query_help_names_every_reading_state_word():
    from treatytui.app.dialogs.help import QUERY_HELP
    from treatytui.state.filters import FILTER_WORDS

    assert all(word in QUERY_HELP for word in FILTER_WORDS)
