"""The reader's memory at scale, and the time to the first byte of the ``--json`` exports.

    python benchmarks/bench_memory.py                         # 10,000 and 100,000 (/work/bench)
    python benchmarks/bench_memory.py --sizes 10000 --trace   # where the memory goes
    python benchmarks/bench_memory.py --src /tmp/old/src      # the same run for another tree
    python benchmarks/bench_memory.py --only reader           # one kind of run

The indexes are read from ``--bench`` (``ours-<N>``, built by ``bench_index.py``) and never
written. For each size, each run in a process of its own (so that its peak resident memory,
``VmHWM``, is its own):

- ``library``: a ``Library`` opened on the index, then, one after another: its first search,
  the timeline's data built (``view_data("timeline")``, what opening the timeline waits for),
  the figures' data built, and 5 s idle. After each step: peak RSS (VmHWM), current RSS
  (VmRSS) and its private part (RssAnon: the heap) — the rest is the index's pages mapped
  from the page cache (RssFile), shared with every other reader of the index — beside the
  step's wall and CPU time. ``--trace`` also prints, per step, the largest allocation sites
  alive after it (``tracemalloc``: slower, and its own memory counts in the RSS).
- ``reader``: the reader itself (``TreatyApp`` in a headless terminal of 80x24): first
  results, ``t`` (timeline rows on screen), escape, ``c`` (figures), escape, 5 s idle.
- ``timeline --json``, ``figures --json``, ``facts --json``: the command, its output read from
  a pipe: time to the first byte, total time, bytes written and the command's peak RSS.

``timeline`` and ``figures`` stream from the view rows stored beside the index
(``views.sqlite``) when they describe it; each size's header says whether they do. An index
built by an earlier version has none: refresh a copy with this tree first (``cp -a``, then
``refresh(copy, [articles])``: about two minutes at 100,000 articles), and point ``--bench``
at the copies.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

RUNS = ("library", "reader", "timeline --json", "figures --json", "facts --json")
IDLE_SECONDS = 5.0


def memory() -> dict[str, float]:
    """This process's VmHWM, VmRSS, RssAnon and RssFile in MB (from /proc/self/status)."""
    wanted = {"VmHWM", "VmRSS", "RssAnon", "RssFile"}
    found: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in wanted:
            found[key] = int(value.split()[0]) / 1024
    return found


