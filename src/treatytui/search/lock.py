"""One indexer at a time: an advisory lock on the index folder that readers never take.

The lock is an exclusive ``flock`` on ``indexer.lock``, which names its holder (pid,
process start time, host). The kernel drops the lock when every descriptor of it is
closed, so a killed indexer leaves none behind, provided no child process still holds a
copy of the descriptor: forked workers close theirs at once (:func:`close_inherited_locks`).
A lock that is held although its holder is gone (a leftover child of a killed indexer of
an older version) is recognised as stale and replaced.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType


class IndexBusy(RuntimeError):
    """Another process is indexing and did not finish in time."""


# The descriptors of the locks this process holds: a forked child closes its copies.
_held: set[int] = set()


def close_inherited_locks() -> None:
    """Close this process's copies of its parent's lock descriptors (call it first thing in
    a forked child), so that the child can never keep the parent's lock alive."""
    for fd in list(_held):
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


def _start_time(pid: int) -> str | None:
    """When process ``pid`` started (Linux: clock ticks since boot), or None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its end.
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None


@dataclass(frozen=True, slots=True)
class Holder:
    """The process that wrote a lock file."""

    pid: int
    started: str | None
    host: str

    @classmethod
    def of_this_process(cls) -> Holder:
        return cls(os.getpid(), _start_time(os.getpid()), socket.gethostname())

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        parts = text.split()
        if not parts or not parts[0].isdigit():
            return None
        started = parts[1] if len(parts) > 1 and parts[1] != "-" else None
        return cls(int(parts[0]), started, parts[2] if len(parts) > 2 else "")

    def line(self) -> str:
        return f"{self.pid} {self.started or '-'} {self.host}\n"

    def is_gone(self) -> bool:
        """True when this process has certainly ended (on this host)."""
        if self.host and self.host != socket.gethostname():
            return False  # another machine (or container): we cannot tell
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            pass  # alive, another user's
        started = _start_time(self.pid)
        # The pid was reused by a process that started later: the holder is gone.
        return self.started is not None and started is not None and started != self.started


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


class IndexerLock:
    """An exclusive ``flock`` on the index's lock file, released when the process ends."""

    def __init__(
        self,
        path: Path,
        *,
        timeout: float | None = None,
        on_wait: Callable[[], None] | None = None,
        poll: float = 0.2,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self.on_wait = on_wait
        self.poll = poll
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, waiting up to ``timeout`` seconds (forever when None)."""
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        told = False
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                replaced = self._replace_if_stale(fd)
                os.close(fd)
                if replaced:
                    continue
                if not told and self.on_wait is not None:
                    self.on_wait()
                told = True
                if deadline is not None and time.monotonic() >= deadline:
                    raise IndexBusy(
                        "indexing is already running in another process; try again later"
                    ) from None
                time.sleep(self.poll)
                continue
            except BaseException:
                os.close(fd)
                raise
            if not _same_file(fd, self.path):  # a stale lock file was replaced meanwhile
                os.close(fd)
                continue
            break
        _held.add(fd)
        self._fd = fd
        with contextlib.suppress(OSError):  # the note is advisory (and a full disk refuses it)
            os.ftruncate(fd, 0)
            os.pwrite(fd, Holder.of_this_process().line().encode(), 0)

    def _replace_if_stale(self, fd: int) -> bool:
        """Unlink the lock file ``fd`` has open when its holder is gone; True if done (or
        another process did it first), so that the caller tries again at once."""
        try:
            holder = Holder.parse(os.pread(fd, 200, 0).decode("ascii", "replace"))
        except OSError:
            return False
        if holder is None or not holder.is_gone():
            return False
        # One breaker at a time, and only of the very file found stale.
        breaker = os.open(
            self.path.with_name(self.path.name + ".break"),
            os.O_RDWR | os.O_CREAT | os.O_CLOEXEC,
            0o644,
        )
        try:
            fcntl.flock(breaker, fcntl.LOCK_EX)
            if _same_file(fd, self.path):
                os.unlink(self.path)
            return True
        except OSError:
            return False
        finally:
            os.close(breaker)

    def holder(self) -> Holder | None:
        """The process named in the lock file (it may be gone)."""
        try:
            return Holder.parse(self.path.read_text(encoding="ascii", errors="replace"))
        except OSError:
            return None

    def release(self) -> None:
        """Drop the lock."""
        if self._fd is not None:
            _held.discard(self._fd)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> IndexerLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
