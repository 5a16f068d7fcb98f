"""Every document's length in a field, read from Whoosh's length column in one go.

Whoosh keeps a field's lengths as a column of one byte per document (a logarithmic
scale); the public ``doc_field_length`` decodes one document at a time.
"""

from __future__ import annotations

from whoosh.reading import IndexReader
from whoosh.util.numeric import byte_to_length

from treatytui.search.engine._whoosh3 import LENGTHS_COLUMN, lenfield
from treatytui.search.engine.fallbacks import FALLBACKS

LENGTHS_FALLBACK = "field lengths: read one document at a time (no 1-byte length column)"
# Whoosh's byte → length table, with 1 for "no length" (what its scorers assume).
_LENGTHS = [1] + [byte_to_length(byte) for byte in range(1, 256)]


def field_lengths(reader: IndexReader, field: str) -> list[int]:
    """Every document's length in ``field`` in one segment, as Whoosh records it; 1 when
    it has none."""
    doc_count = reader.doc_count_all()
    encoded = length_bytes(reader, field, doc_count)
    if encoded is None:
        FALLBACKS.count(LENGTHS_FALLBACK)
        return public_field_lengths(reader, field)
    return [_LENGTHS[byte] for byte in encoded]


def public_field_lengths(reader: IndexReader, field: str) -> list[int]:
    """The same as ``field_lengths``, through Whoosh's public API."""
    length = reader.doc_field_length
    return [length(docnum, field, 1) or 1 for docnum in range(reader.doc_count_all())]


def length_bytes(reader: IndexReader, field: str, doc_count: int) -> bytes | None:
    """The length column of ``field`` read in one go (``None`` if it is not laid out as
    Whoosh 2.7 does it: one byte per document)."""
    if lenfield is None:
        return None
    try:
        column = reader._perdoc._cached_reader(lenfield(field), LENGTHS_COLUMN)
    except AttributeError:
        return None
    if column is None:
        return bytes(doc_count)
    try:
        if column._fixedlen != 1:
            return None
        stored = column._dbfile.get(column._basepos, column._count)
    except AttributeError:
        return None
    return stored[:doc_count] + bytes(max(0, doc_count - len(stored)))
