"""The search engine's fast paths: the one place that reads Whoosh's internals.

Outside this package no private attribute of Whoosh (or of any dependency) is touched;
ruff's SLF001 checks it everywhere else. Each fast path falls back to Whoosh's public
API, with the same results, when its precondition fails, and counts that in
``FALLBACKS``: ``tests/search/test_engine.py`` runs every kind of query on a normal index
and asserts the count stays at zero, so a Whoosh release that renames an internal fails
there, not as a slow app.

What it reads, and what each read gains (``benchmarks/bench_engine.py``, 10,000
articles in 4 segments, median CPU time of 20 runs, fast / public):

- ``postings``: a term's postings a block at a time, from ``W3LeafMatcher``'s
  ``_data``, ``_byteids``, ``_read_data``, ``_read_weights``/``_weights``, ``_goto``,
  ``_lastblock``, ``_nextoffset`` — instead of ``id()``/``weight()``/``next()`` per
  posting: 4.0 / 13.2 ms for a word every article holds (3.3x).
- ``lengths``: a field's length column in one read, from ``reader._perdoc
  ._cached_reader(_lenfield(field), LENGTHS_COLUMN)`` and the column's ``_fixedlen``,
  ``_dbfile.get``, ``_basepos``, ``_count`` — instead of ``doc_field_length`` per
  document: 0.36 / 14-24 ms for the body (40-65x; once per segment and index version).
- ``columns``: a ``VarBytesColumn``'s values searched in place, from the reader's
  ``_dbfile._buf`` (the memory-mapped file), ``_basepos``, ``_offsets``, ``_lengths`` —
  instead of copying each document's value: 17.5 / 29.8 ms to find the documents holding
  a two-word phrase's codes (1.7x), with no copy of the 18 MB column.
- ``fields``: postings of terms counted in the worker processes, with the value
  encoding of Whoosh's ``Frequency`` format (``pack_uint(frequency)``), which Whoosh
  exposes only through analysing a string (``Frequency.word_values``).

Verified on whoosh-reloaded 2.7.5 (the latest release; Whoosh 2.7.4's code), hence the
``<2.8`` pin in ``pyproject.toml``. The private names imported from
``whoosh.codec.whoosh3`` are imported in ``_whoosh3``; one that is missing leaves the
search layer importable and is listed in ``UNAVAILABLE`` (which the tests assert empty).
"""

from treatytui.search.engine._whoosh3 import UNAVAILABLE
from treatytui.search.engine.columns import ColumnBuffer, column_buffer
from treatytui.search.engine.fallbacks import FALLBACKS, FallbackCounter
from treatytui.search.engine.fields import counted_postings
from treatytui.search.engine.lengths import field_lengths
from treatytui.search.engine.postings import Block, deleted_documents, term_blocks

__all__ = [
    "FALLBACKS",
    "UNAVAILABLE",
    "Block",
    "ColumnBuffer",
    "FallbackCounter",
    "column_buffer",
    "counted_postings",
    "deleted_documents",
    "field_lengths",
    "term_blocks",
]
