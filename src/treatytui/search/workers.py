"""The indexer's worker processes, kept on a short leash.

Workers never outlive the indexer (``PR_SET_PDEATHSIG`` on Linux, and a watch on the parent
everywhere), never hold its locks (a forked worker closes its copies first thing), stay
within a memory ceiling, and give up on a file that takes longer than its time budget, so
one pathological file is skipped with its reason instead of stalling the run.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import itertools
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from treatytui.search.lock import close_inherited_locks

Job = TypeVar("Job")
Result = TypeVar("Result")

_PR_SET_PDEATHSIG = 1
# A worker's address space is capped there: a file that needs more ends in MemoryError,
# which is that file's skip reason, not the machine's swap.
WORKER_MEMORY_BYTES = 2 * 1024**3
# A file's time budget: this much, plus this much per MB of file (a 20 MB file of ordinary
# prose takes about 40 s on one core).
BUDGET_SECONDS = 30.0
BUDGET_SECONDS_PER_MB = 5.0


# After this many files in a row crashed their worker, the fault is not in the files.
CRASHES_IN_A_ROW = 3


class WorkersFailing(RuntimeError):
    """Worker processes crash whatever file they are given."""


class OverBudget(BaseException):
    """Raised inside the work on a file that ran past its time budget.

    A ``BaseException``, so that no ``except Exception`` in the code being run swallows it.
    """


def file_budget(size: int) -> float:
    """The seconds a file of ``size`` bytes may take to load, clean and extract."""
    return BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * size / (1024 * 1024)


def _on_alarm(_signum: int, _frame: object) -> None:
    raise OverBudget


def budget_applies_here() -> bool:
    """True where :func:`time_budget` can stop the work: the main thread of a process."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` in the block once it has run ``seconds``.

    It needs a timer signal, so it applies in the main thread only (every worker process,
    and a command run in the foreground); elsewhere the block runs without a budget.
    """
    if seconds <= 0 or not budget_applies_here():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def die_with_parent(parent: int) -> None:
    """End this process as soon as process ``parent`` is gone."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)
    # The fallback where there is no prctl, and a second line of defence where there is.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _start_worker(parent: int) -> None:
    close_inherited_locks()
    die_with_parent(parent)
    with contextlib.suppress(ValueError, OSError, AttributeError):
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        ceiling = WORKER_MEMORY_BYTES if hard == resource.RLIM_INFINITY else hard
        if soft == resource.RLIM_INFINITY or soft > ceiling:
            resource.setrlimit(resource.RLIMIT_AS, (min(WORKER_MEMORY_BYTES, ceiling), hard))


def worker_context() -> multiprocessing.context.BaseContext:
    """Fork when it is safe (Linux, and no other thread that could hold a lock): workers
    then start with everything already imported, 0.2 s sooner than spawned ones."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


# Jobs are sent to the workers this many at a time, and at most this many batches per
# worker are out (sent, or done and not yet taken). pool.map() sent them all at once, and
# the prepared documents (some 20 KB of Python objects each) piled up in the indexer
# whenever it wrote slower than the workers prepared, as during a commit. Now at most
# 1,024 wait with two workers (~20 MB): enough for the workers to go on through a commit.
BATCH = 8
BATCHES_PER_WORKER = 64


def _run_batch(work: Callable[[Job], Result], batch: Sequence[Job]) -> list[Result]:
    return [work(job) for job in batch]


def _in_order(
    pool: ProcessPoolExecutor, work: Callable[[Job], Result], jobs: Sequence[Job], batch: int,
    window: int,
) -> Iterator[Result]:  # fmt: skip
    """As ``pool.map(work, jobs, chunksize=batch)``, with at most ``window`` batches out at
    a time. The first ones are sent at once (which starts the worker processes now)."""
    batches = iter([jobs[start : start + batch] for start in range(0, len(jobs), batch)])
    out: collections.deque[Future[list[Result]]] = collections.deque(
        pool.submit(_run_batch, work, jobs) for jobs in itertools.islice(batches, window)
    )

    def results() -> Iterator[Result]:
        while out:
            yield from out.popleft().result()
            # (Sent only once those are taken: a pool that broke meanwhile loses none.)
            following = next(batches, None)
            if following is not None:
                out.append(pool.submit(_run_batch, work, following))

    return results()


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=worker_context(),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )


@contextlib.contextmanager
def results_of(
    work: Callable[[Job], Result],
    jobs: Sequence[Job],
    workers: int,
    *,
    parallel: bool,
    on_crash: Callable[[Job], Result],
) -> Iterator[Iterator[Result]]:
    """The results of ``work`` on each job, in order: in ``workers`` processes when
    ``parallel`` (``work`` and the jobs must then be picklable), else here.

    The processes start on entering the block, so that a lock or file taken inside the
    block is never inherited by them. A job that kills its worker process (a crash, the
    out-of-memory killer) gets ``on_crash(job)`` as its result and the others go on: after a
    crash the jobs not yet done run one at a time until the one that crashed is found.
    """
    if not parallel:
        yield map(work, jobs)
        return
    pools = [_pool(workers)]
    first: Iterator[Result] | None
    try:
        first = _in_order(pools[0], work, jobs, BATCH, workers * BATCHES_PER_WORKER)
    except BrokenProcessPool:  # a worker died while the jobs were being submitted
        first = None

    def stream() -> Iterator[Result]:
        remaining, results, one_at_a_time = list(jobs), first, False
        crashed_in_a_row = 0
        while remaining:
            done = 0
            try:
                if results is None:
                    pools.append(_pool(1 if one_at_a_time else workers))
                    batch = 1 if one_at_a_time else BATCH
                    results = _in_order(
                        pools[-1], work, remaining, batch, workers * BATCHES_PER_WORKER
                    )
                for result in results:
                    done += 1
                    yield result
                return
            except BrokenProcessPool:
                remaining = remaining[done:]
            results = None
            # (Joining the broken pool's threads first lets the next pool fork again.)
            pools[-1].shutdown(wait=True, cancel_futures=True)
            if one_at_a_time:  # the first job not done is the one that crashed
                if done == 0 and crashed_in_a_row >= CRASHES_IN_A_ROW:
                    raise WorkersFailing(
                        f"the worker processes crashed on {crashed_in_a_row + 1} files in a row"
                    )
                crashed_in_a_row = crashed_in_a_row + 1 if done == 0 else 1
                yield on_crash(remaining.pop(0))
            one_at_a_time = not one_at_a_time

    try:
        yield stream()
    finally:
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)
