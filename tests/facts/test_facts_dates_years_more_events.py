"""Bare event years, more forms: a when-clause, a scheduling copula before a place, a
meeting named by its year in Romance languages, the making of a body told as the verb.

And what stays out: "since 2021", a year in a capitalised name ("the 2030 Review
Conference"), the years of statistics ("exports rose in 2023"), a founding in a relative
clause or an apposition.
"""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.event_years import extract_event_years
from treatytui.facts.sentences import SentenceIndex


def _years(text: str) -> list[str]:
    article = Article(id="e.txt", path="/tmp/e.txt", text=text)
    sentences = SentenceIndex(article)
    assert sentences.language in ("en", "es", "fr", "pt")  # read as the test means
    facts = extract_event_years(article, sentences)
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.get("precision") == "year"
    return [f.text for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The process of the talks began in 2002, when the ministers of Chile and Peru "
            "signed a framework accord in the city.",
            "2002",
        ),
        (
            "La cooperación de los países empezó en 2002, cuando los ministros firmaron "
            "el acuerdo marco en la capital.",
            "2002",
        ),
        (
            "La coopération des pays a commencé en 2002, lorsque les ministres ont signé "
            "l'accord-cadre dans la capitale.",
            "2002",
        ),
        (
            "A cooperação dos países começou em 2002, quando os ministros assinaram o "
            "acordo-quadro na capital.",
            "2002",
        ),
        ("La próxima reunión de las partes está prevista en Costa Rica en 2028.", "2028"),
        ("A próxima cúpula dos países está prevista em Angola em 2027, segundo a nota.", "2027"),
        ("La prochaine réunion des pays est prévue au Maroc en 2027, selon le communiqué.", "2027"),
        ("The next round of the talks is scheduled in Fiji in 2027, the ministers said.", "2027"),
        ("O tema dos oceanos foi debatido na conferência de 2025, em Lisboa.", "2025"),
        ("El tema de los océanos se discutió en la cumbre de 2023 en Lima.", "2023"),
        ("La question des océans a été débattue lors de la conférence de 2025 à Dakar.", "2025"),
        ("A comunidade dos países foi criada em 1995 por cinco Estados da região.", "1995"),
        ("La comunidad de los países fue creada en 1995 por cinco Estados de la región.", "1995"),
        ("L'organisation des pays a été créée en 1995 par cinq États de la région.", "1995"),
        ("The organisation of the states was established in 1995 by five countries.", "1995"),
    ],
)
def test_more_event_years(text: str, expected: str) -> None:
    assert _years(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The country has been a member of the bloc since 2021, the minister said.",
        "The delegates of the states prepared for the 2030 Review Conference in the city.",
        "The exports of the region rose in 2023 to a record, the report said.",
        "Las exportaciones de la región crecieron en 2023, según el informe del banco.",
        "Desde 2021 el país es miembro del bloque de los países de la región.",
        "Depuis 2021, le pays est membre du bloc des pays de la région.",
        "Desde 2021 o país é membro do bloco dos países da região.",
        "The talks, which began in 2021, resumed on Monday in the city of the summit.",
        "La delegación de los países preparó la Conferencia de Examen de 2026 en la sede.",
        "The body, which was founded in 1998, has a staff of forty in the city.",
        "A organização, que foi criada em 1998, tem quarenta funcionários na cidade.",
        "Os ministros leram o relatório de 2023 sobre as pescas da região.",
        "The prices of the grain rose in 2022, when the war began in the region.",
    ],
)
def test_other_years_stay_out(text: str) -> None:
    assert _years(text) == []
