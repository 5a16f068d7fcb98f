"""Fuzzed queries at scale: exceptions other than QueryError, and how long each query takes.

    python benchmarks/bench_query_fuzz.py                    # 2,000 queries, N = 10,000
    python benchmarks/bench_query_fuzz.py --queries 500 --size 1000 --seed 7

Queries come from the seeded grammar-aware generator of the test suite
(``tests/search/fuzz_queries.py``); every third is run as typed in the reader
(``as_you_type``). Each runs in a child process, so a query that never ends is cut off at
``--timeout`` seconds (and counted) without stopping the run. Reports the exceptions by
type with an example, the time taken (max, p95, p50), how many took over one second, and
the slowest queries.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "search"))
from fuzz_queries import QueryGenerator  # noqa: E402

from synthetic import write_collection  # noqa: E402

SORTS = ("relevance", "relevance", "newest", "oldest")
# What a query may end in: results, or a short message for the user.
EXPECTED = ("ok", "QueryError", "QueryTooBroad")


def _serve(index_root: str, connection) -> None:
    """Run the queries sent over ``connection`` and send back what happened."""
    from treatytui.search.results import QueryError
    from treatytui.search.searcher import Searcher

    # Not ``warm()``: it reads every article's facts (seconds at 10,000), and a child
    # restarts after each query cut off.
    searcher = Searcher(Path(index_root))
    connection.send("ready")
    while True:
        request = connection.recv()
        if request is None:
            return
        text, as_you_type, sort = request
        started = time.perf_counter()
        outcome = "ok"
        detail = ""
        try:
            searcher.search(text, limit=20, sort=sort, as_you_type=as_you_type)
        except QueryError as error:  # QueryTooBroad (the deadline) is one too
            outcome, detail = type(error).__name__, str(error)
        except BaseException as error:  # what the benchmark is looking for
            outcome = type(error).__name__
            detail = "".join(traceback.format_exception_only(error)).strip()[:300]
        connection.send((outcome, detail, time.perf_counter() - started))


class QueryRunner:
    """A child process holding an open searcher; restarted when a query overruns."""

    def __init__(self, index_root: Path) -> None:
        self.index_root = index_root
        self.process: multiprocessing.Process | None = None
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self.connection = parent
        self.process = context.Process(target=_serve, args=(str(self.index_root), child))
        self.process.start()
        assert parent.recv() == "ready"

    def run(self, text: str, as_you_type: bool, sort: str, timeout: float):
        self.connection.send((text, as_you_type, sort))
        if self.connection.poll(timeout):
            return self.connection.recv()
        assert self.process is not None
        self.process.kill()
        self.process.join()
        self._start()
        return ("timeout", f"cut off after {timeout:g} s", timeout)

    def close(self) -> None:
        self.connection.send(None)
        assert self.process is not None
        self.process.join()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def index_for(size: int, work: Path) -> Path:
    """The index of ``size`` synthetic articles (bench_index.py's, when it left one)."""
    from treatytui.search.indexer import refresh

    articles = write_collection(work / f"articles-{size}", size)
    root = work / f"ours-{size}"
    if not root.exists():
        print(f"indexing {size:,} articles into {root} …", flush=True)
        refresh(root, [articles])
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a cut-off")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "treatytui-bench"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    root = index_for(args.size, args.work)
    runner = QueryRunner(root)
    generator = QueryGenerator(args.seed)
    outcomes: Counter[str] = Counter()
    examples: dict[str, tuple[str, str]] = {}
    timings: list[tuple[float, str, bool]] = []
    for number, text in enumerate(generator.queries(args.queries)):
        as_you_type = number % 3 == 0
        sort = SORTS[number % len(SORTS)]
        outcome, detail, elapsed = runner.run(text, as_you_type, sort, args.timeout)
        outcomes[outcome] += 1
        if outcome not in EXPECTED:
            examples.setdefault(outcome, (text, detail))
        timings.append((elapsed, text, as_you_type))
        if number % 250 == 249:
            print(f"  {number + 1:,} queries …", file=sys.stderr, flush=True)
    runner.close()

    seconds = [t for t, _q, _typed in timings]
    errors = sum(n for outcome, n in outcomes.items() if outcome not in EXPECTED)
    print(f"\n== {args.queries:,} fuzzed queries (seed {args.seed}), N = {args.size:,} articles")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    print(f"exceptions other than QueryError: {errors}")
    for outcome, (text, detail) in sorted(examples.items()):
        print(f"  {outcome}: {text[:80]!r} -> {detail[:160]}")
    print(
        f"time: max {max(seconds):.3f} s, p95 {percentile(seconds, 0.95) * 1000:.1f} ms, "
        f"p50 {statistics.median(seconds) * 1000:.1f} ms; over 1 s: "
        f"{sum(1 for s in seconds if s > 1)}, over 5 s: {sum(1 for s in seconds if s > 5)}"
    )
    print("slowest:")
    for elapsed, text, typed in sorted(timings, reverse=True)[:10]:
        shown = text if len(text) <= 70 else f"{text[:60]!r}… ({len(text):,} chars)"
        print(f"  {elapsed:7.3f} s  {'typed ' if typed else ''}{shown!r}")


if __name__ == "__main__":
    main()
