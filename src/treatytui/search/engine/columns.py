"""A variable-length column's values read in place, where Whoosh keeps them.

Whoosh 2.7 keeps a ``VarBytesColumn``'s values one after another in a memory-mapped
file, with an offset and a length per document. Searching that buffer with one regular
expression finds the documents whose value holds a pattern without copying a value;
the public ``column_reader(...)[docnum]`` copies one value at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from treatytui.search.engine.fallbacks import FALLBACKS

COLUMN_FALLBACK = "column values: copied one document at a time (no memory-mapped buffer)"


@dataclass(frozen=True, slots=True)
class ColumnBuffer:
    """A column's values in place: document ``d``'s value is
    ``buffer[start + offsets[d] : start + offsets[d] + lengths[d]]``."""

    buffer: memoryview | bytes
    start: int
    end: int
    offsets: Sequence[int]
    lengths: Sequence[int]


def column_buffer(values: Any) -> ColumnBuffer | None:
    """The buffer behind a ``column_reader(..., translate=False)`` of a variable-length
    column (None, counted as a fallback, when it is not laid out as Whoosh 2.7 does)."""
    try:
        buffer = values._dbfile._buf
        start = int(values._basepos)
        offsets = values._offsets
        lengths = values._lengths
    except (AttributeError, TypeError, ValueError):
        buffer = None
    if not isinstance(buffer, memoryview | bytes):
        FALLBACKS.count(COLUMN_FALLBACK)
        return None
    return ColumnBuffer(buffer, start, start + sum(lengths), offsets, lengths)
