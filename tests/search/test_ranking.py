"""The bulk ranker: the same matches and scores as Whoosh's own matchers, exact counts,
and phrases found in the term-code column."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh import query

from treatytui.search import sequences
from treatytui.search.documents import stored_body_terms
from treatytui.search.engine import FALLBACKS, columns, lengths, postings
from treatytui.search.indexer import refresh
from treatytui.search.location import IndexLocation
from treatytui.search.querying import QueryBuilder
from treatytui.search.ranking import Ranker, best
from treatytui.search.searcher import Searcher

WORDS = (
    "treaty convention human rights signed hanoi ceremony states data privacy "
    "evidence police court delegates experts vienna kampala"
).split()


def _article(rng: random.Random, number: int) -> str:
    title = f"Report {number} on the {rng.choice(WORDS)} {rng.choice(WORDS)}"
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120)))
    if rng.random() < 0.3:
        body += " human rights treaty"
    month = rng.randint(1, 12)
    return f"{title}\n\n{body.capitalize()}.\n\n(Latest Update {month}/03/2025)\n"


@pytest.fixture(scope="module")
def ranked_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sixty articles in several segments, one of them rewritten (a deleted document)."""
    base = tmp_path_factory.mktemp("ranking")
    folder = base / "articles"
    folder.mkdir()
    rng = random.Random(7)
    for number in range(40):
        (folder / f"{number:03d}.txt").write_text(_article(rng, number), encoding="utf-8")
    refresh(base / "index", [folder], workers=1)
    for number in range(40, 60):
        (folder / f"{number:03d}.txt").write_text(_article(rng, number), encoding="utf-8")
    (folder / "005.txt").write_text(_article(rng, 5), encoding="utf-8")
    refresh(base / "index", [folder], workers=1)
    return base / "index"


@pytest.fixture
def opened(ranked_index: Path):
    folder = IndexLocation(ranked_index).live_generation()
    assert folder is not None
    searcher = whoosh_index.open_dir(str(folder), readonly=True).searcher()
    yield searcher, QueryBuilder(searcher.schema)
    searcher.close()


def _whoosh_scores(searcher, q: query.Query) -> dict[int, float]:
    """Every live document Whoosh's matcher for ``q`` matches, with its score."""
    matcher = q.matcher(searcher, searcher.context())
    found = {}
    while matcher.is_active():
        if not searcher.reader().is_deleted(matcher.id()):
            found[matcher.id()] = matcher.score()
        matcher.next()
    return found


def test_the_index_has_segments_and_a_deleted_document(opened) -> None:
    searcher, _builder = opened
    assert len(searcher.reader().leaf_readers()) > 1
    assert searcher.reader().has_deletions()


@pytest.mark.parametrize(
    "text",
    [
        "treaty",
        "treaty signed",
        "treaty OR hanoi",
        "treaty -hanoi",
        "title:hanoi",
        "(treaty OR hanoi)^2 ceremony",
        "NOT hanoi",
        "treaty published:2025-10",
        "sign*",
        "hanoy~",
        "treaty^3 OR vienna",
    ],
)
def test_matches_and_scores_agree_with_whoosh(opened, text: str) -> None:
    searcher, builder = opened
    parsed = builder.parse(text, searcher.reader())
    ours = Ranker(searcher).scores(parsed.query)
    theirs = _whoosh_scores(searcher, parsed.query)
    assert ours.keys() == theirs.keys()
    assert ours == pytest.approx(theirs, rel=1e-12)


def test_the_count_is_exact_where_whoosh_miscounts(opened) -> None:
    searcher, builder = opened
    parsed = builder.parse("kampala OR vienna", searcher.reader())
    ranking = Ranker(searcher).rank(parsed.query, 5)
    assert ranking.total == len(_whoosh_scores(searcher, parsed.query))
    assert len(ranking.top) == 5
    assert [s for _d, s in ranking.top] == sorted((s for _d, s in ranking.top), reverse=True)


def _phrase_truth(searcher, words: list[str], slop: int) -> set[int]:
    found = set()
    for docnum in range(searcher.doc_count_all()):
        if searcher.reader().is_deleted(docnum):
            continue
        terms = stored_body_terms(searcher.stored_fields(docnum))
        places = [[i for i, term in enumerate(terms) if term == word] for word in words]
        spans = [(p, p) for p in places[0]]
        for after in places[1:]:
            spans = [(s, p) for s, e in spans for p in after if 1 <= p - e <= slop]
        if spans:
            found.add(docnum)
    return found


@pytest.mark.parametrize(
    "text",
    [
        '"human rights"',
        '"rights human"',
        '"human rights treaty"',
        '"treaty treaty"',
        '"data privacy"~3',
    ],
)
def test_phrases_match_the_documents_terms(opened, text: str) -> None:
    searcher, builder = opened
    parsed = builder.parse(text, searcher.reader())
    assert isinstance(parsed.query, query.Phrase)
    ours = Ranker(searcher).scores(parsed.query)
    expected = _phrase_truth(searcher, list(parsed.query.words), parsed.query.slop)
    assert expected, "the test collection should hold this phrase"
    assert ours.keys() == expected
    # A phrase scores as the sum of its words' scores, as Whoosh's phrase matcher does.
    word_scores = [_whoosh_scores(searcher, query.Term("body", w)) for w in parsed.query.words]
    assert ours == pytest.approx({d: sum(s[d] for s in word_scores) for d in expected})


