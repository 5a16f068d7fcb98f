"""Years of yearless dates, more classes: a founding or far year is no anchor; a year
later in the sentence closes the span; a month with "next"/"last year" in four languages.

A wrong year is worse than none: when the only years an article writes date the making
of a body or treaty ("signed in 1971", "fundada en 1995", "the 1982 Convention") or a past
event far from the story, a yearless date keeps ``year_known: false``.
"""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.dates import extract_dates
from treatytui.facts.model import Fact
from treatytui.facts.sentences import SentenceIndex

MARCH_2026 = date(2026, 3, 10)


def _facts(text: str, published: date | None = None) -> list[Fact]:
    article = Article(id="m.txt", path="/tmp/m.txt", text=text, published=published)
    facts = extract_dates(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return facts


def _by_text(text: str, published: date | None = None) -> dict[str, object]:
    return {
        f.text: (f.get("date_from") if f.get("year_known") is not False else "unknown")
        for f in _facts(text, published)
    }


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        (
            "The convention, signed in Ramsar in 1971, now has 172 parties. "
            "The parties will meet again from 6 to 8 April in Panama.",
            "6 to 8 April",
        ),
        (
            "The forum was founded in 1995 by five coastal states. "
            "Its ministers will gather on 12 May in Quito.",
            "12 May",
        ),
        (
            "Under the 1982 Convention, states share the fish stocks.\n\n"
            "The next round of talks is due on 14 October in Suva.",
            "14 October",
        ),
        (
            "La convención, firmada en 1971, tiene hoy 172 partes. "
            "Las partes se reunirán de nuevo del 6 al 8 de abril en Panamá.",
            "del 6 al 8 de abril",
        ),
        (
            "La organisation, créée en 1945, compte 193 membres. "
            "Ses ministres se retrouveront du 6 au 8 avril à Rome.",
            "du 6 au 8 avril",
        ),
        (
            "A comunidade, fundada em 1996, reúne nove países. "
            "Os chefes de Estado voltarão a reunir-se de 6 a 8 de abril em Bissau.",
            "de 6 a 8 de abril",
        ),
        (
            "The treaty entered into force in 1998 with 40 parties. "
            "Its parties meet again from 6 to 8 April in Lima.",
            "6 to 8 April",
        ),
        (
            "O tratado entrou em vigor em 1998 com 40 partes. "
            "As partes voltam a reunir-se de 6 a 8 de abril em Lima.",
            "de 6 a 8 de abril",
        ),
        (
            "El Convenio de 1979 sigue vigente en 51 países. "
            "Los delegados se reunirán el 9 de junio en Ginebra.",
            "9 de junio",
        ),
    ],
)
def test_a_founding_year_gives_no_year(text: str, date_text: str) -> None:
    assert _by_text(text)[date_text] == "unknown"


def test_a_year_far_before_the_story_gives_no_year() -> None:
    text = (
        "The talks on the new rules opened on 2 February 2026 in Geneva. "
        "A first attempt, in 2009, had failed.\n\n"
        "Negotiators return on 14 October, when a draft is expected."
    )
    found = _by_text(text)
    assert found["2 February 2026"] == "2026-02-02"
    assert found["14 October"] != "2009-10-14"


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        # the year of the story, not of the founding, is still taken
        (
            "The forum was founded in 1995. The 2026 session will open on 12 May in Quito.",
            "12 May",
            "2026-05-12",
        ),
        # a name of a meeting dates it
        ("The 2026 Review Conference will open on 27 April in New York.", "27 April", "2026-04-27"),
        # a past date in the sentence of the founding year keeps it
        (
            "The treaty was signed in 1998 in Rome on 17 July by 120 states.",
            "17 July",
            "1998-07-17",
        ),
        ("In 2019 the committee met on 3 March and adopted the plan.", "3 March", "2019-03-03"),
    ],
)
def test_years_of_the_story_still_anchor(text: str, date_text: str, expected: str) -> None:
    assert _by_text(text)[date_text] == expected


