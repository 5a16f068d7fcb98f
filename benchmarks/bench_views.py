"""Collection views benchmark: the timeline on a generated 10,000-article index.

    python benchmarks/bench_views.py                 # N = 10,000 (index cached in /tmp)
    python benchmarks/bench_views.py --sizes 1000 --runs 3

Reports, per size and as the median of ``--runs`` runs:
- ``iter_facts``: reading the stored date and venue facts (the searcher's share);
- ``build_timeline`` and ``build_figures``: the views' share, on facts already in memory;
- the timeline screen in a bare host app (Pilot, 80x24): time from ``push_screen`` to the
  first paint (status "Loading…"), and to the rows on screen.
- the same screen in the reader (``t`` in ``TreatyApp``): rows on screen after ``t`` when
  pressed at once (as soon as the first results are listed: the views are then built while
  the screen waits) and when pressed once the reader has been idle (the views were built in
  the background ``PREFETCH_AFTER_SECONDS`` after the last results).
Target: first paint ≤ 1 s (the issue); the rows follow when the facts are read.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from textual.app import App

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_collection
from treatytui.app.screens.timeline import TimelineScreen
from treatytui.app.widgets.row_list import RowList
from treatytui.search.indexer import refresh
from treatytui.search.searcher import Searcher
from treatytui.views.figures import FIGURE_KINDS, build_figures
from treatytui.views.timeline import TIMELINE_KINDS, build_timeline

CACHES = (Path("/tmp/treatytui-bench"), Path("/tmp/treatytui-views-bench"))


def index_of(size: int) -> Path:
    """A cached index of ``size`` synthetic articles (the lead's, else ours, else built)."""
    for cache in CACHES:
        root = cache / f"ours-{size}"
        if (root / ".complete").exists() or any(root.glob("gen-*")):
            return root
    base = CACHES[1]
    root = base / f"ours-{size}"
    started = time.perf_counter()
    refresh(root, [write_collection(base / f"articles-{size}", size)])
    print(f"built {root} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return root


class MeasuredTimeline(TimelineScreen):
    """The timeline screen, noting when its first frame is on screen."""

    painted = 0.0

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self.painted = time.perf_counter()


class Host(App[None]):
    """A bare app that opens the timeline and notes when it paints."""

    def __init__(self, searcher: Searcher) -> None:
        super().__init__()
        self.searcher = searcher
        self.pushed = 0.0

    def open(self) -> MeasuredTimeline:
        screen = MeasuredTimeline(self.searcher.iter_facts)
        self.pushed = time.perf_counter()
        self.push_screen(screen)
        return screen


async def screen_times(searcher: Searcher) -> tuple[float, float]:
    """(first paint, rows on screen) in seconds after ``push_screen``."""
    app = Host(searcher)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.open()
        rows_shown = 0.0
        while not rows_shown:
            await asyncio.sleep(0.005)
            if screen.is_mounted and screen.query_one(RowList).rows:
                await pilot.pause()
                rows_shown = time.perf_counter() - app.pushed
    return screen.painted - app.pushed, rows_shown


async def reader_times(index: Path) -> tuple[float, float]:
    """Rows on screen after ``t`` in the reader: pressed at once, and after the prefetch."""
    from treatytui.app.app import TreatyApp
    from treatytui.app.settings import Settings

    async def rows_after_t(wait_for_prefetch: bool) -> float:
        app = TreatyApp(index, settings=Settings(), poll_seconds=0, refresh_index=False)
        async with app.run_test(size=(80, 24)) as pilot:
            while app.main.last_result is None:
                await asyncio.sleep(0.005)
            await pilot.pause()
            if wait_for_prefetch:
                while not all(app.library.view_ready(n) for n in ("timeline", "figures")):
                    await asyncio.sleep(0.02)
            app.main.search_pane.results.focus()  # `t` types into the search input
            await pilot.pause()
            started = time.perf_counter()
            await pilot.press("t")
            while not (
                app.screen.is_mounted
                and app.screen.query(RowList)
                and app.screen.query_one(RowList).rows
            ):
                await asyncio.sleep(0.005)
            await pilot.pause()
            elapsed = time.perf_counter() - started
            # Let the background build end here, not during the next measurement.
            await app.workers.wait_for_complete()
            return elapsed

    return await rows_after_t(False), await rows_after_t(True)


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for size in args.sizes:
        searcher = Searcher(index_of(size))
        reads, builds, figures, paints, shown, at_once, idle = [], [], [], [], [], [], []
        for _ in range(args.runs):
            read, articles = timed(searcher.iter_facts, None, TIMELINE_KINDS)
            build, rows = timed(build_timeline, articles)
            counted = searcher.iter_facts(None, FIGURE_KINDS)
            figure_build, _groups = timed(build_figures, counted)
            first, visible = asyncio.run(screen_times(searcher))
            now, later = asyncio.run(reader_times(index_of(size)))
            at_once.append(now)
            idle.append(later)
            reads.append(read)
            builds.append(build)
            figures.append(figure_build)
            paints.append(first)
            shown.append(visible)
        facts = sum(len(a.facts) for a in articles)
        print(f"N={size:,} articles, {facts:,} date+venue facts, {len(rows):,} timeline rows")
        for name, values in (
            ("iter_facts (date, venue)", reads),
            ("build_timeline", builds),
            ("build_figures", figures),
            ("screen: first paint", paints),
            ("screen: rows on screen", shown),
            ("reader: t at once -> rows", at_once),
            ("reader: t when idle -> rows", idle),
        ):
            print(f"  {name:<26} {statistics.median(values) * 1000:8.0f} ms")
        searcher.close()


if __name__ == "__main__":
    main()
