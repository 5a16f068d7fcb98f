"""Tense fixes: expectation participles and "jusqu'" never make a French weak past, the
Portuguese and Spanish expectation forms look ahead, and an auxiliary governs a participle
only within its clause (no comma between them)."""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.dates import extract_dates
from treatytui.facts.sentences import SentenceIndex
from treatytui.facts.tenses import WEAK_PAST, Tenses, tense

MARCH_2026 = date(2026, 3, 10)


def _at_date(sentence: str, language: str, word: str = "28") -> int:
    return tense(sentence, sentence.index(word), language)


@pytest.mark.parametrize(
    "sentence",
    [
        # the optional middle word took the participle, "jusqu" ended in "u"
        "Quelque 7 000 participants sont attendues jusqu'au 28 février à Genève.",
        "Les délégués sont attendus jusqu'au 28 février, selon le secrétariat.",
        "Les contributions sont prévues jusqu’au 28 février au plus tard.",
        # "au" ends in "u": "sont prévus au" was a weak past
        "Les débats sont prévus au palais des Nations le 28 février.",
        "Les votes sont attendus au plus tard le 28 février.",
    ],
)
def test_a_french_expectation_participle_is_no_weak_past(sentence: str) -> None:
    assert _at_date(sentence, "fr") == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "L'exposition est ouverte jusqu'au 28 février à Genève.",
        "Le registre est accessible jusqu’au 28 février.",
    ],
)
def test_jusqu_is_no_french_participle(sentence: str) -> None:
    assert _at_date(sentence, "fr") == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Les délégués sont restés jusqu'au 28 février à Genève.",
        "Le comité a siégé jusqu'au 28 février.",
        "Les ministres ont adopté le texte le 28 février.",
        "La conférence s'est achevée le 28 février.",
    ],
)
def test_a_french_weak_past_stays(sentence: str) -> None:
    tenses = Tenses.of(sentence, "fr")
    assert tenses.at(sentence.index("28")) == WEAK_PAST


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Os delegados são esperados em Brasília a 28 de fevereiro.", "pt"),
        ("As propostas são esperadas até 28 de fevereiro.", "pt"),
        ("Espera-se a chegada dos ministros a 28 de fevereiro.", "pt"),
        ("Esperam-se quarenta delegações em Maputo a 28 de fevereiro.", "pt"),
        ("Los delegados son esperados en Quito el 28 de febrero.", "es"),
        ("Las propuestas son esperadas hasta el 28 de febrero.", "es"),
    ],
)
def test_expectation_forms_look_ahead(sentence: str, language: str) -> None:
    assert _at_date(sentence, language) == 1


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Os delegados esperados em Luanda foram recebidos a 28 de fevereiro.", "pt"),
        ("Los delegados esperados en Quito fueron recibidos el 28 de febrero.", "es"),
    ],
)
def test_a_past_after_an_expectation_form_wins(sentence: str, language: str) -> None:
    assert _at_date(sentence, language) == -1


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Les ministres attendus à Genève, ont adopté le texte le 28 février.", "fr"),
        ("Los delegados previstos en Lima, han aprobado el texto el 28 de febrero.", "es"),
        ("Os ministros esperados em Luanda, fizeram o balanço a 28 de fevereiro.", "pt"),
        ("Delegates due in Rome; adopted on 28 February, the text binds them.", "en"),
    ],
)
def test_no_auxiliary_across_clause_punctuation(sentence: str, language: str) -> None:
    assert _at_date(sentence, language) == -1


@pytest.mark.parametrize(
    "sentence",
    [
        # an English bare participle after a comma goes on with the clause before it
        "The council would meet on 6 July, followed by the assembly from 28 February.",
        "Talks will open on 2 May, followed by a summit on 28 February.",
    ],
)
def test_an_english_participle_after_a_comma_keeps_the_clause(sentence: str) -> None:
    assert _at_date(sentence, "en") == 1


@pytest.mark.parametrize(
    ("sentence", "language", "way"),
    [
        ("The treaty was only formally approved on 28 February.", "en", -1),
        ("The ministers will have signed it by 28 February.", "en", 1),
        ("Le texte sera formellement adopté le 28 février.", "fr", 1),
    ],
)
def test_an_auxiliary_in_the_clause_still_governs(sentence: str, language: str, way: int) -> None:
    assert _at_date(sentence, language) == way


def _date_from(text: str) -> object:
    article = Article(id="t.txt", path="/tmp/t.txt", text=text, published=MARCH_2026)
    (fact,) = extract_dates(article, SentenceIndex(article))
    return fact.get("date_from")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Des milliers de délégués sont attendues jusqu'au 28 février.", "2027-02-28"),
        ("Os delegados são esperados em Brasília a 28 de fevereiro.", "2027-02-28"),
        ("Les ministres attendus à Genève, ont adopté le texte le 28 août.", "2025-08-28"),
        ("Les délégués sont restés jusqu'au 28 août à Genève.", "2025-08-28"),
    ],
)
def test_year_of_a_year_less_date(text: str, expected: str) -> None:
    assert _date_from(text) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "way"),
    [
        ("Espera-se que os ministros cheguem a Maputo a 28 de fevereiro.", "pt", 1),
        ("Se espera que los ministros lleguen a Quito el 28 de febrero.", "es", 1),
        ("Il est prévu que les ministres se réunissent le 28 février.", "fr", 1),
        # a "que" after another marker still begins a clause
        ("Le ministre a dit que la réunion s'est tenue le 28 février.", "fr", -1),
        ("La cumbre prevista, que se celebró en Lima el 28 de febrero, fue breve.", "es", -1),
    ],
)
def test_a_que_after_an_expectation_form_is_its_complement(
    sentence: str, language: str, way: int
) -> None:
    assert _at_date(sentence, language) == way
