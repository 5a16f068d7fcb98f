"""`treatytui index [PATH...]`: add paths to the collection and bring the index up to date."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from treatytui.collection import Collection
from treatytui.commands.common import (
    EXIT_ERROR,
    EXIT_NOTHING,
    EXIT_OK,
    fail,
    index_dir,
    say,
    stderr,
)
from treatytui.config import choose_index_dir, display_path, other_index_hint
from treatytui.search.index_writer import DiskFull
from treatytui.search.indexer import IndexReport, IndexUnavailable, refresh
from treatytui.search.lock import IndexBusy
from treatytui.state.location import state_file
from treatytui.textsafety import one_line, visible

# Progress appears only when indexing takes longer than this (seconds).
PROGRESS_DELAY = 0.4


class _LazyProgress:
    """A Rich progress bar that shows itself only when the work takes a while."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task = None

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            if time.monotonic() - self.started < PROGRESS_DELAY or done >= total:
                return
            self.progress = Progress(
                TextColumn("indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=stderr(),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("index", total=total)
        assert self.task is not None
        self.progress.update(self.task, completed=done, total=total)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def summarise(report: IndexReport) -> list[str]:
    """The lines of the summary printed after indexing."""
    lines = [
        f"{report.total} articles in the index ({report.seconds:.1f} s): "
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped" + (" — rebuilt" if report.rebuilt else "")
    ]
    lines += [f"  skipped {visible(path)}: {visible(reason)}" for path, reason in report.skipped]
    lines += [f"  warning {visible(path)}: {one_line(text)}" for path, text in report.warnings]
    return lines


def follow_moves(root: Path, report: IndexReport, console: Console) -> None:
    """Move the reading state of articles that left the index to the added articles with
    the same content (a renamed file or folder), when this user has a reading state."""
    if not (report.added and report.removed) or not state_file().exists():
        return
    from treatytui.search.searcher import IndexMissing, Searcher
    from treatytui.state import ReadingState, StateError

    try:
        searcher = Searcher(root)
    except IndexMissing:
        return
    try:
        found = {i: searcher.article(i) for i in report.added}
    finally:
        searcher.close()
    present = {i: a.article.content_hash for i, a in found.items() if a is not None}
    try:
        with ReadingState.open() as state:
            moved = state.reconcile(present, gone=set(report.removed))
    except StateError as error:
        say(console, f"  note: the reading state was not updated: {error}")
        return
    for old, new in moved.items():
        say(console, f"  moved {visible(old)} → {visible(new)} (its star, note and read mark too)")


def run_index(args: argparse.Namespace) -> int:
    """Add ``args.paths`` to the collection and refresh the index; print a summary.

    Exit status: 0 when done, 1 when the collection holds nothing to index, 2 when a PATH
    does not exist or the index cannot be written.
    """
    root = index_dir(args)
    collection = Collection.load(root)
    new_paths = [Path(p) for p in args.paths]
    missing = [p for p in new_paths if not p.exists()]
    collection.add([p for p in new_paths if p.exists()])
    if args.follow_symlinks is not None:
        collection.follow_symlinks = args.follow_symlinks
    console = stderr()
    if collection.notice:  # (said even with --quiet: the collection is not what was asked)
        say(console, f"note: {collection.notice}")
    if not new_paths and not collection.paths and not args.quiet:
        # A first run, or an index folder deleted with the paths it remembered.
        console.print(
            f"No folders remembered in {root}: indexing the bundled seeds only "
            "(add yours with `treatytui index PATH`)"
        )
    progress = _LazyProgress(enabled=not args.quiet and console.is_terminal)
    try:
        report = refresh(
            root,
            collection.roots(extra=missing),
            rebuild=args.rebuild,
            progress=progress,
            on_wait=lambda: console.print(
                "Another treatytui process is indexing this folder; waiting for it…"
            ),
            lock_timeout=0 if args.no_wait else None,
            follow_symlinks=collection.follow_symlinks,
        )
    except DiskFull as error:
        return fail(str(error))
    except (IndexBusy, IndexUnavailable) as error:
        return fail(str(error))
    finally:
        progress.stop()
    try:
        collection.save()
    except OSError as error:
        say(console, f"could not remember the paths in {collection.state_file}: {error}")
    for number, line in enumerate(summarise(report)):
        if number == 0 and args.quiet and not report.skipped:
            continue
        say(console, line)
    follow_moves(root, report, console)
    if not args.quiet:
        choice = choose_index_dir(getattr(args, "index", None))
        say(console, f"  index folder: {display_path(choice.path)} ({choice.reason})")
    hint = other_index_hint(root)
    if hint:
        say(console, f"  note: {hint}")
    if missing:
        return EXIT_ERROR
    indexed = len(report.added) + len(report.updated) + report.unchanged
    return EXIT_OK if indexed else EXIT_NOTHING
