"""Indexing and search benchmark: our pipeline against raw Whoosh, on a synthetic collection.

    python benchmarks/bench_index.py            # N = 1,000 and 10,000
    python benchmarks/bench_index.py --large    # also N = 100,000
    python benchmarks/bench_index.py --sizes 500
    python benchmarks/bench_index.py --sizes 10000 --search-only   # reuse the indexes

Reports articles indexed per second (ours, with cleaning, facts and both cores, and raw
Whoosh with a minimal schema and one writer, over the same texts), the ratio, the time to
refresh after one changed file, and search latency by query kind with snippets and
highlights for the top 10: the first query on a freshly opened index, then p50/p95 of
100 runs (``--runs``), wall-clock and CPU time (nothing is cached between runs but what
belongs to the open index: field lengths, column offsets, expansions of a prefix).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from whoosh import highlight, index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import FuzzyTermPlugin, QueryParser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_collection
from treatytui.search.indexer import refresh
from treatytui.search.limits import QueryTooBroad
from treatytui.search.searcher import Searcher

QUERIES = {
    "common word": ("convention", False),
    "rare word": ("Vientiane", False),
    "two words": ("security Kampala", False),
    "phrase": ('"human rights"', False),
    "fuzzy": ("Guteres~", False),
    "field": ("title:Hanoi", False),
    "wildcard": ("inter*", False),
    "typed prefix ve": ("ve", True),
    "typed prefix Kamp": ("Kamp", True),
}
REPEATS = 100


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def raw_whoosh(texts: list[tuple[str, str]], folder: Path) -> float:
    """Articles/s of raw Whoosh (minimal schema, one writer) over the same texts."""
    schema = Schema(
        id=ID(stored=True, unique=True), body=TEXT(analyzer=StemmingAnalyzer(), stored=True)
    )
    ix = index.create_in(str(folder), schema)
    started = time.perf_counter()
    writer = ix.writer(limitmb=128)
    for doc_id, text in texts:
        writer.add_document(id=doc_id, body=text)
    writer.commit()
    return len(texts) / (time.perf_counter() - started)


def raw_search(folder: Path) -> dict[str, float]:
    """p95 ms of raw Whoosh for a few query kinds, with highlights for the top 10."""
    ix = index.open_dir(str(folder))
    parser = QueryParser("body", ix.schema)
    parser.add_plugin(FuzzyTermPlugin())
    out = {}
    with ix.searcher() as searcher:
        for name, text in (
            ("common word", "convention"),
            ("fuzzy", "Guteres~"),
            ("prefix ve*", "ve*"),
        ):
            times = []
            for _ in range(REPEATS // 5):  # (a two-letter prefix takes ~0.5 s)
                started = time.perf_counter()
                results = searcher.search(parser.parse(text), limit=10)
                results.fragmenter = highlight.ContextFragmenter()
                for hit in results:
                    hit.highlights("body")
                times.append((time.perf_counter() - started) * 1000)
            out[name] = percentile(times, 0.95)
    return out


def bench_indexing(articles: Path, raw_dir: Path, ours_dir: Path, repeats: int) -> None:
    """Articles/s of ours and raw Whoosh, and the time to refresh one changed file."""
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(articles.glob("*.txt"))]
    # Raw Whoosh and ours take turns, so that a slow spell of a shared machine weighs on
    # both; the ratio reported is the median of the pairs'.
    raw_rates, our_rates = [], []
    for _ in range(repeats):
        shutil.rmtree(raw_dir, ignore_errors=True)
        raw_dir.mkdir()
        raw_rates.append(raw_whoosh(texts, raw_dir))
        shutil.rmtree(ours_dir, ignore_errors=True)
        started = time.perf_counter()
        report = refresh(ours_dir, [articles])
        our_rates.append(len(report.added) / (time.perf_counter() - started))
    ratios = [ours / raw for ours, raw in zip(our_rates, raw_rates, strict=True)]
    print(
        f"indexing  ours {statistics.median(our_rates):6.0f} articles/s   raw Whoosh "
        f"{statistics.median(raw_rates):6.0f} articles/s   ratio {statistics.median(ratios):.2f}"
        f"   (median of {repeats}: " + ", ".join(f"{r:.2f}" for r in ratios) + ")"
    )

    changed = articles / "000007.txt"
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original + "An added sentence about Reykjavik.\n", encoding="utf-8")
    started = time.perf_counter()
    one = refresh(ours_dir, [articles])
    refresh_s = time.perf_counter() - started
    changed.write_text(original, encoding="utf-8")
    refresh(ours_dir, [articles])
    assert one.updated == [f"{articles.name}/000007.txt"], one.updated
    print(f"refresh after one changed file: {refresh_s * 1000:.0f} ms")


def bench_search(raw_dir: Path, ours_dir: Path, runs: int = REPEATS, raw: bool = True) -> None:
    """Latency by query kind, ours (first, p50, p95; wall and CPU time) and raw Whoosh
    (p95). CPU time is the steadier figure on a machine that others share."""
    print(
        f"{'query kind':<20}{'first ms':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'cpu p50':>9}{'cpu p95':>9}{'hits':>8}"
    )
    for name, (text, typed) in QUERIES.items():
        # A searcher of its own for each kind: "first" is the query on a freshly opened
        # index, before anything (field lengths, columns) has been read.
        searcher = Searcher(ours_dir)
        times, cpu = [], []
        total = too_broad = 0
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            try:
                total = searcher.search(text, limit=10, as_you_type=typed).total
            except QueryTooBroad:  # past the deadline (a busy machine): timed all the same
                too_broad += 1
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        searcher.close()
        print(
            f"{name:<20}{times[0]:9.1f}{statistics.median(times):9.1f}"
            f"{percentile(times, 0.95):9.1f}{statistics.median(cpu):9.1f}"
            f"{percentile(cpu, 0.95):9.1f}{total:8d}"
            + (f"   ({too_broad} past the deadline)" if too_broad else ""),
            flush=True,
        )
    if raw:
        raw_p95 = raw_search(raw_dir)
        print(
            "raw Whoosh p95 ms with highlights: "
            + ", ".join(f"{k} {v:.1f}" for k, v in raw_p95.items())
        )


def bench(
    size: int, work: Path, repeats: int, search_only: bool, runs: int, raw: bool = True
) -> None:
    articles = write_collection(work / f"articles-{size}", size)
    raw_dir = work / f"raw-{size}"
    ours_dir = work / f"ours-{size}"
    print(f"\n== N = {size:,} articles (~600 words)")
    if not (search_only and raw_dir.exists() and ours_dir.exists()):
        bench_indexing(articles, raw_dir, ours_dir, repeats)
    bench_search(raw_dir, ours_dir, runs, raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="also N = 100,000")
    parser.add_argument(
        "--repeats", type=int, default=3, help="indexing runs per size (1 for N = 100,000)"
    )
    parser.add_argument(
        "--runs", type=int, default=REPEATS, help="searches per query kind (p50, p95 of them)"
    )
    parser.add_argument(
        "--no-raw", action="store_true", help="skip raw Whoosh's searches (minutes at 100,000)"
    )
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="search the indexes a previous run left (index them if there are none)",
    )
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "treatytui-bench"
    )
    args = parser.parse_args()
    sizes = list(args.sizes) + ([100_000] if args.large else [])
    args.work.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        repeats = args.repeats if size <= 10_000 else 1
        bench(size, args.work, repeats, args.search_only, args.runs, not args.no_raw)


if __name__ == "__main__":
    main()
