"""`treatytui search QUERY`: ranked results with highlighted snippets, or JSON.

On a terminal each hit is a block (title, source and date, snippet, id); piped, each hit
is one line, ``path<TAB>date<TAB>title``, never wrapped, for ``cut``, ``grep`` and ``xargs``.
"""

from __future__ import annotations

import argparse

from rich.text import Text

from treatytui.commands.common import (
    EXIT_ERROR,
    EXIT_NOTHING,
    EXIT_OK,
    fail,
    index_dir,
    json_output,
    say,
    stderr,
    stdout,
)
from treatytui.commands.reading import needs_state, open_state, state_query
from treatytui.commands.session import open_searcher
from treatytui.search.results import Hit, QueryError, SearchResult
from treatytui.textsafety import one_line, one_line_spans, visible

HIGHLIGHT = "bold reverse"


def render_hit(number: int, hit: Hit) -> Text:
    """One hit as terminal text: title, source and date, snippet with matches in bold."""
    line = Text()
    line.append(f"{number:>2}. ", style="dim")
    line.append(one_line(hit.title) or visible(hit.id), style="bold")
    details = " · ".join(
        part
        for part in (one_line(hit.source or ""), hit.published.isoformat() if hit.published else "")
        if part
    )
    if details:
        line.append(f"\n    {details}", style="dim")
    # The snippet goes on one line; its highlights move with the text they mark.
    text, highlights = one_line_spans(hit.snippet.text, hit.snippet.highlights)
    snippet = Text(text)
    for start, end in highlights:
        snippet.stylize(HIGHLIGHT, start, end)
    line.append("\n    ")
    line.append_text(snippet)
    line.append(f"\n    {visible(hit.id)}", style="dim")
    return line


def hit_line(hit: Hit) -> str:
    """One hit as one line for scripts: path, date (or nothing), title, tab-separated."""
    date = hit.published.isoformat() if hit.published else ""
    return "\t".join((visible(hit.path), date, one_line(hit.title) or visible(hit.id)))


def summary(result: SearchResult) -> str:
    """ "3 articles match" and the like, with a suggestion when there is one."""
    noun = "article" if result.total == 1 else "articles"
    text = f"{result.total} {noun}" + ("" if not result.query.strip() else " match")
    if result.suggestion:
        text += f" — did you mean: {one_line(result.suggestion)}"
    return text


def run_search(args: argparse.Namespace) -> int:
    """Search the index and print the hits: 0 when some match, 1 when none, 2 on error.

    The reading-state filters (``--unread``, ``--starred``, ``--saved NAME``, ``is:unread``
    and the like in the query) apply to every match, not only to the hits shown."""
    if args.limit < 1:
        return fail("--limit must be at least 1")
    state = None
    if needs_state(args):
        state = open_state()
        if state is None:
            return EXIT_ERROR
    try:
        query, wanted = state_query(args, state)
        restriction = wanted.restriction(state) if state is not None else None
    except LookupError as error:
        return fail(str(error.args[0]))
    finally:
        if state is not None:
            state.close()
    searcher = open_searcher(index_dir(args), stderr())
    if searcher is None:
        return EXIT_ERROR
    try:
        result = searcher.search(query, limit=args.limit, sort=args.sort, ids=restriction)
    except QueryError as error:
        return fail(f"query error: {error}")
    finally:
        searcher.close()
    status = EXIT_OK if result.hits else EXIT_NOTHING
    if args.json:
        json_output([hit.to_json() for hit in result.hits])
        return status
    out = stdout()
    if out.is_terminal:
        for number, hit in enumerate(result.hits, start=1):
            out.print(render_hit(number, hit))
    else:  # piped: one line per hit, never wrapped, for cut/grep/xargs
        print("\n".join(hit_line(hit) for hit in result.hits), end="\n" if result.hits else "")
    say(stderr(), summary(result))
    return status
