"""Fetch and index in one job, without a terminal: under ``treatytui fetch`` and the reader.

:func:`fetch_and_index` holds the fetch lock from the first request until the index has
taken the pages in, so two fetches never overlap; pages stored by a fetch that was killed
before indexing are indexed by the next one. Importing this module is cheap: the fetcher
and the indexer load when a fetch runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from treatytui.fetch.http import HttpSettings
    from treatytui.fetch.run import FetchProgress, FetchReport
    from treatytui.search.indexer import IndexReport

FetchProgressFn = Callable[["FetchProgress"], None]
"""Called from the fetch's worker threads (one call at a time) as feeds and pages come in."""


@dataclass
class FetchOutcome:
    """What :func:`fetch_and_index` did: the fetch, and the index refresh if one ran."""

    fetch: FetchReport
    index: IndexReport | None = None


def followed_feeds(index_root: Path) -> int:
    """How many feeds the collection in ``index_root`` follows (``FeedListError`` when its
    list cannot be read)."""
    from treatytui.fetch.subscriptions import FeedList

    return len(FeedList.load(index_root).feeds)


def fetch_and_index(
    index_root: Path,
    *,
    urls: Sequence[str] | None = None,
    only: Sequence[str] | None = None,
    settings: HttpSettings | None = None,
    progress: FetchProgressFn | None = None,
    index_progress: Callable[[int, int, str], None] | None = None,
    stop: threading.Event | None = None,
    extra_paths: Sequence[Path] = (),
) -> FetchOutcome:
    """Fetch the followed feeds (``only``: some, by name or URL) or, with ``urls``, those
    pages; store what is new in the collection's managed folder; index it (with
    ``extra_paths`` beside the remembered folders, so that they stay indexed). ``progress``
    is called from the fetch's worker threads (one call at a time); setting ``stop`` ends
    the fetch after the pages under way (what was stored is still indexed).

    Raises :class:`~treatytui.fetch.lock.FetchBusy` when another fetch is running, and
    what :func:`~treatytui.search.indexer.refresh` raises when the index cannot be written.
    """
    from treatytui.collection import Collection
    from treatytui.fetch.lock import FetchLock
    from treatytui.fetch.run import fetch_feeds, fetch_pages
    from treatytui.fetch.store import PENDING
    from treatytui.search.indexer import refresh

    with FetchLock(index_root):
        collection = Collection.load(index_root)
        store_dir = collection.managed_dir()
        if urls is not None:
            report = fetch_pages(
                index_root,
                store_dir,
                urls,
                settings=settings,
                progress=progress,
                lock=False,
                stop=stop,
            )
        else:
            report = fetch_feeds(
                index_root,
                store_dir,
                only=only,
                settings=settings,
                progress=progress,
                lock=False,
                stop=stop,
            )
        pending = store_dir / PENDING
        if not pending.exists():
            return FetchOutcome(report)
        collection.use_managed()
        collection.save()
        index = refresh(
            index_root,
            collection.roots(extra=list(extra_paths)),
            progress=index_progress,
            follow_symlinks=collection.follow_symlinks,
        )
        pending.unlink(missing_ok=True)
        return FetchOutcome(report, index)
