"""Stat'ing the many files of one folder: half of them in a forked child process when
there are enough to pay for its start (a refresh of 100,000 files spent half its time in
``stat``; the child takes the other core for it)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from array import array

# From this many files on, half are stat'ed in a child process (a fork costs ~5 ms).
PARALLEL_FROM = 20_000

Stat = tuple[int, int, int]
"""A file's size, mtime in nanoseconds and inode."""


def stat_names(names: list[str], fd: int | None, prefix: str) -> list[Stat | None]:
    """The stat of each file ``names`` (relative to the folder open as ``fd``, else
    ``prefix`` and the name), following links; None where it cannot be had."""
    if len(names) >= PARALLEL_FROM and _may_fork():
        split = len(names) // 2
        child = _start(names[split:], fd, prefix)
        if child is not None:
            try:
                first = _stat_all(names[:split], fd, prefix)
            except BaseException:
                _stop(child[0])
                raise
            second = _results(child, len(names) - split)
            if second is None:  # (the child failed: its half is done here)
                second = _stat_all(names[split:], fd, prefix)
            return first + second
    return _stat_all(names, fd, prefix)


def _may_fork() -> bool:
    """Only on Linux with a second core, and no other thread (that could hold a lock the
    child would wait for)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores > 1 and threading.active_count() == 1


def _stat_all(names: list[str], fd: int | None, prefix: str) -> list[Stat | None]:
    found: list[Stat | None] = []
    add, os_stat = found.append, os.stat
    for name in names:
        try:
            st = os_stat(name, dir_fd=fd) if fd is not None else os_stat(prefix + name)
        except OSError:
            add(None)
        else:
            add((st.st_size, st.st_mtime_ns, st.st_ino))
    return found


def _start(names: list[str], fd: int | None, prefix: str) -> tuple[int, int] | None:
    """A child process stat'ing ``names`` and writing what it found to a pipe: (its pid,
    the pipe's end to read), or None when it cannot be started."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: nothing of the parent's is touched, and no cleanup runs
        status = 1
        try:
            os.close(read_end)
            sizes_and_times, inodes = array("q"), array("Q")
            for stat in _stat_all(names, fd, prefix):
                sizes_and_times.extend(stat[:2] if stat is not None else (-1, 0))
                inodes.append(stat[2] if stat is not None else 0)
            data = memoryview(sizes_and_times.tobytes() + inodes.tobytes())
            while data:
                data = data[os.write(write_end, data) :]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def _results(child: tuple[int, int], count: int) -> list[Stat | None] | None:
    """What the child found for its ``count`` files (None when it failed)."""
    pid, read_end = child
    chunks: list[bytes] = []
    try:
        while chunk := os.read(read_end, 1 << 20):
            chunks.append(chunk)
    except BaseException:
        _stop(pid, read_end)
        raise
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    data = b"".join(chunks)
    if status != 0 or len(data) != 24 * count:
        return None
    sizes_and_times, inodes = array("q"), array("Q")
    sizes_and_times.frombytes(data[: 16 * count])
    inodes.frombytes(data[16 * count :])
    return [
        (size, mtime_ns, inode) if size >= 0 else None
        for size, mtime_ns, inode in zip(
            sizes_and_times[0::2], sizes_and_times[1::2], inodes, strict=True
        )
    ]


def _stop(pid: int, read_end: int | None = None) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)
    if read_end is not None:
        with contextlib.suppress(OSError):
            os.close(read_end)