class Steps:
    """Times and memory after each step of a run, printed as one JSON object per step."""

    def __init__(self, trace: bool) -> None:
        self.trace = trace
        if trace:
            tracemalloc.start(4)

    def step(self, name: str, function, *args):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            result = function(*args)
        except Exception as error:  # a query too broad: said, and on
            print(json.dumps({"step": name, "error": str(error)}), flush=True)
            return None
        self.report(name, time.perf_counter() - wall, time.process_time() - cpu)
        return result

    def report(self, name: str, wall: float, cpu: float) -> None:
        gc.collect()
        record = {"step": name, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), **memory()}
        if self.trace:
            snapshot = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__)]
            )
            record["traced_mb"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
            record["top"] = [
                f"{stat.size / 2**20:7.1f} MB {stat.count:>9,} blocks  "
                + " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in stat.traceback[:4])
                for stat in snapshot.statistics("traceback")[:8]
            ]
        print(json.dumps(record), flush=True)


def run_library(index: Path, trace: bool) -> None:
    from treatytui.library import Library

    steps = Steps(trace)
    library = Library(index)
    steps.step("open", library.open)
    steps.step("first search", library.search, "convention")
    steps.step("phrase search", library.search, '"member states"')
    steps.step("timeline built", library.view_data, "timeline")
    steps.step("figures built", library.view_data, "figures")
    steps.step("idle", time.sleep, IDLE_SECONDS)
    library.close()


def run_reader(index: Path) -> None:
    from treatytui.app.app import TreatyApp
    from treatytui.app.settings import Settings
    from treatytui.app.widgets.row_list import RowList

    steps = Steps(False)

    async def drive() -> None:
        app = TreatyApp(index, settings=Settings(), poll_seconds=0, refresh_index=False)
        started = time.perf_counter(), time.process_time()
        async with app.run_test(size=(80, 24)) as pilot:
            while app.main.last_result is None:
                await asyncio.sleep(0.01)
            await pilot.pause()
            steps.report("first results", *_since(started))
            for key, name in (("t", "timeline"), ("c", "figures")):
                app.main.search_pane.results.focus()  # `t` would type into the search input
                await pilot.pause()
                began = time.perf_counter(), time.process_time()
                await pilot.press(key)
                while not (
                    app.screen.is_mounted
                    and app.screen.query(RowList)
                    and app.screen.query_one(RowList).rows
                ):
                    await asyncio.sleep(0.01)
                await pilot.pause()
                steps.report(f"{name} rows shown", *_since(began))
                await pilot.press("escape")
                await pilot.pause()
            began = time.perf_counter(), time.process_time()
            await asyncio.sleep(IDLE_SECONDS)
            await app.workers.wait_for_complete()
            steps.report("idle", *_since(began))

    asyncio.run(drive())


def _since(started: tuple[float, float]) -> tuple[float, float]:
    return time.perf_counter() - started[0], time.process_time() - started[1]


def run_command(command: str, index: Path, env: dict[str, str]) -> dict[str, object]:
    """Run ``treatytui COMMAND --index INDEX``; time to its first byte, its peak RSS."""
    argv = [sys.executable, "-m", "treatytui", *command.split(), "--index", str(index)]
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    first = process.stdout.read1(65536)
    first_byte = time.perf_counter() - started
    size = len(first)
    while chunk := process.stdout.read1(1 << 20):
        size += len(chunk)
    _pid, status, usage = os.wait4(process.pid, 0)
    return {
        "run": command,
        "first_byte_s": round(first_byte, 3),
        "total_s": round(time.perf_counter() - started, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "bytes": size,
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit": os.waitstatus_to_exitcode(status),
    }


def _stored_rows(index: Path, env: dict[str, str]) -> str:
    """Whether the tree measured reads view rows stored for ``index`` ("yes", "no", or
    "n/a": a tree without them)."""
    probe = (
        "import sys\nfrom pathlib import Path\n"
        "try:\n    from treatytui.search.viewstore import ViewRows\n"
        "except ImportError:\n    print('n/a'); sys.exit()\n"
        "rows = ViewRows.open(Path(sys.argv[1]))\nprint('no' if rows is None else 'yes')\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe, str(index)], env=env, capture_output=True, text=True
    )
    return found.stdout.strip() or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--bench", type=Path, default=Path("/work/bench"))
    parser.add_argument("--src", type=Path, help="the treatytui sources to measure")
    parser.add_argument("--only", choices=RUNS, nargs="+", default=list(RUNS))
    parser.add_argument("--trace", action="store_true", help="tracemalloc in the library run")
    parser.add_argument("--child", nargs=2, metavar=("RUN", "INDEX"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run, index = args.child
        if run == "library":
            run_library(Path(index), args.trace)
        else:
            run_reader(Path(index))
        return
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = f"{args.src}{os.pathsep}{env.get('PYTHONPATH', '')}"
    env.setdefault("TREATYTUI_STATE", "/tmp/treatytui-bench-memory-state")
    for size in args.sizes:
        index = args.bench / f"ours-{size}"
        print(f"== N={size:,} ({index}; stored view rows: {_stored_rows(index, env)})", flush=True)
        for run in args.only:
            if run in ("library", "reader"):
                argv = [sys.executable, __file__, "--child", run, str(index)]
                argv += ["--trace"] if args.trace else []
                print(f"-- {run}", flush=True)
                subprocess.run(argv, env=env, check=False)
            else:
                print(json.dumps(run_command(run, index, env)), flush=True)
    print(f"(bench process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
