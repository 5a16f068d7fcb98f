"""``Library``: one collection and its index, for the CLI commands, the reader and scripts.

It owns what used to be written twice (in the reader and in the commands): opening the
index, building it when there is none yet, bringing it up to date with the collection's
files, noticing when another process changed (or deleted) it, and the facts and
collection views read from it, built once per version of the index. Plain Python: no
Textual, and Whoosh loads only when an index is opened or written.

    from treatytui.library import Library

    with Library(Path("~/news-index").expanduser()) as library:
        library.open_or_build()
        print(library.search("hanoi signing").total)
        timeline, articles = library.view_data("timeline")
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Unpack

from treatytui.library.views import VIEWS, ViewCache, ViewData
from treatytui.search.location import IndexLocation

if TYPE_CHECKING:
    from treatytui.collection import Collection as ArticlePaths
    from treatytui.fetch.http import HttpSettings
    from treatytui.library.fetching import FetchOutcome, FetchProgressFn
    from treatytui.search.documents import ArticleFacts, IndexedArticle
    from treatytui.search.indexer import IndexReport
    from treatytui.search.results import SearchOptions, SearchResult
    from treatytui.search.searcher import Searcher
    from treatytui.state import ReadingState

Progress = Callable[[int, int], None]
"""Called with (files done, files to index) while the index is brought up to date."""


class LibraryUnavailable(RuntimeError):
    """The index cannot be opened or built; the message says why (for the user)."""


@dataclass(frozen=True)
class RefreshOutcome:
    """What bringing the index up to date did."""

    report: IndexReport | None = None
    """The indexer's report; None when it could not run (``busy`` or ``unavailable``)."""
    busy: bool = False
    """Another process holds the index's write lock: nothing was done."""
    unavailable: str | None = None
    """Why the index folder cannot be written (the library is now read-only)."""
    built_from_nothing: str | None = None
    """There was no index: it was built, and this says from what (as the CLI says it)."""
    changed: bool = False
    """The open searcher now shows new content (the view data is built again)."""
    skipped: Sequence[tuple[str, str]] = field(default_factory=tuple)
    """Files left out, with the reason."""
    collection_notice: str | None = None
    """The index had no readable record of its folders: they were taken from its articles
    (and remembered again), as this says."""


@dataclass(frozen=True)
class IndexChange:
    """What a look at the index folder found: ``updated`` by another process (``total``
    articles now), or ``deleted`` (the open index is still shown)."""

    kind: Literal["updated", "deleted"]
    total: int = 0


