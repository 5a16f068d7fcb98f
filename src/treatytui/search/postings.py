"""A term's postings read a block at a time, for scoring thousands of documents at once.

Whoosh's matchers step through postings one call at a time, which costs a few
microseconds a posting in pure Python. Ranking reads whole blocks instead: their
document numbers and weights come out as sequences.

Blocks are read through the internals of Whoosh's on-disk format (``W3LeafMatcher``);
any other matcher is read through the public matcher interface, more slowly but the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import accumulate

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import Matcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader
from whoosh.util.numeric import byte_to_length

# One block of postings: document numbers (of the segment) and weights.
Block = tuple[Sequence[int], Sequence[float]]
_BLOCK_ATTRIBUTES = (
    "_data",
    "_read_data",
    "_byteids",
    "_read_weights",
    "_goto",
    "_lastblock",
    "_nextoffset",
)


def term_blocks(reader: IndexReader, field: str, term: bytes) -> Iterator[Block]:
    """The postings of ``term`` in one segment's ``reader``, deleted documents left out."""
    if (field, term) not in reader:
        return
    matcher = reader.postings(field, term)
    deleted: frozenset[int] = frozenset()
    if isinstance(matcher, FilterMatcher) and _reads_blocks(matcher.child):
        deleted = deleted_documents(reader)
        matcher = matcher.child
    blocks = _w3_blocks(matcher) if _reads_blocks(matcher) else _matcher_blocks(matcher)
    if not deleted:
        yield from blocks
        return
    for ids, weights in blocks:
        if deleted.isdisjoint(ids):
            yield ids, weights
        else:
            keep = [i for i, docnum in enumerate(ids) if docnum not in deleted]
            yield [ids[i] for i in keep], [weights[i] for i in keep]


def deleted_documents(reader: IndexReader) -> frozenset[int]:
    """The deleted document numbers of one segment."""
    if not reader.has_deletions():
        return frozenset()
    known = getattr(reader, "deleted_docs_set", None)  # (Whoosh's SegmentReader keeps it)
    if known is not None:
        return frozenset(known)
    return frozenset(d for d in range(reader.doc_count_all()) if reader.is_deleted(d))


def _reads_blocks(matcher: Matcher) -> bool:
    return type(matcher) is W3LeafMatcher and all(
        hasattr(matcher, name) for name in _BLOCK_ATTRIBUTES
    )


def _w3_blocks(matcher: W3LeafMatcher) -> Iterator[Block]:
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        ids = matcher._data[0]
        if not matcher._byteids:  # stored as differences from the previous number
            ids = tuple(accumulate(ids))
        matcher._read_weights()
        yield ids, matcher._weights
        if matcher._lastblock:
            return
        matcher._goto(matcher._nextoffset)


def _matcher_blocks(matcher: Matcher, size: int = 128) -> Iterator[Block]:
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if len(ids) == size:
            yield ids, weights
            ids, weights = [], []
        matcher.next()
    if ids:
        yield ids, weights


def field_lengths(reader: IndexReader, field: str) -> list[int]:
    """Every document's length in ``field`` in one segment, as Whoosh records it (a byte
    per document, on a logarithmic scale); 1 when it has none."""
    doc_count = reader.doc_count_all()
    encoded = _length_bytes(reader, field, doc_count)
    if encoded is None:
        length = reader.doc_field_length
        return [length(docnum, field, 1) or 1 for docnum in range(doc_count)]
    return [_LENGTHS[byte] for byte in encoded]


# Whoosh's byte → length table, with 1 for "no length" (what its scorers assume).
_LENGTHS = [1] + [byte_to_length(byte) for byte in range(1, 256)]


def _length_bytes(reader: IndexReader, field: str, doc_count: int) -> bytes | None:
    """The length column of ``field`` read in one go (``None`` if it is not laid out as
    Whoosh 2.7 does it: one byte per document)."""
    try:
        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
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


__all__ = ["Block", "deleted_documents", "field_lengths", "term_blocks"]
