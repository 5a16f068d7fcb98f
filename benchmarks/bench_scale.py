"""The indexer at scale: wall time and peak memory of a build and of each kind of refresh.

    python benchmarks/bench_scale.py                      # N = 10,000 and 100,000
    python benchmarks/bench_scale.py --sizes 10000
    python benchmarks/bench_scale.py --sizes 10000 --trace build   # where the memory goes
    python benchmarks/bench_scale.py --shared /work/bench   # link an existing articles-100000
    python benchmarks/bench_scale.py --src /tmp/old/src    # the same run for another tree
    python benchmarks/bench_scale.py --against /work/main/src --rounds 3 \
        --steps "nothing changed" "one changed"          # before/after, interleaved

For each size, in this order, each step in a process of its own (so that its peak resident
memory, ``VmHWM``, is its own; the largest worker process's peak is shown beside it, as
``ru_maxrss`` has it: a forked worker's counts the indexer's memory it was forked with): a full
build, a refresh with nothing changed, a refresh after one changed file, and one after one
added and one deleted file. The collection is written under ``--work`` (``synthetic.py``,
~600 words an article), or taken read-only from ``--shared`` when that folder holds
``articles-<N>``: it is then linked file by file into ``--work`` and changed there only by
replacing, adding and removing links, never by writing into a shared file. The changes are
undone at the end, so that a second run starts from the same files; ``--steps`` runs some
steps only (the refreshes of an index a previous run built, say).

``--against SRC`` runs the steps with the tree in ``SRC`` and with this one in turn,
``--rounds`` times (each tree's steps after a refresh by that tree, from the same files), and
prints each step's medians for both and their ratio: the figures of one run, on a machine
whose load changes from minute to minute.

``--trace STEP`` runs that step under ``tracemalloc`` and prints the largest allocation
sites near the moment of the peak (sampled every 2 s, so an estimate) of the indexer's own
process (its workers are not traced).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import article_text, write_collection

STEPS = ("build", "nothing changed", "one changed", "one added, one deleted")
CHANGED = "000007.txt"
DELETED = "000011.txt"
ADDED = "zz-added.txt"


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (VmHWM, else ``ru_maxrss``)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _replace(path: Path, text: str) -> None:
    """Write ``path`` anew (a new inode: a linked copy's original is never written)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _trace_peak() -> None:
    """Start tracemalloc and a thread that keeps the snapshot taken at the highest use."""
    import threading
    import tracemalloc

    tracemalloc.start(8)
    os.register_at_fork(after_in_child=tracemalloc.stop)  # (the workers' is their own)
    best: dict[str, object] = {"size": 0, "snapshot": None}

    def sample() -> None:
        while True:
            time.sleep(2.0)
            current, _ = tracemalloc.get_traced_memory()
            if current > 1.1 * best["size"]:  # type: ignore[operator]
                best["size"], best["snapshot"] = current, tracemalloc.take_snapshot()

    threading.Thread(target=sample, daemon=True).start()
    import atexit

    def report() -> None:
        snapshot = best["snapshot"]
        if snapshot is None:
            return
        print(f"traced peak ~{best['size'] / 2**20:.0f} MB; largest sites:", file=sys.stderr)
        for stat in snapshot.statistics("traceback")[:8]:  # type: ignore[attr-defined]
            print(f"  {stat.size / 2**20:7.1f} MB  {stat.count:8d} blocks", file=sys.stderr)
            for line in stat.traceback.format()[-6:]:
                print(f"      {line}", file=sys.stderr)

    atexit.register(report)


def run_step(step: str, index: Path, articles: Path, trace: bool) -> dict[str, float]:
    """Do ``step`` here and return its figures (in the child process)."""
    if step == "one changed":
        path = articles / CHANGED
        _replace(path, path.read_text(encoding="utf-8") + "An added sentence about Reykjavik.\n")
    elif step == "one added, one deleted":
        _replace(articles / ADDED, article_text(999_999))
        (articles / DELETED).unlink()
    if trace:
        _trace_peak()
    from treatytui.search.indexer import refresh

    cpu = time.process_time()
    started = time.perf_counter()
    report = refresh(index, [articles], rebuild=step == "build")
    wall = time.perf_counter() - started
    expected = {
        "settle": (True, ""),
        "build": (len(report.added) > 0, "articles added"),
        "nothing changed": (not report.changed, "no change"),
        "one changed": (len(report.updated) == 1, "one update"),
        "one added, one deleted": (
            len(report.added) == 1 and len(report.removed) == 1,
            "one added, one removed",
        ),
    }[step]
    if not expected[0]:
        raise SystemExit(f"{step}: expected {expected[1]}, got {report}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall": wall,
        "cpu": time.process_time() - cpu + children.ru_utime + children.ru_stime,
        "rss": peak_rss_mb(),
        "workers_rss": children.ru_maxrss / 1024,
        "articles": len(report.added) + len(report.updated),
        "total": report.total,
    }


def _restore(articles: Path, originals: dict[str, str | None]) -> None:
    for name, text in originals.items():
        path = articles / name
        if text is None:
            path.unlink(missing_ok=True)
        else:
            _replace(path, text)


def _linked_copy(source: Path, folder: Path) -> Path:
    """``folder`` holding a hard link to each file of ``source`` (made once)."""
    marker = folder / ".linked"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with os.scandir(source) as entries:
        for entry in entries:
            target = folder / entry.name
            if entry.is_file() and not target.exists():
                os.link(entry.path, target)
    marker.write_text("ok")
    return folder


def _env(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = f"{src}{os.pathsep}{env.get('PYTHONPATH', '')}"
    return env


def bench(
    size: int,
    work: Path,
    shared: Path | None,
    trees: list[Path | None],
    rounds: int,
    trace: str,
    steps: list[str],
    indexes: Path,
) -> None:
    source = shared / f"articles-{size}" if shared is not None else None
    if source is not None and (source / f".complete-{size}").exists():
        articles = _linked_copy(source, work / source.name)
    else:
        articles = write_collection(work / f"articles-{size}", size)
    index = indexes / f"index-{size}"
    originals = {
        CHANGED: (articles / CHANGED).read_text(encoding="utf-8"),
        DELETED: (articles / DELETED).read_text(encoding="utf-8"),
        ADDED: None,
    }
    print(f"\n== N = {size:,} articles   ({articles})")

    def command(step: str) -> list[str]:
        return [
            sys.executable,
            __file__,
            "--step",
            step,
            "--index",
            str(index),
            "--articles",
            str(articles),
        ]

    def run(step: str, env: dict[str, str]) -> dict[str, float]:
        argv = command(step) + (["--trace-here"] if trace == step else [])
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{step} failed:\n{done.stderr}")
        if done.stderr.strip():
            print(done.stderr.rstrip(), file=sys.stderr)
        return json.loads(done.stdout.strip().splitlines()[-1])

    def settle(env: dict[str, str]) -> None:
        _restore(articles, originals)
        if index.exists():  # and the index as the files are, for the next run
            subprocess.run(command("settle"), env=env, capture_output=True, check=False)

    if len(trees) == 1:
        env = _env(trees[0])
        print(
            f"{'step':<26}{'wall s':>9}{'CPU s':>9}{'peak RSS MB':>13}{'workers MB':>12}"
            f"{'articles/s':>12}"
        )
        try:
            for step in steps:
                figures = run(step, env)
                rate = figures["articles"] / figures["wall"] if step == "build" else None
                print(
                    f"{step:<26}{figures['wall']:9.2f}{figures['cpu']:9.1f}"
                    f"{figures['rss']:13.0f}"
                    + (
                        f"{figures['workers_rss']:12.0f}"
                        if figures["workers_rss"]
                        else f"{'-':>12}"
                    )
                    + (f"{rate:12.0f}" if rate else "")
                )
        finally:
            settle(env)
        return
    taken: dict[tuple[int, str], list[dict[str, float]]] = {}
    for _round in range(rounds):
        for which, tree in enumerate(trees):
            env = _env(tree)
            try:
                settle(env)
                for step in steps:
                    taken.setdefault((which, step), []).append(run(step, env))
            finally:
                settle(env)
    print(f"medians of {rounds} round(s): before = {trees[0]}, after = {trees[1] or 'this tree'}")
    print(
        f"{'step':<26}{'wall s before/after':>22}{'CPU s before/after':>22}"
        f"{'peak RSS MB b/a':>18}{'wall ratio':>12}"
    )
    for step in steps:
        before, after = (
            {
                key: statistics.median(f[key] for f in taken[which, step])
                for key in ("wall", "cpu", "rss")
            }
            for which in (0, 1)
        )
        print(
            f"{step:<26}{before['wall']:11.2f} /{after['wall']:7.2f}"
            f"{before['cpu']:14.2f} /{after['cpu']:5.2f}"
            f"{before['rss']:11.0f} /{after['rss']:4.0f}"
            f"{after['wall'] / before['wall']:12.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument(
        "--shared", type=Path, help="a folder of articles-<N> collections (used read-only)"
    )
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "treatytui-bench-scale"
    )
    parser.add_argument("--src", type=Path, help="import treatytui from this folder instead")
    parser.add_argument(
        "--against", type=Path, help="a src folder to compare with, step by step (before)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="with --against: runs of each")
    parser.add_argument("--trace", choices=STEPS, default="", help="tracemalloc this step")
    parser.add_argument(
        "--steps",
        choices=(*STEPS, "settle"),
        nargs="*",
        default=list(STEPS),
        help="only these, in order ('settle': a refresh that may change anything)",
    )
    parser.add_argument("--indexes", type=Path, help="the indexes' folder (default: --work)")
    parser.add_argument("--step", choices=(*STEPS, "settle"), help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:  # a step, in its own process
        print(json.dumps(run_step(args.step, args.index, args.articles, args.trace_here)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        indexes = args.indexes or args.work
        trees = [args.src] if args.against is None else [args.against, args.src]
        bench(size, args.work, args.shared, trees, args.rounds, args.trace, args.steps, indexes)


if __name__ == "__main__":
    main()
