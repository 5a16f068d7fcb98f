"""One indexer at a time: an advisory lock on the index folder that readers never take."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType


class IndexBusy(RuntimeError):
    """Another process is indexing and did not finish in time."""


class IndexerLock:
    """An exclusive ``flock`` on the index's lock file, released when the process ends.

    A killed indexer leaves no stale lock: the kernel drops the lock with the process.
    """

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
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and self.on_wait is not None:
                    self.on_wait()
                told = True
                if deadline is not None and time.monotonic() >= deadline:
                    os.close(fd)
                    raise IndexBusy(
                        "indexing is already running in another process; try again later"
                    ) from None
                time.sleep(self.poll)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Drop the lock."""
        if self._fd is not None:
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
