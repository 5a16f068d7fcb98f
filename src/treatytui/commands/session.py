"""Opening the index for a command, building it first when there is none yet."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from treatytui.collection import Collection
from treatytui.commands.common import say
from treatytui.search.indexer import IndexUnavailable, refresh
from treatytui.search.lock import IndexBusy
from treatytui.search.searcher import IndexMissing, Searcher


def open_searcher(root: Path, console: Console) -> Searcher | None:
    """A searcher on ``root``; indexes the collection first when no index exists yet."""
    try:
        return Searcher(root)
    except IndexMissing:
        pass
    say(console, f"No index in {root} yet: indexing the collection first…")
    try:
        refresh(root, Collection.load(root).roots())
        return Searcher(root)
    except (IndexMissing, IndexUnavailable, IndexBusy) as error:
        say(console, f"treatytui: {error}")
        return None
