"""The argument parsers of `mark`, `saved` and `export` (light: no index, no state
imported, so building the command line stays fast)."""

from __future__ import annotations

import argparse
from typing import Any

EXPORT_FORMATS = ("yaml", "json", "csv", "bibtex")


def add_mark_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `mark` subcommand to ``subparsers``."""
    parser = subparsers.add_parser(
        "mark",
        help="mark articles read or unread, star them, keep a note (your reading state)",
        description="Change your reading state of indexed articles, named by id (as "
        "`search` shows it) or by file path; `-` reads them from stdin, one a line (the "
        "first tab-separated field, so `search | mark --read -` works). With no change "
        "asked for, print each one's state: id, read|unread, starred|-, note.",
    )
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="an article id or path")
    read = parser.add_mutually_exclusive_group()
    read.add_argument(
        "--read", dest="read", action="store_const", const=True, help="mark them read"
    )
    read.add_argument(
        "--unread", dest="read", action="store_const", const=False, help="mark them unread"
    )
    star = parser.add_mutually_exclusive_group()
    star.add_argument("--star", dest="star", action="store_const", const=True, help="star them")
    star.add_argument(
        "--unstar", dest="star", action="store_const", const=False, help="take the star away"
    )
    parser.add_argument("--note", metavar="TEXT", help="keep a short note ('' removes it)")
    return parser


def add_saved_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `saved` subcommand to ``subparsers``."""
    parser = subparsers.add_parser(
        "saved",
        help="list saved searches with their unread counts; save or delete one",
        description="With no NAME, list the saved searches: name, unread, total, query "
        "(tab-separated). With NAME QUERY, save QUERY under NAME (replacing it); "
        "--delete NAME forgets one. Run one with `treatytui search --saved NAME`.",
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="the saved search's name")
    parser.add_argument("query", nargs="*", metavar="QUERY", help="the query to save")
    parser.add_argument("--delete", action="store_true", help="forget the saved search NAME")
    return parser


def add_export_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `export` subcommand to ``subparsers``."""
    parser = subparsers.add_parser(
        "export",
        help="print your starred articles as citations (yaml, json, csv, bibtex)",
        description="Print the starred articles, the most recently starred first, as "
        "citations: title, source, date, url, with the id, the path, when it was starred "
        "and your note.",
    )
    parser.add_argument("what", choices=["starred"], help="what to export")
    parser.add_argument("--format", choices=EXPORT_FORMATS, default="yaml", help="default: yaml")
    return parser
