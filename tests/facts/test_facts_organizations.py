"""Organisations: defined acronyms, well-known bodies and institutional names."""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.organizations import extract_organizations
from treatytui.facts.sentences import SentenceIndex


def _orgs(text: str) -> list[tuple[str, str, str | None]]:
    article = Article(id="test.txt", path="/tmp/test.txt", text=text)
    facts = extract_organizations(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return [(fact.text, fact.get("name"), fact.get("acronym")) for fact in facts]


def test_definition_spans_name_and_acronym() -> None:
    text = "The Pacific Islands Law Officers' Network (PILON) met. PILON members agreed."
    assert _orgs(text) == [
        (
            "Pacific Islands Law Officers' Network (PILON)",
            "Pacific Islands Law Officers' Network",
            "PILON",
        ),
        ("PILON", "Pacific Islands Law Officers' Network", "PILON"),
    ]


def test_definition_takes_only_the_words_that_spell_the_acronym() -> None:
    text = "Kenya and the Economic Community of West African States (ECOWAS) agreed."
    assert _orgs(text) == [
        (
            "Economic Community of West African States (ECOWAS)",
            "Economic Community of West African States",
            "ECOWAS",
        )
    ]


def test_hyphenated_words_give_several_letters() -> None:
    text = "The Arab-African Cyber Policy Forum (AACPF) issued a note."
    assert _orgs(text)[0][1:] == ("Arab-African Cyber Policy Forum", "AACPF")


def test_known_body_gets_its_canonical_name() -> None:
    text = "The UN Office on Drugs and Crime (UNODC) will help. Interpol and the EU agreed."
    assert _orgs(text) == [
        (
            "UN Office on Drugs and Crime (UNODC)",
            "United Nations Office on Drugs and Crime",
            "UNODC",
        ),
        ("Interpol", "International Criminal Police Organization", "INTERPOL"),
        ("EU", "European Union", "EU"),
    ]


def test_headed_names() -> None:
    text = "The Ministry of Foreign Affairs said the Workers' Revolutionary Party agreed."
    assert [name for _, name, _ in _orgs(text)] == [
        "Ministry of Foreign Affairs",
        "Workers' Revolutionary Party",
    ]


def test_a_leading_title_is_not_part_of_the_organisation() -> None:
    text = "He is Secretary General of the Socialist Unity Party since May."
    assert [name for _, name, _ in _orgs(text)] == ["Socialist Unity Party"]


@pytest.mark.parametrize(
    "text",
    [
        "The UN Convention against Cybercrime was adopted.",
        "UN Secretary-General Jane Roe spoke.",
        "Delegates from the US (USA) attended.",
        "The Road to Geneva session ended.",
        "The Sustainable Development Goals are far off.",
        "Uganda's Parliament passed the bill.",
        "The delegation (pictured) arrived.",
    ],
)
def test_not_organisations(text: str) -> None:
    assert _orgs(text) == []
