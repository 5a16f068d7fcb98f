"""The worker pool: results in order, and never more than a window of jobs ahead of the
indexer (prepared documents waiting to be written are memory)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from treatytui.search import workers
from treatytui.search.workers import results_of


def _mark(job: tuple[str, int]) -> int:
    folder, number = job
    Path(folder, str(number)).touch()
    return number


def _crashed(job: tuple[str, int]) -> int:
    return -1


def test_workers_run_only_a_window_ahead_of_the_reader(tmp_path: Path) -> None:
    jobs = [(str(tmp_path), n) for n in range(4000)]
    window = 2 * workers.BATCHES_PER_WORKER * workers.BATCH
    with results_of(_mark, jobs, 2, parallel=True, on_crash=_crashed) as results:
        taken = [next(results) for _ in range(10)]
        # Without a window, the two workers would go through all 4,000 jobs meanwhile.
        time.sleep(1.5)
        started = len(os.listdir(tmp_path))
        rest = list(results)
    assert started <= 10 + window + workers.BATCH
    assert taken + rest == list(range(4000))
