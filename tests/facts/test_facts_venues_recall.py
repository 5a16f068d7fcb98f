"""Venues a blind set showed missed: meetings held by videoconference or "in virtual format"
(es/fr/pt), and towns and capitals the city table lacks or writes otherwise (Montreux,
Cebu, Mahé, "Montevidéu", "OULAN-BATOR", "Assunção")."""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.sentences import SentenceIndex
from treatytui.facts.venues import extract_venues


def _venues(text: str) -> dict[str, str | None]:
    """name → name_en of every venue of ``text``."""
    article = Article(id="test.txt", path="/tmp/test.txt", text=text)
    facts = extract_venues(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return {f.get("name"): f.get("name_en") for f in facts}


@pytest.mark.parametrize(
    "text",
    [
        "La reunión de los ministros se celebró en formato virtual el martes pasado.",
        "Los negociadores se reunieron por videoconferencia el lunes para revisar el texto.",
        "A reunião técnica foi realizada em formato virtual na quarta-feira.",
        "Os peritos reuniram-se por videoconferência durante três dias.",
        "Les experts se sont réunis par visioconférence jeudi dernier.",
        "Le groupe de travail s'est réuni en ligne le 3 mars pour examiner le projet.",
        "The working group met by videoconference on Tuesday.",
    ],
)
def test_online_meetings(text: str) -> None:
    assert _venues(text) == {"online": None}


@pytest.mark.parametrize(
    "text",
    [
        "El informe sobre videoconferencia fue publicado el martes.",
        "Le logiciel de visioconférence a été acheté par le ministère.",
        "The ministry bought new videoconference equipment last year.",
    ],
)
def test_videoconference_is_not_a_meeting_place(text: str) -> None:
    assert _venues(text) == {}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The talks are planned for May 3 and 4 in Montreux, officials said.", {"Montreux"}),
        ("Negotiators agreed to meet again in Cebu on Jan 28-29.", {"Cebu"}),
        ("La prochaine réunion est prévue en avril à Mahé.", {"Mahé"}),
        ("A próxima reunião será em Assunção, em outubro.", {"Assunção"}),
        ("La reunión se celebró en La Jolla (Estados Unidos) en marzo.", {"La Jolla"}),
        (
            "Delegates were welcomed in Kolonia, the capital, on Monday for the session.",
            {"Kolonia"},
        ),
    ],
)
def test_small_towns(text: str, names: set[str]) -> None:
    assert set(_venues(text)) == names


def test_foreign_form_keeps_the_article_s_words() -> None:
    found = _venues("OULAN-BATOR, 9 mai (ONU Info) – Les ministres ont ouvert la conférence.")
    assert found == {"Oulan-Bator": "Ulaanbaatar"}
    found = _venues("Montevidéu, 5 de julho de 2026 (Lusa) – Os ministros abriram a reunião.")
    assert found == {"Montevidéu": "Montevideo"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Nairobi, Kenya — 14 February 2027 — Delegates opened a week of talks.",
            {"Nairobi", "Kenya"},
        ),
        ("MACAU, China – Ministers opened the regional trade forum on Monday.", {"Macau", "China"}),
        (
            "Antigua Guatemala, 26 de junio de 2026 – Los ministros abrieron la cumbre.",
            {"Antigua Guatemala"},
        ),
        ("Dakar, 3 mars 2026 – Les ministres ont ouvert la réunion régionale.", {"Dakar"}),
        ("Geneva, March 3 – Ministers met to discuss the draft treaty.", {"Geneva"}),
    ],
)
def test_title_case_datelines(text: str, names: set[str]) -> None:
    assert set(_venues(text)) == names


@pytest.mark.parametrize(
    "text",
    [
        "Paris, 12 ministers said – the talks had stalled.",
        "Lima, Kenya – two places the report compares.",
        "Dakar, the capital – long a hub – saw protests.",
    ],
)
def test_title_case_lines_that_are_not_datelines(text: str) -> None:
    assert _venues(text) == {}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Talks were held at the Palazzo dei Congressi in Lugano last week.",
            {"Palazzo dei Congressi", "Lugano"},
        ),
        (
            "La séance s'est tenue dans la grande salle du Centre de conférences Omar-Bongo.",
            {"Centre de conférences Omar-Bongo"},
        ),
        (
            "Activists rallied on the Piazza della Riforma as the summit opened.",
            {"Piazza della Riforma"},
        ),
        (
            "The ceremony took place on the Place des Nations before the talks.",
            {"Place des Nations"},
        ),
        ("Kuala Lumpur would host the next round of talks.", {"Kuala Lumpur"}),
    ],
)
def test_named_venues_and_hosts(text: str, names: set[str]) -> None:
    assert set(_venues(text)) == names


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke on the Philippines' behalf at the meeting.",
        "The delegates commented on the Place of Safety rules during the session.",
        "The summit focused on the Kenya talks.",
    ],
)
def test_on_the_is_not_a_place_without_a_venue_word(text: str) -> None:
    assert _venues(text) == {}


