"""Ranking a query over whole posting lists: every match scored and counted, the best kept.

Whoosh scores one posting at a time through a tree of matcher objects — about 3 µs a
posting in pure Python, 30 ms for a word that every one of 10,000 articles holds. The
``Ranker`` reads each term's postings a block at a time (``postings``) and scores a block
in one comprehension, with Whoosh's BM25F formula in the same order of operations, so
scores agree with Whoosh's to the last bit. ``And``, ``Or`` and ``AndNot`` combine
per-document score tables; phrases are found in a column holding each article's terms
in order (``SEQUENCE_COLUMNS``). Any other kind of query node (date ranges, ``Every``,
…) is scored by Whoosh's own matcher and combined the same way.

Every step checks a ``Deadline``: a query that would take more than about a second
raises ``QueryTooBroad`` (a ``QueryError``) instead of holding the reader.

Counts are exact. (Whoosh's own ``len(results)`` is not always: at 10,000 articles
``kampala OR hanoi`` gave 453 for 3,342 matching articles.)
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh import query
from whoosh.scoring import BM25F
from whoosh.searching import Searcher as WhooshSearcher

from treatytui.search.documents import stored_body_terms
from treatytui.search.engine import FALLBACKS, deleted_documents, field_lengths, term_blocks
from treatytui.search.limits import NO_DEADLINE, Deadline
from treatytui.search.results import QueryError
from treatytui.search.schema import SEQUENCE_COLUMNS
from treatytui.search.sequences import (
    SequenceColumn,
    contains,
    encode_terms,
    near_pattern,
    places,
    shared_codes,
    term_code,
)

WEIGHTING_FALLBACK = "ranking: scored by Whoosh's matchers (the weighting is not BM25F)"
PHRASE_FALLBACK = "phrases: found by Whoosh's positions (no column of term codes)"
# Document number → score.
Scores = dict[int, float]
# Cached field lengths, by (segment id, field name); segments never change once written.
LengthsCache = dict[tuple[str, str], list[int]]
# Codes that several terms share, by (segment id, field name).
SharedCache = dict[tuple[str, str], dict[bytes, tuple[bytes, ...]]]


@dataclass(frozen=True, slots=True)
class Ranking:
    """The best matches, best first, as (document number, score), and how many matched."""

    top: list[tuple[int, float]]
    total: int


def best(scores: Scores, limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best (document, score) pairs, best first; among equal scores the
    earlier document first, as Whoosh does.

    The ``limit``-th best score is found among the bare scores (floats compare in C),
    then only the pairs that reach it are sorted: a third sooner than a heap of pairs
    keyed by score at 100,000 matches.
    """
    if not limit or not scores:
        return []
    if len(scores) > limit:
        threshold = heapq.nlargest(limit, scores.values())[-1]
        chosen = [item for item in scores.items() if item[1] >= threshold]
        if len(chosen) > 2 * limit:  # many tie with the last one kept: the earliest win
            above = [item for item in chosen if item[1] > threshold]
            tied = [docnum for docnum, score in chosen if score == threshold]
            chosen = above + [(d, threshold) for d in heapq.nsmallest(limit - len(above), tied)]
    else:
        chosen = list(scores.items())
    chosen.sort(key=lambda item: (-item[1], item[0]))
    return chosen[:limit]


