"""Bare years of events are dates of precision year; the other bare years of news are not.

"The next assembly will convene in Lisbon in 2028" dates an event; "founded in 1998",
"since 2015", "by 2030", "the 2022 report" or "in 2023, exports rose" do not.
"""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts import extract
from treatytui.facts.event_years import extract_event_years
from treatytui.facts.sentences import SentenceIndex


def _years(text: str) -> list[str]:
    article = Article(id="e.txt", path="/tmp/e.txt", text=text)
    sentences = SentenceIndex(article)
    assert sentences.language in ("en", "es", "fr", "pt", "it")  # read as the test means
    facts = extract_event_years(article, sentences)
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.get("precision") == "year"
        assert fact.get("date_to") is None
    return [f.get("date_from") for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English: an event verb, a place between, "early", a noun with its place
        ("The next ministerial meeting will be held in Lisbon, Portugal, in 2028.", ["2028"]),
        ("The eleventh session is expected to take place in 2029.", ["2029"]),
        ("Officials said the resumed session would convene in Vienna in early 2028.", ["2028"]),
        ("The protocol, signed in Kyoto in 1997, was the first of its kind.", ["1997"]),
        (
            "The parties agreed that they would hold the next talks in Santiago in 2027.",
            ["2027"],
        ),
        ("The amendment entered into force in 2019 after the hundredth ratification.", ["2019"]),
        ("The second review summit is scheduled for 2030, the ministers agreed.", ["2030"]),
        # Spanish
        (
            "La próxima reunión de los ministros se celebrará en Quito en 2028.",
            ["2028"],
        ),
        ("El siguiente foro tendrá lugar en Asunción en el segundo semestre de 2027.", ["2027"]),
        ("La cumbre de jefes de Estado está prevista para 2029, según la cancillería.", ["2029"]),
        ("El acuerdo, firmado en Montevideo en 1991, sigue vigente.", ["1991"]),
        # French
        ("La prochaine session se tiendra à Dakar, au Sénégal, en 2028.", ["2028"]),
        ("Le sommet suivant aura lieu à Tunis en 2027, selon le communiqué.", ["2027"]),
        ("Les deux réunions précédentes, en 2017 et en 2021, avaient échoué.", ["2017", "2021"]),
        ("La quatrième conférence des Parties est prévue pour 2029 à Lomé.", ["2029"]),
        # Portuguese
        ("A próxima cimeira será realizada em Maputo, Moçambique, em 2028.", ["2028"]),
        ("O encontro seguinte deve ocorrer em Luanda em 2027.", ["2027"]),
        ("A conferência de revisão está marcada para 2030, disse o embaixador.", ["2030"]),
        ("O tratado, assinado em Lisboa em 2007, entrou em vigor dois anos depois.", ["2007"]),
    ],
)
def test_a_bare_year_of_an_event_is_a_year(text: str, expected: list[str]) -> None:
    assert _years(text) == [f"{year}-01-01" for year in expected]


@pytest.mark.parametrize(
    "text",
    [
        # English: foundings, since, by, targets, reports, budgets, ages, statistics
        "The secretariat of the body, which was founded in 1998, now has a staff of forty.",
        "The delegates of the parties have met in the same hall every year since 2015.",
        "The meeting set a goal of ending the practice by 2030.",
        "Ministers discussed the 2030 target for emissions at the summit.",
        "The session heard the findings of the 2022 report on fisheries.",
        "The assembly approved the 2027 budget after a long debate.",
        "In 2023, exports of the region rose by four percent.",
        "Catches fell from 2010 to 2020, the conference was told.",
        "The summit noted that the emissions of the region rose sharply in 2023.",
        "The delegate, who was born in 1961, chaired the talks.",
        "The talks were held as the prices of the grain hit a record in 2022.",
        "Some 2000 delegates of the member states will attend the summit.",
        "The meeting was told that the fund ran out of money in 2024.",
        # Spanish
        "La organización, fundada en 1998, celebra su reunión anual en Lima.",
        "La cumbre fijó la meta de reducir las emisiones a la mitad para 2030.",
        "Desde 2015, los ministros se reúnen cada año en Ginebra.",
        "En 2023, las exportaciones de la región crecieron un 4 por ciento.",
        # French
        "L'organisation, qui a été créée en 1998, tient sa réunion annuelle dans la ville.",
        "Le sommet des chefs d'État s'est fixé pour objectif la fin de cette pratique d'ici 2030.",
        "En 2023, les exportations de la région ont augmenté de 4 %.",
        "La conférence a examiné le budget 2027 de l'institution.",
        # Portuguese
        "A organização, criada em 1998, realiza a sua reunião anual em Maputo.",
        "A cúpula fixou a meta de zerar o desmatamento até 2030.",
        "Em 2023, as exportações da região e do país cresceram 4% segundo o governo.",
        "O Brasil, que aderiu ao tratado em 2015, preside a reunião.",
    ],
)
def test_other_bare_years_are_not_dates(text: str) -> None:
    assert _years(text) == []


def test_a_year_inside_a_full_date_stays_one_date() -> None:
    text = "The next session will be held in Geneva in May 2027 and again in 2028."
    article = Article(id="e.txt", path="/tmp/e.txt", text=text)
    dates = [(f.text, f.get("date_from")) for f in extract(article) if f.kind == "date"]
    assert dates == [("May 2027", "2027-05-01"), ("2028", "2028-01-01")]


def test_languages_the_rule_does_not_read_give_nothing() -> None:
    text = "Il prossimo vertice si terrà a Roma nel 2028, e la riunione in 2029."
    assert _years(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The survey of the region was organised in 2019 by the university.",
        "Un estudio de la universidad realizado en 2019 midió la pobreza del país.",
        "O censo do país realizado em 2010 contou os moradores da região.",
        "Les élections de la région ont été suivies d'une enquête réalisée en 2019.",
        "The company of the minister held a 20 percent stake in the port of the city in 2019.",
        "The ministers signed 40 contracts with the firms of the region in 2023.",
    ],
)
def test_a_participle_needs_an_event_or_an_instrument(text: str) -> None:
    assert _years(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2027, the next summit of the leaders will be held in Lima, the ministers said.",
            "2027",
        ),
        ("En 2029, la próxima cumbre de los países se celebrará en Lima, según la nota.", "2029"),
        ("En 2028, le prochain sommet des pays aura lieu à Dakar, selon les ministres.", "2028"),
        ("Em 2027, a próxima cúpula dos países será realizada em Lima, segundo a nota.", "2027"),
    ],
)
def test_an_opening_year_of_an_event_clause(text: str, expected: str) -> None:
    assert _years(text) == [f"{expected}-01-01"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, exports of the region rose after the summit of the leaders was held in Lima.",
        "In 2023, the summit noted that the exports of the region had risen.",
        "En 2023, las exportaciones de la región crecieron antes de que se celebrara la cumbre.",
    ],
)
def test_an_opening_year_of_another_clause_is_not_a_date(text: str) -> None:
    assert _years(text) == []


def test_years_joined_to_an_event_year_are_years_too() -> None:
    text = "The session of the committee was held in 2019 and 2021 in the city of Geneva."
    assert _years(text) == ["2019-01-01", "2021-01-01"]
