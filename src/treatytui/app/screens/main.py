"""The main screen: search pane, article viewer and facts panel, and the flow between them."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.css.query import NoMatches
from textual.events import DescendantFocus, Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from treatytui.app.fetch_worker import FetchWorker
from treatytui.app.index_workers import IndexWorkers
from treatytui.app.messages import (
    ArticleLoaded,
    FetchDone,
    FetchStatus,
    HistoryLoaded,
    IndexChanged,
    IndexOpened,
    IndexProblem,
    IndexProgress,
    MoreResults,
    PageFailed,
    ResultsReady,
    SearchFailed,
    ShowView,
    StateChanged,
)
from treatytui.app.widgets.article_viewer import ArticleViewer
from treatytui.app.widgets.facts_panel import FactsPanel
from treatytui.app.widgets.footer import FittingFooter
from treatytui.app.widgets.results_list import ResultsList
from treatytui.app.widgets.search_pane import SearchPane
from treatytui.config import display_path
from treatytui.search.results import SORT_ORDERS
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.library import Library
    from treatytui.search.results import SearchResult
    from treatytui.state import ArticleKey, ArticleState, ReadingState

RESULT_LIMIT = 25
"""Hits of the first page (the results list asks for the others a page at a time)."""
READ_AFTER_SECONDS = 3.0
"""An article open this long (or scrolled to its end) becomes read."""
MIN_WIDTH, MIN_HEIGHT = 60, 16


class MainScreen(Screen[None]):
    """Search on the left, the article in the centre, its facts on the right (or below)."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-tiny"),
        (MIN_WIDTH, "-narrow"),
        (120, "-wide"),
    ]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (MIN_HEIGHT, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "focus_search",
            "Search",
            show=False,
            id="main.focus-search",
            tooltip="Put the cursor in the search input",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            id="main.back",
            tooltip="Back a level: find → article → results → search input → clear the query",
        ),
        Binding(
            "s,ctrl+o",
            "cycle_sort",
            "Sort",
            id="main.sort",
            tooltip="Sort by relevance, newest first or oldest first",
        ),
        Binding(
            "ctrl+f",
            "find",
            "Find",
            id="main.find",
            tooltip="Find text in the open article (the search stays as it is)",
        ),
        Binding(
            "f",
            "focus_facts",
            "Facts",
            show=False,
            id="main.focus-facts",
            tooltip="Move to the facts panel",
        ),
        Binding(
            "t",
            "view('timeline')",
            "Timeline",
            id="main.timeline",
            tooltip="Every dated fact of the collection (or of the results), in order",
        ),
        Binding(
            "c",
            "view('figures')",
            "Figures",
            id="main.figures",
            tooltip="Participant counts compared across articles, with disagreements marked",
        ),
        Binding(
            "m",
            "toggle_read",
            "Read",
            show=False,
            id="main.toggle-read",
            tooltip="Mark the article (open, or highlighted in the results) read or unread",
        ),
        Binding(
            "asterisk",
            "toggle_starred",
            "Star",
            show=False,
            id="main.toggle-starred",
            tooltip="Star the article (open, or highlighted) or take its star away",
        ),
        Binding(
            "a",
            "note",
            "Note",
            show=False,
            id="main.note",
            tooltip="Write a short note on the article (open, or highlighted)",
        ),
        Binding(
            "ctrl+s",
            "save_search",
            "Save search",
            show=False,
            id="main.save-search",
            tooltip="Keep the current query under a name",
        ),
        Binding(
            "S",
            "saved_searches",
            "Saved",
            show=False,
            id="main.saved-searches",
            tooltip="The saved searches with their unread counts; enter runs one",
        ),
        Binding(
            "ctrl+t",
            "toggle_facts",
            "Facts panel",
            show=False,
            id="main.toggle-facts",
            tooltip="Show or hide the facts panel",
        ),
        Binding(
            "R",
            "fetch",
            "Fetch",
            show=False,
            id="main.fetch",
            tooltip="Fetch the followed feeds now; new articles are indexed and shown",
        ),
    ]

    read_after: ClassVar[float] = READ_AFTER_SECONDS
    """Seconds an article stays open before it becomes read."""

    def __init__(
        self,
        library: Library,
        *,
        sort: str = "relevance",
        facts_panel: bool = True,
        refresh_index: bool = True,
        poll_seconds: float = 2.0,
    ) -> None:
        super().__init__()
        self.library = library
        self.index_workers = IndexWorkers(self, library, refresh_index=refresh_index)
        self.fetcher = FetchWorker(self, library)
        self.poll_seconds = poll_seconds
        self.query_text = ""
        self.sort = sort if sort in SORT_ORDERS else "relevance"
        self.last_result: SearchResult | None = None
        self._requested = 0
        self._shown = 0
        self._gate = threading.Lock()
        self._facts_wanted = facts_panel
        # The collection view (timeline, figures) an article was opened from: escape in
        # the article goes back to it, where the user was.
        self.return_to: str | None = None
        self._read_timer: Timer | None = None
        # What each search asked for, by serial (until a newer one is shown): the next
        # pages of the results shown are that search again, further on.
        self._searches: dict[int, tuple[str, str, bool]] = {}
        self._state_warned = False
        # Where the focus was, to give it back when the panes show again after the
        # terminal was too small (hiding them took it away).
        self._last_focused: Widget | None = None
        self._toast_margin: int | None = None  # notifications raised above the find bar
        # Start with the size classes the first resize would set: setting them then would
        # restyle every widget before the first frame.
        try:
            width, height = self.app.size
        except RuntimeError:  # no active app (a screen built on its own)
            return
        for breakpoints, size in (
            (self.HORIZONTAL_BREAKPOINTS, width),
            (self.VERTICAL_BREAKPOINTS, height),
        ):
            self.add_class(max((b for b in breakpoints if b[0] <= size), default=(0, ""))[1])

    def compose(self) -> ComposeResult:
        yield Static(id="too-small", markup=False)
        with Horizontal(id="panes"):
            yield SearchPane(id="search-pane")
            with Container(id="reading"):
                with Vertical(id="article-pane"):
                    yield ArticleViewer(id="viewer")
                    yield Input(placeholder="Find in article", id="find")
                yield FactsPanel(id="facts")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.search_pane.border_title = "Search"
        self.query_one("#article-pane").border_title = "Article"
        self.facts_panel.border_title = "Facts"
        self.facts_panel.display = self._facts_wanted
        self.query_one("#find").display = False
        if self.last_result is None:  # the first results may already be in
            self.search_pane.results.loading = True
            self.search_pane.show_message(f"Opening the index in {self.index_location}…")
        if self.viewer.indexed is None:
            self.viewer.show(None)
        self.search_pane.query_input.focus()
        # After the first paint, so the index work never delays it.
        self.call_after_refresh(self.index_workers.prepare)
        self.call_after_refresh(self._load_history)
        self.watch(self.viewer, "scroll_y", self._viewer_scrolled, init=False)
        if self.poll_seconds > 0:
            self.set_interval(self.poll_seconds, self._poll)

    def _poll(self) -> None:
        if not self.fetcher.running:  # the fetch's own refresh says what changed
            self.index_workers.poll()

    def on_unmount(self) -> None:
        self.fetcher.stop.set()  # a fetch under way ends after the pages in flight

    @property
    def index_location(self) -> str:
        """The index folder as the status line shows it (``~`` for the home folder)."""
        return display_path(self.library.index_root)

    def reindex(self) -> None:
        """Bring the index up to date with the collection's files (ctrl+r)."""
        self.index_workers.prepare()

    # -- fetching -----------------------------------------------------------------------
    def action_fetch(self) -> None:
        """Fetch the followed feeds now (R, the palette); progress in the status line."""
        if not self.fetcher.start():
            self.notify("A fetch is already running.", title="Fetch", markup=False)

    @on(FetchStatus)
    def _fetch_status(self, event: FetchStatus) -> None:
        if event.text:
            self.search_pane.show_message(event.text)
        elif self.last_result is not None:  # the count comes back
            self.search_pane.show_status_of(self.last_result)

    @on(FetchDone)
    def _fetch_done(self, event: FetchDone) -> None:
        timeout = 10 if event.severity == "information" else 20
        self.notify(
            event.summary,
            title=event.title,
            severity=event.severity,
            timeout=timeout,
            markup=False,
        )

    # -- what the index workers say ---------------------------------------------------
    @on(IndexOpened)
    def _index_opened(self, event: IndexOpened) -> None:
        if event.found:
            self.run_query()
        else:
            where = self.index_location
            self.search_pane.show_message(f"No index in {where} yet: nothing to show.")
            self.search_pane.results.loading = False

    @on(IndexProgress)
    def _index_progress(self, event: IndexProgress) -> None:
        self.search_pane.show_progress(event.done, event.total)

    @on(IndexChanged)
    def _index_changed(self, event: IndexChanged) -> None:
        # Not stopped: the app reloads the collection views that are open.
        noun = "article" if event.total == 1 else "articles"
        self.notify(f"Index {event.how} — {event.total} {noun}", title="Index")
        self.index_workers.index_changed()
        self.run_query(as_you_type=False)

    @on(IndexProblem)
    def _index_problem(self, event: IndexProblem) -> None:
        event.stop()
        self.notify(
            event.message, title=event.title, severity=event.severity, timeout=event.timeout
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show (and run) pane actions only where they mean something."""
        if action == "cycle_sort":
            focused = self.focused
            return focused is not None and self.search_pane in focused.ancestors_with_self
        if action == "find":
            return self.viewer.indexed is not None
        return True

    # -- parts ------------------------------------------------------------------------
    @property
    def search_pane(self) -> SearchPane:
        return self.query_one(SearchPane)

    @property
    def viewer(self) -> ArticleViewer:
        return self.query_one(ArticleViewer)

    @property
    def facts_panel(self) -> FactsPanel:
        return self.query_one(FactsPanel)

    @property
    def find_input(self) -> Input:
        return self.query_one("#find", Input)

    # -- searching ----------------------------------------------------------------------
    def run_query(self, *, as_you_type: bool = True) -> None:
        """Search for the current query (in a worker; a newer search cancels this one)."""
        if self.library.searcher is None:
            return
        self._requested += 1
        self._searches[self._requested] = (self.query_text, self.sort, as_you_type)
        self.workers.cancel_group(self, "more")  # pages of the results being replaced
        self._search(self.query_text, self.sort, as_you_type, self._requested)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, sort: str, as_you_type: bool, serial: int) -> None:
        from treatytui.search.results import QueryError  # loaded with the searcher
        from treatytui.state import StateError, split_state_filters

        worker = get_current_worker()
        searcher = self.library.searcher
        with self._gate:  # searches queue here; cancelled ones never run
            if worker.is_cancelled or searcher is None:
                return
            # is:unread, is:starred, has:note are the user's, not the index's: taken out
            # of the query and turned into the ids the search may return.
            rest, wanted = split_state_filters(query)
            state = self._reading_state()
            try:
                if wanted and state is None:
                    raise QueryError("is: and has: need the reading state, which cannot be opened")
                restriction = wanted.restriction(state) if wanted and state else None
                # The next keystroke cancels this worker; the searcher then stops at
                # once (SearchCancelled, a QueryError) instead of holding the gate.
                cancelled = lambda: worker.is_cancelled  # noqa: E731
                result = searcher.search(
                    rest,
                    limit=RESULT_LIMIT,
                    sort=sort,  # type: ignore[arg-type]
                    as_you_type=as_you_type,
                    cancelled=cancelled,
                    ids=restriction,
                )
                if as_you_type and not result.hits and not result.suggestion:
                    # Nothing for the word being typed as a prefix: a spelling, then?
                    first_ms = result.elapsed_ms
                    as_you_type = False
                    result = searcher.search(
                        rest,
                        limit=RESULT_LIMIT,
                        sort=sort,  # type: ignore[arg-type]
                        cancelled=cancelled,
                        ids=restriction,
                    )
                    # The searcher's time is both searches (the benchmark subtracts it).
                    result = replace(result, elapsed_ms=first_ms + result.elapsed_ms)
                marks, unread = {}, None
                if state is not None:
                    marks = state.states(hit.id for hit in result.hits)
                    unread = result.total
                    if result.total and state.read_ids():
                        read = wanted.plus(("read", True)).restriction(state)
                        unread -= searcher.search(
                            rest, limit=1, as_you_type=as_you_type, cancelled=cancelled, ids=read
                        ).total
            except QueryError as error:
                if not worker.is_cancelled:
                    self.post_message(SearchFailed(serial, str(error)))
                return
            except StateError as error:
                if not worker.is_cancelled:
                    self.post_message(SearchFailed(serial, f"reading state: {error}"))
                return
        if not worker.is_cancelled:
            self.post_message(ResultsReady(serial, result, marks, unread))

    def _reading_state(self) -> ReadingState | None:
        """The library's reading state (opened on first use, in a worker); the first time
        it cannot be opened, the user is told once."""
        state = self.library.state
        if state is None and not self._state_warned and self.library.state_problem:
            self._state_warned = True
            self.post_message(
                IndexProblem(
                    f"{self.library.state_problem} — reading without read marks, stars, "
                    "notes or history",
                    severity="warning",
                    timeout=10,
                    title="Reading state",
                )
            )
        return state

    @on(ResultsReady)
    def _results_ready(self, event: ResultsReady) -> None:
        self._search_done(event.serial, event.result, event.marks, event.unread)

    def _search_done(
        self,
        serial: int,
        result: SearchResult,
        marks: dict[str, ArticleState] | None = None,
        unread: int | None = None,
    ) -> None:
        from treatytui.search.searcher import highlight_spans

        if serial < self._shown:
            return  # an older search finished late: never replace fresher results
        self._shown = serial
        for older in [s for s in self._searches if s < serial]:
            del self._searches[older]
        same_query = self.last_result is not None and self.last_result.query == result.query
        self.last_result = result
        pane = self.search_pane
        pane.results.loading = False
        pane.show_result(result, keep=same_query, marks=marks, unread=unread)
        self.call_after_refresh(self.index_workers.results_shown)  # once they are painted
        self.index_workers.schedule_prefetch()
        if self.viewer.indexed is not None:
            self.viewer.set_query_hits(highlight_spans(self.viewer.indexed.article.text, result))

    @on(ResultsList.PageWanted)
    def _page_wanted(self, event: ResultsList.PageWanted) -> None:
        event.stop()
        asked = self._searches.get(self._shown)
        if asked is None or self.library.searcher is None:
            return
        self._more(*asked, self._shown, event.offset, event.limit)

    @work(thread=True, group="more", exit_on_error=False)
    def _more(
        self, query: str, sort: str, as_you_type: bool, serial: int, offset: int, limit: int
    ) -> None:
        """The hits of search ``serial`` from ``offset`` (``limit`` of them)."""
        from treatytui.search.limits import QueryTooBroad
        from treatytui.search.results import QueryError
        from treatytui.state import StateError, split_state_filters

        worker = get_current_worker()
        searcher = self.library.searcher
        if searcher is None:
            return
        rest, wanted = split_state_filters(query)
        state = self.library.state
        try:
            with self._gate:
                if worker.is_cancelled:
                    return
                restriction = wanted.restriction(state) if wanted and state else None
                result = searcher.search(
                    rest,
                    limit=limit,
                    sort=sort,  # type: ignore[arg-type]
                    as_you_type=as_you_type,
                    cancelled=lambda: worker.is_cancelled,
                    ids=restriction,
                    offset=offset,
                )
            marks = state.states(hit.id for hit in result.hits) if state else {}
        except (QueryError, StateError) as error:
            # The rows say why; the hits fetched stay.
            if worker.is_cancelled:
                return
            why = str(error)
            if isinstance(error, QueryTooBroad) and sort == "relevance":
                # Too many hits to rank in the deadline (sorting by date reads a column).
                why = "too many hits to rank by relevance in a second; s sorts by date"
            self.post_message(PageFailed(serial, offset, why))
            return
        if not worker.is_cancelled:
            self.post_message(MoreResults(serial, result, marks, offset=offset))

    @on(MoreResults)
    def _more_results(self, event: MoreResults) -> None:
        if event.serial == self._shown:
            self.search_pane.results.add_page(event.offset, event.result, event.marks)

    @on(PageFailed)
    def _page_failed(self, event: PageFailed) -> None:
        if event.serial == self._shown:
            self.search_pane.results.page_failed(event.offset, event.message)

    @on(SearchFailed)
    def _search_failed(self, event: SearchFailed) -> None:
        if event.serial < self._shown:
            return
        self._shown = event.serial
        self.search_pane.results.loading = False
        self.search_pane.results.ask_again()
        self.search_pane.show_error(event.message)
        self.index_workers.results_shown()

    @on(SearchPane.QueryChanged)
    def _query_changed(self, event: SearchPane.QueryChanged) -> None:
        self.query_text = event.query
        self.run_query(as_you_type=not event.submitted)
        if event.submitted and event.query.strip():
            self._remember_query(event.query)
        if event.submitted and self.search_pane.results.hits:
            self.search_pane.results.focus()

    # -- reading ------------------------------------------------------------------------
    @on(ResultsList.ArticleChosen)
    def _article_chosen(self, event: ResultsList.ArticleChosen) -> None:
        self.return_to = None
        self.open_article(event.hit.id)

    def open_article(self, article_id: str, at: tuple[int, int] | None = None) -> None:
        """Load an article from the index and show it (focus moves to the viewer); with
        ``at``, the span of a fact, its sentence is highlighted and scrolled into view."""
        self.viewer.focus()
        self._load_article(article_id, at)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, article_id: str, at: tuple[int, int] | None) -> None:
        indexed = self.library.article(article_id)
        if not get_current_worker().is_cancelled:
            self.post_message(ArticleLoaded(article_id, indexed, at))

    @on(ArticleLoaded)
    def _article_loaded(self, event: ArticleLoaded) -> None:
        from treatytui.search.searcher import highlight_spans

        indexed, at = event.indexed, event.at
        if indexed is None:
            self.app.notify(
                f"{one_line(event.article_id)} is no longer in the index", severity="warning"
            )
            return
        hits = highlight_spans(indexed.article.text, self.last_result) if self.last_result else []
        self.viewer.show(indexed, hits)
        self._start_reading(indexed.article.id, indexed.article.content_hash)
        self.facts_panel.show_facts(indexed.facts)
        self.find_input.value = ""
        self.find_input.display = False
        self._place_notifications()
        self.refresh_bindings()
        if at is not None:
            fact = next((f for f in indexed.facts if f.span == tuple(at)), None)
            if fact is not None:
                self.viewer.show_fact(fact)
            else:
                self.viewer.scroll_to_offset(at[0])

    # -- reading state --------------------------------------------------------------------
    def _start_reading(self, article_id: str, content_hash: str) -> None:
        """The article just opened becomes read after a few seconds on screen."""
        from treatytui.state import ArticleKey

        if self._read_timer is not None:
            self._read_timer.stop()
        key = ArticleKey(article_id, content_hash)
        self._read_timer = self.set_timer(self.read_after, lambda: self._read(key))

    def _viewer_scrolled(self, scroll_y: float) -> None:
        """An article scrolled to its end is read, however soon."""
        from treatytui.state import ArticleKey

        viewer = self.viewer
        end = viewer.max_scroll_y
        if viewer.indexed is not None and end > 0 and scroll_y >= end:
            article = viewer.indexed.article
            self._read(ArticleKey(article.id, article.content_hash))

    def _read(self, key: ArticleKey) -> None:
        """Mark ``key`` read (once: an article already read keeps when it was first read)."""
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        known = self.search_pane.results.marks.get(key.id)
        if known is not None and known.read:
            return
        self._change_state(key, "read", quiet=True)

    def _target(self) -> ArticleKey | None:
        """The article a state key acts on: the highlighted result when the results have
        focus, else the open article; None (and the user is told) when there is none."""
        from treatytui.state import ArticleKey

        indexed = self.viewer.indexed
        results = self.search_pane.results
        if self.focused is results and results.current_hit is not None:
            hit_id = results.current_hit.id
            if indexed is not None and indexed.article.id == hit_id:
                return ArticleKey(hit_id, indexed.article.content_hash)
            return ArticleKey(hit_id)
        if indexed is not None:
            return ArticleKey(indexed.article.id, indexed.article.content_hash)
        self.app.notify("Open or highlight an article first.", severity="warning")
        return None

    def action_toggle_read(self) -> None:
        key = self._target()
        if key is not None:
            indexed = self.viewer.indexed
            if self._read_timer is not None and indexed and indexed.article.id == key.id:
                self._read_timer.stop()  # the user decides now
                self._read_timer = None
            self._change_state(key, "toggle_read")

    def action_toggle_starred(self) -> None:
        key = self._target()
        if key is not None:
            self._change_state(key, "toggle_starred")

    def action_note(self) -> None:
        from treatytui.app.dialogs.text_input import TextDialog
        from treatytui.state.store import NOTE_LIMIT

        key = self._target()
        if key is None:
            return
        known = self.search_pane.results.marks.get(key.id)
        state = self.library.state
        note = known.note if known is not None else state.get(key).note if state else ""

        def keep(text: str | None) -> None:
            if text is not None and text.strip() != note:
                self._change_state(key, "note", note=text)

        self.app.push_screen(
            TextDialog("Note", "A short note on this article (empty: none):", note,
                       max_length=NOTE_LIMIT),
            keep,
        )  # fmt: skip

    @work(thread=True, group="state", exit_on_error=False)
    def _change_state(self, key: ArticleKey, change: str, *, quiet: bool = False,
                      note: str = "") -> None:  # fmt: skip
        """Write one change to the reading state (off the app's thread: SQLite may wait
        for another process); the screen hears the new state."""
        from treatytui.state import ArticleKey, StateError

        state = self._reading_state()
        if state is None:
            if not quiet:
                problem = "The reading state cannot be opened."
                self.post_message(IndexProblem(problem, severity="warning", title="Reading state"))
            return
        try:
            if not key.hash:
                # From the results list: the hash the index keeps for the article (read
                # here, off the app's thread), so that its state follows it if it moves.
                indexed = self.library.article(key.id)
                if indexed is not None:
                    key = ArticleKey(key.id, indexed.article.content_hash)
            if change == "read":
                state.set_read(key)
            elif change == "toggle_read":
                state.toggle_read(key)
            elif change == "toggle_starred":
                state.toggle_starred(key)
            else:
                state.set_note(key, note)
            now = state.get(key)
        except (StateError, ValueError) as error:
            self.post_message(IndexProblem(str(error), severity="warning", title="Reading state"))
            return
        self.post_message(StateChanged(now, said="" if quiet else change))

    @on(StateChanged)
    def _state_changed(self, event: StateChanged) -> None:
        results = self.search_pane.results
        listed = results.listed(event.state.id)
        before = results.marks.get(event.state.id)
        was_read = before is not None and before.read
        if listed:
            results.update_state(event.state)
            if was_read != event.state.read:
                self.search_pane.change_unread(-1 if event.state.read else 1)
        said = {
            "toggle_read": "Marked read" if event.state.read else "Marked unread",
            "toggle_starred": "Starred ★" if event.state.starred else "Star taken away",
            "note": "Note kept" if event.state.note else "Note removed",
        }.get(event.said)
        if said:
            self.notify(said, title="Reading state", timeout=2)

    # -- history and saved searches -------------------------------------------------------
    @work(thread=True, group="history", exit_on_error=False)
    def _load_history(self) -> None:
        from treatytui.state import StateError

        state = self._reading_state()
        if state is None:
            return
        try:
            self.post_message(HistoryLoaded(state.history()))
        except StateError as error:
            self.post_message(IndexProblem(str(error), severity="warning", title="History"))

    @work(thread=True, group="history", exit_on_error=False)
    def _remember_query(self, query: str) -> None:
        from treatytui.state import StateError

        state = self._reading_state()
        if state is None:
            return
        try:
            state.remember_query(query)
            self.post_message(HistoryLoaded(state.history()))
        except StateError as error:
            self.post_message(IndexProblem(str(error), severity="warning", title="History"))

    @on(HistoryLoaded)
    def _history_loaded(self, event: HistoryLoaded) -> None:
        self.search_pane.query_input.remembered(event.history)

    def action_save_search(self) -> None:
        from treatytui.app.dialogs.text_input import TextDialog
        from treatytui.state import StateError
        from treatytui.state.model import NAME_LIMIT, clean_name

        query = self.search_pane.query_input.value.strip()
        state = self.library.state
        if not query:
            self.app.notify("Type a query first, then save it.", severity="warning")
            return
        if state is None:
            self.app.notify("The reading state cannot be opened.", severity="warning")
            return

        def check(name: str) -> str | None:
            try:
                clean_name(name)
            except ValueError as error:
                return str(error).capitalize()
            return None

        def save(name: str | None) -> None:
            if name is None:
                return
            try:
                saved = state.save_search(name, query)
            except (StateError, ValueError) as error:
                self.app.notify(str(error), title="Not saved", severity="warning")
                return
            self.app.notify(f"Saved as {one_line(saved.name)} (S lists the saved searches)",
                            title="Saved search", timeout=3)  # fmt: skip

        self.app.push_screen(
            TextDialog("Save search", f"A name for {one_line(query)}:",
                       max_length=NAME_LIMIT, check=check),
            save,
        )  # fmt: skip

    def action_saved_searches(self) -> None:
        from treatytui.app.dialogs.saved_searches import SavedSearchesScreen
        from treatytui.state import StateError

        state = self.library.state
        if state is None:
            self.app.notify("The reading state cannot be opened.", severity="warning")
            return
        try:
            searches = state.saved_searches()
        except StateError as error:
            self.app.notify(str(error), title="Saved searches", severity="warning")
            return

        def run(query: str | None) -> None:
            if query is not None:
                pane = self.search_pane
                pane.query_input.value = query
                pane.query_input.cursor_position = len(query)
                pane.post_message(SearchPane.QueryChanged(query, submitted=True))

        self.app.push_screen(SavedSearchesScreen(self.library, searches), run)

    @on(FactsPanel.FactChosen)
    def _fact_chosen(self, event: FactsPanel.FactChosen) -> None:
        self.viewer.show_fact(event.fact)

    # -- find in article ----------------------------------------------------------------
    def action_find(self) -> None:
        self.find_input.display = True
        self.find_input.focus()
        self._find(self.find_input.value)
        self.call_after_refresh(self._place_notifications)

    def _place_notifications(self) -> None:
        """Notifications stack above the find bar while it is open (they are docked at the
        bottom right, where the find bar is when the facts sit beside the article)."""
        try:
            rack = self.query_one("#textual-toastrack")
        except NoMatches:  # notifications turned off
            return
        find = self.find_input
        bottom = None
        if find.display and find.region.area:
            bottom = max(1, self.size.height - find.region.y)
        if bottom == self._toast_margin:
            return  # restyling the rack on every resize would keep the screen busy
        self._toast_margin = bottom
        if bottom is None:
            rack.styles.clear_rule("margin")
        else:
            rack.styles.margin = (0, 0, bottom, 0)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._find(event.value)

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.viewer.focus()

    def _find(self, needle: str) -> None:
        indexed = self.viewer.indexed
        if indexed is None or not needle.strip():
            self.viewer.set_find([] if needle else None)
            return
        pattern = re.compile(re.escape(needle.strip()), re.IGNORECASE)
        self.viewer.set_find([m.span() for m in pattern.finditer(indexed.article.text)])

    def close_find(self) -> None:
        """Leave find-in-article: n/N go back to the query's hits."""
        self.find_input.display = False
        self.viewer.set_find(None)
        self.viewer.focus()
        self._place_notifications()

    # -- navigation ---------------------------------------------------------------------
    def action_back(self) -> None:
        """Escape: find → viewer; viewer/facts → results; results → input; input → clear."""
        focused = self.focused
        pane = self.search_pane
        if focused is self.find_input or (focused is self.viewer and self.viewer.finding):
            self.close_find()
        elif focused in (self.viewer, self.facts_panel) and self.return_to:
            view, self.return_to = self.return_to, None
            self.app.push_screen(view)
        elif focused in (self.viewer, self.facts_panel):
            pane.results.focus()
        elif focused is pane.results:
            pane.query_input.focus()
        elif focused is pane.query_input and pane.query_input.value:
            pane.query_input.value = ""
        else:
            pane.query_input.focus()

    def action_view(self, name: str) -> None:
        """Open a collection view: ``timeline`` or ``figures``."""
        self.post_message(ShowView(name))

    def action_focus_search(self) -> None:
        self.search_pane.query_input.focus()

    def action_focus_facts(self) -> None:
        self.facts_panel.display = True
        self.facts_panel.focus()

    def action_toggle_facts(self) -> None:
        panel = self.facts_panel
        panel.display = not panel.display
        if not panel.display and self.focused is panel:
            self.viewer.focus()

    def action_cycle_sort(self) -> None:
        self.sort = SORT_ORDERS[(SORT_ORDERS.index(self.sort) + 1) % len(SORT_ORDERS)]
        self.run_query(as_you_type=False)

    def set_sort(self, sort: str) -> None:
        """Sort the results by ``sort`` (relevance, newest or oldest)."""
        self.sort = sort
        self.run_query(as_you_type=False)

    # -- copying --------------------------------------------------------------------------
    @on(ArticleViewer.CopyRequested)
    def _copy_from_viewer(self, event: ArticleViewer.CopyRequested) -> None:
        self.copy(event.what)

    @on(FactsPanel.CopyRequested)
    def _copy_fact(self, event: FactsPanel.CopyRequested) -> None:
        from treatytui.app.clipboard import copy_and_confirm, fact_with_citation

        indexed = self.viewer.indexed
        if indexed is not None:
            copy_and_confirm(self.app, fact_with_citation(event.fact, indexed.article), "fact")

    def copy(self, what: str) -> None:
        """Copy ``quote`` (current sentence + citation), ``url`` or ``fact``."""
        from treatytui.app.clipboard import (
            copy_and_confirm,
            fact_with_citation,
            quote_with_citation,
        )

        indexed = self.viewer.indexed
        if indexed is None:
            self.app.notify("Open an article first.", severity="warning")
            return
        if what == "url":
            if not indexed.article.url:
                self.app.notify("This article has no url.", severity="warning")
                return
            copy_and_confirm(self.app, one_line(indexed.article.url), "url")
        elif what == "fact":
            entry = self.facts_panel.current_entry
            if entry is None:
                self.app.notify("No fact selected.", severity="warning")
                return
            copy_and_confirm(self.app, fact_with_citation(entry.first, indexed.article), "fact")
        else:
            quote = self.viewer.current_quote()
            copy_and_confirm(self.app, quote_with_citation(quote, indexed.article), "quote")

    # -- size -----------------------------------------------------------------------------
    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self._last_focused = event.widget

    def _too_small(self, width: int, height: int) -> bool:
        return width < MIN_WIDTH or height < MIN_HEIGHT

    def _restore_focus(self) -> None:
        """Back from too small: the panes were hidden (and lost the focus); give it back."""
        widget = self._last_focused
        if self.focused is None and widget is not None and widget.is_attached:
            if widget.display and widget.focusable:
                widget.focus(scroll_visible=False)
            else:
                self.search_pane.query_input.focus()

    def on_resize(self, event: Resize) -> None:
        width, height = event.size
        # Nothing is scheduled from here: a callback queued by a resize held up the start
        # in a bare pseudo-terminal (test_app_terminal_kinds).
        if not self._too_small(width, height) and self._last_focused is not None:
            self._restore_focus()
        self.query_one("#too-small", Static).update(
            f"Enlarge the terminal: treatytui needs at least {MIN_WIDTH}×{MIN_HEIGHT} "
            f"(this one is {width}×{height})."
        )
