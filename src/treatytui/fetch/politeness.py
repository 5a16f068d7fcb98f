"""Politeness towards each web server: a few requests at a time and a pause between them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class HostGate:
    """At most ``per_host`` requests to one host at once, started ``delay`` seconds apart."""

    def __init__(
        self,
        per_host: int = 2,
        delay: float = 0.5,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.per_host = max(1, per_host)
        self.delay = max(0.0, delay)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def enter(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s request slots, waiting for a slot and for the pause."""
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        slot.acquire()
        try:
            with self._lock:
                now = self._clock()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self.delay
            if start > now:
                self._sleep(start - now)
            yield
        finally:
            slot.release()
