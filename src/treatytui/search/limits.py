"""How much one query may ask for, and the deadline every stage of a search keeps.

The limits keep the query language total: any text either runs within about a second or
gets a short ``QueryError`` that says what to change. Measured at 10,000 articles
(``benchmarks/bench_query_fuzz.py``, 2,000 fuzzed queries): before the limits, 148
exceptions other than ``QueryError`` and 187 queries past 5 s (the issue's probe; on the
first 300 of the benchmark's, 101 exceptions and 103 past 1 s); with them, none, and the
slowest 0.42 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from treatytui.search.results import QueryError

# A query longer than this is not typed, it is pasted by mistake.
MAX_QUERY_CHARS = 1_000
# Words, phrases' words, wildcards and fuzzy terms of one query.
MAX_TERMS = 50
# Brackets inside brackets (Whoosh's parser recurses once a level).
MAX_DEPTH = 8
# The longest word a wildcard or fuzzy term may be built on.
MAX_PATTERN_CHARS = 40
# At most this many edits for a fuzzy term (``~2``): more matches almost anything.
MAX_FUZZY_EDITS = 2
# A range of words (``year:[2020 to 2025]``) may cover at most this many index terms.
MAX_RANGE_TERMS = 64
# A boost beyond this is a typo (``^99999``), and enough of them overflow a float.
MAX_BOOST = 100.0
# The whole search: parsing, expansion, ranking, snippets; suggestions use what is left.
# (What runs after the last check — a block of postings, a snippet — fits in the rest
# of the second.)
SEARCH_SECONDS = 0.8


class SearchCancelled(QueryError):
    """A newer search took this one's place (the reader's next keystroke)."""


class QueryTooBroad(QueryError):
    """The query ran past its deadline."""


class Deadline:
    """A point in time a search must finish by, and an optional "has it been cancelled"
    check; ``check`` raises when either has happened."""

    __slots__ = ("_cancelled", "ends")

    def __init__(
        self, seconds: float = SEARCH_SECONDS, cancelled: Callable[[], bool] | None = None
    ) -> None:
        self.ends = time.perf_counter() + seconds
        self._cancelled = cancelled

    def passed(self) -> bool:
        """True when the time is up or the search was cancelled."""
        return time.perf_counter() > self.ends or (
            self._cancelled is not None and self._cancelled()
        )

    def check(self) -> None:
        """Raise ``SearchCancelled`` or ``QueryTooBroad`` when the search must stop."""
        if self._cancelled is not None and self._cancelled():
            raise SearchCancelled("search cancelled")
        if time.perf_counter() > self.ends:
            raise QueryTooBroad(
                "query too broad — it matches too much to rank in a second; "
                "add a word, or narrow a wildcard or range"
            )


# A deadline that never passes (for callers that rank without one).
NO_DEADLINE = Deadline(float("inf"))
