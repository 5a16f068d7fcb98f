"""Searching articles in other languages: accents, ligatures and ß fold as English ones do,
and facts with the keys of issue 11 (`year_known`, `month`, `day`, `lang`) round-trip
through the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatytui.search.analysis import fold, index_terms
from treatytui.search.indexer import refresh
from treatytui.search.searcher import Searcher

ARTICLES = {
    "brasilia.txt": "Os chanceleres reúnem-se em Brasília nos dias 28 e 29 de abril.\n",
    "reunion.txt": "La réunion des ministres s'est tenue à Genève le 12 septembre 2025.\n",
    "halong.txt": "Hội nghị diễn ra tại Hạ Long, các đại biểu đã đến Đà Nẵng.\n",
    "strasse.txt": "Die Konferenz findet in der Friedrichstraße statt, am 3. März.\n",
    "oeuvre.txt": "Le chef-d'œuvre de la diplomatie, selon les délégués des pays.\n",
    "yearless.txt": "Expertos de los países debatieron el 8 de febrero las reglas del tratado.\n",
}


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Brasília", "brasilia"),
        ("réunion", "reunion"),
        ("Hạ", "ha"),
        ("Đà", "da"),
        ("Nẵng", "nang"),
        ("Straße", "strasse"),
        ("œuvre", "oeuvre"),
        ("İstanbul", "istanbul"),
        ("Bogota\u0301", "bogota"),
        ("ﬁnal", "final"),
        ("São", "sao"),
        ("Zariņš", "zarins"),
    ],
)
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_accented_and_plain_spellings_make_the_same_terms() -> None:
    assert index_terms("Brasília réunion Straße") == index_terms("Brasilia reunion Strasse")


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("languages")
    folder = base / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    refresh(base / "index", [folder], workers=1)
    searcher = Searcher(base / "index")
    yield searcher
    searcher.close()


def _ids(searcher: Searcher, query: str) -> set[str]:
    return {Path(hit.id).name for hit in searcher.search(query).hits}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Brasilia", "brasilia.txt"),
        ("Brasília", "brasilia.txt"),
        ("reunion", "reunion.txt"),
        ("Geneve", "reunion.txt"),
        ('"Ha Long"', "halong.txt"),
        ("Da Nang", "halong.txt"),
        ("Friedrichstrasse", "strasse.txt"),
        ("oeuvre", "oeuvre.txt"),
    ],
)
def test_plain_letters_find_accented_words(searcher: Searcher, query: str, found: str) -> None:
    assert _ids(searcher, query) == {found}


def test_stored_facts_keep_the_new_keys(searcher: Searcher) -> None:
    stored = {Path(a.id).name: a for a in searcher.iter_facts()}
    (fact,) = [f for f in stored["yearless.txt"].facts if f.kind == "date"]
    assert (fact.get("date_from"), fact.get("date_to")) == (None, None)
    assert (fact.get("year_known"), fact.get("month"), fact.get("day")) == (False, 2, 8)
    assert fact.get("lang") == "es"
    brasilia = [f for f in stored["brasilia.txt"].facts if f.kind == "date"]
    assert [(f.get("lang"), f.get("month"), f.get("day")) for f in brasilia] == [("pt", 4, 28)]
