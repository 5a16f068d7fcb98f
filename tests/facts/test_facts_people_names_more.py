"""People in forms issue 11 lists: initials, capitals, particles, long names, titles that
end in an organisation, titles in Spanish, French and Portuguese, and what is no person."""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.people import extract_people
from treatytui.facts.sentences import SentenceIndex


def _names(text: str) -> set[str]:
    article = Article(id="test.txt", path="/tmp/test.txt", text=text)
    facts = extract_people(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return {f.get("name") for f in facts}


def _roles(text: str) -> dict[str, str | None]:
    article = Article(id="test.txt", path="/tmp/test.txt", text=text)
    return {f.get("name"): f.get("role") for f in extract_people(article, SentenceIndex(article))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The report was presented by Director Samuel K. Adeyemi on Monday.", "Samuel K. Adeyemi"),
        (
            '"We need money," said Rosa M. Villanueva, an adviser to the group.',
            "Rosa M. Villanueva",
        ),
        ("Chair Ingrīda KALNIŅA opened the plenary.", "Ingrīda KALNIŅA"),
        ("Ambassador Jan Willem van der Meer chaired the talks.", "Jan Willem van der Meer"),
        ("Senator Ana Lúcia dos Reis Monteiro spoke next.", "Ana Lúcia dos Reis Monteiro"),
        ("Prime Minister Siriporn Wongsawat arrived on Sunday.", "Siriporn Wongsawat"),
        ("Deputy Minister Tran Thi Minh Chau signed for Vietnam.", "Tran Thi Minh Chau"),
        (
            "Norway's Minister for International Development Kari Solheim-Dahl spoke first.",
            "Kari Solheim-Dahl",
        ),
        (
            "Kenya's Cabinet Secretary for Environment and Forestry Daniel Mwangi Otieno attended.",
            "Daniel Mwangi Otieno",
        ),
        (
            "Secretary-General Sheikh Ahmed bin Khalid Al Mansouri welcomed them.",
            "Ahmed bin Khalid Al Mansouri",
        ),
    ],
)
def test_english_name_forms(text: str, name: str) -> None:
    assert name in _names(text)


def test_title_ending_in_an_organisation_is_not_a_name() -> None:
    names = _names("Germany's Minister for Economic Cooperation Lena Hartmann spoke.")
    assert names == {"Lena Hartmann"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "El ministro de Asuntos Exteriores, Carlos Ruiz Montoya, viajó a la cumbre.",
            "Carlos Ruiz Montoya",
            "ministro de Asuntos Exteriores",
        ),
        (
            "La presidenta de la Comisión, Beatriz Salgado, abrió la sesión.",
            "Beatriz Salgado",
            "presidenta de la Comisión",
        ),
        ("Lo anunció el canciller peruano Mateo Quispe Huamán.", "Mateo Quispe Huamán", None),
        (
            "La ministre française Hélène Marchand a signé le texte.",
            "Hélène Marchand",
            "ministre française",
        ),
        (
            "Le secrétaire général adjoint de l'ONU Pierre Lemaire a ouvert la réunion.",
            "Pierre Lemaire",
            None,
        ),
        (
            "La ministre des Affaires étrangères, Sophie Garnier-Roux, était présente.",
            "Sophie Garnier-Roux",
            None,
        ),
        (
            "O presidente Fernando Albuquerque de Castro recebeu os líderes.",
            "Fernando Albuquerque de Castro",
            "presidente",
        ),
        (
            "A ministra do Meio Ambiente de Portugal, Inês Vasconcelos, discursou.",
            "Inês Vasconcelos",
            None,
        ),
        (
            "O ministro dos Negócios Estrangeiros de Angola, Tomás Bento, chegou ontem.",
            "Tomás Bento",
            None,
        ),
    ],
)
def test_titles_in_other_languages(text: str, name: str, role: str | None) -> None:
    # a few words of the language, as an article would have around the sentence
    filler = {
        "El": " Los delegados de los países y las organizaciones del mundo.",
        "La": " Les délégués des pays et les observateurs du monde sont là.",
        "Lo": " Los delegados de los países y las organizaciones del mundo.",
        "Le": " Les délégués des pays et les observateurs du monde sont là.",
        "O ": " Os delegados dos países e das organizações do mundo não vieram.",
        "A ": " Os delegados dos países e das organizações do mundo não vieram.",
    }
    key = text[:2] if text[:2] in ("O ", "A ") else text.split()[0]
    if key == "La" and "ministre" not in text:
        extra = " Los delegados de los países y las organizaciones del mundo."
    else:
        extra = filler[key]
    roles = _roles(text + extra)
    assert name in roles
    if role is not None:
        assert roles[name] == role


@pytest.mark.parametrize(
    "text",
    [
        "Participants said the text was weak. Delegates agreed to meet again.",
        "Messages on Telegram said the talks had collapsed.",
        "Coastal Resilience was the theme of the day, the chair said.",
        "The Coastal Resilience Fund said it would open offices.",
    ],
)
def test_never_people(text: str) -> None:
    assert _names(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Director General of the National Crime Agency Graeme Biggar spoke next.",
            "Graeme Biggar",
        ),
        (
            "Dr Tedros Adhanom Ghebreyesus of the World Health Organization said it would help.",
            "Tedros Adhanom Ghebreyesus",
        ),
        ("The Marshall Islands' Tina Stege said it was a start.", "Tina Stege"),
        ("Cedric Schuster, the Samoan chairman of the group, urged action.", "Cedric Schuster"),
        (
            '"We have lost time," said the board\'s chairperson, Rafael Ostrander.',
            "Rafael Ostrander",
        ),
    ],
)
def test_names_next_to_bodies_and_possessives(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_body_does_not_swallow_the_name_after_it() -> None:
    from treatytui.facts import extract

    text = "Director General of the National Crime Agency Graeme Biggar spoke next."
    facts = extract(Article(id="t", path="t", text=text))
    assert [(f.kind, f.text) for f in facts] == [
        ("organization", "National Crime Agency"),
        ("person", "Graeme Biggar"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The summit will be in Miami, said South African sherpa Naledi Dube-Ferris.",
            "Naledi Dube-Ferris",
        ),
        (
            "The chief mediator, Omar Haddad-Lindqvist, who briefed the council, spoke.",
            "Omar Haddad-Lindqvist",
        ),
        (
            "La vicecanciller anfitriona, Marta Ocampo Ruiz, dijo que los países y las "
            "delegaciones del mundo firmarán.",
            "Marta Ocampo Ruiz",
        ),
        (
            "Selon la sous-directrice générale, Aline Mbeki-Rousseau, les délégués des pays et "
            "les observateurs sont là.",
            "Aline Mbeki-Rousseau",
        ),
    ],
)
def test_more_titles(text: str, name: str) -> None:
    assert name in _names(text)
