"""Fetching the followed feeds from the reader, in a worker thread (``R``, the palette).

The worker never touches a widget: it posts ``FetchStatus`` (progress, for the status
line), then ``IndexChanged`` when new articles were indexed and ``FetchDone`` (the
summary) to the screen that owns it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual.dom import DOMNode

from treatytui.app.index_workers import report_moves
from treatytui.app.messages import FetchDone, FetchStatus, IndexChanged
from treatytui.library import Library
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.fetch.http import HttpSettings
    from treatytui.fetch.run import FetchProgress, FetchReport

NO_FEEDS = (
    "No feeds followed yet. In a shell, `treatytui feeds add URL` follows one "
    "(`treatytui feeds import FILE.opml` many); then fetch again."
)
REASONS_SHOWN = 3


class FetchWorker:
    """Runs ``library.fetch`` for ``owner`` (the main screen) and tells it by messages."""

    def __init__(self, owner: DOMNode, library: Library) -> None:
        self.owner = owner
        self.library = library
        self.settings: HttpSettings | None = None
        """HTTP limits for the fetch (None: the fetcher's defaults)."""
        self.stop = threading.Event()
        self.running = False
        self._feeds: dict[str, FetchProgress] = {}

    def start(self) -> bool:
        """Fetch now (False, and nothing done, when a fetch from here is under way)."""
        if self.running:
            return False
        self.running = True
        self.stop.clear()
        self._feeds = {}
        self.owner.run_worker(
            self._fetch, thread=True, exclusive=True, group="fetch", exit_on_error=False
        )
        return True

    def _fetch(self) -> None:
        try:
            self._run()
        finally:
            self.running = False
            self.owner.post_message(FetchStatus(""))

    def _run(self) -> None:
        from treatytui.fetch.lock import FetchBusy
        from treatytui.fetch.subscriptions import FeedListError
        from treatytui.search.index_writer import DiskFull
        from treatytui.search.indexer import IndexUnavailable
        from treatytui.search.lock import IndexBusy

        post = self.owner.post_message
        try:
            if not self.library.followed_feeds():
                post(FetchDone(NO_FEEDS, severity="warning"))
                return
            post(FetchStatus("Fetching the feeds…"))
            outcome = self.library.fetch(self._progress, self.stop, settings=self.settings)
        except FetchBusy as error:
            post(FetchDone(f"Not fetched: {one_line(str(error))}", severity="warning"))
            return
        except FeedListError as error:
            post(FetchDone(f"Not fetched: {one_line(str(error))}", severity="error"))
            return
        except (DiskFull, IndexBusy, IndexUnavailable) as error:
            message = f"Fetched, but could not index: {one_line(str(error))}"
            post(FetchDone(message, severity="error"))
            return
        except OSError as error:
            post(FetchDone(f"Cannot write the articles: {one_line(str(error))}", severity="error"))
            return
        index = outcome.index
        if index is not None and index.changed and self.library.searcher is not None:
            report_moves(self.owner, self.library, index.added, index.removed)
            post(IndexChanged(self.library.count(), how="updated by the fetch"))
        report = outcome.fetch
        post(FetchDone(summary(report), severity="warning" if report.failed else "information"))

    def _progress(self, event: FetchProgress) -> None:
        """From the fetch's threads: one line on where the feeds stand."""
        self._feeds[event.feed] = event
        feeds = list(self._feeds.values())
        finished = sum(f.finished for f in feeds)
        text = f"Fetching: {finished} of {len(feeds)} feeds done"
        if not event.finished:
            entries = f" {event.done}/{event.total}" if event.total else ""
            text += f" · {one_line(event.feed)[:30]}{entries}"
        self.owner.post_message(FetchStatus(text + "…"))


def summary(report: FetchReport) -> str:
    """The notification after a fetch: the counts, then the first failures with why."""
    if report.offline:
        return "No network: nothing could be fetched."
    text = f"{report.new} new, {report.updated} updated, {report.failed} failed"
    if report.from_feed:
        text += f" ({report.from_feed} from the feed's own text: page unreadable)"
    reasons: list[str] = []
    for feed in report.feeds:
        if feed.error is not None:
            reasons.append(f"{feed.name}: {feed.error}")
        reasons += [f"{failure.url}: {failure.reason}" for failure in feed.failed]
    if reasons:
        shown = [one_line(reason) for reason in reasons[:REASONS_SHOWN]]
        more = len(reasons) - len(shown)
        text += "\n" + "\n".join(shown) + (f"\n…and {more} more" if more > 0 else "")
    return text
