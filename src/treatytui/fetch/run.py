"""Fetching: every followed feed (or some), or single pages, into the managed folder.

:func:`fetch_feeds` and :func:`fetch_pages` are headless: they take a progress callback
and return a :class:`FetchReport`; they never index (the caller does, when the report
says pages were stored). One fetch at a time per collection (:mod:`.lock`). One failing
feed or page is reported with its reason and never stops the others. A feed's ETag and
Last-Modified are remembered only when every one of its entries was stored, so an entry
that failed (or a fetch that was killed) is tried again next time.
"""

from __future__ import annotations

import html as html_text
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from treatytui.fetch.charset import decode_page
from treatytui.fetch.feedparse import FeedEntry, FeedError, parse_feed
from treatytui.fetch.http import FetchError, HttpClient, HttpSettings, Response
from treatytui.fetch.lock import FetchLock
from treatytui.fetch.pages import describe_page
from treatytui.fetch.store import ArticleStore, StoredPage, text_hash
from treatytui.fetch.subscriptions import Feed, FeedList
from treatytui.fetch.urls import BadUrl, canonical_url, checked_url, host_of

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, "
    "*/*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_PAGE_TYPES = frozenset({"", "text/html", "application/xhtml+xml"})
MAX_ENTRIES = 200
"""At most this many entries are read from one feed in one fetch (newest first, as listed)."""
MIN_FEED_WORDS = 40
"""A feed's own text stands in for a page that cannot be fetched only when it has at least
this many words: a teaser of one or two sentences is not the article."""


@dataclass(frozen=True)
class FetchProgress:
    """Where the fetch of one feed (or of the pages given) stands."""

    feed: str
    done: int
    total: int
    """Entries to look at (0 while the feed itself is being fetched)."""
    finished: bool = False
    error: str | None = None


ProgressFn = Callable[[FetchProgress], None]


@dataclass
class Failure:
    """A page that could not be stored, and why."""

    url: str
    reason: str


@dataclass
class FeedReport:
    """What one feed's fetch (or ``treatytui add``'s pages) gave."""

    name: str
    url: str | None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    """Entry links that are never fetched (not http/https)."""
    error: str | None = None
    """Why the feed itself could not be read (then nothing else was done)."""
    offline: bool = False
    not_modified: bool = False
    stored: list[Path] = field(default_factory=list)
    from_feed: list[Failure] = field(default_factory=list)
    """Entries stored from the feed's own text, with why their page could not be read."""

    @property
    def ok(self) -> bool:
        """No error with the feed, and every entry stored or already there."""
        return self.error is None and not self.failed


@dataclass
class FetchReport:
    """What a fetch did, feed by feed."""

    feeds: list[FeedReport] = field(default_factory=list)
    store: Path | None = None

    @property
    def new(self) -> int:
        return sum(f.new for f in self.feeds)

    @property
    def updated(self) -> int:
        return sum(f.updated for f in self.feeds)

    @property
    def unchanged(self) -> int:
        return sum(f.unchanged for f in self.feeds)

    @property
    def failed(self) -> int:
        """Feeds that could not be read plus pages that could not be stored."""
        return sum(len(f.failed) + (f.error is not None) for f in self.feeds)

    @property
    def from_feed(self) -> int:
        """Entries stored from their feed's text because their page could not be read."""
        return sum(len(f.from_feed) for f in self.feeds)

    @property
    def stored(self) -> list[Path]:
        """Every page written (new or updated)."""
        return [path for f in self.feeds for path in f.stored]

    @property
    def offline(self) -> bool:
        """Whether every feed that failed failed for want of a network (and one did)."""
        failures = [f for f in self.feeds if f.error is not None]
        return (
            bool(failures)
            and all(f.offline for f in failures)
            and not any(f.error is None for f in self.feeds)
        )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _sidecar(
    page_url: str,
    html: str,
    entry: FeedEntry | None,
    feed: Feed | None,
    charset: str,
    min_words: int = 1,
) -> tuple[dict[str, object], str]:
    """The sidecar fields of a page, and the fingerprint of its main text."""
    facts = describe_page(html, page_url)
    if len(facts.text.split(None, min_words)) < min_words:
        raise FetchError("no article text in the page")
    published = (_day(entry.published) if entry else None) or facts.published
    if published is None and entry is not None:
        published = _day(entry.updated)
    tags = [*(feed.tags if feed else []), *(entry.tags if entry else ())]
    values: dict[str, object] = {
        "title": (entry.title if entry else None) or facts.title,
        "source": facts.source or (feed.name if feed else host_of(page_url)),
        "url": page_url,
        "published": published.isoformat() if published else None,
        "authors": list((entry.authors if entry else ()) or facts.authors) or None,
        "tags": list(dict.fromkeys(tags)) or None,
        "feed": feed.url if feed else None,
        "fetched_at": _now(),
        "charset": charset if charset not in ("utf-8", "ascii") else None,
    }
    return {k: v for k, v in values.items() if v is not None}, text_hash(facts.text)


