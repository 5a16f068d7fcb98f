"""For ``timeline`` and ``figures``: the stored view rows and the articles a command reads.

When the index has its view rows (``viewstore``) the commands stream from them, a day
range or a group at a time; otherwise (an index written by an earlier version, not yet
refreshed) they build the view from the stored facts, as before.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from treatytui.commands.common import EXIT_ERROR, fail, index_dir, stderr
from treatytui.views.dates import DateRange, parse_date_range

if TYPE_CHECKING:
    from treatytui.search.restriction import IdRestriction
    from treatytui.search.viewstore import ViewRows

T = TypeVar("T")


@dataclass
class StoredScope:
    """The stored rows to read, the articles to read them of (None: all) and their count."""

    rows: ViewRows
    articles: set[int] | None
    dates: DateRange
    article_count: int


def stored_scope(
    args: argparse.Namespace, restriction: IdRestriction | None
) -> StoredScope | int | None:
    """The stored rows for ``args`` (its query, ``--dates``) and ``restriction``; the exit
    status after an error; None when the index has no rows for its current state."""
    from treatytui.search.viewstore import ViewRows

    try:
        dates = parse_date_range(args.dates)
    except ValueError as error:
        return fail(f"--dates: {error}")
    rows = ViewRows.open(index_dir(args))
    if rows is None:
        return None
    query = " ".join(args.query).strip()
    if not query and restriction is None:
        return StoredScope(rows, None, dates, rows.article_count())
    ids = _matching_ids(args, query) if query else rows.all_ids()
    if isinstance(ids, int):
        rows.close()
        return ids
    if restriction is not None:
        ids = [doc_id for doc_id in ids if restriction.allows(doc_id)]
    articles = rows.article_numbers(ids)
    return StoredScope(rows, articles, dates, len(articles))


def _matching_ids(args: argparse.Namespace, query: str) -> list[str] | int:
    from treatytui.commands.session import open_searcher
    from treatytui.search.results import QueryError

    searcher = open_searcher(index_dir(args), stderr())
    if searcher is None:
        return EXIT_ERROR
    try:
        return [article.id for article in searcher.stream_facts(query, kinds=())]
    except QueryError as error:
        return fail(f"query error: {error}")
    finally:
        searcher.close()


class Noted(Iterable[T]):
    """An iterable that remembers whether it gave anything."""

    def __init__(self, items: Iterable[T]) -> None:
        self._items = items
        self.any = False

    def __iter__(self) -> Iterator[T]:
        for item in self._items:
            self.any = True
            yield item
