"""Plain data that leaves the search layer: hits, result pages, errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, TypedDict, get_args

if TYPE_CHECKING:
    from treatytui.search.restriction import IdFilter

SortOrder = Literal["relevance", "newest", "oldest"]
SORT_ORDERS: tuple[SortOrder, ...] = get_args(SortOrder)  # the one list of sort orders


class SearchOptions(TypedDict, total=False):
    """The keyword arguments of ``Searcher.search`` (``Library.search`` passes them on)."""

    limit: int
    sort: SortOrder
    as_you_type: bool
    cancelled: Callable[[], bool] | None
    ids: IdFilter | None
    offset: int


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short excerpt of an article; ``highlights`` are (start, end) offsets into ``text``."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching article."""

    id: str
    path: str
    title: str
    source: str | None
    published: date | None
    score: float
    snippet: Snippet
    url: str | None = None
    rank: int = 0

    def to_json(self) -> dict[str, object]:
        """The JSON object of `treatytui search --json` (a contract)."""
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "score": round(self.score, 4),
            "snippet": self.snippet.text,
            "highlights": [list(span) for span in self.snippet.highlights],
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A page of hits for one query, with the total number of matching articles."""

    query: str
    hits: tuple[Hit, ...]
    total: int
    terms: tuple[str, ...] = ()
    prefix: str | None = None
    suggestion: str | None = None
    sort: SortOrder = "relevance"
    elapsed_ms: float = 0.0


class QueryError(ValueError):
    """A query that cannot be run; the message is short and meant for the user."""