_ECLAC = "Comisión Económica para América Latina y el Caribe"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The summit was held in Port-Louis, Mauritius.", {"Port-Louis": None, "Mauritius": None}),
        (
            "La réunion s'est tenue à Malabo, en Guinée équatoriale.",
            {"Malabo": None, "Guinée équatoriale": "Equatorial Guinea"},
        ),
        (
            "La réunion s'est tenue au siège de l'Union africaine, lundi.",
            {"siège de l'Union africaine": "Union africaine headquarters"},
        ),
        (
            "La reunión tuvo lugar en la sede de la Comisión Económica para América Latina y el "
            "Caribe el martes.",
            {f"sede de la {_ECLAC}": f"{_ECLAC} headquarters"},
        ),
    ],
)
def test_names_as_written(text: str, names: dict[str, str | None]) -> None:
    assert _venues(text) == names


def test_a_country_before_a_lower_case_word_is_not_lengthened() -> None:
    assert _venues("La réunion s'est tenue au Sénégal mardi dernier.") == {"Senegal": None}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The parties agreed to meet again in Valdorrano on 3 May.", {"Valdorrano"}),
        (
            "The talks are planned for June 3 and 4 in Castelvetrino, the ministry said.",
            {"Castelvetrino"},
        ),
        ("La prochaine réunion est prévue en juin à Port-Mirabeau.", {"Port-Mirabeau"}),
        ("A próxima cimeira será em Vila Serena, em novembro.", {"Vila Serena"}),
    ],
)
def test_unknown_town_after_a_meeting_word(text: str, names: set[str]) -> None:
    assert set(_venues(text)) == names


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was chaired in Kyrgyz by the host's foreign minister.",
        "La cumbre se centró en Inteligencia Artificial y en la cooperación regional.",
        "The talks in Climate Finance Week drew few delegates.",
        "Ministers met in PARIS FORMAT to discuss sanctions.",
    ],
)
def test_no_town_after_a_meeting_word(text: str) -> None:
    assert _venues(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Les ministres réunis en Conférence ministérielle ont approuvé le budget.",
        "Os chanceleres discutiram a guerra e a situação em Gaza durante a cúpula.",
        "The summit also discussed the situation in Haiti and the war in Sudan.",
        "La cumbre abordó la crisis en Haití.",
    ],
)
def test_event_names_and_subjects_are_not_venues(text: str) -> None:
    assert _venues(text) == {}


def test_a_french_venue_name_ending_in_de_la() -> None:
    text = "Les chefs d'État se sont réunis au Centre international de conférences de la Paix."
    assert set(_venues(text)) == {"Centre international de conférences de la Paix"}


def test_a_meeting_in_a_town_after_a_conflict_word_elsewhere_is_kept() -> None:
    text = "Talks on the war were held in Geneva on Monday."
    assert set(_venues(text)) == {"Geneva"}


def test_a_venue_name_joined_by_and() -> None:
    text = "The forum opened at the Lakeside Convention and Exhibition Centre on 12 March."
    assert set(_venues(text)) == {"Lakeside Convention and Exhibition Centre"}


def test_two_places_joined_by_and_are_not_one_venue() -> None:
    text = "The summit was held in Geneva and Vienna last year."
    assert set(_venues(text)) == {"Geneva", "Vienna"}


def test_a_seat_under_works_is_not_the_venue_of_a_meeting_moved_online() -> None:
    text = (
        "The session was moved online because of renovation works at the Organization's "
        "headquarters."
    )
    assert _venues(text) == {"online": None}


def test_a_bare_venue_head_is_not_a_venue() -> None:
    text = "The workshop was held at the Centre for Environmental Law in Geneva."
    assert set(_venues(text)) == {"Geneva"}


def test_one_venue_for_a_venue_and_its_seat_word() -> None:
    text = "The meeting was held at the WTO's Centre William Rappard headquarters."
    assert set(_venues(text)) == {"WTO's Centre William Rappard headquarters"}


def test_a_country_named_with_a_lower_case_adjective_after_a_city() -> None:
    text = "La conférence s'est tenue à Riyad, en Arabie saoudite, en mai."
    assert _venues(text) == {"Riyad": "Riyadh", "Arabie saoudite": "Saudi Arabia"}
