"""The library's index lifecycle in worker threads: open, bring up to date, watch, prefetch.

The workers never touch a widget: they post messages (``app/messages.py``) to the screen
that owns them, which shows what they found.
"""

from __future__ import annotations

import threading
from collections.abc import Collection

from textual.dom import DOMNode
from textual.timer import Timer
from textual.worker import get_current_worker

from treatytui.app.messages import IndexChanged, IndexOpened, IndexProblem, IndexProgress
from treatytui.config import display_path
from treatytui.library import Library
from treatytui.textsafety import one_line

# Quiet time after the latest results before the collection views are built in the
# background (so that building them never slows down the first searches).
PREFETCH_AFTER_SECONDS = 1.0
# The start-up refresh waits this long at most for the first results to be on screen:
# stat-ing a large collection's files holds the GIL, which would delay them (100,000
# files: seconds).
FIRST_RESULTS_WAIT_SECONDS = 3.0


class IndexWorkers:
    """Runs ``library``'s lifecycle for ``owner`` (the main screen) and tells it by messages."""

    def __init__(self, owner: DOMNode, library: Library, *, refresh_index: bool) -> None:
        self.owner = owner
        self.library = library
        self.refresh_index = refresh_index
        self.indexing = False
        self._prefetch_timer: Timer | None = None
        self._prefetched = False
        self._results_shown = threading.Event()

    def _post(self, message: IndexProgress | IndexOpened | IndexChanged | IndexProblem) -> None:
        self.owner.post_message(message)

    # -- open and bring up to date ------------------------------------------------------
    def prepare(self) -> None:
        """Open the index at once if it exists, then bring it up to date (with progress)."""
        if self.indexing:
            self._post(IndexProblem("The index is already being updated.", title=""))
            return
        self.indexing = True  # set here, so that a second ctrl+r at once is told too
        self.owner.run_worker(
            self._prepare, thread=True, exclusive=True, group="index", exit_on_error=False
        )

    def _prepare(self) -> None:
        library = self.library
        try:
            if library.searcher is None and library.open():
                self._post(IndexOpened())
                if self.refresh_index:
                    self._results_shown.wait(FIRST_RESULTS_WAIT_SECONDS)
            if self.refresh_index:
                self._refresh()
            if library.searcher is None:
                self._post(IndexOpened(found=library.open()))
        finally:
            self.indexing = False

    def _refresh(self) -> None:
        library = self.library
        was_open = library.searcher is not None
        try:
            outcome = library.refresh(
                lambda done, total: self._post(IndexProgress(done, total)), lock_timeout=0
            )
        finally:
            self._post(IndexProgress(0, 0))
        if outcome.busy:
            self._post(IndexProblem("Another process is updating the index; showing it as it is."))
            return
        if outcome.unavailable:
            self._post(
                IndexProblem(
                    f"Read-only: {one_line(outcome.unavailable)}. Showing the existing index.",
                    severity="warning",
                    timeout=10,
                )
            )
            return
        if outcome.built_from_nothing and was_open:
            # The folder went while the reader had it open: say what the new index holds.
            notice = library.missing_notice(display_path(library.index_root))
            self._post(IndexProblem(one_line(notice), severity="warning", timeout=20))
        if outcome.collection_notice:
            self._post(
                IndexProblem(one_line(outcome.collection_notice), severity="warning", timeout=20)
            )
        if outcome.changed and outcome.report is not None:
            # Before the new results are asked for, so that they show the moved marks.
            report_moves(self.owner, self.library, outcome.report.added, outcome.report.removed)
            self._post(IndexChanged(outcome.report.total))
        for path, reason in outcome.skipped[:3]:
            self._post(
                IndexProblem(
                    f"Skipped {one_line(path)}: {one_line(reason)}", severity="warning", title=""
                )
            )

    def results_shown(self) -> None:
        """The first results (or a query error) are on screen: the refresh may start."""
        self._results_shown.set()

    # -- another process ----------------------------------------------------------------
    def poll(self) -> None:
        """Notice when another process changed the index (or deleted its folder)."""
        if self.library.searcher is None or self.indexing:
            return
        self.owner.run_worker(
            self._poll, thread=True, exclusive=True, group="poll", exit_on_error=False
        )

    def _poll(self) -> None:
        change = self.library.poll()
        if change is None:
            return
        if change.kind == "updated":
            self._post(IndexChanged(change.total))
        else:
            where = display_path(self.library.index_root)
            self._post(
                IndexProblem(
                    f"The index folder {where} was deleted: showing what was open; reindexing "
                    "would start a new index, without the folders it remembered.",
                    severity="warning",
                    timeout=30,
                )
            )

    # -- collection views in the background ---------------------------------------------
    def index_changed(self) -> None:
        """The index moved on: the views are built again once searching is quiet."""
        self._prefetched = False

    def schedule_prefetch(self) -> None:
        """New results are on screen: build the collection views once searching is quiet."""
        if self._prefetched or self.library.searcher is None:
            return
        if self._prefetch_timer is None:
            self._prefetch_timer = self.owner.set_timer(PREFETCH_AFTER_SECONDS, self._start)
        else:
            self._prefetch_timer.reset()

    def _start(self) -> None:
        self._prefetch_timer = None
        if not self._prefetched:
            self._prefetched = True
            self.owner.run_worker(
                self._prefetch, thread=True, exclusive=True, group="prefetch", exit_on_error=False
            )

    def _prefetch(self) -> None:
        """Read the collection's facts and build the timeline and figures, so that ``t`` and
        ``c`` show their rows at once; warm the searcher for phrases too."""
        worker = get_current_worker()
        self.library.prefetch(cancelled=lambda: worker.is_cancelled)


def report_moves(
    owner: DOMNode, library: Library, added: Collection[str], removed: Collection[str]
) -> dict[str, str]:
    """After an index change (in a worker): move the reading state of articles that left
    the index to the added ones with the same content hash (renamed files, a moved folder,
    :meth:`ReadingState.reconcile`); ``owner`` hears of any moved, or of a problem."""
    moved = reconcile_moves(library, added, removed)
    if isinstance(moved, str):
        owner.post_message(IndexProblem(moved, severity="warning", title="Reading state"))
        return {}
    if moved:
        noun = "article" if len(moved) == 1 else "articles"
        owner.post_message(
            IndexProblem(
                f"Moved the read marks, stars and notes of {len(moved)} renamed {noun}.",
                title="Reading state",
            )
        )
    return moved


def reconcile_moves(
    library: Library, added: Collection[str], removed: Collection[str]
) -> dict[str, str] | str:
    """``{old id: new id}`` of the remembered articles found again under a new id among
    ``added`` (or why the reading state could not be updated). Only the added articles'
    hashes are read, and only when the state remembers one of the ``removed``."""
    from treatytui.state import StateError

    if not (added and removed):
        return {}
    state = library.state
    if state is None:
        return {}
    try:
        if not state.states(removed):
            return {}  # nothing remembered of what left: nothing to follow
        present = {}
        for article_id in added:
            indexed = library.article(article_id)
            if indexed is not None and indexed.article.content_hash:
                present[article_id] = indexed.article.content_hash
        return state.reconcile(present, gone=set(removed))
    except StateError as error:
        return f"The reading state was not updated after the index changed: {error}"