class Ranker:
    """Ranks queries against one open Whoosh searcher (made anew when the index changes)."""

    def __init__(
        self,
        searcher: WhooshSearcher,
        lengths: LengthsCache | None = None,
        sequences: dict[str, str] = SEQUENCE_COLUMNS,
        shared: SharedCache | None = None,
    ) -> None:
        self.searcher = searcher
        self.sequences = sequences
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.leaves = list(self.reader.leaf_readers())
        weighting = searcher.weighting
        self.bm25 = weighting if type(weighting) is BM25F else None
        if self.bm25 is None:
            FALLBACKS.count(WEIGHTING_FALLBACK)
        self._lengths: LengthsCache = {} if lengths is None else lengths
        self._shared: SharedCache = {} if shared is None else shared
        self._norms: dict[tuple[int, str], list[float]] = {}
        self._b: dict[str, float] = {}
        self._deleted_documents: frozenset[int] | None = None
        self._sequence_columns: dict[tuple[int, str], SequenceColumn] = {}
        self._keys: dict[str, list[Any]] = {}
        self._deadline = NO_DEADLINE
        live = {_segment_id(reader) for reader, _base in self.leaves}
        for cache in (self._lengths, self._shared):
            for key in [key for key in cache if key[0] not in live]:
                del cache[key]

    def warm(self) -> None:
        """Read now what the first phrase or word query would: the phrase fields' lengths,
        term-code columns and shared codes (150 ms at 10,000 articles)."""
        for field, column in self.sequences.items():
            if field not in self.schema or not self.reader.has_column(column):
                continue
            for segment in range(len(self.leaves)):
                self._field_norms(segment, field)
                self._sequences(segment, column)
                self._shared_codes(segment, field)

    def rank(self, q: query.Query, limit: int, deadline: Deadline = NO_DEADLINE) -> Ranking:
        """The ``limit`` best matches of ``q`` and the exact number of matches."""
        scores = self.scores(q, deadline)
        return Ranking(best(scores, limit), len(scores))

    def rank_by_column(
        self,
        q: query.Query,
        field: str,
        limit: int,
        *,
        descending: bool,
        deadline: Deadline = NO_DEADLINE,
    ) -> Ranking:
        """The first ``limit`` matches of ``q`` in the order of a sortable ``field``;
        documents without a value come last either way."""
        scores = self.scores(q, deadline)
        keys = self._column_keys(field)
        if descending:
            top = heapq.nlargest(
                limit, scores, key=lambda d: (keys[d] is not None, keys[d] or 0, -d)
            )
        else:
            top = heapq.nsmallest(limit, scores, key=lambda d: (keys[d] is None, keys[d] or 0, d))
        return Ranking([(docnum, scores[docnum]) for docnum in top], len(scores))

    def _column_keys(self, field: str) -> list[Any]:
        """Every document's raw value in ``field``'s column (None where it has none)."""
        keys = self._keys.get(field)
        if keys is None:
            keys = self._keys[field] = []
            column_type = self.schema[field].column_type
            missing = column_type.default_value() if column_type else None
            for reader, _base in self.leaves:
                if reader.has_column(field):
                    values = reader.column_reader(field, translate=False)
                    keys.extend(None if value == missing else value for value in values)
                else:
                    keys.extend([None] * reader.doc_count_all())
        return keys

    def scores(self, q: query.Query, deadline: Deadline = NO_DEADLINE) -> Scores:
        """Every document ``q`` matches, with its score; raises ``QueryTooBroad`` (or
        ``SearchCancelled``) when ``deadline`` passes first."""
        self._deadline = deadline
        try:
            return self._scores(q)
        finally:
            self._deadline = NO_DEADLINE

    def _scores(self, q: query.Query) -> Scores:
        self._deadline.check()
        if q is query.NullQuery:
            return {}
        kind = type(q)
        if kind is query.Every and not q.fieldname:
            return self._everything(q.boost)
        if kind is query.Term and self.bm25 is not None:
            return self._term(q)
        if kind is query.And:
            return self._and(q)
        if kind is query.Or and not q.scale and not q.minmatch:
            return self._or(q)
        if kind is query.AndNot:
            return self._without(self._scores(q.a), [q.b])
        if kind is query.AndMaybe:
            return self._and_maybe(q)
        if kind is query.Not:
            return self._without(self._everything(1.0), [q.query])
        if kind is query.Phrase and self.bm25 is not None:
            return self._phrase(q)
        return self._whoosh(q)

    # -- leaves -------------------------------------------------------------------------
    def _everything(self, score: float) -> Scores:
        """Every live document, each with ``score``."""
        deleted = self._deleted()
        return {
            base + d: score
            for reader, base in self.leaves
            for d in range(reader.doc_count_all())
            if base + d not in deleted
        }

    def _term(self, q: query.Term, only: Collection[int] | None = None) -> Scores:
        """The scores of a term in every document that holds it (or in those of ``only``):
        BM25F, or the weight for a field without lengths (as Whoosh's ``WeightScorer``)."""
        field = q.fieldname
        text = self._term_bytes(field, q.text)
        if text is None:
            return {}
        scorable = self.schema[field].scorable and self.bm25 is not None
        idf = self.searcher.idf(field, text) if scorable else 1.0
        k1_plus_1 = self.bm25.K1 + 1 if self.bm25 is not None else 1.0
        scores: Scores = {}
        check = self._deadline.check
        for segment, (reader, base) in enumerate(self.leaves):
            norms = self._field_norms(segment, field) if scorable else []
            for ids, weights in term_blocks(reader, field, text):
                check()
                pairs = zip(ids, weights, strict=True)
                if not scorable:
                    weighed = {base + d: w for d, w in pairs}
                    if only is not None:
                        weighed = {d: w for d, w in weighed.items() if d in only}
                    scores.update(weighed)
                elif only is None and not base:  # (the first segment: no offset to add)
                    scores.update({d: idf * ((w * k1_plus_1) / (w + norms[d])) for d, w in pairs})
                elif only is None:
                    scores.update(
                        {base + d: idf * ((w * k1_plus_1) / (w + norms[d])) for d, w in pairs}
                    )
                elif not base:
                    scores.update(
                        {d: idf * ((w * k1_plus_1) / (w + norms[d])) for d, w in pairs if d in only}
                    )
                else:
                    scores.update(
                        {
                            base + d: idf * ((w * k1_plus_1) / (w + norms[d]))
                            for d, w in pairs
                            if base + d in only
                        }
                    )
        return _boosted(scores, q.boost)

    def _term_bytes(self, field: str, text: str | bytes) -> bytes | None:
        if field not in self.schema:
            return None
        try:
            encoded = self.schema[field].to_bytes(text)
        except ValueError:
            return None
        return encoded if (field, encoded) in self.reader else None

    def _field_norms(self, segment: int, field: str) -> list[float]:
        """BM25's length normalisation of every document of a segment, ``K1·(1−B+B·l/avg)``."""
        norms = self._norms.get((segment, field))
        if norms is None:
            assert self.bm25 is not None
            reader = self.leaves[segment][0]
            key = (_segment_id(reader), field)
            lengths = self._lengths.get(key)
            if lengths is None:
                lengths = self._lengths[key] = field_lengths(reader, field)
            b = self._field_b(field)
            k1 = self.bm25.K1
            average = self.searcher.avg_field_length(field) or 1
            norms = [k1 * ((1 - b) + b * length / average) for length in lengths]
            self._norms[(segment, field)] = norms
        return norms

    def _field_b(self, field: str) -> float:
        """BM25's B for ``field``: BM25F keeps per-field values to itself, the scorer it
        makes for a term of the field holds the one that applies."""
        assert self.bm25 is not None
        b = self._b.get(field)
        if b is None:
            term = next(iter(self.reader.lexicon(field)), None)
            scorer = self.bm25.scorer(self.searcher, field, term) if term else self.bm25
            b = self._b[field] = scorer.B
        return b

    def _phrase(self, q: query.Phrase) -> Scores:
        """A phrase, found in the field's column of term codes (``sequences``); scored
        as Whoosh scores it, by the sum of its words' scores."""
        field = q.fieldname
        column = self.sequences.get(field)
        if column is None:  # (a field with positions: Whoosh's phrase matcher)
            return self._whoosh(q)
        if not self.reader.has_column(column):
            FALLBACKS.count(PHRASE_FALLBACK)
            return self._whoosh(q)
        texts = [self._term_bytes(field, word) for word in q.words]
        if not texts or None in texts:
            return {}
        words = [text.decode() for text in texts if text is not None]
        rarest = min(words, key=lambda word: self.reader.doc_frequency(field, word))
        pattern = encode_terms(words)
        matched: set[int] = set()
        deleted = self._deleted()
        for segment, (reader, base) in enumerate(self.leaves):
            count = reader.doc_frequency(field, rarest)
            if not count:
                continue
            # Reading only the rarest word's documents pays when they are few.
            candidates = None
            if q.slop != 1 or count * 4 < reader.doc_count_all():
                candidates = [d for ids, _w in term_blocks(reader, field, rarest) for d in ids]
            sequences = self._sequences(segment, column)
            if q.slop == 1:
                found = sequences.documents_with(pattern, candidates)
            else:
                found = self._near_documents(sequences, candidates or (), words, q.slop)
            suspects = self._holding_rivals(segment, field, words)
            for checked, docnum in enumerate(found):
                if checked % 256 == 255:
                    self._deadline.check()
                number = base + docnum
                if number in deleted:
                    continue
                if docnum in suspects and not self._stored_phrase(number, field, words, q.slop):
                    continue
                matched.add(number)
        if not matched:
            return {}
        word_scores = [self._term(query.Term(field, word), only=matched) for word in words]
        # The sum of the words' scores, added in their order: a comprehension a word, not
        # a generator a document (11,000 matches: 3 ms, not 10). Each word's table holds
        # every match.
        scores, *others = word_scores
        for part in others:
            scores = {number: score + part[number] for number, score in scores.items()}
        return _boosted(scores, q.boost)

    def _near_documents(
        self, sequences: SequenceColumn, candidates: Collection[int], words: list[str], slop: int
    ) -> Iterator[int]:
        """The ``candidates`` holding ``words`` in order, each at most ``slop`` apart
        (one pattern search a document when the pattern is cheap: five times sooner)."""
        pattern = near_pattern(words, slop)
        for checked, docnum in enumerate(candidates):
            if checked % 64 == 63:
                self._deadline.check()
            codes = sequences.codes(docnum)
            if contains(codes, pattern) if pattern else _near(codes, words, slop):
                yield docnum

    def _stored_phrase(self, docnum: int, field: str, words: list[str], slop: int) -> bool:
        """Check a phrase against a document's terms made anew from its stored text (for
        the rare words whose code another term shares)."""
        if field != "body":
            return True
        terms = stored_body_terms(self.searcher.stored_fields(docnum))
        return _in_order([[i for i, t in enumerate(terms) if t == word] for word in words], slop)

    def _sequences(self, segment: int, column: str) -> SequenceColumn:
        found = self._sequence_columns.get((segment, column))
        if found is None:
            found = SequenceColumn(self.leaves[segment][0], column)
            self._sequence_columns[(segment, column)] = found
        return found

    def _shared_codes(self, segment: int, field: str) -> dict[bytes, tuple[bytes, ...]]:
        reader = self.leaves[segment][0]
        key = (_segment_id(reader), field)
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = shared_codes(reader, field)
        return found

    def _holding_rivals(self, segment: int, field: str, words: list[str]) -> set[int]:
        """The documents of a segment holding a term whose code one of ``words`` shares:
        where a match of the codes may not be a match of the words."""
        shared = self._shared_codes(segment, field)
        rivals = {
            term
            for word in words
            for term in shared.get(term_code(word), ())
            if term != word.encode()
        }
        reader = self.leaves[segment][0]
        return {d for term in rivals for ids, _w in term_blocks(reader, field, term) for d in ids}

    def _whoosh(self, q: query.Query) -> Scores:
        """Scores from Whoosh's own matcher, for the query kinds without a bulk form."""
        try:
            matcher = q.matcher(self.searcher, self.searcher.context())
        except query.QueryError as error:  # (e.g. a phrase in a field without positions)
            raise QueryError(f"this query cannot run: {error}") from None
        deleted = self._deleted()
        scores: Scores = {}
        check = self._deadline.check
        while matcher.is_active():
            if len(scores) % 1024 == 1023:
                check()
            docnum = matcher.id()
            if docnum not in deleted:  # (Whoosh's ``Not`` and ``Every`` include them)
                scores[docnum] = matcher.score()
            matcher.next()
        return scores

    def _deleted(self) -> frozenset[int]:
        if self._deleted_documents is None:
            self._deleted_documents = frozenset(
                base + docnum
                for reader, base in self.leaves
                for docnum in deleted_documents(reader)
            )
        return self._deleted_documents

    # -- combinations -------------------------------------------------------------------
    def _and(self, q: query.And) -> Scores:
        positive = [sub for sub in q.subqueries if not isinstance(sub, query.Not)]
        negative = [sub.query for sub in q.subqueries if isinstance(sub, query.Not)]
        if not positive:  # only ``NOT x`` clauses: every other document
            return self._without(self._everything(float(len(negative))), negative)
        # The rarest part first; a word after it is scored only where that part matched.
        positive.sort(key=lambda sub: sub.estimate_size(self.reader))
        scores = self._scores(positive[0])
        for sub in positive[1:]:
            if not scores:
                break
            if type(sub) is query.Term and self.bm25 is not None:
                part = self._term(sub, only=scores.keys())
            else:
                part = self._scores(sub)
            scores = {d: score + part[d] for d, score in scores.items() if d in part}
        scores = self._without(scores, negative)
        if negative:  # Whoosh's matcher for a `NOT x` clause scores 1 for every document
            scores = {docnum: score + len(negative) for docnum, score in scores.items()}
        return scores if len(q.subqueries) == 1 else _boosted(scores, q.boost)

    def _and_maybe(self, q: query.AndMaybe) -> Scores:
        """The documents of ``q.a``; those ``q.b`` matches too score the sum (as Whoosh's
        ``AndMaybeMatcher``)."""
        scores = self._scores(q.a)
        if not scores:
            return scores
        extra = self._scores(q.b)
        return _boosted({d: s + extra.get(d, 0.0) for d, s in scores.items()}, q.boost)

    def _or(self, q: query.Or) -> Scores:
        parts = sorted((self._scores(sub) for sub in q.subqueries), key=len, reverse=True)
        if not parts:
            return {}
        scores = dict(parts[0])
        for part in parts[1:]:
            self._deadline.check()
            # The documents both hold get the sum; the others come in as they are (one
            # comprehension and two updates: twice as fast as a loop over ``part``).
            summed = {d: scores[d] + score for d, score in part.items() if d in scores}
            scores.update(part)
            scores.update(summed)
        return scores if len(q.subqueries) == 1 else _boosted(scores, q.boost)

    def _without(self, scores: Scores, excluded: list[query.Query]) -> Scores:
        for q in excluded:
            if not scores:
                break
            unwanted = self._scores(q)
            scores = {d: s for d, s in scores.items() if d not in unwanted}
        return scores


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return scores
    return {docnum: score * boost for docnum, score in scores.items()}


def _segment_id(reader) -> str:
    segment = reader.segment()
    return segment.segment_id() if segment is not None else str(id(reader))


def _near(codes: bytes, words: list[str], slop: int) -> bool:
    """True when ``words`` stand in this order in a document's term ``codes``, each at
    most ``slop`` terms after the one before."""
    return _in_order([places(codes, term_code(word)) for word in words], slop)


def _in_order(positions: list[list[int]], slop: int) -> bool:
    """True when one position can be taken from each list, in order, each at most
    ``slop`` after the one before (Whoosh's ordered ``SpanNear``).

    Only where a chain can end matters for the next word, so the ends are kept, not
    every chain (which multiply with many words and a large ``slop``)."""
    ends = sorted(set(positions[0]))
    for after in positions[1:]:
        if not ends:
            return False
        # A position continues a chain when some end lies in [p - slop, p - 1].
        ends = [p for p in sorted(set(after)) if _any_between(ends, p - slop, p - 1)]
    return bool(ends)


def _any_between(ordered: list[int], low: int, high: int) -> bool:
    """True when the sorted list ``ordered`` holds a value in [low, high]."""
    index = bisect_left(ordered, low)
    return index < len(ordered) and ordered[index] <= high