EARLY_2025 = date(2025, 3, 1)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            "The meeting opens on 23 November and runs until 26 November 2026 in Nairobi.",
            "23 November",
            "26 November 2026",
        ),
        (
            "La reunión empieza el 23 de noviembre y se prolonga hasta el 26 de noviembre de 2026.",
            "23 de noviembre",
            "26 de noviembre de 2026",
        ),
        (
            "La réunion s'ouvre le 23 novembre et se poursuit jusqu'au 26 novembre 2026.",
            "23 novembre",
            "26 novembre 2026",
        ),
        (
            "A reunião começa em 23 de novembro e vai até 26 de novembro de 2026.",
            "23 de novembro",
            "26 de novembro de 2026",
        ),
    ],
)
def test_a_year_later_in_the_span_is_carried_back(text: str, first: str, last: str) -> None:
    # published in March 2025: the tense alone would put 23 November in 2025
    for published in (EARLY_2025, None):
        found = _by_text(text, published)
        assert found[first] == "2026-11-23"
        assert found[last] == "2026-11-26"
        assert len(_facts(text, published)) == 2


def test_a_span_across_new_year_takes_the_year_before() -> None:
    found = _by_text("The session opens on 28 December and closes on 3 January 2027.")
    assert found["28 December"] == "2026-12-28"


def test_a_full_date_of_another_event_is_not_carried_back() -> None:
    text = "The talks were held on 3 May, and the next round will be on 5 June 2027 in Lima."
    assert _by_text(text, date(2026, 1, 5))["3 May"] == "2025-05-03"


def test_a_list_of_dates_under_a_heading_takes_the_only_year() -> None:
    text = (
        "The secretariat published the calendar of the 2026 negotiating session on Monday. "
        "The convention was signed in 1992.\n\nKey dates:\n\n"
        "24-25 November: opening plenary\n\n27 November: high-level segment\n"
    )
    found = _by_text(text)
    assert found["24-25 November"] == "2026-11-24"
    assert found["27 November"] == "2026-11-27"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers will meet again next June in Lima.", "2026-06-01"),
        ("The ministers agreed to meet again in June next year in Lima.", "2027-06-01"),
        ("The ministers met in June last year in Lima.", "2025-06-01"),
        ("Los ministros volverán a reunirse en junio del próximo año en Lima.", "2027-06-01"),
        ("Los ministros se reunieron en junio del año pasado en Lima.", "2025-06-01"),
        ("Les ministres se réuniront en juin prochain à Lima.", "2026-06-01"),
        ("Les ministres se sont réunis en juin dernier à Lima.", "2025-06-01"),
        ("Os ministros vão reunir-se em junho do próximo ano em Lima.", "2027-06-01"),
        ("Os ministros reuniram-se em junho do ano passado em Lima.", "2025-06-01"),
    ],
)
def test_a_month_with_a_relative_year(text: str, expected: str) -> None:
    (fact,) = _facts(text, MARCH_2026)
    assert fact.get("precision") == "month"
    assert fact.get("date_from") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will meet again next June in Lima.",
        "Los ministros volverán a reunirse en junio del próximo año en Lima.",
        "Les ministres se réuniront en juin prochain à Lima.",
        "Os ministros vão reunir-se em junho do próximo ano em Lima.",
    ],
)
def test_a_relative_year_without_publication_date_is_unknown(text: str) -> None:
    (fact,) = _facts(text)
    assert fact.get("year_known") is False
    assert fact.get("date_from") is None
    assert fact.get("month") == 6


