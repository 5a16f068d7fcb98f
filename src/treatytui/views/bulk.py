"""Building many small objects at once without the cyclic garbage collector in the way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a view is built.

    A view allocates one object per fact (hundreds of thousands) next to a collection's
    worth of facts already in memory; every collection the allocations trigger walks all
    of them, which made building a 10,000-article timeline 3–10 times slower. The views
    create no reference cycles, so nothing is lost: the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
