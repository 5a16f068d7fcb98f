"""The reader app: owns the index (open, refresh, watch), settings, copying and help."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import LineFilter, Monochrome
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from treatytui.app.commands import ReaderCommands
from treatytui.app.filters import AsciiOnly, NoColour
from treatytui.app.screens.main import MainScreen
from treatytui.app.settings import DEFAULT_THEME, Settings, save_theme
from treatytui.app.terminal import TerminalProfile
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from treatytui.app.screens.collection_view import CollectionViewScreen
    from treatytui.search.documents import ArticleFacts
    from treatytui.search.searcher import Searcher

VIEWS = ("timeline", "figures")
# Quiet time after the latest results before the collection views are built in the
# background (so that building them never slows down the first searches).
PREFETCH_AFTER_SECONDS = 1.0


class TreatyApp(App[int]):
    """Search, read and cite news about the UN Convention against Cybercrime."""

    CSS_PATH = Path(__file__).with_name("main.tcss")
    TITLE = "treatytui"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            priority=True,
            id="app.quit",
            tooltip="Quit treatytui (works everywhere)",
        ),
        Binding(
            "q",
            "quit",
            "Quit",
            show=False,
            id="app.quit-q",
            tooltip="Quit (when no input has the cursor)",
        ),
        Binding(
            "f1,question_mark",
            "help",
            "Help",
            id="app.help",
            tooltip="Show every key binding",
        ),
        Binding(
            "ctrl+r",
            "reindex",
            "Reindex",
            show=False,
            id="app.reindex",
            tooltip="Bring the index up to date with the collection's files",
        ),
    ]

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
        self.index_root = Path(index_root)
        self.settings = settings or Settings()
        self.refresh_index = refresh_index
        self.poll_seconds = poll_seconds
        self.searcher: Searcher | None = None
        self.read_only = False
        self.indexing = False
        self.keymap = dict(self.settings.keymap)
        self._last_progress = 0.0
        self._main: MainScreen | None = None
        # The collection views' data for the whole collection, by view name, built once
        # per version of the index (in the background, or when a view is first opened).
        self._view_data: dict[str, tuple[Any, int]] = {}
        self._view_locks = {name: threading.Lock() for name in VIEWS}
        self._index_version = 0
        self._prefetch_timer: Timer | None = None
        self._prefetched = False
        theme = self.settings.theme
        self.theme = theme if theme in self.available_themes else DEFAULT_THEME

    @property
    def main(self) -> MainScreen:
        """The main screen (also when a modal is on top of it)."""
        if self._main is None:
            self._main = MainScreen(sort=self.settings.sort, facts_panel=self.settings.facts_panel)
        return self._main

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then no colour at all and ASCII only where the terminal
        needs them (Textual's NO_COLOR filter alone leaves greyscale colours)."""
        own = super().get_line_filters()
        if not self.terminal.colour:  # its greyscale would be dropped anyway
            own = [f for f in own if not isinstance(f, Monochrome)]
        return [*own, *self._extra_filters]

    @property
    def index_location(self) -> str:
        """The index folder as the status line shows it (``~`` for the home folder)."""
        from treatytui.config import display_path

        return display_path(self.index_root)

    def action_where(self) -> None:
        """Say where the index is (and where another one is, if that is the one meant)."""
        self.notify(f"Index folder: {self.index_location}", title="Index", timeout=10)
        self._hint_other_index()

    def _hint_other_index(self) -> None:
        from treatytui.config import other_index_hint

        hint = other_index_hint(self.index_root)
        if hint:
            self.notify(hint[0].upper() + hint[1:], title="Index", severity="warning", timeout=20)

    def get_default_screen(self) -> MainScreen:
        return self.main

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.settings.problem:
            self.notify(one_line(self.settings.problem), title="Settings", severity="warning")
        if self.settings.theme not in self.available_themes:
            self.notify(f"Unknown theme {one_line(self.settings.theme)!r}", severity="warning")
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._hint_other_index()
        # After the first paint, so the index work never delays it.
        self.call_after_refresh(self.prepare_index)
        if self.poll_seconds > 0:
            self.set_interval(self.poll_seconds, self._poll_index)

    # -- the index ------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def prepare_index(self) -> None:
        """Open the index at once if it exists, then bring it up to date (with progress)."""
        self.indexing = True
        try:
            if self.searcher is None:
                self._open_searcher()
            if self.refresh_index:
                self._refresh()
            if self.searcher is None:
                self._open_searcher()
            if self.searcher is None:
                self.call_from_thread(
                    self.main.search_pane.show_message,
                    f"No index in {self.index_location} yet: nothing to show.",
                )
                self.call_from_thread(setattr, self.main.search_pane.results, "loading", False)
        finally:
            self.indexing = False

    def _open_searcher(self) -> None:
        # Imported here: whoosh loads in this worker thread while the screen paints.
        from treatytui.search.searcher import IndexMissing, Searcher

        try:
            self.searcher = Searcher(self.index_root)
        except IndexMissing:
            return
        self.call_from_thread(self.main.run_query)

    def _refresh(self) -> None:
        # Imported here: the indexer pulls in the corpus and facts layers.
        from treatytui.collection import Collection
        from treatytui.search.indexer import IndexUnavailable, refresh
        from treatytui.search.lock import IndexBusy

        roots = Collection.load(self.index_root).roots(extra=self.settings.extra_paths)
        try:
            report = refresh(self.index_root, roots, progress=self._progress, lock_timeout=0)
        except IndexBusy:
            self.call_from_thread(
                self.notify,
                "Another process is updating the index; showing it as it is.",
                title="Index",
            )
            return
        except IndexUnavailable as error:
            self.read_only = True
            self.call_from_thread(
                self.notify,
                f"Read-only: {one_line(str(error))}. Showing the existing index.",
                title="Index",
                severity="warning",
                timeout=10,
            )
            return
        finally:
            self.call_from_thread(self.main.search_pane.show_progress, 0, 0)
        if report.changed and self.searcher is not None:
            self.searcher.refresh()
            self.call_from_thread(self._index_changed, report.total, "updated")
        for path, reason in report.skipped[:3]:
            self.call_from_thread(
                self.notify, f"Skipped {one_line(path)}: {one_line(reason)}", severity="warning"
            )

    def _progress(self, done: int, total: int, path: str) -> None:
        now = time.monotonic()
        if done == total or now - self._last_progress > 0.1:
            self._last_progress = now
            self.call_from_thread(self.main.search_pane.show_progress, done, total)

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def _poll_index(self) -> None:
        """Notice when another process changed the index, and show the new state."""
        if self.searcher is None or self.indexing:
            return
        if self.searcher.refresh():
            self.call_from_thread(self._index_changed, self.searcher.count(), "updated")

    def _index_changed(self, total: int, how: str) -> None:
        noun = "article" if total == 1 else "articles"
        self.notify(f"Index {how} — {total} {noun}", title="Index")
        self._index_version += 1
        self._view_data.clear()
        self._prefetched = False
        self.main.run_query(as_you_type=False)
        for name in VIEWS:
            if self.is_screen_installed(name):
                self._view(name).reload()

    # -- collection views -------------------------------------------------------------------
    def collection_facts(
        self, query_text: str | None = None, kinds: Collection[str] | None = None
    ) -> list[ArticleFacts]:
        """The stored facts of the collection (or of a query's results), for the views."""
        if self.searcher is None:
            return []
        return self.searcher.iter_facts(query_text, kinds)

    def collection_view_data(
        self, name: str, build: Callable[[list[ArticleFacts]], Any], kinds: Collection[str]
    ) -> tuple[Any, int]:
        """View ``name``'s data for the whole collection, ``(data, articles)``: built once
        per version of the index. A second caller waits for a build in progress (e.g. the
        one started in the background) instead of starting another (runs in workers)."""
        with self._view_locks[name]:
            data = self._view_data.get(name)
            if data is None:
                version = self._index_version
                articles = self.collection_facts(None, kinds)
                data = (build(articles), len(articles))
                if version == self._index_version:  # not if the index changed meanwhile
                    self._view_data[name] = data
            return data

    def schedule_prefetch(self) -> None:
        """New results are on screen: build the collection views once searching is quiet."""
        if self._prefetched or self.searcher is None:
            return
        if self._prefetch_timer is None:
            self._prefetch_timer = self.set_timer(PREFETCH_AFTER_SECONDS, self._start_prefetch)
        else:
            self._prefetch_timer.reset()

    def _start_prefetch(self) -> None:
        self._prefetch_timer = None
        if not self._prefetched:
            self._prefetched = True
            self.prefetch_views()

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def prefetch_views(self) -> None:
        """Read the collection's facts and build the timeline and figures, so that ``t`` and
        ``c`` show their rows at once (a few seconds of work on 10,000 articles); warm the
        searcher for phrases too."""
        from treatytui.app.screens.figures import FiguresScreen
        from treatytui.app.screens.timeline import TimelineScreen

        if self.searcher is not None:
            self.searcher.warm()
        for name, screen_class in (("timeline", TimelineScreen), ("figures", FiguresScreen)):
            if get_current_worker().is_cancelled or self.searcher is None:
                return
            self.collection_view_data(name, screen_class.build, screen_class.KINDS)

    def show_view(self, name: str) -> None:
        """Open the timeline or figures screen on the current query (built once, kept)."""
        if self.searcher is None:
            self.notify("The index is not open yet.", severity="warning")
            return
        if self.is_screen_installed(name):
            self._view(name).set_query(self.main.query_text)
        else:
            from treatytui.app.screens.figures import FiguresScreen
            from treatytui.app.screens.timeline import TimelineScreen

            screen_class = TimelineScreen if name == "timeline" else FiguresScreen
            self.install_screen(
                screen_class(
                    self.collection_facts,
                    query=self.main.query_text,
                    shared=self.collection_view_data,
                ),
                name,
            )
        self.push_screen(name)

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

    def action_reindex(self) -> None:
        if self.indexing:
            self.notify("The index is already being updated.")
            return
        self.prepare_index()

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

    # -- copying, themes, help --------------------------------------------------------------
    def copy_text(self, text: str, what: str) -> None:
        """Put ``text`` on the clipboard (OSC 52, works over SSH) and confirm it."""
        self.copy_to_clipboard(text)
        first = one_line(text)
        shown = first if len(first) <= 60 else first[:59] + "…"
        self.notify(shown, title=f"Copied {what}")

    def _theme_changed(self, theme: object) -> None:
        name = getattr(theme, "name", str(theme))
        if name != self.settings.theme:
            problem = save_theme(self.settings, name)
            if problem:
                self.notify(one_line(problem), title="Theme not saved", severity="warning")

    def action_help(self) -> None:
        from treatytui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