@pytest.mark.parametrize(
    "text",
    [
        "Le sommet est prévu le 28 février à Dakar, selon la présidence.",
        "La cumbre está prevista para el 28 de febrero en Lima.",
        "A cúpula está prevista para 28 de fevereiro em Luanda.",
        "Les délégations sont attendues le 28 février à Genève, selon le secrétariat.",
        "Se esperan más de 40 delegaciones el 28 de febrero en Quito.",
    ],
)
def test_expectation_forms_look_ahead(text: str) -> None:
    (fact,) = _facts(text, MARCH_2026)
    assert fact.get("date_from") == "2027-02-28"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les candidatures sont attendues jusqu'au 28 août, selon le secrétariat.", "2026-08-28"),
        ("Os delegados são esperados em Brasília a 28 de fevereiro, segundo o Itamaraty.", None),
        ("Espera-se que os ministros cheguem a Maputo a 28 de fevereiro.", None),
        ("As propostas são esperadas até 28 de fevereiro, informou a comissão.", None),
    ],
)
def test_passive_expectation_forms_look_ahead(text: str, expected: str | None) -> None:
    (fact,) = _facts(text, MARCH_2026)
    assert fact.get("date_from") == (expected or "2027-02-28")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past verb after the expectation form governs the date
        ("Os delegados esperados em Luanda foram recebidos a 3 de março.", "2026-03-03"),
    ],
)
def test_an_expectation_form_before_a_past_verb_does_not_look_ahead(
    text: str, expected: str
) -> None:
    (fact,) = _facts(text, MARCH_2026)
    assert fact.get("date_from") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les ministres se réuniront l'an prochain en juin à Lima.", "2027-06-01"),
        ("L'année dernière, en juin, les ministres s'étaient réunis à Lima.", "2025-06-01"),
        ("El año próximo, en junio, los ministros se reunirán en Lima.", "2027-06-01"),
        ("No ano passado, em junho, os ministros reuniram-se em Lima.", "2025-06-01"),
        ("Os ministros vão reunir-se em junho do ano que vem em Lima.", "2027-06-01"),
        ("Los ministros se reunirán en junio del año que viene en Lima.", "2027-06-01"),
    ],
)
def test_a_year_word_elsewhere_in_the_sentence(text: str, expected: str) -> None:
    (fact,) = _facts(text, MARCH_2026)
    assert fact.get("date_from") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison
        ("Fueron más delegados que el año pasado, el 3 de febrero en Lima.", "2026-02-03"),
        ("Il y avait plus de délégués qu'en l'an dernier le 3 février à Lima.", "2026-02-03"),
        # another verb, looking the other way
        (
            "El año pasado se firmó el acuerdo, y las partes se reunirán el 3 de abril en Lima.",
            "2026-04-03",
        ),
    ],
)
def test_a_year_word_that_is_not_the_dates(text: str, expected: str) -> None:
    (fact,) = _facts(text, MARCH_2026)
    assert fact.get("date_from") == expected


def test_a_year_word_without_publication_date_leaves_the_year_unknown() -> None:
    (fact,) = _facts("Les ministres se réuniront l'an prochain en juin à Lima.")
    assert fact.get("year_known") is False


@pytest.mark.parametrize(
    "text",
    [
        # side by side, or after a comma: a list of dates, not a span
        "The panel met on 9 March, 3 April 2023 and 5 May 2023 in Rome.",
        "The panel was held on 3 May 3 March 2023 in Rome.",
        # "and" with the calendar going back: other events
        "The panel met on 9 November and 3 March 2023 in Rome.",
    ],
)
def test_no_year_is_carried_back_over_a_list(text: str) -> None:
    found = _by_text(text, date(2026, 1, 10))
    first = next(iter(found))
    assert found[first] not in ("2023-03-09", "2023-05-03", "2023-11-09", "2022-11-09")


def test_du_au_split_takes_the_year_of_its_end() -> None:
    found = _by_text(
        "La session a eu lieu du 26 février au 2 mars 2024 à Genève.", date(2026, 1, 10)
    )
    assert next(iter(found.values())) == "2024-02-26"


def test_a_far_year_in_the_sentence_still_dates_a_past_day() -> None:
    text = (
        "The talks opened on 2 February 2026 in Geneva.\n\n"
        "In 2019 the panel had met on 9 March in Rome."
    )
    assert _by_text(text)["9 March"] == "2019-03-09"
