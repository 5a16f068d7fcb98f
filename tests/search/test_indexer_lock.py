"""The indexer's lock never outlives the indexer: workers do not keep it, a killed indexer's
workers die with it, and a lock whose holder is gone is recognised as stale."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from processes import kill_all, processes_mentioning, wait_for_no_processes

from treatytui.search.location import IndexLocation
from treatytui.search.lock import Holder, IndexBusy, IndexerLock

# An indexer whose workers take their time over every file, so that it can be killed while
# its worker pool runs.
SLOW_POOL = """
import sys, time
from pathlib import Path
from treatytui.search import indexer
real_prepare = indexer.prepare
def slow_prepare(path, root):
    time.sleep(0.3)
    return real_prepare(path, root)
indexer.prepare = slow_prepare
indexer.PARALLEL_THRESHOLD = 1
indexer.refresh(Path(sys.argv[1]), [Path(sys.argv[2])], workers=2)
"""


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killed_indexer_leaves_no_workers_and_no_lock(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(40):
        (articles / f"{n:02d}.txt").write_text(f"Note {n}\nReport {n} on the treaty.\n")
    index_root = tmp_path / "locked-ix"
    process = subprocess.Popen([sys.executable, "-c", SLOW_POOL, str(index_root), str(articles)])
    deadline = time.monotonic() + 30
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(process.pid)
    assert len(workers) >= 2, "the worker pool did not start"
    time.sleep(0.5)  # the workers are busy with files
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    # The workers die with their parent...
    left = wait_for_no_processes(str(index_root), 5.0)
    kill_all(processes_mentioning(str(index_root)))  # (only ever this test's own leftovers)
    assert left == []
    # ...and nothing holds the lock any more.
    with IndexerLock(IndexLocation(index_root).lock_file, timeout=1.0):
        pass


HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.write(fd, sys.argv[2].encode())
print("locked", flush=True)
time.sleep(60)
"""


def _hold(lock_file: Path, content: str) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock_file), content], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def _dead_pid() -> int:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    return finished.pid


def test_a_lock_held_for_a_holder_that_is_gone_is_replaced(tmp_path: Path) -> None:
    lock_file = tmp_path / "indexer.lock"
    # What a worker orphaned by an older version did: keep the lock of an indexer that died.
    orphan = _hold(lock_file, f"{_dead_pid()}\n")
    try:
        lock = IndexerLock(lock_file, timeout=2.0)
        lock.acquire()
        holder = lock.holder()
        assert holder is not None and holder.pid == os.getpid()
        # A second indexer now waits for this one, not for the orphan.
        with pytest.raises(IndexBusy):
            IndexerLock(lock_file, timeout=0.3).acquire()
        lock.release()
    finally:
        orphan.kill()
        orphan.wait()


def test_a_lock_whose_holder_lives_is_respected(tmp_path: Path) -> None:
    lock_file = tmp_path / "indexer.lock"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = Holder(holder.pid, None, "").line()
        keeper = _hold(lock_file, alive)
        try:
            with pytest.raises(IndexBusy, match="already running"):
                IndexerLock(lock_file, timeout=0.5).acquire()
        finally:
            keeper.kill()
            keeper.wait()
    finally:
        holder.kill()
        holder.wait()


def test_a_reused_pid_does_not_keep_a_stale_lock(tmp_path: Path) -> None:
    lock_file = tmp_path / "indexer.lock"
    # Our own pid, but with a start time that is not ours: the holder was another process.
    me = Holder.of_this_process()
    if me.started is None:
        pytest.skip("no process start times on this system")
    stale = Holder(os.getpid(), str(int(me.started) - 1), me.host)
    assert stale.is_gone() and not me.is_gone()
    keeper = _hold(lock_file, stale.line())
    try:
        with IndexerLock(lock_file, timeout=2.0):
            pass
    finally:
        keeper.kill()
        keeper.wait()
