"""Real indexing processes killed with SIGKILL never leave the reader without an index, the
index locked, or leftovers on disk; searching processes see no error while rebuilds run.

The slow probes print the figures they measure (``pytest -s`` shows them)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from processes import (
    disk_use,
    index_command,
    kill_all,
    processes_mentioning,
    run,
    wait_for_no_processes,
    write_articles,
)

from treatytui.search.indexer import refresh
from treatytui.search.searcher import IndexMissing, Searcher

INDEXER = """
import sys
from pathlib import Path
from treatytui.search.indexer import refresh
refresh(Path(sys.argv[1]), [Path(sys.argv[2])], rebuild=sys.argv[3] == "rebuild", workers=1)
"""


def _write_articles(folder: Path, count: int, word: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = " ".join(
            f"{word} paragraph {n} sentence {k} about the convention." for k in range(40)
        )
        (folder / f"{n:04d}.txt").write_text(f"Article {n}\n{body}\n", encoding="utf-8")


def _kill_after(index_root: Path, articles: Path, mode: str, delay: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", INDEXER, str(index_root), str(articles), mode],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("mode", ["rebuild", "update"])
def test_killed_indexer_leaves_a_usable_index(tmp_path: Path, mode: str) -> None:
    articles = tmp_path / "articles"
    index_root = tmp_path / "ix"
    _write_articles(articles, 60, "alpha")
    refresh(index_root, [articles], workers=1)
    # New content: every file changes, so an update rewrites everything too.
    for n, delay in enumerate((0.3, 0.6, 0.9, 1.3, 1.8, 2.5)):
        _write_articles(articles, 60 + n, "beta" if n % 2 == 0 else "gamma")
        _kill_after(index_root, articles, mode, delay)
        searcher = Searcher(index_root)
        count = searcher.count()
        assert count >= 60
        words = {w: searcher.search(w).total for w in ("alpha", "beta", "gamma")}
        # The old content or the new one: never an empty or broken index.
        assert any(total == count for total in words.values()) or sum(words.values()) == count
        searcher.close()
    # And the next refresh finishes the job.
    report = refresh(index_root, [articles], workers=1)
    final = Searcher(index_root)
    assert final.count() == 65 == report.total
    assert final.search("gamma").total == 65


ARTICLES = 200  # above PARALLEL_THRESHOLD: a first build runs the worker pool
WORDS = 150
KILLS = 20
ORPHAN_GRACE = 5.0


def _count(index_root: Path) -> tuple[int, dict[str, int]] | None:
    """The number of articles and of articles of each edition, or None when there is no
    index."""
    try:
        searcher = Searcher(index_root)
    except IndexMissing:
        return None
    try:
        editions = {w: searcher.search(w).total for w in ("alpha", "beta", "gamma")}
        return searcher.count(), editions
    finally:
        searcher.close()


def _seeds_free(index_root: Path) -> None:
    """Leave the bundled seeds out, so every count is the synthetic collection's."""
    index_root.mkdir(parents=True, exist_ok=True)
    (index_root / "collection.json").write_text(json.dumps({"paths": [], "include_seeds": False}))


