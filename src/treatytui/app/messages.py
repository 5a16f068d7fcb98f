"""What the reader's workers tell its screens: the index's state, search results, articles.

Workers only post these (``post_message`` is thread-safe); the screens and widgets that
show them react in their handlers, on the app's thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from textual.message import Message

if TYPE_CHECKING:
    from treatytui.search.documents import IndexedArticle
    from treatytui.search.results import SearchResult
    from treatytui.state import ArticleState


@dataclass
class IndexProgress(Message):
    """Indexing has done ``done`` of ``total`` files (``total`` 0: indexing ended).

    A newer progress report replaces one still waiting in the queue, so a fast indexer
    never floods the screen with repaints nobody sees."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class IndexOpened(Message):
    """The index is open (or no index could be found: ``found`` False)."""

    found: bool = True


@dataclass
class IndexChanged(Message):
    """The open index moved to a new version with ``total`` articles."""

    total: int
    how: str = "updated"


@dataclass
class IndexProblem(Message):
    """Something about the index the user should know (busy, read-only, deleted, …)."""

    message: str
    severity: Literal["information", "warning", "error"] = "information"
    timeout: float | None = None
    title: str = "Index"


@dataclass
class ResultsReady(Message):
    """The search numbered ``serial`` finished with ``result``; ``marks``: the reading
    state of its hits that were ever touched, ``unread``: how many of all its matches are
    unread (None: no reading state)."""

    serial: int
    result: SearchResult
    marks: dict[str, ArticleState] = field(default_factory=dict)
    unread: int | None = None


@dataclass
class MoreResults(Message):
    """A page of the search numbered ``serial``: ``result`` holds the hits from
    ``offset`` on (``marks``: their reading state, of those ever touched)."""

    serial: int
    result: SearchResult
    marks: dict[str, ArticleState] = field(default_factory=dict)
    offset: int = 0
    """The rank of ``result``'s first hit among all the matches."""


@dataclass
class PageFailed(Message):
    """The page from ``offset`` of the search numbered ``serial`` cannot be fetched;
    ``message`` says why."""

    serial: int
    offset: int
    message: str


@dataclass
class SearchFailed(Message):
    """The search numbered ``serial`` cannot run; ``message`` says why."""

    serial: int
    message: str


@dataclass
class ArticleLoaded(Message):
    """The article asked for, read from the index (None: no longer there)."""

    article_id: str
    indexed: IndexedArticle | None
    at: tuple[int, int] | None = None


@dataclass
class ShowView(Message):
    """Open a collection view (``timeline`` or ``figures``) on the current query."""

    name: str


@dataclass
class StateChanged(Message):
    """The reading state of one article changed (read, star or note): ``state`` is it now;
    ``said``: the change to tell the user of ("" for one made quietly, like reading)."""

    state: ArticleState
    said: str = ""


@dataclass
class HistoryLoaded(Message):
    """The queries remembered in the reading state, newest first."""

    history: list[str]


@dataclass
class FetchStatus(Message):
    """Where the fetch started from the reader stands (``text`` empty: it ended).

    A newer report replaces one still waiting in the queue (pages come in fast)."""

    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FetchStatus)


@dataclass
class FetchDone(Message):
    """The fetch ended: ``summary`` says what it brought (``severity`` how it went)."""

    summary: str
    severity: Literal["information", "warning", "error"] = "information"
    title: str = "Fetch"
