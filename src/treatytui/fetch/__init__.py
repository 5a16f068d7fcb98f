"""Fetching news: feeds (RSS, Atom, JSON Feed) and web pages into the managed folder.

Headless and free of Textual and Whoosh. Importing the package costs nothing: urllib3,
feedparser and the extractor load only when a fetch runs.
"""

from __future__ import annotations

from treatytui.lazy import lazy_exports

TYPE_CHECKING = False
if TYPE_CHECKING:
    from treatytui.fetch.http import FetchError, HttpClient, HttpSettings
    from treatytui.fetch.lock import FetchBusy
    from treatytui.fetch.run import (
        FeedReport,
        FetchProgress,
        FetchReport,
        fetch_feeds,
        fetch_pages,
    )
    from treatytui.fetch.subscriptions import Feed, FeedList, FeedListError

__all__ = [
    "Feed",
    "FeedList",
    "FeedListError",
    "FeedReport",
    "FetchBusy",
    "FetchError",
    "FetchProgress",
    "FetchReport",
    "HttpClient",
    "HttpSettings",
    "fetch_feeds",
    "fetch_pages",
]

_HOMES = {
    "FetchError": "treatytui.fetch.http",
    "HttpClient": "treatytui.fetch.http",
    "HttpSettings": "treatytui.fetch.http",
    "FetchBusy": "treatytui.fetch.lock",
    "FeedReport": "treatytui.fetch.run",
    "FetchProgress": "treatytui.fetch.run",
    "FetchReport": "treatytui.fetch.run",
    "fetch_feeds": "treatytui.fetch.run",
    "fetch_pages": "treatytui.fetch.run",
    "Feed": "treatytui.fetch.subscriptions",
    "FeedList": "treatytui.fetch.subscriptions",
    "FeedListError": "treatytui.fetch.subscriptions",
}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals())
