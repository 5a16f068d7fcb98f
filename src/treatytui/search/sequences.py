"""Each article's body terms in order, as 3-byte codes: how phrases are found quickly.

Whoosh finds a phrase by decoding the positions of every posting of its words — for two
words that most articles hold, 200 ms at 10,000 articles. Here every document also has a
column value holding its terms in order, each as a 3-byte code (from the term's CRC-32);
a phrase is its words' codes one after another, found with one byte search over the
column (which the operating system maps into memory; nothing is copied).

Codes of different terms can coincide (for about one term in 200 of a 100,000-term
lexicon). A segment's lexicon tells which do (``shared_codes``); an article holding a
term whose code a phrase word shares is checked against its stored text.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

from whoosh.reading import IndexReader

from treatytui.search.engine import column_buffer

CODE_SIZE = 3
_CODE_MASK = (1 << (8 * CODE_SIZE)) - 1


@lru_cache(maxsize=200_000)
def term_code(term: str) -> bytes:
    """The code of one index term: the low three bytes of its CRC-32."""
    return _code(term.encode())


def _code(term: bytes) -> bytes:
    return (zlib.crc32(term) & _CODE_MASK).to_bytes(CODE_SIZE, "little")


def encode_terms(terms: Iterable[str]) -> bytes:
    """The column value for a field's terms, in order."""
    return b"".join(map(term_code, terms))


def shared_codes(reader: IndexReader, field: str) -> dict[bytes, tuple[bytes, ...]]:
    """The codes that more than one term of ``field`` in this segment have, with those
    terms."""
    terms_of: dict[bytes, list[bytes]] = {}
    for term in reader.lexicon(field):
        terms_of.setdefault(_code(term), []).append(term)
    return {code: tuple(terms) for code, terms in terms_of.items() if len(terms) > 1}


class SequenceColumn:
    """One segment's column of term codes."""

    def __init__(self, reader: IndexReader, column: str) -> None:
        self.reader = reader
        self.values = reader.column_reader(column, translate=False)
        # Searched in place where Whoosh keeps the values (``engine.column_buffer``).
        self.in_place = column_buffer(self.values)

    def documents_with(
        self, pattern: bytes, candidates: Iterable[int] | None = None
    ) -> Iterator[int]:
        """The documents (of ``candidates``, or all) whose codes contain ``pattern``."""
        in_place = self.in_place
        if in_place is None:
            documents = range(self.reader.doc_count_all()) if candidates is None else candidates
            for docnum in documents:
                if _find_aligned(self.values[docnum], pattern, 0, None) >= 0:
                    yield docnum
            return
        search = re.compile(re.escape(pattern)).search
        buffer, base, offsets, lengths = (
            in_place.buffer,
            in_place.start,
            in_place.offsets,
            in_place.lengths,
        )
        if candidates is not None:
            for docnum in candidates:
                start = base + offsets[docnum]
                end = start + lengths[docnum]
                if _search_aligned(search, buffer, start, end, base) >= 0:
                    yield docnum
            return
        position = base
        while True:
            found = _search_aligned(search, buffer, position, in_place.end, base)
            if found < 0:
                return
            relative = found - base
            docnum = bisect_right(offsets, relative) - 1
            document_end = offsets[docnum] + lengths[docnum]
            if relative + len(pattern) <= document_end:
                yield docnum
                position = base + document_end
            else:  # the match runs into the next document
                position = found + CODE_SIZE

    def codes(self, docnum: int) -> bytes:
        """One document's codes."""
        return self.values[docnum]


# A pattern of codes with gaps is tried at each start in every way its gaps allow: use
# one only while those ways are few (two words: any slop; three: up to 64 apart).
MAX_GAP_COMBINATIONS = 4096


def near_pattern(terms: list[str], slop: int) -> re.Pattern[bytes] | None:
    """A pattern matching ``terms``' codes in order, each at most ``slop`` terms after
    the one before (None when it would be too costly to try)."""
    if len(terms) < 2 or slop < 1 or slop ** (len(terms) - 1) > MAX_GAP_COMBINATIONS:
        return None
    gap = b"(?:" + b"." * CODE_SIZE + b"){0,%d}" % (slop - 1)
    return re.compile(gap.join(re.escape(term_code(term)) for term in terms), re.DOTALL)


def contains(codes: bytes, pattern: re.Pattern[bytes]) -> bool:
    """True when ``pattern`` matches ``codes`` at a term boundary."""
    return _search_aligned(pattern.search, codes, 0, len(codes), 0) >= 0


def places(codes: bytes, code: bytes) -> list[int]:
    """The term positions at which ``code`` stands in a document's ``codes``."""
    found = []
    position = _find_aligned(codes, code, 0, None)
    while position >= 0:
        found.append(position // CODE_SIZE)
        position = _find_aligned(codes, code, position + CODE_SIZE, None)
    return found


def _find_aligned(data: bytes, pattern: bytes, start: int, end: int | None) -> int:
    position = data.find(pattern, start, end)
    while position >= 0 and position % CODE_SIZE:
        position = data.find(pattern, position + 1, end)
    return position


def _search_aligned(search, buffer, start: int, end: int, base: int) -> int:
    while True:
        match = search(buffer, start, end)
        if match is None:
            return -1
        position = match.start()
        if (position - base) % CODE_SIZE == 0:
            return position
        start = position + 1
