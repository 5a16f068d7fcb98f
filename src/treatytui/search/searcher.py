"""Running queries against the live index: ranked hits, snippets, suggestions, articles.

A ``Searcher`` never takes the write lock and opens the index read-only, so it works
while another process indexes and in a folder the user cannot write to. It notices when
the index changed on disk (``refresh``). It is safe to share between threads.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import Index
from whoosh.query import Term
from whoosh.reading import IndexReader
from whoosh.searching import Searcher as WhooshSearcher

from treatytui.search.analysis import WORD_PATTERN, fold, index_term, match_terms
from treatytui.search.documents import ArticleFacts, IndexedArticle, stored_article, stored_facts
from treatytui.search.engine.mapped import open_in_place, plain_reader
from treatytui.search.expansion import edit_distance, similar_terms
from treatytui.search.limits import Deadline, QueryTooBroad
from treatytui.search.location import IndexLocation
from treatytui.search.querying import ParsedQuery, QueryBuilder, visible
from treatytui.search.ranking import LengthsCache, Ranker, Ranking, SharedCache
from treatytui.search.restriction import ArticleNumbers, IdFilter, restricted
from treatytui.search.results import Hit, QueryError, SearchResult, SortOrder
from treatytui.search.schema import DEFAULT_FIELDS, TITLE_BOOST
from treatytui.search.snippets import make_snippet

# Relevance: this many hits beyond those shown are re-ranked with the title bonus.
RERANK_WINDOW = 60
"""The best hits by score that the title bonus re-orders; the hits after them keep their
score's order. A fixed window makes the pages of one query one order (no hit twice, none
missed) and a deep page as cheap as the first: it reads only its own hits' fields."""
# Suggestions: how many candidates to weigh, and the shortest stem worth correcting.
SUGGESTIONS = 8
MIN_SUGGEST = 4
SHORT_WORD = 5
# Words longer than this, or odd ones (digits, a letter three times over), get no
# suggestion: nothing in the lexicon is near them, and looking costs the most.
MAX_SUGGEST_CHARS = 20
# At most this many words of one query are looked up in the lexicon for a suggestion.
MAX_SUGGEST_WORDS = 3
_WORD = re.compile(r"(?<![\w:])([^\W\d_][\w'’-]*)(?![\w:~*])")
_CORRECTABLE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TRIPLED = re.compile(r"(.)\1\1")


# Which index a searcher has open: its generation folder and Whoosh's generation in it.
Stamp = tuple[str, int]


class IndexMissing(RuntimeError):
    """There is no index in the folder yet (or it cannot be opened)."""