@pytest.mark.slow
def test_kills_at_random_moments(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    index_root = tmp_path / "kill-probe-ix"
    marker = str(index_root)
    write_articles(articles, range(ARTICLES), words=WORDS, tag="alpha")
    reference = tmp_path / "reference-ix"
    _seeds_free(reference)
    started = time.monotonic()
    assert run(index_command(reference, "-q", str(articles)), 120).returncode == 0
    full_build = time.monotonic() - started

    rng = random.Random(13)
    survived, orphans_seen, stuck = 0, 0, []
    shutil.rmtree(index_root, ignore_errors=True)
    _seeds_free(index_root)
    for kill in range(KILLS):
        kind = ("first", "rebuild", "update")[kill % 3]
        before = _count(index_root)
        extra: list[str] = []
        expected = (ARTICLES, {"alpha": ARTICLES, "beta": 0, "gamma": 0})
        if kind == "first":
            shutil.rmtree(index_root, ignore_errors=True)
            _seeds_free(index_root)
            before = None
        elif kind == "rebuild":
            extra = ["--rebuild"]
        else:  # 100 changed, 100 deleted
            edition = "beta" if kill % 2 else "gamma"
            for path in sorted(articles.glob("*.txt"))[100:]:
                path.unlink()
            write_articles(articles, range(100), words=WORDS, tag=edition)
            expected = (100, {"alpha": 0, "beta": 0, "gamma": 0, edition: 100})
        process = subprocess.Popen(
            index_command(index_root, "-q", *extra, str(articles)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, full_build))
        process.kill()
        process.wait()
        left = wait_for_no_processes(marker, ORPHAN_GRACE)
        orphans_seen += len(left)
        after = _count(index_root)
        # Old or new, never mixed.
        assert after in (before, expected), (kill, kind, after)
        # The next `index` completes by itself, without waiting on anything left behind.
        finished = run(index_command(index_root, "-q", "--no-wait", str(articles)), 120)
        if finished.returncode == 0:
            survived += 1
        else:
            stuck.append((kill, kind, finished.stderr.strip()[-200:]))
        kill_all(processes_mentioning(marker))  # (only ever the probe's own leftovers)
        # Restore the full collection for the next round (a first build).
        if kind == "update":
            write_articles(articles, range(ARTICLES), words=WORDS, tag="alpha")

    final = _count(index_root)
    ratio = disk_use(index_root) / disk_use(reference)
    print(
        f"\nkill probe: {survived}/{KILLS} kills survived without help, {orphans_seen} orphan "
        f"processes after {ORPHAN_GRACE:.0f} s, disk {ratio:.2f}x a clean index "
        f"(full build {full_build:.1f} s)"
    )
    assert not stuck, stuck
    assert orphans_seen == 0
    assert final is not None and final[0] == ARTICLES
    assert ratio <= 1.2


SEARCHER = """
import json, sys, time
from pathlib import Path
from treatytui.search.searcher import Searcher
root, stop = Path(sys.argv[1]), Path(sys.argv[2])
queries = ["convention", "hanoi OR geneva", '"the convention"', "sign*", "treaty -laos",
           "published:2025", "venue:hanoi", "ratifcation~"]
searches, errors, first = 0, 0, None
searcher = Searcher(root)
while not stop.exists():
    time.sleep(0.03)  # a person typing, not a benchmark
    try:
        if searches % 25 == 0:
            searcher.close()
            searcher = Searcher(root)
        searcher.refresh()
        for hit in searcher.search(queries[searches % len(queries)], limit=5).hits:
            assert searcher.article(hit.id) is not None
        searches += 1
    except Exception as error:
        errors += 1
        first = first or f"{type(error).__name__}: {error}"
print(json.dumps({"searches": searches, "errors": errors, "first": first}))
"""


@pytest.mark.slow
def test_searching_while_rebuilding(tmp_path: Path) -> None:
    # The probe is 30 s (TREATYTUI_SEARCH_PROBE_SECONDS=30); the suite runs a shorter one.
    seconds = float(os.environ.get("TREATYTUI_SEARCH_PROBE_SECONDS", "8"))
    at_least = 2
    stop = tmp_path / "stop"
    articles = tmp_path / "articles"
    index_root = tmp_path / "search-probe-ix"
    write_articles(articles, range(ARTICLES), tag="alpha")
    _seeds_free(index_root)
    assert run(index_command(index_root, "-q", str(articles)), 120).returncode == 0
    searchers = [
        subprocess.Popen(
            [sys.executable, "-c", SEARCHER, str(index_root), str(stop)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    rebuilds = 0
    started = time.monotonic()
    end = started + seconds
    while time.monotonic() < end or rebuilds < at_least:
        assert run(index_command(index_root, "-q", "--rebuild"), 120).returncode == 0
        rebuilds += 1
    stop.touch()
    results = [json.loads(p.communicate(timeout=60)[0]) for p in searchers]
    errors = sum(r["errors"] for r in results)
    print(
        f"\nsearch probe: 4 processes x {time.monotonic() - started:.0f} s, {rebuilds} rebuilds, "
        f"{sum(r['searches'] for r in results)} searches, {errors} errors"
    )
    assert errors == 0, [r["first"] for r in results if r["first"]]
