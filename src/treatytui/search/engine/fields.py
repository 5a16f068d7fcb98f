"""Postings made from terms already counted, in the form Whoosh's ``Frequency`` format
writes them: analysis runs in the worker processes, the single writer only records.

``Frequency.word_values`` analyses a string; a field indexed from (term, frequency) pairs
needs its value encoding, which Whoosh 2.7 does not expose: ``pack_uint(frequency)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from whoosh.formats import Format, Frequency
from whoosh.system import pack_uint

# (term bytes, frequency, weight, encoded value): what ``FieldType.index`` yields.
Posting = tuple[bytes, int, float, bytes]


def counted_postings(format: Format, counted: Iterable[tuple[str, int]]) -> Iterator[Posting]:
    """The postings of a field with ``format`` (Whoosh's ``Frequency``) for its terms
    with their frequencies."""
    if type(format) is not Frequency:
        raise TypeError(f"counted terms need Whoosh's Frequency format, not {format!r}")
    boost = format.field_boost
    for term, frequency in counted:
        yield term.encode(), frequency, frequency * boost, pack_uint(frequency)
