"""Scrolling the reader's results list to the end on a generated 10,000-article index.

Every result is reachable a page at a time: this times each key press (from the press to
the screen refreshed after any page it asked for is listed, Pilot's waits included, so an
upper bound) while ``j`` walks the first hits, while ``pagedown`` scrolls the empty query's
10,000 results to the end, and ``G`` from the top (the whole list at once). Target: p95
<= 50 ms per key for ``j`` and ``pagedown``.

    python benchmarks/bench_results.py                 # 10,000 articles (index cached)
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


async def _walk(index: Path, keys: int, pages: int) -> dict[str, list[float]]:
    from treatytui.app.app import TreatyApp
    from treatytui.app.settings import Settings

    times: dict[str, list[float]] = {"j": [], "pagedown": [], "G": []}
    app = TreatyApp(index, settings=Settings(), poll_seconds=0, refresh_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        while app.main.last_result is None:
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        await pilot.pause()
        results = app.main.search_pane.results
        await pilot.press("tab")

        async def timed(key: str) -> None:
            started = time.perf_counter()
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            deadline = started + 120
            while key == "G" and results.highlighted != results.total - 1:
                if time.perf_counter() > deadline:
                    break
                await pilot.pause(0.01)
            times[key].append((time.perf_counter() - started) * 1000)

        for _ in range(keys):
            await timed("j")
        while results.highlighted != results.total - 1 and len(times["pagedown"]) < pages:
            await timed("pagedown")
        print(f"pagedown reached hit {results.highlighted + 1} of {results.total}")
        await pilot.press("escape", "space", "backspace", "enter")  # the same list again
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(f"G from the top of {results.total} results…", flush=True)
        await timed("G")
        print(f"G reached hit {results.highlighted + 1} ({len(results.hits)} listed)")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=500, help="j presses from the top")
    parser.add_argument(
        "--pages", type=int, default=1_000_000, help="at most this many pagedown presses"
    )
    args = parser.parse_args()
    index = generated_index(args.articles)
    with tempfile.TemporaryDirectory() as state:
        os.environ["XDG_STATE_HOME"] = state  # a reading state of its own
        cpu = time.process_time()
        times = asyncio.run(_walk(index, args.keys, args.pages))
        cpu = time.process_time() - cpu
    print(f"results list on {args.articles} articles at 80x24 (CPU {cpu:.1f} s in all):")
    for key, values in times.items():
        if values:
            print(
                f"  {key:9s} {len(values):5d} keys  p50 {statistics.median(values):6.1f} ms"
                f"   p95 {_p95(values):6.1f} ms   max {max(values):7.1f} ms"
            )


if __name__ == "__main__":
    main()
