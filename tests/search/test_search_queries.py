"""The query language, ranking, snippets and suggestions, on the seeds and test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatytui.search.results import QueryError
from treatytui.search.searcher import Searcher, highlight_spans

SEED_LAOS = "seeds/000_d9b2f0b984d1a4ec.txt"
SEED_AALCO = "seeds/003_1a7183f8b07ea888.txt"


@pytest.fixture(scope="module")
def searcher(built_seed_index: Path):
    searcher = Searcher(built_seed_index)
    yield searcher
    searcher.close()


def ids(result) -> set[str]:
    return {hit.id for hit in result.hits}


def test_words_must_all_match(searcher: Searcher) -> None:
    assert ids(searcher.search("Thongloun Hanoi")) == {SEED_LAOS}
    assert searcher.search("Thongloun Kampala").total == 0


def test_stemming_and_accent_folding(searcher: Searcher) -> None:
    assert SEED_LAOS in ids(searcher.search("signed"))  # the text says "signing"/"signs"
    assert SEED_LAOS in ids(searcher.search("Antonio"))  # the text says "António"
    assert SEED_AALCO in ids(searcher.search("António"))  # and this one "Antonio"


def test_or_not_and_minus(searcher: Searcher) -> None:
    either = ids(searcher.search("Thongloun OR Munyonyo"))
    assert {SEED_LAOS, SEED_AALCO} <= either
    assert SEED_LAOS not in ids(searcher.search("convention NOT Thongloun"))
    assert SEED_LAOS not in ids(searcher.search("convention -Thongloun"))
    assert SEED_AALCO in ids(searcher.search("convention -Thongloun"))


def test_phrase(searcher: Searcher) -> None:
    assert ids(searcher.search('"Road to Hanoi"')) == {SEED_AALCO}
    assert searcher.search('"Kampala Road"').total == 0


def test_fields(searcher: Searcher) -> None:
    assert ids(searcher.search("title:Laos")) == {SEED_LAOS}
    assert "articles/geneva-talks.html" in ids(searcher.search("source:geneva"))
    assert ids(searcher.search("source:vientiane")) == {SEED_LAOS}


def test_wildcard_and_fuzzy(searcher: Searcher) -> None:
    assert SEED_AALCO in ids(searcher.search("Munyo*"))
    assert SEED_LAOS in ids(searcher.search("Thonglon~"))
    assert SEED_LAOS in ids(searcher.search("Guteres~"))


def test_date_ranges(searcher: Searcher) -> None:
    october = ids(searcher.search("published:2025-10"))
    assert SEED_LAOS in october and "articles/hanoi-preview.md" not in october
    ranged = ids(searcher.search("published:[2025-09-01 to 2025-09-30]"))
    assert "articles/hanoi-preview.md" in ranged and SEED_LAOS not in ranged
    later = ids(searcher.search("convention published:>2025-10"))
    assert "articles/geneva-talks.html" in later and SEED_LAOS not in later
    # Open-ended ranges.
    assert ids(searcher.search("published:[2025-11 to]")) == {"articles/geneva-talks.html"}
    assert "articles/geneva-talks.html" not in ids(searcher.search("published:[to 2025-10]"))


def test_typed_prefix_finds_the_word_being_typed(searcher: Searcher) -> None:
    result = searcher.search("Kamp", as_you_type=True)
    assert SEED_AALCO in ids(result)
    assert searcher.search("Kamp").total == 0  # a finished word is a word
    signing = searcher.search("signin", as_you_type=True)
    assert SEED_LAOS in ids(signing)


def test_typing_a_first_letter_asks_for_more(searcher: Searcher) -> None:
    with pytest.raises(QueryError, match="keep typing"):
        searcher.search("k", as_you_type=True)


@pytest.mark.parametrize("everything", ["", "  ", "*"])
def test_empty_query_lists_everything_newest_first(searcher: Searcher, everything: str) -> None:
    result = searcher.search(everything)
    assert result.total == searcher.count() == 6
    dates = [hit.published for hit in result.hits if hit.published]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_undated_articles_come_last_in_date_order(searcher: Searcher, sort: str) -> None:
    result = searcher.search("", sort=sort)  # type: ignore[arg-type]
    dated = [hit.published is not None for hit in result.hits]
    assert dated == sorted(dated, reverse=True) and not dated[-1]


def test_sort_by_date(searcher: Searcher) -> None:
    newest = searcher.search("convention", sort="newest")
    oldest = searcher.search("convention", sort="oldest")
    dated = [h.published for h in newest.hits if h.published]
    assert dated == sorted(dated, reverse=True)
    assert [h.id for h in oldest.hits if h.published] == [h.id for h in newest.hits if h.published][
        ::-1
    ]


def test_snippets_carry_highlight_offsets(searcher: Searcher) -> None:
    result = searcher.search("Guterres")
    assert result.hits
    for hit in result.hits:
        assert hit.snippet.highlights
        for start, end in hit.snippet.highlights:
            assert hit.snippet.text[start:end].lower() == "guterres"
        assert "\n" not in hit.snippet.text


def test_highlight_spans_in_article_text(searcher: Searcher) -> None:
    result = searcher.search("signed")
    stored = searcher.article(SEED_LAOS)
    assert stored is not None
    spans = highlight_spans(stored.article.text, result)
    words = {stored.article.text[s:e].lower() for s, e in spans}
    assert {"signs", "signing"} <= words


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Kampalla", "Kampala"),
        ("guteres", "Guterres"),  # the closest word, not the most frequent one
        ("conventoin", "Convention"),  # a misspelt ending, far from the stem "convent"
        ("Munyonyo Kampalla", "Munyonyo Kampala"),
        ("humen rights", "Human rights"),
        ("hxmxn rights", None),  # two edits are too many for a short word
        ("Vientianes", None),  # not "event", an edit away from its first five letters
    ],
)
def test_did_you_mean(searcher: Searcher, typed: str, meant: str | None) -> None:
    result = searcher.search(typed)
    assert result.total == 0
    assert result.suggestion == meant


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unclosed phrase', "closing quote"),
        ("colour:red", "no field .colour. — fields: title, source"),
        ("published:someday", "not a date"),
        ("published:[2025-01 to", "not a date"),
        ("(", "nothing to search"),
        ("OR", "nothing to search"),
        ("*a", "too broad"),
        ("the", "common words"),
    ],
)
def test_bad_queries_get_a_short_error(searcher: Searcher, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        searcher.search(query)


def test_article_comes_back_with_its_text_and_facts(searcher: Searcher) -> None:
    stored = searcher.article(SEED_AALCO)
    assert stored is not None
    assert "Speke Resort Munyonyo" in stored.article.text
    assert stored.facts
    for fact in stored.facts:
        assert stored.article.text[fact.start : fact.end] == fact.text
    assert searcher.article("no/such/article.txt") is None


def test_stored_facts_of_the_collection_and_of_a_query(searcher: Searcher) -> None:
    everything = searcher.iter_facts()
    assert len(everything) == searcher.count()
    dated = searcher.iter_facts(kinds=("date",))
    assert all(f.kind == "date" for a in dated for f in a.facts)
    aalco = {a.id: a for a in searcher.iter_facts("Munyonyo", kinds=("date",))}
    assert set(aalco) == {SEED_AALCO}
    assert ("2025-09-08", "2025-09-12") in {
        (f.get("date_from"), f.get("date_to")) for f in aalco[SEED_AALCO].facts
    }


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [
        ("guter", "guterr", None, 1),
        ("kampalla", "kampala", None, 1),
        ("convent", "conventoin", None, 3),
        ("convent", "conventoin", 2, 3),  # over the limit: limit + 1, found early
        ("", "abc", None, 3),
        ("hanoi", "hanoi", 0, 0),
    ],
)
def test_edit_distance(a: str, b: str, limit: int | None, expected: int) -> None:
    from treatytui.search.expansion import edit_distance

    assert edit_distance(a, b, limit) == expected


# -- a prefix matches only words that begin with it (issue 13, item 8) ------------------
PREFIX_ARTICLES = {
    "kam.txt": "Delegates met in Kam for the talks on the treaty.\n",
    "kampala.txt": "Delegates met in Kampala for the talks on the treaty.\n",
    "munyonyo.txt": "The Mun delegation met at Speke Resort Munyonyo for the treaty talks.\n",
    "signing.txt": "The signing of the treaty was delayed.\n",
    "signed.txt": "Officials signed the treaty.\n",
}


@pytest.fixture(scope="module")
def prefix_searcher(tmp_path_factory: pytest.TempPathFactory):
    from treatytui.search.indexer import refresh

    base = tmp_path_factory.mktemp("prefix-index")
    articles = base / "articles"
    articles.mkdir()
    for name, text in PREFIX_ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    refresh(base / "index", [articles], workers=1)
    searcher = Searcher(base / "index")
    yield searcher
    searcher.close()


def names(result) -> set[str]:
    return {hit.id.rsplit("/", 1)[-1] for hit in result.hits}


def test_an_explicit_prefix_never_matches_a_shorter_word(prefix_searcher: Searcher) -> None:
    assert names(prefix_searcher.search("kampal*")) == {"kampala.txt"}
    assert names(prefix_searcher.search("Munyo*")) == {"munyonyo.txt"}


def test_the_word_being_typed_never_matches_a_shorter_word(prefix_searcher: Searcher) -> None:
    assert names(prefix_searcher.search("kampal", as_you_type=True)) == {"kampala.txt"}
    assert names(prefix_searcher.search("kam", as_you_type=True)) == {"kam.txt", "kampala.txt"}


def test_a_prefix_highlights_only_words_that_begin_with_it(prefix_searcher: Searcher) -> None:
    for typed in (False, True):
        result = prefix_searcher.search("Munyo*" if not typed else "Munyo", as_you_type=typed)
        (hit,) = result.hits
        shown = {hit.snippet.text[s:e] for s, e in hit.snippet.highlights}
        assert shown == {"Munyonyo"}
        stored = prefix_searcher.article(hit.id)
        assert stored is not None
        spans = highlight_spans(stored.article.text, result)
        assert {stored.article.text[s:e] for s, e in spans} == {"Munyonyo"}


def test_a_prefix_still_finds_words_whose_stem_is_shorter(prefix_searcher: Searcher) -> None:
    # "signing" is indexed as its stem "sign": a word that begins with "signin" has it.
    assert "signing.txt" in names(prefix_searcher.search("signin*"))
    assert "signing.txt" in names(prefix_searcher.search("signin", as_you_type=True))
    assert names(prefix_searcher.search("signa*")) == set()  # no word: not "sign"
