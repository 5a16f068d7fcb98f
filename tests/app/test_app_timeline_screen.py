"""The timeline and figures screens in a tiny host app, on the seeds and the test articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from conftest import screen_text, settle
from treatytui.app.dialogs.export import ExportDialog
from treatytui.app.screens.collection_view import CollectionViewScreen
from treatytui.app.screens.figures import FiguresScreen
from treatytui.app.screens.timeline import TimelineScreen
from treatytui.config import seeds_dir
from treatytui.search.searcher import Searcher

EVENTS_DIR = Path(__file__).resolve().parents[1] / "data" / "events"
SMALL = (80, 24)


@pytest.fixture(scope="module")
def events_index(built_seed_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's seed index plus the two events articles."""
    from treatytui.search.indexer import refresh

    root = tmp_path_factory.mktemp("timeline-app") / "index"
    shutil.copytree(built_seed_index, root)
    refresh(root, [seeds_dir(), built_seed_index.parent / "articles", EVENTS_DIR], workers=1)
    return root


class Host(App[None]):
    """Opens one view over a searcher and records the articles it asks to open."""

    def __init__(self, index: Path, view: type[CollectionViewScreen], query: str = "") -> None:
        super().__init__()
        self.searcher = Searcher(index)
        self.view, self.query_text = view, query
        self.opened: list[tuple[str, tuple[int, int]]] = []

    def on_mount(self) -> None:
        self.push_screen(self.view(self.searcher.iter_facts, query=self.query_text))

    def on_collection_view_screen_open_article(
        self, message: CollectionViewScreen.OpenArticle
    ) -> None:
        self.opened.append((message.article_id, message.span))

    def on_unmount(self) -> None:
        self.searcher.close()


async def ready(pilot) -> None:
    await settle(pilot)
    screen = pilot.app.screen
    for _ in range(200):  # (a loaded machine: the view's load starts after a refresh)
        if not isinstance(screen, CollectionViewScreen) or (
            not screen.rows.loading and screen.scope in screen.data
        ):
            break
        await pilot.pause(0.05)
        await settle(pilot)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


async def test_timeline_rows_in_order_with_source_counts(events_index: Path) -> None:
    app = Host(events_index, TimelineScreen)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        labels = [row.date_label for row in screen.entries]
        assert labels[0] == "24 Dec 2024" and labels[-1] == "31 Dec 2026"
        text = screen_text(app)
        assert "9 events · whole collection (8 articles)" in text
        assert "25 Oct 2025      3× Sixty-eight countries signed" in text


async def test_enter_opens_the_chosen_source_and_escape_closes(events_index: Path) -> None:
    app = Host(events_index, TimelineScreen)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        labels = [row.date_label for row in screen.entries]
        await pilot.press(*["down"] * labels.index("25 Oct 2025"), "right", "enter")
        await pilot.pause()
        row = screen.rows.current
        second = row.mentions[1]
        assert app.opened == [(second.article_id, second.span)]
        assert "▶ " + second.citation in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CollectionViewScreen)


async def test_text_and_date_filters(events_index: Path) -> None:
    app = Host(events_index, TimelineScreen)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("slash", *"mekong")
        await settle(pilot)
        assert [r.date_label for r in screen.entries] == ["25–26 Oct 2025", "25 Oct 2025"]
        assert "2 of 9 events" in screen_text(app)
        await pilot.press("escape")  # back to the list, the filter stays
        assert app.focused is screen.rows
        await pilot.press("d", *"2025-10-26")
        await settle(pilot)
        assert [r.date_label for r in screen.entries] == ["25–26 Oct 2025"]
        await pilot.press("backspace", "backspace", "x")  # 2025-10-x: not a date
        await settle(pilot)
        assert "Dates: " in screen_text(app)


async def test_jump_by_year_and_month(events_index: Path) -> None:
    app = Host(events_index, TimelineScreen)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("y")
        assert screen.rows.current.date_label == "Sep 2025"
        await pilot.press("m")
        assert screen.rows.current.date_label == "Oct 2025"
        await pilot.press("M")
        assert screen.rows.current.date_label == "Sep 2025"
        await pilot.press("G")
        assert screen.rows.current.first.year == 2026
        await pilot.press("Y")  # already the start of 2026: to the start of 2025
        assert screen.rows.current.date_label == "Sep 2025"


async def test_toggle_search_results_and_whole_collection(events_index: Path) -> None:
    app = Host(events_index, TimelineScreen, query="kampala")
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        assert screen.scope == "results"
        assert "search results for “kampala” (2 articles)" in screen_text(app)
        await pilot.press("a")
        await settle(pilot)
        assert screen.scope == "all" and len(screen.entries) == 9


async def test_figures_mark_disagreements_and_open_articles(events_index: Path) -> None:
    app = Host(events_index, FiguresScreen)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        text = screen_text(app)
        assert "countries · signed  ≠ 3 disagree" in text
        assert "≠ 68 countries" in text and "more than 110 countries" in text
        await pilot.press("enter")  # the cursor starts on the first figure, not its heading
        await pilot.pause()
        figure = screen.entries[1]
        assert app.opened == [(figure.mention.article_id, figure.mention.span)]
        await pilot.press("down", "home", "enter")  # home: the first figure again
        await pilot.pause()
        assert app.opened[-1] == app.opened[0] and len(app.opened) == 2


async def test_titles_are_shown_literally(events_index: Path) -> None:
    app = Host(events_index, FiguresScreen)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"recap", "enter")
        await settle(pilot)
        await pilot.press("down")
        assert "Treaty Monitor · 2025-10-28 · [bold red]Recap[/]: the Hanoi" in screen_text(app)


async def test_export_to_a_file_in_the_current_folder(
    events_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = Host(events_index, TimelineScreen)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        name = app.screen.query_one(Input)
        assert name.value == "timeline.csv"
        name.value = "events.txt"
        await pilot.press("enter")
        assert "unknown file type" in screen_text(app)
        name.value = "events.yaml"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert (tmp_path / "events.yaml").read_text(encoding="utf-8").startswith("- date_from")
        (tmp_path / "timeline.csv").write_text("old")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        assert "exists" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "timeline.csv").read_text().startswith("date_from,")
        await pilot.press("e", "escape")
        assert isinstance(app.screen, TimelineScreen)


def test_snapshot_timeline_80x24(events_index: Path, snap_compare) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("m", "m", "right")
        await ready(pilot)

    assert snap_compare(Host(events_index, TimelineScreen), terminal_size=SMALL,
                        run_before=run_before)  # fmt: skip


def test_snapshot_figures_80x24(events_index: Path, snap_compare) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("down", "down")
        await ready(pilot)

    assert snap_compare(Host(events_index, FiguresScreen), terminal_size=SMALL,
                        run_before=run_before)  # fmt: skip


def test_snapshot_export_dialog(events_index: Path, snap_compare, monkeypatch) -> None:
    monkeypatch.chdir(Path("/tmp"))

    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("e")
        await ready(pilot)

    assert snap_compare(Host(events_index, FiguresScreen), terminal_size=SMALL,
                        run_before=run_before)  # fmt: skip


async def test_set_query_follows_the_search(events_index: Path) -> None:
    app = Host(events_index, TimelineScreen)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        screen.set_query("kampala")
        await settle(pilot)
        assert screen.scope == "results" and "(2 articles)" in screen_text(app)
        screen.set_query("")
        await settle(pilot)
        assert screen.scope == "all" and len(screen.entries) == 9
