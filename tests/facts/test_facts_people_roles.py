"""People: lower-case roles in apposition, lower-case titles, names in capitals; New York."""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article, Block
from treatytui.facts import extract


def _facts(text: str, blocks: tuple[Block, ...] = ()):
    article = Article(
        id="t.txt", path="/t.txt", text=text, blocks=blocks, published=date(2025, 9, 9)
    )
    facts = extract(article)
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return facts


def _people(text: str, blocks: tuple[Block, ...] = ()) -> dict[str, str | None]:
    return {f.get("name"): f.get("role") for f in _facts(text, blocks) if f.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Marta Quillen, a policy analyst at Access Now, said the treaty lacked safeguards.",
            "Marta Quillen",
            "policy analyst at Access Now",
        ),
        (
            "Tomas Berg, senior counsel at the Open Wires Institute, warned against the text.",
            "Tomas Berg",
            "senior counsel at the Open Wires Institute",
        ),
        (
            "The clause is too vague, said Ruth Amadi, a lawyer with the Digital Rights Desk.",
            "Ruth Amadi",
            "lawyer with the Digital Rights Desk",
        ),
        (
            "Pavel Orlov, an independent researcher, called the vote a turning point.",
            "Pavel Orlov",
            "independent researcher",
        ),
    ],
)
def test_lowercase_role_in_apposition(text: str, name: str, role: str) -> None:
    assert _people(text) == {name: role}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The draft was praised by analyst Jonah Pike and by spokesperson Ilse Varga.",
            {"Jonah Pike": "analyst", "Ilse Varga": "spokesperson"},
        ),
        ("Human rights lawyer Amara Osei filed the complaint.", {"Amara Osei": "lawyer"}),
        ("The former envoy Lucas Meyer chaired the panel.", {"Lucas Meyer": "former envoy"}),
    ],
)
def test_lowercase_title_before_a_name(text: str, expected: dict[str, str]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials told the official Quanta agency that the vote was close.",
        "A lawyer Smith hired had not seen the draft.",
        "The spokesperson declined to comment on the Geneva meeting.",
        "Hanoi, the expert city for such events, welcomed the delegates.",
    ],
)
def test_lowercase_titles_do_not_make_people_of_other_words(text: str) -> None:
    assert _people(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "HANOI, Oct 3 (Xinhua) - KOFI ADJEI said the meeting in Hanoi was useful.",
        "BY JANE ROE AND TOM POE\nDelegates met in Vienna on Monday.",
        "NAIROBI — AMINA ODHIAMBO\nThe talks resumed on Tuesday.",
        "Photo: LINA SOTO / Wire\nThe delegates posed for a picture.",
    ],
)
def test_names_in_capitals_are_not_people(text: str) -> None:
    assert _people(text) == {}


def test_a_byline_block_in_capitals_is_not_a_person() -> None:
    text = "By ANA LIMA\nForeign Minister Rui Costa signed the convention."
    byline = Block("byline", 0, len("By ANA LIMA"))
    assert _people(text, (byline,)) == {"Rui Costa": "Foreign Minister"}


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("The signing ceremony was held in New York on Tuesday.", "New York"),
        ("Delegates gathered in New York City for the signing ceremony.", "New York City"),
    ],
)
def test_new_york_is_named_new_york(text: str, form: str) -> None:
    venues = [f for f in _facts(text) if f.kind == "venue"]
    assert [(f.text, f.get("name")) for f in venues] == [(form, "New York")]