def _feed_page(entry: FeedEntry) -> str | None:
    """An HTML page holding the entry's own text from the feed (HTML kept as the feed gave
    it, plain text in paragraphs), or None when the feed gives none."""
    if not entry.content:
        return None
    body = entry.content
    if "<" not in body:
        paragraphs = (p.strip() for p in body.split("\n\n"))
        body = "".join(f"<p>{html_text.escape(p)}</p>" for p in paragraphs if p)
    title = html_text.escape(entry.title or "")
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


STOPPED = "stopped before the end"


class _Fetcher:
    def __init__(
        self,
        client: HttpClient,
        store: ArticleStore,
        progress: ProgressFn | None,
        stop: threading.Event | None = None,
    ):
        self.client = client
        self.store = store
        self._progress = progress
        self._progress_lock = threading.Lock()
        self.stop = stop or threading.Event()

    def tell(self, event: FetchProgress) -> None:
        if self._progress is not None:
            with self._progress_lock:
                self._progress(event)

    def page(
        self, url: str, report: FeedReport, entry: FeedEntry | None, feed: Feed | None
    ) -> None:
        """Store the page at ``url`` unless it is stored already; count what happened."""
        try:
            url = checked_url(url)
        except BadUrl as error:
            report.skipped.append(Failure(url, str(error)))
            return
        canonical = canonical_url(url)
        updated = entry.updated.isoformat() if entry and entry.updated else None
        known = self.store.known(canonical)
        if known is not None and not known.from_feed and not _newer(updated, known):
            report.unchanged += 1
            return
        try:
            response = self.client.get(url, accept=PAGE_ACCEPT)
            self._store(canonical, response, report, entry, feed, updated, known)
        except FetchError as error:
            if known is not None and known.from_feed and not _newer(updated, known):
                report.unchanged += 1  # still only the feed's text, as stored before
            elif entry is None or not self._store_feed_text(
                canonical, url, entry, feed, updated, known, report, error.reason
            ):
                report.failed.append(Failure(url, error.reason))

    def _store_feed_text(
        self,
        canonical: str,
        url: str,
        entry: FeedEntry,
        feed: Feed | None,
        updated: str | None,
        known: StoredPage | None,
        report: FeedReport,
        reason: str,
    ) -> bool:
        """Store the entry's text from the feed in place of its page; whether it could."""
        page = _feed_page(entry)
        if page is None:
            return False
        try:
            sidecar, digest = _sidecar(url, page, entry, feed, "utf-8", MIN_FEED_WORDS)
        except FetchError:
            return False
        sidecar["text_from"] = "feed"
        if known is not None and digest == known.text_hash:
            report.unchanged += 1
            return True
        path = self.store.save(
            canonical, page.encode("utf-8"), sidecar, digest, updated, from_feed=True
        )
        report.stored.append(path)
        report.from_feed.append(Failure(url, reason))
        if known is None:
            report.new += 1
        else:
            report.updated += 1
        return True

    def _store(
        self,
        canonical: str,
        response: Response,
        report: FeedReport,
        entry: FeedEntry | None,
        feed: Feed | None,
        updated: str | None,
        known: StoredPage | None,
    ) -> None:
        if response.content_type not in _PAGE_TYPES:
            raise FetchError(f"not a web page ({response.content_type})")
        final = canonical_url(response.url)
        if known is None and final != canonical:
            known = self.store.known(final)
            if known is not None:  # a redirect to a page stored already
                self.store.alias(canonical, known)
                report.unchanged += 1
                return
        html, charset = decode_page(response.body, response.charset)
        sidecar, digest = _sidecar(response.url, html, entry, feed, charset)
        if known is not None and digest == known.text_hash:
            if updated:  # remember the feed's new stamp: not fetched again for it
                self.store.alias(canonical, StoredPage(known.url, known.file, digest, updated))
            report.unchanged += 1
            return
        copy = self.store.same_text(digest)
        if copy is not None and known is None:  # the same article under another URL
            self.store.alias(canonical, copy)
            report.unchanged += 1
            return
        body = response.body if charset in ("utf-8", "ascii") else html.encode("utf-8")
        path = self.store.save(
            final if known is None else known.url, body, sidecar, digest, updated
        )
        if final != canonical and known is None:
            self.store.alias(canonical, self.store.known(final) or known)  # type: ignore[arg-type]
        report.stored.append(path)
        if known is None:
            report.new += 1
        else:
            report.updated += 1

    def feed(self, feed: Feed, max_entries: int) -> tuple[FeedReport, Response | None, str | None]:
        """Fetch one feed and its new entries; never raises."""
        report = FeedReport(feed.name, feed.url)
        if self.stop.is_set():
            report.error = STOPPED
            return report, None, None
        self.tell(FetchProgress(feed.name, 0, 0))
        response: Response | None = None
        title = None
        try:
            response = self.client.get(
                feed.url, accept=FEED_ACCEPT, etag=feed.etag, last_modified=feed.last_modified
            )
            if response.not_modified:
                report.not_modified = True
            else:
                parsed = parse_feed(response.body, response.url, response.content_type)
                title = parsed.title
                report.skipped += [Failure(url, why) for url, why in parsed.skipped]
                entries = parsed.entries[:max_entries]
                for done, entry in enumerate(entries):
                    self.tell(FetchProgress(feed.name, done, len(entries)))
                    if self.stop.is_set():  # the rest next time: no ETag kept for this feed
                        report.error = STOPPED
                        break
                    self.page(entry.url, report, entry, feed)
                self.tell(FetchProgress(feed.name, len(entries), len(entries)))
        except FetchError as error:
            report.error, report.offline = error.reason, error.offline
        except FeedError as error:
            report.error = str(error)
        except Exception as error:  # one broken feed never stops the others
            report.error = f"unexpected error: {type(error).__name__}: {error}"
        self.tell(FetchProgress(feed.name, 1, 1, finished=True, error=report.error))
        return report, response, title


