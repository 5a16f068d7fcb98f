"""The engine's fast paths: all of them taken on a normal index (so a Whoosh release that
changes an internal fails here, not as a slow app), each counted when it falls back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import write_collection
from whoosh import index as whoosh_index
from whoosh import query
from whoosh.scoring import BM25F

from treatytui.config import seeds_dir
from treatytui.search import engine
from treatytui.search.analysis import text_analyzer
from treatytui.search.engine import FALLBACKS
from treatytui.search.indexer import refresh
from treatytui.search.location import IndexLocation
from treatytui.search.querying import QueryBuilder
from treatytui.search.ranking import Ranker
from treatytui.search.schema import (
    DEFAULT_FIELDS,
    FIELD_ALIASES,
    NAMED_FIELDS,
    SEQUENCE_COLUMNS,
    STEMMED_FIELDS,
    build_schema,
)
from treatytui.search.searcher import Searcher

# One query of every kind the query language has, run as search results are asked for.
EVERY_KIND = (
    "convention",
    "Hanoi treaty",
    '"signing ceremony"',
    '"rights treaty"~3',
    'title:"treaty ceremony"',
    "Hanoi OR Kampala",
    "convention NOT Hanoi",
    "convention -Geneva",
    "NOT Hanoi",
    "title:Hanoi",
    "source:geneva",
    "venue:Hanoi",
    "year:2025",
    "tags:treaty",
    "sign*",
    "Hano?",
    "Guteres~",
    "Thonglon~2",
    "published:2025-10",
    "published:>2025-09",
    "published:[2025-09-01 to 2025-11-30]",
    "title:[hanoi to kampala]",
    "convention^3 Hanoi",
    "(Hanoi OR Vienna) ANDMAYBE treaty",
    "Hanio",  # no hits: a suggestion is looked for
    "*",
)


@pytest.fixture(scope="module")
def index_with_segments(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and test articles in two segments, one article rewritten (so the first
    segment has a deleted document)."""
    base = tmp_path_factory.mktemp("engine")
    articles = write_collection(base / "articles")
    refresh(base / "index", [seeds_dir(), articles], workers=1)
    (articles / "later.txt").write_text(
        "Later report on Hanoi\n\nThe signing ceremony in Hanoi was praised by delegates.\n",
        encoding="utf-8",
    )
    changed = articles / "hanoi-signing.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "Kampala was next.\n", "utf-8")
    refresh(base / "index", [seeds_dir(), articles], workers=1)
    return base / "index"


def test_every_fast_path_imports() -> None:
    assert engine.UNAVAILABLE == {}


def test_no_query_kind_falls_back_on_a_normal_index(index_with_segments: Path) -> None:
    searcher = Searcher(index_with_segments)
    FALLBACKS.reset()
    searcher.warm()
    for text in EVERY_KIND:
        for sort in ("relevance", "newest", "oldest"):
            searcher.search(text, sort=sort)
        searcher.search(text, as_you_type=True)
        searcher.iter_facts(text)
    for typed in ("ha", "Hano", "Hanoi tre", "sig"):
        searcher.search(typed, as_you_type=True)
    searcher.close()
    assert FALLBACKS.counts() == {}


def test_the_index_has_what_the_fast_paths_handle(index_with_segments: Path) -> None:
    folder = IndexLocation(index_with_segments).live_generation()
    assert folder is not None
    with whoosh_index.open_dir(str(folder), readonly=True).reader() as reader:
        leaves = [leaf for leaf, _base in reader.leaf_readers()]
        assert len(leaves) > 1
        assert any(leaf.has_deletions() for leaf in leaves)


def test_another_weighting_is_scored_by_whoosh_and_counted(index_with_segments: Path) -> None:
    folder = IndexLocation(index_with_segments).live_generation()
    assert folder is not None
    searcher = whoosh_index.open_dir(str(folder), readonly=True).searcher(weighting=_TfOnly())
    FALLBACKS.reset()
    ranker = Ranker(searcher)
    assert FALLBACKS.total() == 1
    q = QueryBuilder(searcher.schema).parse("Hanoi treaty", searcher.reader()).query
    assert ranker.scores(q) == _whoosh_scores(searcher, q)
    searcher.close()
    FALLBACKS.reset()


def test_a_per_field_b_is_honoured(index_with_segments: Path) -> None:
    """BM25F keeps per-field B values to itself; the ranker reads them through the scorer
    Whoosh makes, and scores as Whoosh does."""
    folder = IndexLocation(index_with_segments).live_generation()
    assert folder is not None
    weighting = BM25F(B=0.75, body_B=0.2, K1=1.5)
    searcher = whoosh_index.open_dir(str(folder), readonly=True).searcher(weighting=weighting)
    q = query.Term("body", "hanoi")
    ours = Ranker(searcher).scores(q)
    default = Ranker(whoosh_index.open_dir(str(folder), readonly=True).searcher()).scores(q)
    assert ours == pytest.approx(_whoosh_scores(searcher, q), rel=1e-12)
    assert ours != default
    searcher.close()


class _TfOnly(BM25F):
    """A weighting that is not BM25F itself (the ranker's bulk scoring assumes BM25F)."""


def _whoosh_scores(searcher, q: query.Query) -> dict[int, float]:
    matcher = q.matcher(searcher, searcher.context())
    scores = {}
    while matcher.is_active():
        scores[matcher.id()] = matcher.score()
        matcher.next()
    return scores


def test_the_field_lists_agree_with_the_schema() -> None:
    schema = build_schema()
    searchable = {name for name, field in schema.items() if field.format is not None}
    assert set(NAMED_FIELDS) <= searchable
    assert set(FIELD_ALIASES.values()) <= set(NAMED_FIELDS)
    assert set(DEFAULT_FIELDS) | set(SEQUENCE_COLUMNS) <= STEMMED_FIELDS <= searchable
    assert {type(schema[name].analyzer) for name in STEMMED_FIELDS} == {type(text_analyzer())}
    assert all(schema[name].analyzer != text_analyzer() for name in NAMED_FIELDS[1:])


def test_a_missing_private_name_leaves_the_search_layer_importable() -> None:
    """As with a Whoosh release that renamed them: the search layer still imports, the
    fast paths fall back, and ``UNAVAILABLE`` names what is missing (which the test
    above asserts is nothing with the Whoosh installed)."""
    program = (
        "import whoosh.codec.whoosh3 as w3\n"
        "del w3.W3LeafMatcher, w3._lenfield\n"
        "import treatytui.search.searcher\n"
        "from treatytui.search import engine\n"
        "print(sorted(engine.UNAVAILABLE))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == (
        "['whoosh.codec.whoosh3.W3LeafMatcher', 'whoosh.codec.whoosh3._lenfield/LENGTHS_COLUMN']"
    )
