"""The reader app: its screens, theme, keymap, terminal filters and help.

The index, searching and the collection views' data belong to the ``Library``; the main
screen drives it through workers (``screens/main.py``, ``index_workers.py``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import LineFilter, Monochrome
from textual.worker import Worker, WorkerState

from treatytui.app.filters import AsciiOnly, NoColour
from treatytui.app.messages import IndexChanged, ShowView
from treatytui.app.palette import ReaderCommands
from treatytui.app.screens.main import MainScreen
from treatytui.app.settings import DEFAULT_THEME, Settings, save_theme
from treatytui.app.terminal import TerminalProfile
from treatytui.config import display_path, other_index_hint
from treatytui.library import VIEWS, Library
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.app.screens.collection_view import CollectionViewScreen
    from treatytui.search.searcher import Searcher


class TreatyApp(App[int]):
    """Search, read and cite the news about treaties and the meetings that make them."""

    CSS_PATH = Path(__file__).with_name("main.tcss")
    TITLE = "treatytui"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit",
                tooltip="Quit treatytui (works everywhere)"),
        Binding("q", "quit", "Quit", show=False, id="app.quit-q",
                tooltip="Quit (when no input has the cursor)"),
        Binding("f1,question_mark", "help", "Help", id="app.help",
                tooltip="Show every key binding"),
        Binding("ctrl+r", "reindex", "Reindex", show=False, id="app.reindex",
                tooltip="Bring the index up to date with the collection's files"),
    ]  # fmt: skip

    def __init__(
        self,
        index_root: Path,
        *,
        settings: Settings | None = None,
        refresh_index: bool = True,
        poll_seconds: float = 2.0,
        terminal: TerminalProfile | None = None,
    ) -> None:
        super().__init__()
        self.terminal = terminal or TerminalProfile(colour="NO_COLOR" not in os.environ)
        self._extra_filters: list[LineFilter] = []
        if not self.terminal.colour:
            self.no_color = True  # the :nocolor styles too, also on a monochrome TERM
            self._extra_filters.append(NoColour())
        if not self.terminal.unicode:
            self._extra_filters.append(AsciiOnly())
        self.settings = settings or Settings()
        self.library = Library(Path(index_root), extra_paths=self.settings.extra_paths)
        self.keymap = dict(self.settings.keymap)
        self.refresh_index = refresh_index
        self.poll_seconds = poll_seconds
        self._main: MainScreen | None = None
        theme = self.settings.theme
        self.theme = theme if theme in self.available_themes else DEFAULT_THEME

    @property
    def main(self) -> MainScreen:
        """The main screen (also when a modal is on top of it); made when the app runs,
        so that it starts with the terminal's size classes."""
        if self._main is None:
            self._main = MainScreen(
                self.library,
                sort=self.settings.sort,
                facts_panel=self.settings.facts_panel,
                refresh_index=self.refresh_index,
                poll_seconds=self.poll_seconds,
            )
        return self._main

    @property
    def index_root(self) -> Path:
        return self.library.index_root

    @property
    def searcher(self) -> Searcher | None:
        """The library's open searcher (None until the index is open)."""
        return self.library.searcher

    @property
    def read_only(self) -> bool:
        """Whether the index folder cannot be written (the index is shown as it is)."""
        return self.library.read_only

    @property
    def index_location(self) -> str:
        """The index folder as the status line shows it (``~`` for the home folder)."""
        return display_path(self.index_root)

    def get_default_screen(self) -> MainScreen:
        return self.main

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then no colour at all and ASCII only where the terminal
        needs them (Textual's NO_COLOR filter alone leaves greyscale colours)."""
        own = super().get_line_filters()
        if not self.terminal.colour:  # its greyscale would be dropped anyway
            own = [f for f in own if not isinstance(f, Monochrome)]
        return [*own, *self._extra_filters]

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.settings.problem:
            self.notify(one_line(self.settings.problem), title="Settings", severity="warning")
        if self.settings.theme not in self.available_themes:
            self.notify(f"Unknown theme {one_line(self.settings.theme)!r}", severity="warning")
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._hint_other_index()

    def on_unmount(self) -> None:
        self.library.close()

    # -- the index folder ---------------------------------------------------------------
    def action_where(self) -> None:
        """Say where the index is (and where another one is, if that is the one meant)."""
        self.notify(f"Index folder: {self.index_location}", title="Index", timeout=10)
        self._hint_other_index()

    def _hint_other_index(self) -> None:
        hint = other_index_hint(self.index_root)
        if hint:
            self.notify(hint[0].upper() + hint[1:], title="Index", severity="warning", timeout=20)

    def action_reindex(self) -> None:
        self.main.reindex()

    # -- screens ------------------------------------------------------------------------
    def on_show_view(self, event: ShowView) -> None:
        """Open the timeline or figures screen on the current query (built once, kept)."""
        name = event.name
        if self.library.searcher is None:
            self.notify("The index is not open yet.", severity="warning")
            return
        if self.is_screen_installed(name):
            self._view(name).set_query(self.main.query_text)
        else:
            from treatytui.app.screens.figures import FiguresScreen
            from treatytui.app.screens.timeline import TimelineScreen

            screen_class = TimelineScreen if name == "timeline" else FiguresScreen
            view = screen_class(
                self.library.facts, query=self.main.query_text, shared=self.library.view_data
            )
            self.install_screen(view, name)
        self.push_screen(name)

    def on_index_changed(self, event: IndexChanged) -> None:
        """The views that are open show the new version of the index too."""
        for name in VIEWS:
            if self.is_screen_installed(name):
                self._view(name).reload()

    def _view(self, name: str) -> CollectionViewScreen:
        return self.get_screen(name)  # type: ignore[return-value]

    def on_collection_view_screen_open_article(
        self, event: CollectionViewScreen.OpenArticle
    ) -> None:
        """Open an article at a fact's sentence; escape in it comes back to the view."""
        view = next(
            (n for n in VIEWS if self.is_screen_installed(n) and self.screen is self._view(n)),
            None,
        )
        if view is None:
            return
        self.pop_screen()
        self.main.return_to = view
        self.main.open_article(event.article_id, at=event.span)

    def action_help(self) -> None:
        from treatytui.app.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # -- theme and errors -----------------------------------------------------------------
    def _theme_changed(self, theme: object) -> None:
        name = getattr(theme, "name", str(theme))
        if name != self.settings.theme:
            problem = save_theme(self.settings, name)
            if problem:
                self.notify(one_line(problem), title="Theme not saved", severity="warning")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place for every worker's unexpected error: say it, keep running."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.notify(
                one_line(f"{type(error).__name__}: {error}"),
                title="Something went wrong",
                severity="error",
                timeout=10,
            )
