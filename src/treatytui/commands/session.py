"""Opening the index for a command (through the ``Library``), building it first when there
is none yet. Whoosh loads only when an index is opened: `treatytui facts FILE` never does."""

from __future__ import annotations

import argparse
from collections.abc import Collection as KindSet
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from treatytui.commands.common import EXIT_ERROR, fail, index_dir, say, stderr
from treatytui.config import other_index_hint
from treatytui.library import Library, LibraryUnavailable
from treatytui.views.dates import DateRange, parse_date_range

if TYPE_CHECKING:
    from treatytui.search.documents import ArticleFacts
    from treatytui.search.searcher import Searcher


def open_searcher(root: Path, console: Console) -> Searcher | None:
    """A searcher on ``root``; indexes the collection first when no index exists yet.
    Says so when another known folder holds the index the user probably means."""
    hint = other_index_hint(root)
    if hint:
        say(console, f"treatytui: note: {hint}")
    try:
        return Library(root).open_or_build(say=lambda line: say(console, line))
    except LibraryUnavailable as error:
        say(console, f"treatytui: {error}")
        return None


def query_facts(
    args: argparse.Namespace, kinds: KindSet[str]
) -> tuple[DateRange, Iterable[ArticleFacts]] | int:
    """For ``timeline`` and ``figures``: the ``--dates`` range and the facts of ``kinds`` of
    the articles matching the query (all when none; a stream, read one article at a time
    as the view is built), or the exit status after an error."""
    from treatytui.search.results import QueryError

    try:
        dates = parse_date_range(args.dates)
    except ValueError as error:
        return fail(f"--dates: {error}")
    searcher = open_searcher(index_dir(args), stderr())
    if searcher is None:
        return EXIT_ERROR
    try:
        return dates, searcher.stream_facts(" ".join(args.query) or None, kinds=kinds)
    except QueryError as error:
        return fail(f"query error: {error}")
    finally:
        searcher.close()
