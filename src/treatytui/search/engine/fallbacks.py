"""A count of the times a fast path of the engine fell back to Whoosh's public API.

A fallback gives the same results, only more slowly: without this count a Whoosh release
that renamed an internal would show up as a slow app, not as a failing test.
"""

from __future__ import annotations

import threading
from collections import Counter


class FallbackCounter:
    """How many times each fast path fell back, by reason (safe to share between threads)."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def count(self, reason: str) -> None:
        """Record one fallback for ``reason`` (a short text naming the fast path)."""
        with self._lock:
            self._counts[reason] += 1

    def counts(self) -> dict[str, int]:
        """The fallbacks so far, by reason."""
        with self._lock:
            return dict(self._counts)

    def total(self) -> int:
        """How many fallbacks so far, for every reason."""
        with self._lock:
            return sum(self._counts.values())

    def reset(self) -> None:
        """Forget the fallbacks so far."""
        with self._lock:
            self._counts.clear()


# The engine's one counter.
FALLBACKS = FallbackCounter()
