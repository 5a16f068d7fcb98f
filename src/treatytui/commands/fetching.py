"""`treatytui fetch` and `treatytui add URL…`: news in, stored, then indexed.

:func:`~treatytui.library.fetching.fetch_and_index` (the library's, shared with the
reader) is the whole job; this module adds the terminal: progress bars, the summary and
the exit codes. Importing it is cheap: the fetcher, the indexer and Rich's progress bars
load when a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from treatytui.commands.common import (
    EXIT_ERROR,
    EXIT_NOTHING,
    EXIT_OK,
    fail,
    index_dir,
    say,
    stderr,
)
from treatytui.library.fetching import fetch_and_index

TYPE_CHECKING = False
if TYPE_CHECKING:
    from treatytui.fetch.run import FetchProgress, FetchReport

EXIT_BUSY = 75  # EX_TEMPFAIL: another fetch is running; cron tries again next time
FETCH_EXIT_HELP = (
    "exit status: 0 every feed and page fetched (new or not), 1 no feed followed, "
    "2 a feed or page failed (or no network), 75 another fetch is running"
)


def add_fetch_parsers(
    commands: argparse._SubParsersAction, global_options: Callable[[argparse.ArgumentParser], None]
) -> None:
    """The ``fetch`` and ``add`` subcommands (``global_options`` adds --index)."""
    fetch = commands.add_parser(
        "fetch",
        help="fetch the followed feeds, store and index their new articles",
        description="Fetch every followed feed (or those named), then the page of each new "
        "entry; store them in the collection's managed folder and index them.",
    )
    global_options(fetch)
    fetch.add_argument("feeds", nargs="*", metavar="FEED", help="names or URLs (default: all)")
    fetch.add_argument("--quiet", "-q", action="store_true", help="print only problems (cron)")
    add = commands.add_parser(
        "add",
        help="fetch web pages, store and index them",
        description="Fetch single web pages (http or https), store them in the "
        "collection's managed folder and index them.",
    )
    global_options(add)
    add.add_argument("urls", nargs="+", metavar="URL")
    add.add_argument("--quiet", "-q", action="store_true", help="print only problems")


class _FeedBars:
    """One Rich progress bar per feed, on stderr, while the fetch runs."""

    def __init__(self, enabled: bool) -> None:
        self.progress = None
        self.tasks: dict[str, int] = {}
        if enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[state]}"),
                console=stderr(),
                transient=True,
            )
            self.progress.start()

    def __call__(self, event: FetchProgress) -> None:
        if self.progress is None:
            return
        from treatytui.textsafety import one_line

        task = self.tasks.get(event.feed)
        if task is None:
            task = self.progress.add_task(one_line(event.feed)[:40], total=None, state="")
            self.tasks[event.feed] = task
        state = "failed" if event.error else ("done" if event.finished else "")
        total = event.total or None
        self.progress.update(task, completed=event.done, total=total, state=state)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def summary_lines(report: FetchReport, quiet: bool = False) -> list[str]:
    """The summary printed after a fetch: totals, then a line per feed (and per failure).
    ``quiet``: only the failures."""
    lines = []
    if not quiet:
        kept = f" ({report.from_feed} from the feed's own text)" if report.from_feed else ""
        lines.append(
            f"{report.new} new, {report.updated} updated{kept}, {report.unchanged} unchanged, "
            f"{report.failed} failed"
        )
    for feed in report.feeds:
        if feed.error is not None:
            lines.append(f"  {feed.name}: failed — {feed.error}")
            continue
        if not quiet:
            what = (
                "not modified"
                if feed.not_modified
                else (f"{feed.new} new, {feed.updated} updated, {feed.unchanged} unchanged")
            )
            lines.append(f"  {feed.name}: {what}")
        lines += [f"    {failure.url}: failed — {failure.reason}" for failure in feed.failed]
        if not quiet:
            lines += [
                f"    {kept.url}: the feed's own text stored — the page: {kept.reason}"
                for kept in feed.from_feed
            ]
            lines += [f"    {skip.url}: skipped — {skip.reason}" for skip in feed.skipped]
    return lines


def _run(args: argparse.Namespace, urls: Sequence[str] | None) -> int:
    from treatytui.commands.indexing import summarise
    from treatytui.fetch.lock import FetchBusy
    from treatytui.fetch.subscriptions import FeedList, FeedListError
    from treatytui.search.index_writer import DiskFull
    from treatytui.search.indexer import IndexUnavailable
    from treatytui.search.lock import IndexBusy

    root = index_dir(args)
    console = stderr()
    if urls is None and not args.feeds and not FeedList.load(root).feeds:
        say(console, "No feeds followed yet: `treatytui feeds add URL` follows one.")
        return EXIT_NOTHING
    bars = _FeedBars(enabled=not args.quiet and console.is_terminal)
    try:
        outcome = fetch_and_index(
            root,
            urls=urls,
            only=args.feeds if urls is None and args.feeds else None,
            progress=bars,
        )
    except FetchBusy as error:
        return fail(str(error), EXIT_BUSY)
    except FeedListError as error:
        return fail(str(error))
    except (DiskFull, IndexBusy, IndexUnavailable) as error:
        return fail(f"fetched, but could not index: {error}")
    except OSError as error:
        return fail(f"cannot write the articles: {error}")
    finally:
        bars.stop()
    report = outcome.fetch
    for line in summary_lines(report, quiet=args.quiet):
        say(console, line)
    if outcome.index is not None and not args.quiet:
        say(console, summarise(outcome.index)[0])
    if report.offline:
        say(console, "no network: nothing could be fetched")
    return EXIT_ERROR if report.failed else EXIT_OK


def run_fetch(args: argparse.Namespace) -> int:
    """Run ``treatytui fetch [FEED…]``."""
    return _run(args, None)


def run_add(args: argparse.Namespace) -> int:
    """Run ``treatytui add URL…``."""
    return _run(args, list(args.urls))
