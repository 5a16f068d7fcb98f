"""Two misses found while speeding up the dates: "ran" as a past, and a Spanish weekday
with its day ("el jueves 12")."""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article
from treatytui.facts import extract


def _dates(text: str, published: date | None = date(2025, 9, 9)) -> list[tuple[str, str]]:
    article = Article(id="a", path="a", text=text, published=published)
    return [(f.text, f.get("date_from")) for f in extract(article) if f.kind == "date"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ran from October 25 to 27 in Geneva.", ("October 25 to 27", "2024-10-25")),
        ("The conference ran until March 3 in Nairobi.", ("March 3", "2025-03-03")),
        # a weak past: a few days after publication may still be this year's
        ("The session ran through Sept. 12 in Vienna.", ("Sept. 12", "2025-09-12")),
    ],
)
def test_ran_reads_as_a_past(text: str, expected: tuple[str, str]) -> None:
    assert _dates(text) == [expected]


def test_ran_in_a_future_clause_does_not_turn_it_back() -> None:
    text = "The meeting that ran late will resume on October 2."
    assert _dates(text) == [("October 2", "2025-10-02")]


_SPANISH_TAIL = (
    " Las delegaciones de los países del grupo llegaron a la ciudad para las "
    "negociaciones, que son largas y difíciles."
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Los ministros se reunirán el jueves 12 en Ginebra.", [("jueves 12", "2026-02-12")]),
        ("Los ministros se reunieron este jueves 5 en la sede.", [("jueves 5", "2026-02-05")]),
        ("El pasado martes 3, la comisión aprobó el informe.", [("martes 3", "2026-02-03")]),
        (
            "La cumbre comenzará el lunes 16 y terminará el MIÉRCOLES 18.",
            [("lunes 16", "2026-02-16"), ("MIÉRCOLES 18", "2026-02-18")],
        ),
        ("El próximo sábado 21 se votará la propuesta.", [("sábado 21", "2026-02-21")]),
        # a count after the weekday, a number, a weekday with no article: no date
        ("El jueves 12 países firmaron el acuerdo.", []),
        ("El jueves 12,5 por ciento de los votos fue nulo.", []),
        ("Jueves 12 en Ginebra: los ministros llegaron.", []),
        # with its month, the date is the day and month as before
        ("El jueves 12 de febrero se firmará el acuerdo.", [("12 de febrero", "2026-02-12")]),
    ],
)
def test_a_spanish_weekday_and_day_is_placed_by_the_publication_date(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(sentence + _SPANISH_TAIL, date(2026, 2, 9)) == expected


def test_a_spanish_weekday_and_day_that_do_not_agree_or_lack_a_date_say_nothing() -> None:
    text = "Los ministros se reunirán el viernes 12 en Ginebra." + _SPANISH_TAIL
    assert _dates(text, date(2026, 2, 9)) == []  # no Friday the 12th near 9 February 2026
    text = "Los ministros se reunirán el jueves 12 en Ginebra." + _SPANISH_TAIL
    assert _dates(text, None) == []  # no publication date: nothing places it
