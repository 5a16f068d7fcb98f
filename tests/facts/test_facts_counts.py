"""Count facts: every form issue 3 lists, qualifiers, and what is not a count."""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.counts import extract_counts
from treatytui.facts.numbers import parse_number
from treatytui.facts.sentences import SentenceIndex


def _counts(text: str) -> list[tuple[str, int, str, str]]:
    article = Article(id="test.txt", path="/tmp/test.txt", text=text)
    facts = extract_counts(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence
    return [(f.text, f.get("value"), f.get("qualifier"), f.get("unit")) for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Envoys of 63 countries queued to sign.", ("63 countries", 63, "exact", "countries")),
        (
            "The ceremony drew more than 110 countries to the capital.",
            ("more than 110 countries", 110, "more_than", "countries"),
        ),
        (
            "So far nearly 60 countries have confirmed ministers.",
            ("nearly 60 countries", 60, "nearly", "countries"),
        ),
        (
            "Around 45 nations sent experts to the workshop.",
            ("Around 45 nations", 45, "about", "nations"),
        ),
        (
            "The expo hosted over 1,500 participants this week.",
            ("over 1,500 participants", 1500, "more_than", "participants"),
        ),
        ("Forty-two states backed the text.", ("Forty-two states", 42, "exact", "states")),
        (
            "Only eleven member states raised objections.",
            ("eleven member states", 11, "exact", "member states"),
        ),
        ("Organisers registered 3,200 delegates.", ("3,200 delegates", 3200, "exact", "delegates")),
        (
            "The minister addressed representatives of 80 countries.",
            ("80 countries", 80, "exact", "countries"),
        ),
        (
            "The text was signed by 47 countries and regional organisations.",
            (
                "47 countries and regional organisations",
                47,
                "exact",
                "countries and regional organisations",
            ),
        ),
        ("The treaty now has 58 signatories.", ("58 signatories", 58, "exact", "signatories")),
        ("The plenary heard 23 statements.", ("23 statements", 23, "exact", "statements")),
        ("The list had over 40 speakers.", ("over 40 speakers", 40, "more_than", "speakers")),
        ("Two leaders shook hands at the summit.", ("Two leaders", 2, "exact", "leaders")),
        ("Sixty-five states signed.", ("Sixty-five states", 65, "exact", "states")),
        ("A dozen delegations walked out.", ("A dozen delegations", 12, "exact", "delegations")),
        (
            "Some 30 African countries joined the call.",
            ("Some 30 African countries", 30, "about", "countries"),
        ),
    ],
)
def test_count_forms(text: str, expected: tuple[str, int, str, str]) -> None:
    assert _counts(text) == [expected]


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("more than 30 countries", "more_than"),
        ("over 30 countries", "more_than"),
        ("above 30 countries", "more_than"),
        ("upwards of 30 countries", "more_than"),
        ("at least 30 countries", "at_least"),
        ("no fewer than 30 countries", "at_least"),
        ("30 or more countries", "at_least"),
        ("nearly 30 countries", "nearly"),
        ("almost 30 countries", "nearly"),
        ("close to 30 countries", "nearly"),
        ("just under 30 countries", "nearly"),
        ("about 30 countries", "about"),
        ("around 30 countries", "about"),
        ("some 30 countries", "about"),
        ("approximately 30 countries", "about"),
        ("roughly 30 countries", "about"),
        ("an estimated 30 countries", "about"),
        ("fewer than 30 countries", "fewer_than"),
        ("less than 30 countries", "fewer_than"),
        ("under 30 countries", "fewer_than"),
        ("up to 30 countries", "up_to"),
        ("as many as 30 countries", "up_to"),
        ("30-plus countries", "more_than"),
    ],
)
def test_qualifiers(phrase: str, qualifier: str) -> None:
    assert _counts(f"The meeting gathered {phrase} on Monday.") == [
        (phrase, 30, qualifier, "countries")
    ]


def test_range_keeps_both_bounds() -> None:
    text = "Officials expect some 20 to 25 countries at the table."
    article = Article(id="t", path="t", text=text)
    (fact,) = extract_counts(article, SentenceIndex(article))
    assert fact.text == "some 20 to 25 countries"
    assert fact.attrs == {
        "value": 20,
        "qualifier": "about",
        "unit": "countries",
        "value_to": 25,
        "role": "participants",
    }


def test_range_without_qualifier_is_at_least() -> None:
    assert _counts("Between them, 20-25 countries signed.")[0][1:3] == (20, "at_least")


@pytest.mark.parametrize(
    "text",
    [
        "The fund holds $40 million for 12 programmes.",
        "Only 40 percent of countries have such laws.",
        "A 45-year-old analyst and a man aged 60 were charged.",
        "The 63rd Annual Session opened on time.",
        "It passed in a 101-45 vote with 20 abstentions.",
        "The G7 and the G20 welcomed it.",
        "Article 40 states that each party shall cooperate.",
        "In 2024 countries agreed on a text.",
        "The body was founded nearly seven decades ago.",
        "It is one of the national priorities.",
        "Uganda hosts the meeting for a second time.",
        "Some two billion people lack broadband.",
        "One country objected.",
        "The two leaders discussed ways to deepen cooperation.",
        "Both ministers praised the host.",
        "Twelve officials were later sanctioned by the court.",
        "Once countries ratify it, the treaty binds them.",
    ],
)
def test_not_counts(text: str) -> None:
    assert _counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("With 120 states voting in favour, the text passed.", [(120, "states")]),
        (
            # the 49 that voted against are countries too (their noun left out)
            "It adjourned after 57 countries voted to adjourn and 49 voted against.",
            [(57, "countries"), (49, "countries")],
        ),
        ("La résolution a été adoptée, 95 pays ayant voté pour.", [(95, "pays")]),
        ("El texto fue aprobado con 30 países a favor.", [(30, "países")]),
    ],
)
def test_countries_that_vote_are_counted(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(value, unit) for _, value, _, unit in _counts(text)] == expected


def test_people_count_only_when_they_take_part() -> None:
    assert _counts("More than 2,000 people attended the opening.")[0][1:] == (
        2000,
        "more_than",
        "people",
    )


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("sixty-five", 65),
        ("forty two", 42),
        ("eleven", 11),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two hundred", 200),
        ("two hundred and fifty", 250),
        ("three thousand", 3000),
        ("1,500", 1500),
        ("1.5 million", 1_500_000),
        ("seventeen", 17),
        ("lots", None),
        ("1.5", None),
    ],
)
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value