def test_the_slow_paths_give_the_same_results(opened, monkeypatch: pytest.MonkeyPatch) -> None:
    searcher, builder = opened
    texts = ["treaty signed", '"human rights"', '"data privacy"~3', "treaty OR hanoi"]
    fast = [Ranker(searcher).scores(builder.parse(t, searcher.reader()).query) for t in texts]
    _break_the_fast_paths(monkeypatch)
    FALLBACKS.reset()
    slow = [Ranker(searcher).scores(builder.parse(t, searcher.reader()).query) for t in texts]
    assert slow == fast
    assert set(FALLBACKS.counts()) == {
        postings.POSTINGS_FALLBACK,
        lengths.LENGTHS_FALLBACK,
        columns.COLUMN_FALLBACK,
    }
    FALLBACKS.reset()


def _break_the_fast_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make each fast path's precondition fail as a Whoosh release could: an internal
    renamed, a private name gone, a reader of another class."""
    monkeypatch.setattr(postings, "BLOCK_ATTRIBUTES", ("_renamed_by_a_new_whoosh",))
    monkeypatch.setattr(lengths, "lenfield", None)
    original = sequences.SequenceColumn.__init__

    class PublicColumn:
        """A column reader offering only the public interface."""

        def __init__(self, values) -> None:
            self.values = values

        def __getitem__(self, docnum: int) -> bytes:
            return self.values[docnum]

    def public_only(self, reader, column):
        original(self, reader, column)
        self.values = PublicColumn(self.values)
        self.in_place = columns.column_buffer(self.values)

    monkeypatch.setattr(sequences.SequenceColumn, "__init__", public_only)


def _index_of(tmp_path: Path, articles: dict[str, str]) -> Searcher:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    refresh(tmp_path / "index", [folder], workers=1)
    return Searcher(tmp_path / "index")


def test_a_phrase_never_runs_from_one_article_into_the_next(tmp_path: Path) -> None:
    searcher = _index_of(
        tmp_path,
        {
            "a.txt": "First report\n\nDelegates praised the treaty zeta.\n",
            "b.txt": "Omega delegates\n\nOmega said the treaty was signed.\n",
        },
    )
    assert searcher.search('"zeta omega"').total == 0
    assert searcher.search('"treaty zeta"').total == 1


def test_a_word_whose_code_another_word_shares_is_still_matched_exactly(
    tmp_path: Path,
) -> None:
    # "plumless" and "buckeroo" have the same CRC-32.
    assert sequences.term_code("plumless") == sequences.term_code("buckeroo")
    searcher = _index_of(
        tmp_path,
        {
            "a.txt": "Plumless report\n\nThe plumless rights were discussed.\n",
            "b.txt": "Buckeroo report\n\nThe buckeroo rights were discussed.\n",
            "c.txt": "Both report\n\nA buckeroo spoke of plumless rights.\n",
        },
    )
    result = searcher.search('"plumless rights"')
    assert sorted(hit.id for hit in result.hits) == ["articles/a.txt", "articles/c.txt"]
    assert searcher.search('"buckeroo rights"').total == 1


@pytest.mark.parametrize(
    ("limit", "expected"),
    [(0, []), (1, [(3, 2.0)]), (2, [(3, 2.0), (1, 1.0)]), (3, [(3, 2.0), (1, 1.0), (2, 1.0)])],
)
def test_the_best_matches_break_ties_by_document_number(limit: int, expected: list) -> None:
    scores = {5: 1.0, 9: 0.5, 2: 1.0, 3: 2.0, 1: 1.0}
    assert best(scores, limit) == expected


def test_the_best_matches_agree_with_a_full_sort() -> None:
    """Many ties, few, none; limits below, at and above the number of matches."""
    rng = random.Random(5)
    for trial in range(200):
        size = rng.choice([0, 1, 5, 30, 300])
        spread = rng.choice([1, 3, 50, 10**6])
        numbers = rng.sample(range(10 * size + 1), size)
        scores = {d: rng.randrange(spread) / 7 for d in numbers}
        for limit in (0, 1, 10, 30, 400):
            expected = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
            assert best(scores, limit) == expected, (trial, limit)


def test_a_near_pattern_agrees_with_the_positions() -> None:
    """Sloppy phrases (``"a b"~N``) are one pattern search a document; it finds what
    the walk over the words' positions finds."""
    import random

    from treatytui.search.ranking import _near
    from treatytui.search.sequences import contains, encode_terms, near_pattern

    rng = random.Random(13)
    vocabulary = ["human", "right", "treati", "hanoi", "sign", "data"]
    checked = 0
    for _ in range(3_000):
        words = rng.sample(vocabulary, rng.randint(2, 3))
        slop = rng.choice([1, 2, 3, 5, 10])
        pattern = near_pattern(words, slop)
        assert pattern is not None
        codes = encode_terms(rng.choice(vocabulary) for _ in range(rng.randint(0, 40)))
        assert contains(codes, pattern) == _near(codes, words, slop), (words, slop)
        checked += contains(codes, pattern)
    assert checked > 300  # both answers were seen
    assert near_pattern(["a", "b", "c", "d"], 50) is None  # too many ways to try
