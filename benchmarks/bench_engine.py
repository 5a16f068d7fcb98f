"""Each fast path of the search engine against Whoosh's public API, on the same index.

    python benchmarks/bench_engine.py /tmp/treatytui-bench/ours-10000 [--runs 30]

Runs the two ways in turn, ``--runs`` times each, and prints the median CPU time of each
and the gain; this is where the figures in ``treatytui.search.engine``'s docstring come
from.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from whoosh import index as whoosh_index

from treatytui.search.engine import field_lengths, postings, term_blocks
from treatytui.search.engine.lengths import public_field_lengths
from treatytui.search.location import IndexLocation
from treatytui.search.sequences import SequenceColumn, encode_terms


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def compare(name: str, fast: Callable[[], object], slow: Callable[[], object], runs: int) -> None:
    assert fast() == slow(), f"{name}: the two ways disagree"
    fast_ms, slow_ms = [], []
    for _ in range(runs):  # in turn, so that a busy spell of the machine weighs on both
        fast_ms.append(median_ms(fast, 1))
        slow_ms.append(median_ms(slow, 1))
    a, b = statistics.median(fast_ms), statistics.median(slow_ms)
    print(f"{name:<44}{a:10.3f}{b:10.3f}{b / a if a else float('inf'):8.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    folder = IndexLocation(args.index).live_generation()
    assert folder is not None, f"no index in {args.index}"
    searcher = whoosh_index.open_dir(str(folder), readonly=True).searcher()
    reader = searcher.reader()
    leaves = [leaf for leaf, _base in reader.leaf_readers()]
    runs = args.runs
    print(f"{searcher.doc_count()} articles in {len(leaves)} segments, median CPU ms of {runs}")
    print(f"{'':<44}{'fast':>10}{'public':>10}{'gain':>9}")

    def blocks(term: bytes, fast: bool) -> Callable[[], object]:
        def read() -> list[int]:
            out = []
            for leaf in leaves:
                if fast:
                    found = term_blocks(leaf, "body", term)
                else:
                    found = postings.matcher_blocks(leaf.postings("body", term))
                out.extend(d for ids, _weights in found for d in ids)
            return out

        return read

    for word in (b"convent", b"secur"):
        compare(f"postings of {word.decode()!r}", blocks(word, True), blocks(word, False), runs)
    compare(
        "body lengths of every document",
        lambda: [field_lengths(leaf, "body") for leaf in leaves],
        lambda: [public_field_lengths(leaf, "body") for leaf in leaves],
        max(3, runs // 10),
    )
    pattern = encode_terms(["human", "right"])

    def phrase(in_place: bool) -> Callable[[], object]:
        def find() -> list[int]:
            out = []
            for leaf in leaves:
                column = SequenceColumn(leaf, "body_sequence")
                if not in_place:
                    column.in_place = None
                out.extend(column.documents_with(pattern))
            return out

        return find

    compare("documents holding 'human right' codes", phrase(True), phrase(False), runs)

    searcher.close()


if __name__ == "__main__":
    main()
