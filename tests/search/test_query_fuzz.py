"""The query language is total: thousands of hostile queries, and only QueryError comes out.

The queries come from a seeded, grammar-aware generator (``fuzz_queries``); the index is a
generated collection built once for the module. How long each query takes at 10,000
articles is measured by ``benchmarks/bench_query_fuzz.py``, not here.
"""

from __future__ import annotations

import importlib.util
import time
from collections import Counter
from pathlib import Path

import pytest
from fuzz_queries import QueryGenerator

from treatytui.cli import main
from treatytui.search.limits import MAX_DEPTH, MAX_TERMS, Deadline, QueryTooBroad
from treatytui.search.results import QueryError
from treatytui.search.searcher import Searcher

ARTICLES = 400
QUERIES = 2_000
SORTS = ("relevance", "relevance", "newest", "oldest")
ODD_ARTICLES = {
    "kam.txt": "Delegates met in Kam for the talks on the treaty.\n",
    "long-word.txt": "A token " + "x" * 5_000 + " and " + "ab" * 300 + " in an article.\n",
    "unicode.txt": "Ωμέγα 中文 Привет António İstanbul straße ﬁnance e\u0301te\n",
}


def _synthetic():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("synthetic", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fuzz_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from treatytui.search.indexer import refresh

    base = tmp_path_factory.mktemp("fuzz-index")
    articles = _synthetic().write_collection(base / "articles", ARTICLES)
    for name, text in ODD_ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    refresh(base / "index", [articles], workers=1)
    return base / "index"


@pytest.fixture(scope="module")
def searcher(fuzz_index: Path):
    searcher = Searcher(fuzz_index)
    yield searcher
    searcher.close()


@pytest.mark.slow
def test_fuzzed_queries_raise_nothing_but_query_errors(searcher: Searcher) -> None:
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    for number, text in enumerate(QueryGenerator(seed=2026).queries(QUERIES)):
        try:
            searcher.search(text, limit=10, sort=SORTS[number % 4], as_you_type=number % 3 == 0)
            outcomes["ok"] += 1
        except QueryError:
            outcomes["QueryError"] += 1
        except Exception as error:  # what the test is looking for
            failures.append(f"{text[:80]!r}: {type(error).__name__}: {error}"[:300])
    assert not failures, f"{len(failures)} of {QUERIES}: " + "\n".join(failures[:20])
    # The generator reaches both sides: queries that run and queries refused.
    assert outcomes["ok"] > QUERIES // 4 and outcomes["QueryError"] > QUERIES // 20


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("text:hanoi", "no field 'text' — fields: title, source"),
        ("url:x", "no field 'url'"),
        ("meta:", "no field 'meta'"),
        ("facts:venue", "no field 'facts'"),
        ("url:[a TO b]", "no field 'url'"),
        ("NOT AND hanoi", "check its operators"),
        ("(" * 300 + "hanoi" + ")" * 300, f"at most {MAX_DEPTH} levels"),
        ("(" * 1000 + "hanoi" + ")" * 1000, "too long"),
        (" ".join(f"w{n}x" for n in range(MAX_TERMS + 1)), f"at most {MAX_TERMS}"),
        (" ".join(["hanoi"] * (2 * MAX_TERMS + 1)), f"at most {MAX_TERMS}"),
        ("x" * 100_000, "too long"),
        ("{a TO z}", "covers more than"),
        ("hanoi~9", "too loose"),
    ],
    ids=lambda value: repr(value[:30]) if isinstance(value, str) else None,
)
def test_known_bad_queries_get_a_clear_message(searcher: Searcher, text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        searcher.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "conventionconventionconvention",
        "zzzzzzzzzzzzzzzzzzzz",
        "hanoi" * 100,
        " ".join(["qwzxv"] * 40),
        "*ab* OR *ka* OR *ve*",
        '"treaty convention states"~50',
    ],
    ids=lambda value: repr(value[:30]),
)
def test_slow_queries_of_the_issue_now_run(searcher: Searcher, text: str) -> None:
    result = searcher.search(text)
    assert result.total >= 0


def test_a_word_that_is_not_a_field_name_is_a_word(searcher: Searcher) -> None:
    # Only letters make a field name: "10:30" and "ñ:" are words.
    assert searcher.search("talks 10:30").total == searcher.search("talks 10 30").total
    searcher.search("ñ:treaty")
    # A field name is read whatever its case.
    assert searcher.search("TITLE:talks").total == searcher.search("title:talks").total


def test_a_lone_star_beside_words_is_no_wildcard(searcher: Searcher) -> None:
    assert searcher.search("Kam *").total == searcher.search("Kam").total == 1


def test_control_characters_are_spaces(searcher: Searcher) -> None:
    assert searcher.search("Kam\x00\x1b\u009b\u200b").total == 1


def test_the_ranker_stops_at_its_deadline(fuzz_index: Path) -> None:
    from whoosh import index as whoosh_index
    from whoosh import query

    from treatytui.search.location import IndexLocation
    from treatytui.search.ranking import Ranker

    folder = IndexLocation(fuzz_index).live_generation()
    assert folder is not None
    with whoosh_index.open_dir(str(folder), readonly=True).searcher() as whoosh_searcher:
        expired = Deadline(seconds=-1)
        with pytest.raises(QueryTooBroad, match="query too broad"):
            Ranker(whoosh_searcher).rank(query.Term("body", "treati"), 10, expired)


def test_a_cancelled_search_stops_at_once(searcher: Searcher) -> None:
    from treatytui.search.limits import SearchCancelled

    started = time.perf_counter()
    with pytest.raises(SearchCancelled):
        searcher.search("treaty OR convention OR states", cancelled=lambda: True)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "text",
    ["text:hanoi", "NOT AND hanoi", "(" * 1000 + "x" + ")" * 1000, "{a TO z}", "\x1b[2J"],
    ids=lambda value: repr(value[:30]),
)
def test_the_command_line_prints_no_traceback(fuzz_index: Path, text: str, capsys) -> None:
    status = main(["search", "--index", str(fuzz_index), text])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert status in (0, 1, 2)
    if status == 2:
        assert "query error" in captured.err