def _newer(updated: str | None, known: StoredPage) -> bool:
    return bool(updated and known.entry_updated and updated > known.entry_updated)


def fetch_feeds(
    index_root: Path,
    store_dir: Path,
    *,
    only: Iterable[str] | None = None,
    settings: HttpSettings | None = None,
    progress: ProgressFn | None = None,
    workers: int = 4,
    max_entries: int = MAX_ENTRIES,
    lock: bool = True,
    stop: threading.Event | None = None,
) -> FetchReport:
    """Fetch the feeds followed in ``index_root`` (``only``: those names or URLs) and store
    their new entries in ``store_dir``. :class:`~treatytui.fetch.lock.FetchBusy` when
    another fetch is running; :class:`~treatytui.fetch.subscriptions.FeedListError` for
    an unknown name in ``only``. ``lock=False``: the caller holds the fetch lock. Setting
    ``stop`` (from another thread, or Ctrl-C here) ends the fetch after the pages under way;
    the feeds not finished say so and are fetched in full next time."""
    from treatytui.fetch.subscriptions import FeedListError

    with _locked(index_root, lock):
        feeds = FeedList.load(index_root)
        chosen = feeds.feeds
        if only is not None:
            chosen = []
            for key in only:
                feed = feeds.find(key)
                if feed is None:
                    raise FeedListError(f"no feed named or at {key!r}")
                chosen.append(feed)
        report = FetchReport(store=store_dir)
        store = ArticleStore(store_dir)
        with HttpClient(settings) as client:
            fetcher = _Fetcher(client, store, progress, stop)
            with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
                running = {pool.submit(fetcher.feed, f, max_entries): f for f in chosen}
                try:
                    for future in as_completed(running):
                        feed = running[future]
                        result, response, title = future.result()
                        _remember(feeds, feed, result, response, title)
                        feeds.save()  # each feed's state as soon as it is known
                        report.feeds.append(result)
                except KeyboardInterrupt:
                    fetcher.stop.set()  # let the workers finish their page, then stop
                    raise
        order = {id(f): n for n, f in enumerate(chosen)}
        report.feeds.sort(key=lambda r: order.get(id(_by_url(chosen, r.url)), 0))
        return report


def _locked(index_root: Path, lock: bool) -> AbstractContextManager[object]:
    return FetchLock(index_root) if lock else nullcontext()


def _by_url(feeds: list[Feed], url: str | None) -> Feed | None:
    return next((f for f in feeds if f.url == url), None)


def _remember(
    feeds: FeedList, feed: Feed, result: FeedReport, response: Response | None, title: str | None
) -> None:
    feed.last_fetch = _now()
    feed.last_error = result.error or (
        f"{len(result.failed)} page(s) failed: {result.failed[0].reason}" if result.failed else None
    )
    feed.last_new = result.new
    if result.ok and response is not None and not response.not_modified:
        feed.etag, feed.last_modified = response.etag, response.last_modified
    feeds.rename_from_title(feed, title)
    result.name = feed.name


def fetch_pages(
    index_root: Path,
    store_dir: Path,
    urls: Iterable[str],
    *,
    settings: HttpSettings | None = None,
    progress: ProgressFn | None = None,
    lock: bool = True,
    stop: threading.Event | None = None,
) -> FetchReport:
    """Fetch single pages into ``store_dir`` (``treatytui add URL…``); one report line.
    ``lock=False``: the caller holds the fetch lock."""
    urls = list(urls)
    with _locked(index_root, lock):
        report = FeedReport("pages", None)
        store = ArticleStore(store_dir)
        with HttpClient(settings) as client:
            fetcher = _Fetcher(client, store, progress, stop)
            for done, url in enumerate(urls):
                if fetcher.stop.is_set():
                    report.failed += [Failure(rest, STOPPED) for rest in urls[done:]]
                    break
                fetcher.tell(FetchProgress("pages", done, len(urls)))
                before = len(report.skipped)
                fetcher.page(url, report, None, None)
                if len(report.skipped) > before:  # a bad URL typed by the user is a failure
                    report.failed.append(report.skipped.pop())
            fetcher.tell(FetchProgress("pages", len(urls), len(urls), finished=True))
        return FetchReport([report], store=store_dir)
