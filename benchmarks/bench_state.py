"""Reading-state benchmark: what ``is:unread``/``is:starred`` add to a search, and how long
marking an article read takes.

    python benchmarks/bench_state.py                      # 10,000 articles in /tmp/bench-state
    python benchmarks/bench_state.py --size 1000 --work DIR

Builds (once, then reuses) a synthetic collection and its index, marks a share of the
articles read and some starred in a fresh state database, then times each query plain and
with each filter: p50/p95 of ``--repeats`` runs, interleaved (plain, filtered, plain, …)
so a busy machine weighs on both alike. The first filtered search on a freshly opened
index also reads the id → document map; it is reported on its own line.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_collection
from treatytui.search.indexer import refresh
from treatytui.search.searcher import Searcher
from treatytui.state import ArticleKey, ReadingState, split_state_filters

QUERIES = ("convention", "Vientiane", "security Kampala", "")
FILTERS = ("is:unread", "is:starred", "is:unread -is:starred")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def timed(run) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds of ``run()`` on the chosen clock (CPU time by default: the machine
    may be shared, and a search uses one core)."""
    started = clock()
    run()
    return (clock() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bench-state")
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--read-share", type=float, default=0.5, help="share of articles read")
    parser.add_argument("--starred", type=int, default=200)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    print(f"times in ms of {args.clock} time")

    articles = write_collection(args.work / f"articles-{args.size}", args.size)
    index = args.work / f"index-{args.size}"
    if not (index / ".complete").exists():
        started = time.perf_counter()
        refresh(index, [articles])
        (index / ".complete").write_text("ok")
        print(f"indexed {args.size} articles in {time.perf_counter() - started:.0f} s")

    searcher = Searcher(index)
    searcher.warm()
    ids = sorted(fact.id for fact in searcher.iter_facts())
    state_path = args.work / "state.sqlite3"
    for extra in ("", "-wal", "-shm"):
        Path(f"{state_path}{extra}").unlink(missing_ok=True)
    state = ReadingState.open(state_path)
    read = random.Random(12).sample(ids, round(args.read_share * len(ids)))  # any share
    marks = [timed(lambda i=i: state.set_read(ArticleKey(i, "h"))) for i in read]
    for article_id in ids[1 :: max(1, len(ids) // args.starred)][: args.starred]:
        state.set_starred(ArticleKey(article_id, "h"))
    print(
        f"{len(ids)} articles, {len(read)} read, {len(state.starred_ids())} starred; "
        f"marking one read: p50 {statistics.median(marks):.2f} ms, "
        f"p95 {percentile(marks, 0.95):.2f} ms"
    )

    fresh = Searcher(index)
    first = timed(
        lambda: fresh.search(
            "convention", ids=split_state_filters("is:unread")[1].restriction(state)
        )
    )
    plain_first = timed(lambda: Searcher(index).search("convention"))
    print(f"first filtered search on a fresh index: {first:.0f} ms (plain: {plain_first:.0f} ms)")
    fresh.close()
    fresh = Searcher(index)
    starred = split_state_filters("is:starred")[1]
    firsts = [timed(lambda: fresh.search("convention", ids=starred.restriction(state)))]
    firsts.append(timed(lambda: fresh.search("convention", ids=starred.restriction(state))))
    print(
        f"is:starred on a fresh index (ids looked up one by one): first {firsts[0]:.0f} ms, "
        f"then {firsts[1]:.0f} ms"
    )
    fresh.close()

    print(
        f"{'query':<22}{'filter':<24}{'plain p50/p95':>16}{'filtered p50/p95':>20}"
        f"{'added p95':>12}{'hits':>12}"
    )
    for text in QUERIES:
        for words in FILTERS:
            rest, wanted = split_state_filters(f"{text} {words}")
            restriction = wanted.restriction(state)
            totals = (
                searcher.search(rest, limit=1).total,
                searcher.search(rest, limit=1, ids=restriction).total,
            )
            plain: list[float] = []
            filtered: list[float] = []
            for _ in range(args.repeats):
                plain.append(timed(lambda rest=rest: searcher.search(rest, limit=10)))
                # The filter's whole cost: reading the ids from the state, then the search.
                filtered.append(
                    timed(
                        lambda rest=rest, wanted=wanted: searcher.search(
                            rest, limit=10, ids=wanted.restriction(state)
                        )
                    )
                )
            added = percentile(filtered, 0.95) - percentile(plain, 0.95)
            print(
                f"{text or '(empty)':<22}{words:<24}"
                f"{statistics.median(plain):>7.1f}/{percentile(plain, 0.95):<8.1f}"
                f"{statistics.median(filtered):>10.1f}/{percentile(filtered, 0.95):<9.1f}"
                f"{added:>+10.1f}  {totals[1]:>5}/{totals[0]:<5}"
            )
    state.close()
    searcher.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
