"""The `treatytui` command: the reader, and `index`, `search`, `facts`, `timeline`,
`figures`, `where`, `mark`, `saved`, `export` for scripts.

The non-interactive commands never import Textual, so they start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from treatytui import __version__
from treatytui.commands.common import EXIT_CODES_HELP, never_fail_on_output
from treatytui.commands.completion import SHELLS, PrintCompletion, PrintMan, complete_if_asked
from treatytui.commands.feeds import add_feeds_parser
from treatytui.commands.fetching import FETCH_EXIT_HELP, add_fetch_parsers
from treatytui.commands.figures import add_figures_parser
from treatytui.commands.state_parsers import add_export_parser, add_mark_parser, add_saved_parser
from treatytui.commands.timeline import add_timeline_parser
from treatytui.config import INDEX_ENV
from treatytui.search.results import SORT_ORDERS


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--index",
        metavar="DIR",
        default=default,
        help=f"index folder (default: ${INDEX_ENV}, else the per-user data folder; "
        "`treatytui where` shows it)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `treatytui` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="treatytui",
        description="Read and search the news about treaties and the meetings that make them. "
        "With no command, opens the reader on the collection (the bundled seeds by default).",
    )
    parser.add_argument("--version", action="version", version=f"treatytui {__version__}")
    parser.add_argument(
        "--print-completion",
        action=PrintCompletion,
        choices=SHELLS,
        metavar="SHELL",
        help="print the completion script for bash, zsh or fish and exit "
        '(bash: eval "$(treatytui --print-completion bash)")',
    )
    parser.add_argument(
        "--print-man", action=PrintMan, help="print the manual page (roff) and exit"
    )
    _add_global_options(parser, top=True)
    parser.add_argument(
        "--no-mouse", action="store_true", help="leave the mouse to the terminal (text selection)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    index = commands.add_parser(
        "index",
        help="add article files or folders and bring the index up to date",
        description="Add article files or folders (.txt, .md, .html) to the collection and "
        "bring the index up to date. With no PATH, refresh every remembered path.",
    )
    _add_global_options(index, top=False)
    index.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to add")
    index.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    index.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    index.add_argument(
        "--follow-symlinks",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="follow symbolic links that lead out of the indexed folders (remembered; "
        "by default they are listed as skipped)",
    )
    index.add_argument(
        "--no-wait",
        action="store_true",
        help="fail at once, instead of waiting, when another process is indexing",
    )

    search = commands.add_parser(
        "search",
        help="search the index and print ranked results",
        description="Search the collection. Query language: words (all must match), OR, "
        'NOT or -word, "phrases" ("a b"~3: near each other), title:/source:/venue:/person: '
        "fields, sign* wildcards, guterres~ fuzzy, "
        "published:2025-10 or published:[2025-10-01 to 2025-10-31]; your reading state: "
        "is:unread, is:read, is:starred, has:note (-is:starred: not starred). "
        "On a terminal each hit is a block; piped, one line per hit: path, date, title "
        "(tab-separated).",
    )
    _add_global_options(search, top=False)
    search.add_argument("query", nargs="*", help="the query (empty: newest articles first)")
    search.add_argument("--limit", "-n", type=int, default=10, help="how many hits (default 10)")
    search.add_argument("--sort", choices=SORT_ORDERS, default=SORT_ORDERS[0], help="order")
    search.add_argument("--json", action="store_true", help="print a JSON array of hits")
    search.add_argument(
        "--unread", action="store_true", help="only articles not read yet (as is:unread)"
    )
    search.add_argument(
        "--starred", action="store_true", help="only starred articles (as is:starred)"
    )
    search.add_argument(
        "--saved",
        metavar="NAME",
        help="run the saved search NAME (QUERY words narrow it); `treatytui saved` lists them",
    )

    facts = commands.add_parser(
        "facts",
        help="print the facts of article files (or of every indexed article)",
        description="Print the dates, venues, counts, people and organisations "
        "that articles state. With no FILE, the facts of every article in the index.",
    )
    _add_global_options(facts, top=False)
    facts.add_argument("files", nargs="*", metavar="FILE", help="article files")
    facts.add_argument("--json", action="store_true", help="print JSON (the facts contract)")
    facts.add_argument(
        "--format", choices=["table", "json", "csv", "yaml"], default=None, help="output format"
    )

    timeline = add_timeline_parser(commands)
    _add_global_options(timeline, top=False)
    figures = add_figures_parser(commands)
    _add_global_options(figures, top=False)
    where = commands.add_parser(
        "where",
        help="print where the index, the collection, the config and the seeds are",
        description="Print the index folder in use (and what chose it), the remembered "
        "collection paths, the config file and the bundled seeds.",
    )
    _add_global_options(where, top=False)
    add_feeds_parser(commands, lambda p: _add_global_options(p, top=False))
    add_fetch_parsers(commands, lambda p: _add_global_options(p, top=False))
    for add_state_parser in (add_mark_parser, add_saved_parser, add_export_parser):
        _add_global_options(add_state_parser(commands), top=False)
    for name, command in (("", parser), *commands.choices.items()):
        command.epilog = FETCH_EXIT_HELP if name in ("fetch", "add") else EXIT_CODES_HELP
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 done, 1 nothing found, 2 error)."""
    never_fail_on_output()
    parser = build_parser()
    complete_if_asked(parser)
    args = parser.parse_args(argv)
    try:
        if args.command == "index":
            from treatytui.commands.indexing import run_index

            return run_index(args)
        if args.command == "search":
            from treatytui.commands.searching import run_search

            return run_search(args)
        if args.command == "timeline":
            from treatytui.commands.timeline import run_timeline

            return run_timeline(args)
        if args.command == "figures":
            from treatytui.commands.figures import run_figures

            return run_figures(args)
        if args.command == "where":
            from treatytui.commands.where import run_where

            return run_where(args)
        if args.command == "feeds":
            from treatytui.commands.feeds import run_feeds

            return run_feeds(args)
        if args.command in ("fetch", "add"):
            from treatytui.commands.fetching import run_add, run_fetch

            return run_fetch(args) if args.command == "fetch" else run_add(args)
        if args.command == "mark":
            from treatytui.commands.marking import run_mark

            return run_mark(args)
        if args.command == "saved":
            from treatytui.commands.saved import run_saved

            return run_saved(args)
        if args.command == "export":
            from treatytui.commands.export_starred import run_export

            return run_export(args)
        if args.command == "facts":
            from treatytui.commands.facts import run_facts

            return run_facts(args)
        from treatytui.commands.reader import run_reader

        return run_reader(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
