"""Opening the index for a command, building it first when there is none yet."""

from __future__ import annotations

import argparse
from collections.abc import Collection as KindSet
from pathlib import Path

from rich.console import Console

from treatytui.collection import Collection
from treatytui.commands.common import EXIT_ERROR, fail, index_dir, say, stderr
from treatytui.config import other_index_hint
from treatytui.search.documents import ArticleFacts
from treatytui.search.indexer import IndexUnavailable, refresh
from treatytui.search.lock import IndexBusy
from treatytui.search.results import QueryError
from treatytui.search.searcher import IndexMissing, Searcher
from treatytui.views.dates import DateRange, parse_date_range


def open_searcher(root: Path, console: Console) -> Searcher | None:
    """A searcher on ``root``; indexes the collection first when no index exists yet.
    Says so when another known folder holds the index the user probably means."""
    hint = other_index_hint(root)
    if hint:
        say(console, f"treatytui: note: {hint}")
    try:
        return Searcher(root)
    except IndexMissing:
        pass
    collection = Collection.load(root)
    if collection.paths:
        say(console, f"No index in {root} yet: indexing the collection first…")
    else:
        # Also what a deleted index folder looks like: the remembered folders went with it.
        say(
            console,
            f"No index in {root} yet: indexing the collection first — the bundled seeds "
            "only, as no folders are remembered there (add yours with `treatytui index PATH`)…",
        )
    try:
        refresh(root, collection.roots(), follow_symlinks=collection.follow_symlinks)
        return Searcher(root)
    except (IndexMissing, IndexUnavailable, IndexBusy) as error:
        say(console, f"treatytui: {error}")
        return None


def query_facts(
    args: argparse.Namespace, kinds: KindSet[str]
) -> tuple[DateRange, list[ArticleFacts]] | int:
    """For ``timeline`` and ``figures``: the ``--dates`` range and the facts of ``kinds`` of
    the articles matching the query (all when none), or the exit status after an error."""
    try:
        dates = parse_date_range(args.dates)
    except ValueError as error:
        return fail(f"--dates: {error}")
    searcher = open_searcher(index_dir(args), stderr())
    if searcher is None:
        return EXIT_ERROR
    try:
        return dates, searcher.iter_facts(" ".join(args.query) or None, kinds=kinds)
    except QueryError as error:
        return fail(f"query error: {error}")
    finally:
        searcher.close()
