"""What the commands share about the reading state: opening it, naming articles, filters.

The state is opened only by the commands and options that need it (``--unread``,
``--starred``, ``--saved``, ``is:…`` words, ``mark``, ``saved``, ``export``): a plain search
never touches it, so it works for a user whose state folder cannot be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from treatytui.commands.common import EXIT_ERROR, fail, say, stderr
from treatytui.search.searcher import Searcher
from treatytui.state import (
    IdRestriction,
    ReadingState,
    StateError,
    StateFilter,
    split_state_filters,
)


def open_state() -> ReadingState | None:
    """The user's reading state, or None after saying on stderr why it cannot be used."""
    try:
        state = ReadingState.open()
    except StateError as error:
        fail(str(error))
        return None
    if state.recovered is not None:
        say(
            stderr(),
            f"treatytui: the reading state {state.path} could not be read: it was moved "
            f"aside to {state.recovered} and a new one started",
        )
    return state


def state_query(args: argparse.Namespace, state: ReadingState | None) -> tuple[str, StateFilter]:
    """The query of ``search`` (its words after ``--saved NAME``'s query) without its state
    words, and the filter those words and ``--unread``/``--starred`` make.
    Raises ``LookupError`` for a saved search that does not exist."""
    rest, wanted = split_state_filters(" ".join(args.query))
    if getattr(args, "saved", None):
        assert state is not None
        saved = state.saved_search(args.saved)
        if saved is None:
            names = ", ".join(s.name for s in state.saved_searches()) or "none yet"
            raise LookupError(f"no saved search {args.saved!r} (saved: {names})")
        saved_rest, saved_wanted = split_state_filters(saved.query)
        wanted = saved_wanted.plus(*wanted.conditions)
        rest = f"({saved_rest}) {rest}" if saved_rest and rest else saved_rest or rest
    if getattr(args, "unread", False):
        wanted = wanted.plus(("read", False))
    if getattr(args, "starred", False):
        wanted = wanted.plus(("starred", True))
    return rest, wanted


def state_scoped(
    args: argparse.Namespace,
) -> tuple[argparse.Namespace, IdRestriction | None] | int:
    """For ``timeline`` and ``figures``: ``args`` with the state words taken out of its
    query, and the articles they allow (None: no state word); the exit status when the
    state cannot be used."""
    rest, wanted = split_state_filters(" ".join(args.query))
    if not wanted:
        return args, None
    state = open_state()
    if state is None:
        return EXIT_ERROR
    try:
        restriction = wanted.restriction(state)
    finally:
        state.close()
    return argparse.Namespace(**{**vars(args), "query": [rest] if rest else []}), restriction


def needs_state(args: argparse.Namespace) -> bool:
    """Whether this search uses the reading state (an option or an ``is:``/``has:`` word)."""
    return bool(
        getattr(args, "unread", False)
        or getattr(args, "starred", False)
        or getattr(args, "saved", None)
        or split_state_filters(" ".join(args.query))[1]
    )


def resolve_article(searcher: Searcher, name: str) -> str | None:
    """The id of the indexed article ``name`` names: an id (``seeds/000_x.txt``, as
    ``search`` shows it) or the path of its file (as piped ``search`` prints it)."""
    if searcher.article(name) is not None:
        return name
    path = Path(name).expanduser()
    if not path.is_file():
        return None
    path = path.resolve()
    # An id is the path within its collection folder, that folder's name first: one of
    # the path's tails, the one whose article was read from this very file.
    parts = path.parts
    for start in range(len(parts) - 1, 0, -1):
        candidate = "/".join(parts[start:])
        found = searcher.article(candidate)
        if found is not None and Path(found.article.path).resolve() == path:
            return candidate
    return None
