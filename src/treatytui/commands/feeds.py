"""`treatytui feeds`: follow, list, forget, import and export feeds.

Importing this module is cheap (argparse only): the parsers are built at every start.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from treatytui.commands.common import (
    EXIT_ERROR,
    EXIT_NOTHING,
    EXIT_OK,
    fail,
    index_dir,
    say,
    stderr,
)
from treatytui.textsafety import one_line, visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from treatytui.fetch.subscriptions import FeedList


def add_feeds_parser(
    commands: argparse._SubParsersAction, global_options: Callable[[argparse.ArgumentParser], None]
) -> argparse.ArgumentParser:
    """The ``feeds`` subcommand and its own subcommands (``global_options`` adds --index)."""
    feeds = commands.add_parser(
        "feeds",
        help="follow feeds: list, add, remove, import, export",
        description="The feeds this collection follows. With no subcommand, list them with "
        "their last fetch. `treatytui fetch` fetches them.",
    )
    global_options(feeds)
    actions = feeds.add_subparsers(dest="feeds_command", metavar="ACTION")
    add = actions.add_parser("add", help="follow a feed (RSS, Atom or JSON Feed URL)")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", help="what to call it (default: the feed's own title)")
    add.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="a tag for its articles"
    )
    remove = actions.add_parser("remove", help="stop following a feed (by name or URL)")
    remove.add_argument("key", metavar="NAME|URL")
    load = actions.add_parser(
        "import", help="follow the feeds of an OPML file or a newsboat urls file"
    )
    load.add_argument("file", metavar="FILE")
    export = actions.add_parser("export", help="write the feeds as OPML")
    export.add_argument("file", nargs="?", metavar="FILE", help="where (default: stdout)")
    actions.add_parser("list", help="list the feeds (the default)")
    for action in actions.choices.values():
        global_options(action)
    return feeds


def run_feeds(args: argparse.Namespace) -> int:
    """Run ``treatytui feeds [ACTION]``."""
    from treatytui.fetch.subscriptions import FeedList

    root = index_dir(args)
    feeds = FeedList.load(root)
    action = args.feeds_command or "list"
    if action == "list":
        return _list(feeds)
    if action == "export":
        return _export(feeds, args.file)
    if action == "add":
        return _add(feeds, args)
    if action == "remove":
        return _remove(feeds, args.key)
    return _import(feeds, Path(args.file))


def _save(feeds: FeedList) -> int | None:
    try:
        feeds.save()
    except OSError as error:
        return fail(f"cannot write the feed list: {error}")
    return None


def _list(feeds: FeedList) -> int:
    if not feeds.feeds:
        say(stderr(), "No feeds followed yet: `treatytui feeds add URL` follows one.")
        return EXIT_NOTHING
    for feed in feeds.feeds:
        tags = f"  [{', '.join(feed.tags)}]" if feed.tags else ""
        print(visible(f"{feed.name}  {feed.url}{tags}"))
        if feed.last_fetch is None:
            state = "never fetched"
        else:
            when = feed.last_fetch.replace("T", " ").replace("+00:00", " UTC")
            state = f"last fetch {when}: {feed.last_new} new"
            if feed.last_error:
                state += f"; error: {one_line(feed.last_error)}"
        print(visible(f"  {state}"))
    return EXIT_OK


def _add(feeds: FeedList, args: argparse.Namespace) -> int:
    from treatytui.fetch.subscriptions import FeedListError

    try:
        feed = feeds.add(args.url, name=args.name, tags=args.tag)
    except FeedListError as error:
        return fail(str(error))
    status = _save(feeds)
    if status is not None:
        return status
    say(stderr(), f"following {feed.name} ({feed.url}); `treatytui fetch` fetches it")
    return EXIT_OK


def _remove(feeds: FeedList, key: str) -> int:
    from treatytui.fetch.subscriptions import FeedListError

    try:
        feed = feeds.remove(key)
    except FeedListError as error:
        return fail(str(error))
    status = _save(feeds)
    if status is not None:
        return status
    say(stderr(), f"no longer following {feed.name} (its articles stay in the collection)")
    return EXIT_OK


def _import(feeds: FeedList, path: Path) -> int:
    from treatytui.corpus.reading import SkipFile, read_text
    from treatytui.fetch.opml import FeedFileError, read_feed_file
    from treatytui.fetch.subscriptions import FeedListError

    try:
        text, _ = read_text(path)
        listed = read_feed_file(text)
    except FileNotFoundError:
        return fail(f"{path}: no such file")
    except SkipFile as skip:
        return fail(f"{path}: {skip.reason}")
    except FeedFileError as error:
        return fail(f"{path}: {error}")
    added = known = 0
    problems = []
    for item in listed:
        if feeds.find(item.url) is not None:
            known += 1
            continue
        name = item.name if item.name and feeds.find(item.name) is None else None
        try:
            feeds.add(item.url, name=name, tags=list(item.tags))
            added += 1
        except FeedListError as error:
            problems.append(str(error))
    if added:
        status = _save(feeds)
        if status is not None:
            return status
    console = stderr()
    say(
        console,
        f"{path.name}: {added} feeds added, {known} already followed, {len(problems)} not taken",
    )
    for problem in problems:
        say(console, f"  {problem}")
    if problems:
        return EXIT_ERROR
    return EXIT_OK if added or known else EXIT_NOTHING


def _export(feeds: FeedList, file: str | None) -> int:
    from treatytui.atomicfile import write_atomically
    from treatytui.fetch.opml import write_opml

    document = write_opml(feeds.feeds)
    if file is None or file == "-":
        sys.stdout.write(document)
        return EXIT_OK
    try:
        write_atomically(Path(file), document)
    except OSError as error:
        return fail(f"cannot write {file}: {error}")
    say(stderr(), f"{len(feeds.feeds)} feeds written to {file}")
    return EXIT_OK
