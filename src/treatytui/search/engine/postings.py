"""A term's postings read a block at a time, for scoring thousands of documents at once.

Whoosh's matchers step through postings one call at a time, which costs a few
microseconds a posting in pure Python. Ranking reads whole blocks instead: their
document numbers and weights come out as sequences.

Blocks are read through the internals of Whoosh's on-disk format (``W3LeafMatcher``);
any other matcher is read through the public matcher interface, more slowly but the
same, and counted as a fallback.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import accumulate

from whoosh.matching import Matcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader

from treatytui.search.engine._whoosh3 import W3LeafMatcher
from treatytui.search.engine.fallbacks import FALLBACKS

# One block of postings: document numbers (of the segment) and weights.
Block = tuple[Sequence[int], Sequence[float]]
# What the block reader uses of a ``W3LeafMatcher``.
BLOCK_ATTRIBUTES = (
    "_data",
    "_read_data",
    "_byteids",
    "_read_weights",
    "_weights",
    "_goto",
    "_lastblock",
    "_nextoffset",
)
POSTINGS_FALLBACK = "postings: read one at a time (not Whoosh 2.7's leaf matcher)"
DELETED_FALLBACK = "deleted documents: asked one at a time (no deleted_docs_set)"


def term_blocks(reader: IndexReader, field: str, term: bytes) -> Iterator[Block]:
    """The postings of ``term`` in one segment's ``reader``, deleted documents left out."""
    if (field, term) not in reader:
        return
    matcher = reader.postings(field, term)
    deleted: frozenset[int] = frozenset()
    if isinstance(matcher, FilterMatcher) and reads_blocks(matcher.child):
        deleted = deleted_documents(reader)
        matcher = matcher.child
    if reads_blocks(matcher):
        blocks = _w3_blocks(matcher)
    else:
        FALLBACKS.count(POSTINGS_FALLBACK)
        blocks = matcher_blocks(matcher)
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
    FALLBACKS.count(DELETED_FALLBACK)
    return frozenset(d for d in range(reader.doc_count_all()) if reader.is_deleted(d))


def reads_blocks(matcher: Matcher) -> bool:
    """True when ``matcher`` is one whose blocks the fast path can read."""
    return (
        W3LeafMatcher is not None
        and type(matcher) is W3LeafMatcher
        and all(hasattr(matcher, name) for name in BLOCK_ATTRIBUTES)
    )


def _w3_blocks(matcher) -> Iterator[Block]:
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


def matcher_blocks(matcher: Matcher, size: int = 128) -> Iterator[Block]:
    """The postings of any matcher through its public interface, ``size`` at a time."""
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
