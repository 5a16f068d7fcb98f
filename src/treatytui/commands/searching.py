"""`treatytui search QUERY`: ranked results with highlighted snippets, or JSON."""

from __future__ import annotations

import argparse
import json

from rich.text import Text

from treatytui.commands.common import fail, index_dir, stderr, stdout
from treatytui.commands.session import open_searcher
from treatytui.search.results import Hit, QueryError, SearchResult
from treatytui.textsafety import one_line


def render_hit(number: int, hit: Hit) -> Text:
    """One hit as terminal text: title, source and date, snippet with matches in bold."""
    line = Text()
    line.append(f"{number:>2}. ", style="dim")
    line.append(one_line(hit.title) or hit.id, style="bold")
    details = " · ".join(
        part
        for part in (one_line(hit.source or ""), hit.published.isoformat() if hit.published else "")
        if part
    )
    if details:
        line.append(f"\n    {details}", style="dim")
    snippet = Text(one_line(hit.snippet.text))
    if len(snippet) == len(hit.snippet.text):
        for start, end in hit.snippet.highlights:
            snippet.stylize("bold reverse", start, end)
    line.append("\n    ")
    line.append_text(snippet)
    line.append(f"\n    {hit.id}", style="dim")
    return line


def summary(result: SearchResult) -> str:
    """ "3 articles match" and the like, with a suggestion when there is one."""
    noun = "article" if result.total == 1 else "articles"
    text = f"{result.total} {noun}" + ("" if not result.query.strip() else " match")
    if result.suggestion:
        text += f" — did you mean: {one_line(result.suggestion)}"
    return text


def run_search(args: argparse.Namespace) -> int:
    """Search the index and print the hits."""
    query = " ".join(args.query)
    if args.limit < 1:
        return fail("--limit must be at least 1", 2)
    searcher = open_searcher(index_dir(args), stderr())
    if searcher is None:
        return 1
    try:
        result = searcher.search(query, limit=args.limit, sort=args.sort)
    except QueryError as error:
        return fail(f"query error: {error}", 2)
    finally:
        searcher.close()
    if args.json:
        print(json.dumps([hit.to_json() for hit in result.hits], ensure_ascii=False, indent=2))
        return 0
    out = stdout()
    for number, hit in enumerate(result.hits, start=1):
        out.print(render_hit(number, hit))
    stderr().print(summary(result))
    return 0
