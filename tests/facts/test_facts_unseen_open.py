"""Date and count forms the fresh held-out set (tests/facts/dev2) showed, all settled: a
bare year of an event is a year (``facts/event_years.py``), an adjective between number
and noun is read, and a vote tally is, by design, not a count."""

from __future__ import annotations

from datetime import date

from treatytui.corpus.article import Article
from treatytui.facts import extract


def _facts(text: str, kind: str, published: date = date(2026, 2, 25)) -> list:
    article = Article(id="t.txt", path="/tmp/t.txt", text=text, published=published)
    return [f for f in extract(article) if f.kind == kind]


def test_bare_years_of_past_meetings_in_french() -> None:
    text = (
        "Les deux conférences d'examen précédentes, en 2015 et en 2022, s'étaient achevées "
        "sans document final, ont rappelé les délégations réunies à New York."
    )
    years = {(f.get("date_from"), f.get("precision")) for f in _facts(text, "date")}
    assert {("2015-01-01", "year"), ("2022-01-01", "year")} <= years


def test_vote_tallies_are_results_not_counts_but_voting_countries_are() -> None:
    # By design (counts.py): a tally counts votes, not anyone present; the countries that
    # voted are a count (the figures view puts them under "adopted").
    text = (
        "The Assembly adopted the resolution by 140 votes to 11, with 20 abstentions, after "
        "a long debate. In all, 112 countries voting in favour sponsored the text."
    )
    values = {f.get("value") for f in _facts(text, "count")}
    assert values == {112}


def test_adjective_between_number_and_noun() -> None:
    text = (
        "Quelque 25 nouvelles candidatures seront examinées par les 21 États membres du "
        "comité réunis à Paris."
    )
    values = {f.get("value") for f in _facts(text, "count")}
    assert 25 in values
