"""`treatytui timeline [QUERY]`: every dated fact of the collection, in chronological order.

Built from the facts stored in the index (no article file is read). Plain output is a
table for people; ``--json``, ``--yaml`` and ``--csv`` are for scripts and spreadsheets.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text

from treatytui.commands.common import (
    EXIT_NOTHING,
    EXIT_OK,
    say,
    stderr,
    stdout,
    write_stream,
)
from treatytui.commands.viewscope import Noted, stored_scope
from treatytui.library.views import Counted
from treatytui.textsafety import one_line
from treatytui.views.export import stream_timeline
from treatytui.views.stored import stored_timeline
from treatytui.views.timeline import TIMELINE_KINDS, TimelineFilter, TimelineRow, build_timeline


def add_timeline_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `timeline` subcommand to ``subparsers``; returns its parser (for more options)."""
    parser = subparsers.add_parser(
        "timeline",
        help="print every dated fact in chronological order, one row per event",
        description="Every dated fact of the collection (or of the articles matching QUERY) "
        "in chronological order. The same event reported by several articles is one row "
        "with all its sources.",
    )
    parser.add_argument("query", nargs="*", help="only the articles matching this query")
    add_format_options(
        parser,
        json="print a JSON array, one object per event with its sources nested",
        yaml="print YAML, one item per event with its sources nested",
        csv="print CSV, one line per source of each event (for a spreadsheet)",
    )
    parser.add_argument(
        "--dates",
        metavar="RANGE",
        default="",
        help="only these dates: 2025, 2025-10, 2025-09-01..2025-10-31, 2025-10.., ..2024",
    )
    parser.add_argument(
        "--grep", metavar="TEXT", default="", help="only rows whose sentences or sources hold TEXT"
    )
    return parser


def add_format_options(parser: argparse.ArgumentParser, **helps: str) -> None:
    """``--json``, ``--yaml`` and ``--csv`` (one at most), each with its own help."""
    formats = parser.add_mutually_exclusive_group()
    for name, help_text in helps.items():
        formats.add_argument(
            f"--{name}", dest="format", action="store_const", const=name, help=help_text
        )


def _table(rows: list[TimelineRow]) -> Table:
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=True)
    table.add_column("date", no_wrap=True, style="bold")
    table.add_column("n", justify="right", style="dim", no_wrap=True)
    table.add_column("what was said — where", ratio=1)
    for row in rows:
        what = Text(one_line(row.label))
        for mention in row.mentions:
            what.append(f"\n  {mention.citation}", style="dim")
        table.add_row(Text(row.date_label), Text(str(row.article_count)), what)
    return table


def run_timeline(args: argparse.Namespace) -> int:
    """Print the timeline of the index (or of the articles matching the query).

    Exit status: 0 when some event is printed, 1 when none, 2 on an error.
    """
    from treatytui.commands.reading import state_scoped
    from treatytui.commands.session import query_facts  # pulls in Whoosh: only now

    scoped = state_scoped(args)  # is:starred and the like: the user's own articles
    if isinstance(scoped, int):
        return scoped
    args, restriction = scoped
    stored = stored_scope(args, restriction)
    if isinstance(stored, int):
        return stored
    if stored is not None:  # rows read in date order: printed as they come
        try:
            rows = Noted(stored_timeline(stored.rows, stored.dates, args.grep, stored.articles))
            return _print(args, rows, stored.article_count)
        finally:
            stored.rows.close()
    found = query_facts(args, TIMELINE_KINDS)
    if isinstance(found, int):
        return found
    dates, stream = found
    if restriction is not None:
        stream = (article for article in stream if restriction.allows(article.id))
    articles = Counted(stream)
    built = TimelineFilter(build_timeline(articles)).apply(dates, args.grep)
    return _print(args, Noted(built), articles.count)


def _print(args: argparse.Namespace, rows: Noted[TimelineRow], article_count: int) -> int:
    if args.format:
        write_stream(stream_timeline(rows, args.format))
        return EXIT_OK if rows.any else EXIT_NOTHING
    listed = list(rows)
    stdout().print(_table(listed))
    events = "event" if len(listed) == 1 else "events"
    noun = "article" if article_count == 1 else "articles"
    say(stderr(), f"{len(listed)} {events} from {article_count} {noun}")
    return EXIT_OK if listed else EXIT_NOTHING
