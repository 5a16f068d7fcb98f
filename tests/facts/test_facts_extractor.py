"""The extractor: contract shape, ordering, overlaps, facets and the JSON of an article."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from treatytui.corpus.article import Article
from treatytui.facts import Fact, article_facts_json, extract, facets
from treatytui.facts.extractor import resolve_overlaps

TEXT = (
    "Envoys gather for the treaty\n"
    "More than 70 countries will sign the convention in Hanoi on October 25-26, "
    "officials said. Nearly 40 delegations arrived early, and the two leaders met "
    "on 24 October 2025.\n"
)

CONTRACT_FIELDS = {
    "date": ["date_from", "date_to", "precision"],
    "count": ["value", "qualifier", "unit"],
    "venue": ["name"],
    "person": ["name", "role"],
    "organization": ["name", "acronym"],
}


def _article(text: str = TEXT, published: date | None = date(2025, 9, 9)) -> Article:
    return Article(
        id="envoys.txt", path="/tmp/envoys.txt", text=text, title="Envoys", published=published
    )


def test_contract_shape_and_slices() -> None:
    article = _article()
    facts = extract(article)
    assert {f.kind for f in facts} >= {"date", "count"}
    for fact in facts:
        data = fact.to_dict()
        assert list(data)[:4] == ["kind", "text", "span", "sentence"]
        assert list(data)[4 : 4 + len(CONTRACT_FIELDS[fact.kind])] == CONTRACT_FIELDS[fact.kind]
        assert article.text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence


def test_ordered_by_span() -> None:
    facts = extract(_article())
    assert [f.span for f in facts] == sorted(f.span for f in facts)
    dates = [(f.text, f.get("date_from"), f.get("date_to")) for f in facts if f.kind == "date"]
    assert dates == [
        ("October 25-26", "2025-10-25", "2025-10-26"),
        ("24 October 2025", "2025-10-24", None),
    ]


def test_json_round_trip() -> None:
    article = _article()
    facts = extract(article)
    data = json.loads(json.dumps(article_facts_json(article, facts, "seeds/envoys.txt")))
    assert list(data) == ["path", "title", "published", "facts"]
    assert (data["path"], data["title"], data["published"]) == (
        "seeds/envoys.txt",
        "Envoys",
        "2025-09-09",
    )
    assert [Fact.from_dict(item) for item in data["facts"]] == facts


def test_unknown_publication_is_null() -> None:
    article = _article(published=None)
    assert article_facts_json(article, [], "a.txt")["published"] is None


def test_empty_and_blank_articles() -> None:
    assert extract(_article("")) == []
    assert extract(_article(" \n\t\n")) == []


def _fact(kind: str, start: int, end: int, **attrs: object) -> Fact:
    return Fact(kind, "x" * (end - start), start, end, "", dict(attrs))  # type: ignore[arg-type]


def test_overlaps_keep_the_longest() -> None:
    date_fact = _fact("date", 0, 13)
    count_inside = _fact("count", 7, 13)
    venue_in_org = _fact("venue", 20, 25)
    org = _fact("organization", 20, 40)
    assert set(resolve_overlaps([date_fact, count_inside, venue_in_org, org])) == {
        date_fact,
        org,
    }


def test_overlaps_keep_names_of_the_same_span() -> None:
    venue = _fact("venue", 0, 20)
    org = _fact("organization", 0, 20)
    assert len(resolve_overlaps([venue, org])) == 2


def test_facets() -> None:
    facts = [
        _fact("date", 0, 1, date_from="2024-12-30", date_to="2025-01-02", precision="day"),
        _fact("date", 2, 3, date_from="2025-10-25", date_to=None, precision="day"),
        _fact("count", 4, 5, value=3, qualifier="exact", unit="countries"),
        _fact("venue", 6, 7, name="Kampala"),
        _fact("venue", 8, 9, name="Hanoi"),
        _fact("venue", 10, 11, name="Hanoi"),
        _fact("person", 12, 13, name="Le Anh Tuan", role=None),
        _fact(
            "organization", 14, 15, name="United Nations Office on Drugs and Crime", acronym="UNODC"
        ),
        _fact("organization", 16, 17, name="Interpol", acronym=None),
    ]
    assert facets(facts) == {
        "venue": ["Hanoi", "Kampala"],
        "year": ["2024", "2025"],
        "person": ["Le Anh Tuan"],
        "organization": ["Interpol", "UNODC", "United Nations Office on Drugs and Crime"],
        "unit": ["countries"],
    }


def test_facets_of_nothing() -> None:
    assert facets([]) == {"venue": [], "year": [], "person": [], "organization": [], "unit": []}


def test_package_import_is_light() -> None:
    code = (
        "import sys, treatytui.facts; "
        "heavy = ('treatytui.facts.extractor', 'treatytui.corpus', 'whoosh', 'textual'); "
        "print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
