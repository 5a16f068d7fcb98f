"""`treatytui saved [NAME QUERY...]`: list, save and delete saved searches.

Listed like newsboat's query feeds, with how many articles each finds and how many of
those are unread: ``name<TAB>unread<TAB>total<TAB>query``. ``treatytui search --saved NAME``
runs one.
"""

from __future__ import annotations

import argparse

from treatytui.commands.common import (
    EXIT_ERROR,
    EXIT_NOTHING,
    EXIT_OK,
    fail,
    index_dir,
    say,
    stderr,
)
from treatytui.commands.reading import open_state
from treatytui.commands.session import open_searcher
from treatytui.search.results import QueryError
from treatytui.state import StateError, split_state_filters
from treatytui.textsafety import one_line


def run_saved(args: argparse.Namespace) -> int:
    """Save, delete or list: 0 done (some listed), 1 none saved or NAME unknown, 2 error."""
    state = open_state()
    if state is None:
        return EXIT_ERROR
    try:
        if args.delete:
            if not args.name:
                return fail("--delete needs the NAME of a saved search")
            if state.delete_search(args.name):
                return EXIT_OK
            return fail(f"no saved search {args.name!r}", EXIT_NOTHING)
        if args.name and args.query:
            saved = state.save_search(args.name, " ".join(args.query))
            say(stderr(), f"saved {saved.name!r}: {one_line(saved.query)}")
            return EXIT_OK
        if args.name:
            return fail("give the QUERY to save under NAME (or --delete NAME)")
        searches = state.saved_searches()
        if not searches:
            say(stderr(), "no saved searches yet: treatytui saved NAME QUERY")
            return EXIT_NOTHING
        searcher = open_searcher(index_dir(args), stderr())
        if searcher is None:
            return EXIT_ERROR
        try:
            for saved in searches:
                rest, wanted = split_state_filters(saved.query)
                try:
                    total = searcher.search(rest, limit=1, ids=wanted.restriction(state)).total
                    unread_filter = wanted.plus(("read", False)).restriction(state)
                    unread = searcher.search(rest, limit=1, ids=unread_filter).total
                except QueryError as error:
                    total = unread = -1
                    say(stderr(), f"treatytui: {saved.name}: query error: {error}")
                counts = ("?", "?") if total < 0 else (str(unread), str(total))
                print("\t".join((one_line(saved.name), *counts, one_line(saved.query))))
        finally:
            searcher.close()
        return EXIT_OK
    except (StateError, ValueError) as error:
        return fail(str(error))
    finally:
        state.close()
