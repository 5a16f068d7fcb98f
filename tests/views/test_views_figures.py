"""Figures compared: counts grouped by quantity and verb, dated, disagreements marked."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from views_articles import article, count, dated, load_test_articles

from treatytui.views.figures import (
    Figure,
    FigureGroup,
    build_figures,
    classify_verb,
    normalise_unit,
)


@pytest.fixture
def groups(collection_dir: Path) -> list[FigureGroup]:
    return build_figures(load_test_articles(collection_dir))


def group(groups: list[FigureGroup], title: str) -> FigureGroup:
    (found,) = [g for g in groups if g.title == title]
    return found


def test_groups_by_quantity_and_verb(groups: list[FigureGroup]) -> None:
    titles = [g.title for g in groups]
    assert titles[:4] == [
        "countries · signed",
        "countries · attended",
        "countries · confirmed",
        "countries · expected",
    ]
    assert "delegates · attended" in titles
    # "63 countries and the European Union", "more than 110", "nearly 60" side by side.
    labels = {f.label for g in groups if g.unit == "countries" for f in g.figures}
    assert {"63 countries", "more than 110 countries", "nearly 60 countries"} <= labels


def test_same_quantity_same_date_different_values_disagree(groups: list[FigureGroup]) -> None:
    signed = group(groups, "countries · signed")
    on_the_day = [f for f in signed.figures if f.date_from == date(2025, 10, 25)]
    assert sorted(f.value for f in on_the_day) == [68, 72, 72]
    assert all(f.disagrees and f.dated_by == "sentence" for f in on_the_day)
    assert signed.disagreements == 3
    # 63 (27 Oct) and 65 (3 Nov) are dated by publication and meet nobody on their day.
    later = [f for f in signed.figures if f.date_from != date(2025, 10, 25)]
    assert [(f.value, f.dated_by, f.disagrees) for f in later] == [
        (63, "published", False),
        (65, "published", False),
    ]


def test_same_figure_on_two_dates_agrees(groups: list[FigureGroup]) -> None:
    confirmed = group(groups, "countries · confirmed")
    assert [f.label for f in confirmed.figures] == ["nearly 60 countries"] * 2
    assert confirmed.disagreements == 0


def test_units_keep_their_wording_in_labels(groups: list[FigureGroup]) -> None:
    delegates = group(groups, "delegates · attended")
    assert {f.label for f in delegates.figures} == {
        "more than 100 delegations",
        "about 1,000 delegates",
    }


@pytest.mark.parametrize(
    ("unit", "quantity"),
    [
        ("member states", "countries"),
        ("Nations", "countries"),
        ("states", "countries"),
        ("delegations", "delegates"),
        ("representatives", "delegates"),
        ("participants", "delegates"),
        ("signatories", "signatories"),
        ("heads of state", "leaders"),
        ("speakers", "speakers"),
        ("statements", "statements"),
        ("lawyers", "lawyers"),
    ],
)
def test_normalise_unit(unit: str, quantity: str) -> None:
    assert normalise_unit(unit) == quantity


@pytest.mark.parametrize(
    ("sentence", "text", "verb"),
    [
        ("Only 65 countries signed in Hanoi.", "65 countries", "signed"),
        ("Laos has joined 63 countries and the European Union in signing it.", "63 countries",
         "signed"),
        ("The ceremony brought together representatives from more than 110 countries.",
         "more than 110 countries", "attended"),
        ("Organisers expect more than 100 countries at the signing ceremony.",
         "more than 100 countries", "expected"),
        ("Nearly 60 countries have already confirmed participation.", "60 countries",
         "confirmed"),
        ("So far 12 countries have ratified the convention.", "12 countries", "ratified"),
        ("About 40 speakers took the floor.", "40 speakers", "attended"),
        ("Some 30 countries will attend.", "30 countries", "expected"),
        ("The two leaders discussed cooperation.", "two leaders", "reported"),
    ],
)  # fmt: skip
def test_classify_verb(sentence: str, text: str, verb: str) -> None:
    assert classify_verb(sentence, text) == verb


def figures_on_one_day(*counts: tuple[str, int, str]) -> FigureGroup:
    articles = []
    for n, (text, value, qualifier) in enumerate(counts):
        sentence = f"{text} signed the convention on 25 October 2025."
        articles.append(
            article(
                f"a{n}",
                count(text, sentence, value, "countries", qualifier),
                dated("25 October 2025", sentence, "2025-10-25"),
            )
        )
    (only,) = build_figures(articles)
    return only


@pytest.mark.parametrize(
    ("counts", "disagreeing"),
    [
        ([("More than 110 countries", 110, "more_than"), ("110 countries", 110, "exact")], []),
        ([("More than 110 countries", 110, "more_than"), ("100 countries", 100, "exact")],
         [100, 110]),
        ([("Nearly 60 countries", 60, "nearly"), ("57 countries", 57, "exact")], []),
        ([("Nearly 60 countries", 60, "nearly"), ("61 countries", 61, "exact")], [60, 61]),
        ([("About 60 countries", 60, "about"), ("65 countries", 65, "exact")], []),
        ([("Up to 50 countries", 50, "up_to"), ("At least 40 countries", 40, "at_least")], []),
        ([("68 countries", 68, "exact"), ("72 countries", 72, "exact"),
          ("More than 70 countries", 70, "more_than")], [68, 70, 72]),
    ],
)  # fmt: skip
def test_qualifiers_decide_disagreement(
    counts: list[tuple[str, int, str]], disagreeing: list[int]
) -> None:
    # The last case: 68 meets neither 72 nor "more than 70"; 72 and "more than 70" agree
    # with each other but each disagrees with 68, so all three are marked.
    figures = figures_on_one_day(*counts).figures
    assert sorted(int(f.value) for f in figures if f.disagrees) == disagreeing


def test_figure_without_any_date() -> None:
    sentence = "Delegates from 30 countries signed."
    (only,) = build_figures([article("a", count("30 countries", sentence, 30, "countries"))])
    (figure,) = only.figures
    assert isinstance(figure, Figure)
    assert figure.date_from is None and figure.dated_by == "" and figure.date_label == ""


def test_nearest_date_of_the_sentence_dates_the_figure() -> None:
    sentence = "In all 30 countries signed on 3 May 2025, after talks that began on 1 May 2025."
    (only,) = build_figures(
        [
            article(
                "a",
                dated("1 May 2025", sentence, "2025-05-01"),
                count("30 countries", sentence, 30, "countries"),
                dated("3 May 2025", sentence, "2025-05-03"),
                published=date(2025, 5, 9),
            )
        ]
    )
    assert only.figures[0].date_from == date(2025, 5, 3)


def test_filter_figures_by_dates_and_text(groups: list[FigureGroup]) -> None:
    from treatytui.views.dates import parse_date_range
    from treatytui.views.figures import filter_figures

    on_the_day = filter_figures(groups, parse_date_range("2025-10-25"))
    assert {g.title for g in on_the_day} >= {"countries · signed", "countries · expected"}
    signed = next(g for g in on_the_day if g.title == "countries · signed")
    assert sorted(f.value for f in signed.figures) == [68, 72, 72]
    assert signed.disagreements == 3  # marked against the whole collection
    by_source = filter_figures(groups, text="vientiane times")
    # ("the two leaders discussed..." is no participant count: issue 14)
    assert {f.label for g in by_source for f in g.figures} == {
        "63 countries",
        "more than 110 countries",
    }
    assert filter_figures(groups) == groups


def _with_role(fact, role: str):  # type: ignore[no-untyped-def]
    return dataclasses.replace(fact, attrs={**fact.attrs, "role": role})


def test_thresholds_and_totals_are_never_compared_with_attendance() -> None:
    day = date(2025, 11, 14)
    came = "Delegates from 60 countries attended the opening."
    needed = "The treaty enters into force once 40 countries have ratified it."
    members = "The text was adopted by the UN's 193 Member States."
    groups = build_figures(
        [
            article("a", count("60 countries", came, 60, "countries"), published=day),
            article(
                "b",
                _with_role(count("40 countries", needed, 40, "countries"), "threshold"),
                published=day,
            ),
            article(
                "c",
                _with_role(count("193 Member States", members, 193, "member states"), "total"),
                published=day,
            ),
        ]
    )
    titles = [g.title for g in groups]
    assert titles == ["countries · attended", "countries · in total",
                      "countries · needed to enter into force"]  # fmt: skip
    assert [g.role for g in groups] == ["participants", "total", "threshold"]
    assert not any(f.disagrees for g in groups for f in g.figures)


def test_units_of_other_languages_group_with_english_ones() -> None:
    day = date(2025, 9, 9)
    groups = build_figures(
        [
            article("a", count("60 countries", "60 countries attended.", 60, "countries"),
                    published=day),
            article("b", count("60 pays", "60 pays ont participé.", 60, "pays"), published=day),
            article("c", count("60 países", "60 países asistieron.", 60, "países"),
                    published=day),
        ]
    )  # fmt: skip
    assert {g.unit for g in groups} == {"countries"}
    assert normalise_unit("chefs d’État") == "leaders"
