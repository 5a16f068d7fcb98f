"""Scrolling the reader's results list to the end on a 10,000-article index.

The list is as tall as the matches from the first page on and fetches the hits a page at a
time as they come into view. This times each key press from the press until the screen is
refreshed with the hit under the cursor fetched (any page it asked for is in; Pilot's waits
included, so an upper bound): ``j`` from the top, ``pagedown`` after it, and ``G`` from the
top of the same list again (only the last page is fetched). Target: p95 <= 50 ms per key.

    python benchmarks/bench_results.py --index /work/bench/ours-10000   # read-only
    python benchmarks/bench_results.py                 # a generated index (cached in /tmp)
    python benchmarks/bench_results.py --articles 2000 --keys 300
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import _p95, generated_index

PREFETCH_WAIT = 2.0
"""Seconds for the start-up's background work to begin (it is waited for, untimed)."""


Times = dict[str, list[float]]


async def _walk(index: Path, keys: int, pages: int) -> tuple[Times, Times, Times]:
    """(to the screen, Pilot's round trip, CPU) in ms for each key press, by key."""
    from treatytui.app.app import TreatyApp
    from treatytui.app.settings import Settings

    kinds = ("j", "pagedown", "G")
    painted: Times = {k: [] for k in kinds}
    round_trip: Times = {k: [] for k in kinds}
    cpu: Times = {k: [] for k in kinds}
    app = TreatyApp(index, settings=Settings(), poll_seconds=0, refresh_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        while app.main.last_result is None:
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        await pilot.pause(PREFETCH_WAIT)  # the collection views are built in the background
        await app.workers.wait_for_complete()  # at start: not part of scrolling
        results = app.main.search_pane.results
        await pilot.press("tab")
        await pilot.pause()

        # Each screen refresh, with what it showed: where the cursor was and whether the
        # hit under it was fetched (else its row is a placeholder).
        paints: list[tuple[float, int | None, bool]] = []
        screen = app.screen
        refresh_screen = screen._compositor_refresh  # noqa: SLF001 (no public hook)

        def recorded() -> None:
            shown = (results.highlighted, results.current_hit is not None)
            refresh_screen()
            paints.append((time.perf_counter(), *shown))

        screen._compositor_refresh = recorded  # type: ignore[method-assign]  # noqa: SLF001

        async def timed(key: str) -> None:
            paints.clear()
            started, cpu_started = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            deadline = started + 120
            while results.current_hit is None or (
                key == "G" and results.highlighted != results.total - 1
            ):
                if time.perf_counter() > deadline:
                    break
                await pilot.pause(0.01)
                await app.workers.wait_for_complete()
            await pilot.pause()
            done = time.perf_counter()
            cpu[key].append((time.process_time() - cpu_started) * 1000)
            round_trip[key].append((done - started) * 1000)
            # The first refresh that showed the cursor where the key put it, on its hit.
            at = results.highlighted
            shown = next((t for t, row, fetched in paints if row == at and fetched), done)
            painted[key].append((shown - started) * 1000)

        for _ in range(keys):
            await timed("j")
        while results.highlighted != results.total - 1 and len(round_trip["pagedown"]) < pages:
            await timed("pagedown")
        print(f"pagedown reached hit {results.highlighted + 1} of {results.total}")
        await pilot.press("escape", "space", "backspace", "enter")  # the same list again
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(f"G from hit {results.highlighted + 1} of {results.total}…", flush=True)
        await timed("G")
        print(f"G reached hit {results.highlighted + 1} ({len(results.hits)} fetched)")
    return painted, round_trip, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--index",
        type=Path,
        default=None,
        help="an existing index (opened read-only), e.g. /work/bench/ours-10000",
    )
    parser.add_argument("--keys", type=int, default=500, help="j presses from the top")
    parser.add_argument(
        "--pages", type=int, default=1_000_000, help="at most this many pagedown presses"
    )
    args = parser.parse_args()
    index = args.index or generated_index(args.articles)
    with tempfile.TemporaryDirectory() as state:
        os.environ["XDG_STATE_HOME"] = state  # a reading state of its own
        cpu_started = time.process_time()
        painted, round_trip, cpu = asyncio.run(_walk(index, args.keys, args.pages))
        cpu_all = time.process_time() - cpu_started
    print(f"results list on {index} at 80x24 (CPU {cpu_all:.1f} s in all):")
    for title, times in (
        ("key to the screen refreshed with the hit under the cursor", painted),
        ("Pilot's round trip (press, workers, idle waits: an upper bound)", round_trip),
        ("CPU time per key (every thread)", cpu),
    ):
        print(f" {title}:")
        for key, values in times.items():
            if values:
                print(
                    f"  {key:9s} {len(values):5d} keys  p50 {statistics.median(values):7.1f} ms"
                    f"   p95 {_p95(values):7.1f} ms   max {max(values):8.1f} ms"
                )


if __name__ == "__main__":
    main()
