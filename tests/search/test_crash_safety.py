"""A real indexing process killed with SIGKILL never leaves the reader without an index."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from treatytui.search.indexer import refresh
from treatytui.search.searcher import Searcher

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
