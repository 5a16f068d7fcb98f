"""`treatytui figures [QUERY]`: participant counts compared across articles and outlets.

The CLI twin of the reader's ``c`` view, built from the facts stored in the index (no
article file is read): figures grouped by what they count and the verb near them, each
with its date and source; figures that cannot both be true are marked ``≠``.
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
from treatytui.commands.timeline import add_format_options
from treatytui.commands.viewscope import Noted, stored_scope
from treatytui.library.views import Counted
from treatytui.textsafety import one_line
from treatytui.views.export import stream_figures
from treatytui.views.figures import FIGURE_KINDS, FigureGroup, build_figures, filter_figures
from treatytui.views.stored import stored_figures

DISAGREES = "≠"  # a sign, not only a style: the table stays readable when piped


def add_figures_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `figures` subcommand to ``subparsers``; returns its parser (for more options)."""
    parser = subparsers.add_parser(
        "figures",
        help="print participant counts compared across articles and outlets",
        description="Participant counts of the collection (or of the articles matching "
        "QUERY), grouped by what they count (countries, delegates, …) and the verb near "
        "them (signed, attended, expected, …), each with its date and source. Figures of "
        f"one quantity and date that cannot both be true are marked {DISAGREES}.",
    )
    parser.add_argument("query", nargs="*", help="only the articles matching this query")
    add_format_options(
        parser,
        json="print a JSON array, one object per group with its figures nested",
        yaml="print YAML, one item per group with its figures nested",
        csv="print CSV, one line per figure (for a spreadsheet)",
    )
    parser.add_argument(
        "--dates",
        metavar="RANGE",
        default="",
        help="only figures dated within: 2025, 2025-10, 2025-09-01..2025-10-31, 2025-10..",
    )
    parser.add_argument(
        "--grep",
        metavar="TEXT",
        default="",
        help="only figures whose group, label, sentence, title or source holds TEXT",
    )
    return parser


def _table(groups: list[FigureGroup]) -> Table:
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column(DISAGREES, no_wrap=True, style="bold")
    table.add_column("figure — where", ratio=1)
    for group in groups:
        title = Text(group.title, style="bold underline")
        if group.disagreements:
            title.append(f"  {DISAGREES} {group.disagreements} disagree", style="bold")
        table.add_row(title, "", "")
        for figure in group.figures:
            what = Text(figure.label, style="bold" if figure.disagrees else "")
            what.append(f"\n  {one_line(figure.mention.citation)}", style="dim")
            table.add_row(
                Text(f"  {figure.date_label or 'undated'}"),
                DISAGREES if figure.disagrees else "",
                what,
            )
    return table


def run_figures(args: argparse.Namespace) -> int:
    """Print the figures of the index (or of the articles matching the query); 1 if none."""
    from treatytui.commands.reading import state_scoped
    from treatytui.commands.session import query_facts  # pulls in Whoosh: only now

    scoped = state_scoped(args)  # is:starred and the like: the user's own articles
    if isinstance(scoped, int):
        return scoped
    args, restriction = scoped
    stored = stored_scope(args, restriction)
    if isinstance(stored, int):
        return stored
    if stored is not None:  # groups read in the order they are listed: printed as they come
        try:
            groups = stored_figures(stored.rows, stored.dates, args.grep, stored.articles)
            return _print(args, Noted(groups), stored.article_count)
        finally:
            stored.rows.close()
    found = query_facts(args, FIGURE_KINDS)
    if isinstance(found, int):
        return found
    dates, stream = found
    if restriction is not None:
        stream = (article for article in stream if restriction.allows(article.id))
    articles = Counted(stream)
    built = filter_figures(build_figures(articles), dates, args.grep)
    return _print(args, Noted(built), articles.count)


def _print(args: argparse.Namespace, found: Noted[FigureGroup], article_count: int) -> int:
    if args.format:
        write_stream(stream_figures(found, args.format))
        return EXIT_OK if found.any else EXIT_NOTHING
    groups = list(found)
    status = EXIT_OK if groups else EXIT_NOTHING
    stdout().print(_table(groups))
    figures = sum(len(group.figures) for group in groups)
    disagree = sum(group.disagreements for group in groups)
    noun = "article" if article_count == 1 else "articles"
    say(
        stderr(),
        f"{figures} {'figure' if figures == 1 else 'figures'} in {len(groups)} "
        f"{'group' if len(groups) == 1 else 'groups'} from {article_count} {noun}"
        + (f", {disagree} marked {DISAGREES}" if disagree else ""),
    )
    return status