class Library:
    """The collection remembered in ``index_root``, its index and what is read from it.

    Safe to share between threads: searches, facts and view data may run in workers
    while another thread refreshes or polls.
    """

    def __init__(self, index_root: Path, *, extra_paths: Sequence[Path] = ()) -> None:
        self.index_root = Path(index_root)
        self.extra_paths = list(extra_paths)
        self.location = IndexLocation(self.index_root)
        self.read_only = False
        self._searcher: Searcher | None = None
        self._open_lock = threading.Lock()
        self._views = ViewCache()
        self._deleted_seen = False
        self._state: ReadingState | None = None
        self._state_tried = False
        self._state_lock = threading.Lock()
        self.state_problem: str | None = None
        """Why the reading state could not be opened (None: it is open, or not tried)."""

    # -- the user's reading state -----------------------------------------------------------
    @property
    def state(self) -> ReadingState | None:
        """The user's reading state, opened on first use; None when it cannot be opened
        (``state_problem`` says why, once; everything else keeps working)."""
        with self._state_lock:
            if not self._state_tried:
                self._state_tried = True
                from treatytui.state import ReadingState, StateError

                try:
                    self._state = ReadingState.open()
                except StateError as error:
                    self.state_problem = str(error)
            return self._state

    # -- the index ------------------------------------------------------------------------
    @property
    def searcher(self) -> Searcher | None:
        """The open searcher, or None before ``open`` found an index."""
        return self._searcher

    @property
    def version(self) -> int:
        """Goes up by one each time the open index changed (a refresh, another process)."""
        return self._views.version

    def exists(self) -> bool:
        """Whether the folder holds an index (without opening it)."""
        return self.location.live_generation() is not None

    def collection(self) -> ArticlePaths:
        """The article folders and files remembered beside the index."""
        from treatytui.collection import Collection as ArticlePaths

        return ArticlePaths.load(self.index_root)

    def open(self) -> bool:
        """Open the index if there is one (Whoosh loads now); True when it is open."""
        with self._open_lock:
            if self._searcher is not None:
                return True
            from treatytui.search.searcher import IndexMissing, Searcher

            try:
                self._searcher = Searcher(self.index_root)
            except IndexMissing:
                return False
            return True

    def missing_notice(self, shown: str | None = None) -> str:
        """What to say before building an index where there is none (``shown``: the
        folder as the user should read it)."""
        where = shown or str(self.index_root)
        if self.collection().paths:
            return f"No index in {where} yet: indexing the collection first…"
        # Also what a deleted index folder looks like: the remembered folders went with it.
        return (
            f"No index in {where} yet: indexing the collection first — the bundled seeds "
            "only, as no folders are remembered there (add yours with `treatytui index PATH`)…"
        )

    def refresh(
        self, progress: Progress | None = None, *, lock_timeout: float | None = None
    ) -> RefreshOutcome:
        """Bring the index up to date with the collection's files (building it when
        missing); waits ``lock_timeout`` seconds for another indexer (None: as long as
        it takes). The open searcher moves to the new version."""
        from treatytui.search.indexer import IndexUnavailable
        from treatytui.search.indexer import refresh as refresh_index
        from treatytui.search.lock import IndexBusy

        notice = None if self.exists() else self.missing_notice()
        collection = self.collection()
        report_progress = None if progress is None else (lambda d, t, _path: progress(d, t))
        try:
            report = refresh_index(
                self.index_root,
                collection.roots(extra=self.extra_paths),
                progress=report_progress,
                lock_timeout=lock_timeout,
                follow_symlinks=collection.follow_symlinks,
            )
        except IndexBusy:
            return RefreshOutcome(busy=True)
        except IndexUnavailable as error:
            self.read_only = True
            return RefreshOutcome(unavailable=str(error))
        if collection.notice:  # remembered again, so that it is said once
            with contextlib.suppress(OSError):
                collection.save()
        changed = False
        searcher = self._searcher
        if report.changed and searcher is not None:
            searcher.refresh()
            self._changed()
            changed = True
        return RefreshOutcome(
            report=report,
            built_from_nothing=notice,
            changed=changed,
            skipped=tuple(report.skipped),
            collection_notice=collection.notice,
        )

    def open_or_build(self, say: Callable[[str], None] | None = None) -> Searcher:
        """The open searcher; indexes the collection first when there is no index yet
        (``say`` hears what is being done). ``LibraryUnavailable`` when it cannot."""
        if not self.open():
            if say is not None:
                say(self.missing_notice())
            outcome = self.refresh()
            if outcome.unavailable or outcome.busy:
                raise LibraryUnavailable(
                    outcome.unavailable or "another process is updating the index"
                )
            if not self.open():
                raise LibraryUnavailable(
                    f"no index in {self.index_root} yet — run `treatytui index` first"
                )
        assert self._searcher is not None
        return self._searcher

    # -- news in ----------------------------------------------------------------------------
    def followed_feeds(self) -> int:
        """How many feeds the collection follows (``FeedListError``: its list is unreadable)."""
        from treatytui.library.fetching import followed_feeds

        return followed_feeds(self.index_root)

    def fetch(
        self,
        progress: FetchProgressFn | None = None,
        stop: threading.Event | None = None,
        *,
        settings: HttpSettings | None = None,
    ) -> FetchOutcome:
        """Fetch every followed feed, store and index what is new (blocking: for a worker
        thread; ``progress`` is called from the fetch's threads, ``stop`` ends it early).
        The open searcher moves to the new version. Raises what
        :func:`~treatytui.library.fetching.fetch_and_index` raises (``FetchBusy``,
        ``DiskFull``, ``IndexBusy``, ``IndexUnavailable``, ``FeedListError``, ``OSError``)."""
        from treatytui.library.fetching import fetch_and_index

        outcome = fetch_and_index(
            self.index_root,
            settings=settings,
            progress=progress,
            stop=stop,
            extra_paths=self.extra_paths,
        )
        searcher = self._searcher
        if outcome.index is not None and outcome.index.changed and searcher is not None:
            searcher.refresh()
            self._changed()
        return outcome

    def poll(self) -> IndexChange | None:
        """Look once whether another process changed the index (or deleted its folder)
        since it was opened or last looked at; the open searcher follows a change."""
        searcher = self._searcher
        if searcher is None:
            return None
        if not self.exists():
            if self._deleted_seen:
                return None
            self._deleted_seen = True
            return IndexChange("deleted")
        self._deleted_seen = False
        if not searcher.refresh():
            return None
        self._changed()
        return IndexChange("updated", searcher.count())

    def watch(
        self, every: float = 2.0, stop: threading.Event | None = None
    ) -> Iterator[IndexChange]:
        """Each change ``poll`` finds, looking every ``every`` seconds until ``stop`` is set
        (for scripts; the reader polls from its own timer)."""
        stop = stop or threading.Event()
        while not stop.wait(every):
            change = self.poll()
            if change is not None:
                yield change

    def _changed(self) -> None:
        self._views.invalidate()

    def close(self) -> None:
        """Release the open index files."""
        searcher, self._searcher = self._searcher, None
        if searcher is not None:
            searcher.close()
        state, self._state = self._state, None
        if state is not None:
            state.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- what is read from it ---------------------------------------------------------------
    def _open_searcher(self) -> Searcher:
        if self._searcher is None and not self.open():
            raise LibraryUnavailable(f"no index in {self.index_root} yet")
        assert self._searcher is not None
        return self._searcher

    def count(self) -> int:
        """How many articles the index holds (0 when none is open)."""
        return self._searcher.count() if self._searcher is not None else 0

    def search(self, text: str, **options: Unpack[SearchOptions]) -> SearchResult:
        """Run a query: ``Searcher.search``, with its keyword arguments (``limit``, ``sort``,
        ``as_you_type``, ``cancelled``, ``ids``, ``offset``); ``QueryError`` when it cannot
        be run, ``LibraryUnavailable`` when there is no index yet."""
        return self._open_searcher().search(text, **options)

    def article(self, article_id: str) -> IndexedArticle | None:
        """The stored article with its facts, or None (also when no index is open)."""
        searcher = self._searcher
        return searcher.article(article_id) if searcher is not None else None

    def facts(
        self, query_text: str | None = None, kinds: Collection[str] | None = None
    ) -> list[ArticleFacts]:
        """The stored facts (of ``kinds``, or all) of every article, or of those matching
        ``query_text``; none when no index is open."""
        searcher = self._searcher
        return searcher.iter_facts(query_text, kinds) if searcher is not None else []

    def view_data(self, name: str) -> ViewData:
        """View ``name``'s (``timeline``, ``figures``) data for the whole collection and the
        number of articles it was built from: built once per version of the index."""
        return self._views.get(VIEWS[name], self._stream_facts, self._stored_rows)

    def _stored_rows(self) -> Any:
        """The index's stored view rows when they describe it as it is (else None)."""
        if self._searcher is None:
            return None
        from treatytui.search.viewstore import ViewRows

        return ViewRows.open(self.index_root)

    def _stream_facts(
        self, query_text: str | None = None, kinds: Collection[str] | None = None
    ) -> Iterable[ArticleFacts]:
        searcher = self._searcher
        return searcher.stream_facts(query_text, kinds) if searcher is not None else ()

    def view_ready(self, name: str) -> bool:
        """Whether ``view_data(name)`` would answer at once."""
        return self._views.cached(name)

    def prefetch(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Read now what the first phrase query and the collection views would wait for,
        then build the views (seconds of work on 10,000 articles; for a background
        thread). Stops between steps once ``cancelled()``."""
        searcher = self._searcher
        if searcher is None:
            return
        searcher.warm()
        for name in VIEWS:
            if cancelled() or self._searcher is None:
                return
            self.view_data(name)