class Searcher:
    """Queries one index folder."""

    def __init__(self, index_root: Path) -> None:
        self.location = IndexLocation(Path(index_root))
        self._lock = threading.RLock()
        self._index: Index | None = None
        self._searcher: WhooshSearcher | None = None
        self._builder: QueryBuilder | None = None
        self._ranker: Ranker | None = None
        # What the ranker reads per segment, kept across reopenings (segments never change).
        self._lengths: LengthsCache = {}
        self._shared: SharedCache = {}
        self._stamp: Stamp | None = None
        self._numbers = ArticleNumbers()
        self._open()

    # -- opening and refreshing -------------------------------------------------------
    def _open(self) -> None:
        for _attempt in range(5):
            folder = self.location.live_generation()
            if folder is None:
                raise IndexMissing(
                    f"no index in {self.location.root} yet — run `treatytui index` first"
                )
            try:
                # Read in place from maps: Whoosh's own maps copy every sub-file read.
                index = open_in_place(str(folder))
                # Read first: should a writer commit now, the stamp is older, not newer,
                # than what is opened (one needless reopening, never a stale searcher).
                generation = index.latest_generation()
                searcher = index.searcher()
                schema = index.schema  # (reads the table of contents: the folder may be gone)
            except (OSError, whoosh_index.EmptyIndexError, ValueError, EOFError):
                # A rebuild may have replaced this generation between our two reads.
                time.sleep(0.05)
                continue
            old = self._searcher
            self._index, self._searcher = index, searcher
            self._builder = QueryBuilder(schema)
            self._ranker = Ranker(searcher, self._lengths, shared=self._shared)
            self._stamp = (folder.name, generation)
            if old is not None:
                old.close()
            return
        raise IndexMissing(f"the index in {self.location.root} cannot be opened")

    def _current_stamp(self) -> tuple[str, int] | None:
        folder = self.location.live_generation()
        if folder is None:
            return None
        try:
            return (
                folder.name,
                whoosh_index.open_dir(str(folder), readonly=True).latest_generation(),
            )
        except (OSError, whoosh_index.EmptyIndexError, ValueError, EOFError):
            return None

    def refresh(self) -> bool:
        """Reopen the index if another process changed it; True when it did."""
        with self._lock:
            stamp = self._current_stamp()
            if stamp is None or stamp == self._stamp:
                return False
            self._open()
            return True

    def close(self) -> None:
        """Release the open index files."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    @property
    def _whoosh(self) -> WhooshSearcher:
        if self._searcher is None:
            self._open()
        assert self._searcher is not None
        return self._searcher

    # -- queries ----------------------------------------------------------------------
    def count(self) -> int:
        """How many articles the index holds."""
        with self._lock:
            return self._whoosh.doc_count()

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        sort: SortOrder = "relevance",
        as_you_type: bool = False,
        cancelled: Callable[[], bool] | None = None,
        ids: IdFilter | None = None,
        offset: int = 0,
    ) -> SearchResult:
        """Run a query; raises QueryError (short, for the user) when it cannot be run,
        ``QueryTooBroad`` when it would take more than about a second, and
        ``SearchCancelled`` as soon as ``cancelled()`` is true (a newer search).
        ``ids`` keeps only the articles it allows (``keep``, ``drop``): hits and total.
        ``offset``: the hits after the first ``offset`` (the next page; no suggestion)."""
        started = time.perf_counter()
        deadline = Deadline(cancelled=cancelled)
        with self._lock:
            searcher = self._whoosh
            assert self._builder is not None
            parsed = self._builder.parse(
                text, searcher.reader(), as_you_type=as_you_type, deadline=deadline
            )
            terms = self._highlight_terms(parsed)
            prefixes = (parsed.prefix,) if parsed.prefix else ()
            if ids is not None:
                query = restricted(
                    parsed.query,
                    ids,
                    searcher.reader(),
                    self._numbers,
                    everything=parsed.is_everything,
                )
                parsed = replace(parsed, query=query)
            offset = max(0, offset)
            reranked = sort == "relevance" and not parsed.is_everything
            wanted = max(offset + limit, RERANK_WINDOW) if reranked else offset + limit
            ranking = self._run(parsed, wanted, sort, deadline)
            ranked = self._page(ranking, offset, limit, terms, prefixes, reranked)
            hits = []
            for rank, (fields, score) in enumerate(ranked, start=offset):
                deadline.check()
                body = fields.get("text", "")
                # Snippets without a match start at the first paragraph, after the
                # headline, captions and meta lines.
                skip = next(
                    (
                        start
                        for kind, start, _end in fields.get("blocks", ())
                        if kind == "paragraph"
                    ),
                    0,
                )
                hits.append(
                    Hit(
                        id=fields["id"],
                        path=fields.get("path", ""),
                        title=fields.get("title", ""),
                        source=fields.get("source") or None,
                        published=fields["published"].date() if fields.get("published") else None,
                        url=fields.get("url"),
                        score=score,
                        snippet=make_snippet(body, terms, prefixes, skip_to=skip),
                        rank=rank,
                    )
                )
            total = ranking.total
            suggestion = (
                self._suggest(searcher, visible(text), parsed, deadline)
                if (not as_you_type or not hits) and not offset
                else None
            )
        return SearchResult(
            query=text,
            hits=tuple(hits),
            total=total,
            terms=tuple(sorted(terms)),
            prefix=parsed.prefix,
            suggestion=suggestion,
            sort=sort,
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )

    def _run(self, parsed: ParsedQuery, limit: int, sort: SortOrder, deadline: Deadline) -> Ranking:
        assert self._ranker is not None
        if parsed.is_everything or sort != "relevance":
            return self._ranker.rank_by_column(
                parsed.query, "published", limit, descending=sort != "oldest", deadline=deadline
            )
        return self._ranker.rank(parsed.query, limit, deadline)

    def _page(
        self,
        ranking: Ranking,
        offset: int,
        limit: int,
        terms: frozenset[str],
        prefixes: tuple[str, ...],
        reranked: bool,
    ) -> list[tuple[dict, float]]:
        """The stored fields and scores of the hits ``offset`` to ``offset + limit``: the
        first ``RERANK_WINDOW`` re-ordered by the title bonus when ``reranked``."""
        stored = self._whoosh.stored_fields
        top = ranking.top
        end = offset + limit
        if not reranked or offset >= RERANK_WINDOW:
            return [(stored(docnum), float(score)) for docnum, score in top[offset:end]]
        window = [(stored(docnum), float(score)) for docnum, score in top[:RERANK_WINDOW]]
        page = title_boosted(window, terms, prefixes)[offset:end]
        after = top[RERANK_WINDOW:end]  # boosted scores only grow: the window stays first
        return page + [(stored(docnum), float(score)) for docnum, score in after]

    @staticmethod
    def _highlight_terms(parsed: ParsedQuery) -> frozenset[str]:
        if parsed.is_everything:
            return frozenset()
        return frozenset(
            term.decode("utf-8") if isinstance(term, bytes) else term
            for field, term in parsed.query.iter_all_terms(phrases=True)
            if field in DEFAULT_FIELDS
        )

    def _suggest(
        self, searcher: WhooshSearcher, text: str, parsed: ParsedQuery, deadline: Deadline
    ) -> str | None:
        """``text`` with each word that has no hits replaced by the closest indexed word
        (None when there is none, or when the search's deadline passes first)."""
        try:
            return self._suggestion(searcher, text, parsed, deadline)
        except QueryTooBroad:  # the results are in: a suggestion is not worth waiting for
            return None

    def _suggestion(
        self, searcher: WhooshSearcher, text: str, parsed: ParsedQuery, deadline: Deadline
    ) -> str | None:
        reader = searcher.reader()
        changed = False
        looked_up = 0

        def closest(term: str) -> str | None:
            # Two edits turn a short word into too many others ("human" → "tuan").
            edits = 1 if len(term) <= SHORT_WORD else 2
            # Terms are stems, so a misspelt ending ("conventoin") is far from its stem
            # ("convent"): shorter forms of the word count too, when they are words.
            for cut in range(len(term), max(MIN_SUGGEST, len(term) - 3) - 1, -1):
                stem = term[:cut]
                if cut == len(term):
                    options = similar_terms(reader, "body", stem, edits, deadline)
                else:
                    options = {stem: reader.doc_frequency("body", stem)}
                ranked = sorted(
                    (option for option, frequency in options.items() if frequency),
                    key=lambda o: (edit_distance(stem, o), -options[o], o),
                )
                for option in ranked[:SUGGESTIONS]:
                    surface = self._surface_form(searcher, option, deadline)
                    if surface:
                        return surface
            return None

        def replace(match: re.Match[str]) -> str:
            nonlocal changed, looked_up
            word = match.group(1)
            if word.upper() in {"AND", "OR", "NOT"} or parsed.prefix == fold(word):
                return word
            term = index_term(word)
            if not term or any(reader.doc_frequency(f, term) for f in DEFAULT_FIELDS):
                return word
            if not _worth_correcting(word) or looked_up >= MAX_SUGGEST_WORDS:
                return word
            looked_up += 1
            suggestion = closest(term)
            if suggestion is None:
                return word
            changed = True
            return suggestion

        suggestion = _WORD.sub(replace, text)
        return suggestion if changed else None

    def _surface_form(self, searcher: WhooshSearcher, term: str, deadline: Deadline) -> str | None:
        """A word as articles write it whose index term is ``term`` (terms are stems),
        as the article that ranks first for it writes it."""
        assert self._ranker is not None
        for docnum, _score in self._ranker.rank(Term("body", term), 1, deadline).top:
            for match in WORD_PATTERN.finditer(searcher.stored_fields(docnum).get("text", "")):
                if index_term(match.group()) == term:
                    return match.group()
        return None

    # -- articles ---------------------------------------------------------------------
    def article(self, article_id: str) -> IndexedArticle | None:
        """The stored article with this id, with its facts, or None."""
        with self._lock:
            fields = self._whoosh.document(id=article_id)
        return stored_article(fields) if fields else None

    def iter_facts(
        self, query_text: str | None = None, kinds: Collection[str] | None = None
    ) -> list[ArticleFacts]:
        """The facts (of ``kinds``, or all) of every article, or of those matching
        ``query_text`` (``stream_facts`` as a list)."""
        return list(self.stream_facts(query_text, kinds))

    def stream_facts(
        self,
        query_text: str | None = None,
        kinds: Collection[str] | None = None,
        *,
        by_id: bool = False,
    ) -> Iterator[ArticleFacts]:
        """The facts (of ``kinds``, or all) of every article, or of those matching
        ``query_text``, in document order, read one article at a time as they are asked
        for (nothing is kept: a pass over 100,000 articles holds one at a time). The
        searcher first moves to the index as it is now, when another process changed it.
        ``by_id``: in the order of the articles' ids instead (the id field's lexicon, read
        along: the first article comes as soon as the first id is read).

        The stored fields are read with ordinary file reads, not through the searcher's
        maps, so that a pass over every document leaves none of its pages resident
        here; outside the lock that searches take. The query (when there is one) is
        run first, so that a ``QueryError`` comes before the first article."""
        for _attempt in range(3):
            with self._lock:
                live = self._current_stamp()
                if self._searcher is None or (live is not None and live != self._stamp):
                    self._open()  # the facts follow the index as it is now
                stamp = self._stamp
                assert stamp is not None
                documents: list[int] | None = None
                if query_text and query_text.strip():
                    assert self._builder is not None and self._ranker is not None
                    deadline = Deadline()
                    parsed = self._builder.parse(
                        query_text, self._whoosh.reader(), deadline=deadline
                    )
                    documents = sorted(self._ranker.scores(parsed.query, deadline))
            folder = self.location.root / stamp[0]
            try:
                reader = plain_reader(str(folder), stamp[1])
            except (OSError, whoosh_index.EmptyIndexError, ValueError, EOFError):
                # That version is gone (replaced by a rebuild): read the one now live.
                with self._lock:
                    self._open()
                continue
            if by_id:
                return self._read_facts(reader, _in_id_order(reader, documents), kinds)
            return self._read_facts(reader, documents, kinds)
        raise IndexMissing(f"the index in {self.location.root} cannot be read")

    @staticmethod
    def _read_facts(
        reader: IndexReader, documents: Iterable[int] | None, kinds: Collection[str] | None
    ) -> Iterator[ArticleFacts]:
        try:
            if documents is None:
                for _number, fields in reader.iter_docs():
                    yield stored_facts(fields, kinds)
            else:
                for number in documents:
                    yield stored_facts(reader.stored_fields(number), kinds)
        finally:
            reader.close()

    def warm(self) -> None:
        """Read now (e.g. in a background thread after opening) what the first phrase
        query would otherwise wait for (the collection views read the facts as they are
        built: they are not kept here)."""
        with self._lock:
            if self._ranker is not None:
                self._ranker.warm()


def _in_id_order(reader: IndexReader, documents: list[int] | None) -> Iterator[int]:
    """``documents`` (all when None) in the order of their ids, as the id field's lexicon
    lists them (sorted: UTF-8 order is code point order), read as they are asked for."""
    wanted = None if documents is None else set(documents)
    for term in reader.lexicon("id"):
        postings = reader.postings("id", term)  # deleted documents left out
        while postings.is_active():
            number = postings.id()
            if wanted is None or number in wanted:
                yield number
            postings.next()


def _worth_correcting(word: str) -> bool:
    """True for a word a suggestion may be found for: letters (with inner apostrophes or
    hyphens), at most ``MAX_SUGGEST_CHARS`` long, no letter three times in a row."""
    return (
        len(word) <= MAX_SUGGEST_CHARS
        and _CORRECTABLE.fullmatch(word) is not None
        and not _TRIPLED.search(word.lower())
    )


def title_boosted(
    ranked: list[tuple[dict, float]], terms: frozenset[str], prefixes: tuple[str, ...]
) -> list[tuple[dict, float]]:
    """``ranked`` (stored fields, score) re-ordered with a bonus for the query's words in
    the title: the share of the words matched, times ``TITLE_BOOST``."""
    wanted = len(terms) + len(prefixes)
    if not wanted:
        return ranked
    boosted = []
    for fields, score in ranked:
        found = {
            fields["title"][start:end].lower()
            for start, end in match_terms(fields.get("title", ""), terms, prefixes)
        }
        boosted.append((fields, score * (1 + TITLE_BOOST * min(1.0, len(found) / wanted))))
    return sorted(boosted, key=lambda item: item[1], reverse=True)


def highlight_spans(text: str, result: SearchResult) -> list[tuple[int, int]]:
    """Where the words of ``result``'s query stand in ``text`` (e.g. an article's body)."""
    prefixes = (result.prefix,) if result.prefix else ()
    return list(match_terms(text, frozenset(result.terms), prefixes))


__all__ = ["IndexMissing", "QueryError", "Searcher", "highlight_spans"]
