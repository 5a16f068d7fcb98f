"""Restricting a search to some articles by id (the reading state's ``is:starred`` and kin).

The ids become document numbers through a map read once per version of the index (each
article's unique ``id`` term holds its one document number in its term info: 16 ms per
1,000 articles), then a :class:`DocumentSet` query joins the parsed query: ``And`` with it
keeps only those documents, ``AndNot`` leaves them out. It scores 0, so ranking is
unchanged; the ranker runs it through Whoosh's own matcher.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from typing import Any, Protocol

from whoosh import query
from whoosh.matching import ListMatcher, NullMatcher


class IdFilter(Protocol):
    """Which articles a search may return (``state.filters.IdRestriction`` is one)."""

    @property
    def keep(self) -> Collection[str] | None: ...  # only these (None: any)

    @property
    def drop(self) -> Collection[str]: ...  # never these


class DocumentSet(query.Query):
    """Matches exactly the given document numbers, each with score 0."""

    def __init__(self, docnums: Collection[int]) -> None:
        self.docnums = tuple(sorted(set(docnums)))
        self.boost = 1.0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocumentSet) and other.docnums == self.docnums

    def __hash__(self) -> int:
        return hash(self.docnums)

    def __repr__(self) -> str:
        return f"DocumentSet({len(self.docnums)} documents)"

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.docnums)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if not self.docnums:
            return NullMatcher()
        return ListMatcher(list(self.docnums), weights=[0.0] * len(self.docnums))


class ArticleNumbers:
    """Article id → document number for one open reader, read once and kept, and the
    document sets of the last few id sets asked for (the reading state hands out the
    same frozensets until it changes)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reader: Any = None
        self._numbers: dict[str, int] = {}
        self._sets: dict[tuple[frozenset[str], bool], DocumentSet] = {}
        self._few_reader: Any = None
        self._few: dict[frozenset[str], DocumentSet] = {}

    def numbers(self, reader: Any) -> dict[str, int]:
        """The map for ``reader`` (read again only when the reader is another one)."""
        with self._lock:
            if reader is not self._reader:
                numbers: dict[str, int] = {}
                for leaf, base in reader.leaf_readers():
                    deleted = leaf.has_deletions()
                    for term, info in leaf.iter_field("id"):
                        docnum = info.min_id()
                        if not deleted or not leaf.is_deleted(docnum):
                            text = term.decode("utf-8") if isinstance(term, bytes) else term
                            numbers[text] = base + docnum
                self._reader, self._numbers, self._sets = reader, numbers, {}
            return self._numbers

    def documents(self, reader: Any, ids: Collection[str], *, complement: bool) -> DocumentSet:
        """The documents of ``ids`` in ``reader`` (``complement``: of every other article)."""
        if not complement and self._reader is not reader and len(ids) * 6 < reader.doc_count():
            # A few ids (the starred ones) are looked up one by one (~100 us each) rather
            # than reading the whole map (~16 us an article): 20 ms, not 1.6 s, at 100,000.
            with self._lock:
                if self._few_reader is not reader:
                    self._few_reader, self._few = reader, {}
                key = ids if isinstance(ids, frozenset) else None
                found = self._few.get(key) if key is not None else None
                if found is None:
                    found = DocumentSet(_look_up(reader, ids))
                    if key is not None:
                        if len(self._few) > 8:
                            self._few.clear()
                        self._few[key] = found
                return found
        numbers = self.numbers(reader)
        key = (ids, complement) if isinstance(ids, frozenset) else None
        found = self._sets.get(key) if key else None
        if found is None:
            if complement:
                unwanted = {numbers[i] for i in ids if i in numbers}
                found = DocumentSet([d for d in numbers.values() if d not in unwanted])
            else:
                found = DocumentSet([numbers[i] for i in ids if i in numbers])
            if key:
                with self._lock:
                    if len(self._sets) > 8:
                        self._sets.clear()
                    self._sets[key] = found
        return found


def _look_up(reader: Any, ids: Collection[str]) -> list[int]:
    """The document numbers of ``ids`` in ``reader``, each found by its ``id`` term."""
    found = []
    leaves = list(reader.leaf_readers())
    for article_id in ids:
        term = article_id.encode("utf-8")
        for leaf, base in leaves:
            if ("id", term) in leaf:
                docnum = leaf.term_info("id", term).min_id()
                if not leaf.has_deletions() or not leaf.is_deleted(docnum):
                    found.append(base + docnum)
                    break
    return found


def restricted(
    q: query.Query, ids: IdFilter, reader: Any, numbers: ArticleNumbers, *, everything: bool
) -> query.Query:
    """``q`` limited to the documents ``ids`` allows (``everything``: ``q`` matches all).

    Leaving out more than half the collection is done by keeping the rest: the shorter
    list of documents is the one walked."""
    total = reader.doc_count()
    keep = None
    if ids.keep is not None:
        keep = numbers.documents(reader, ids.keep, complement=False)
    elif len(ids.drop) * 2 > total:
        keep = numbers.documents(reader, ids.drop, complement=True)
    if keep is not None:
        q = keep if everything else query.And([q, keep])
        if ids.keep is not None and ids.drop:
            q = query.AndNot(q, numbers.documents(reader, ids.drop, complement=False))
    elif ids.drop:
        q = query.AndNot(q, numbers.documents(reader, ids.drop, complement=False))
    return q
