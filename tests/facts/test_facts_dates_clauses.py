"""The year of a yearless date read clause by clause: a past decision to hold something
looks ahead, "until" dates what goes on around the time of writing, a marker in the
date's own clause wins over one in another clause, a story told in the past looks back a
few days rather than on to the next year, and a weekday that fixes "now" sends a future
month before it to the next year."""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.dates import extract_dates
from treatytui.facts.sentences import SentenceIndex
from treatytui.facts.tenses import INTENDED, Tenses, ends_with_until, tense

MARCH_2026 = date(2026, 3, 10)


def _by_text(text: str, published: date | None = MARCH_2026) -> dict[str, str | None]:
    article = Article(id="c.txt", path="/tmp/c.txt", text=text, published=published)
    return {f.text: f.get("date_from") for f in extract_dates(article, SentenceIndex(article))}


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        (
            "After two days of talks in Nairobi, the delegations agreed to hold a summit "
            "on 3 May in Geneva, officials said.",
            "3 May",
        ),
        (
            "The ministers decided to convene an extraordinary session on 3 May in Geneva, "
            "the secretariat said.",
            "3 May",
        ),
        (
            "Tras dos días de negociaciones en Nairobi, las delegaciones acordaron celebrar "
            "una cumbre el 3 de mayo en Ginebra.",
            "3 de mayo",
        ),
        (
            "Los ministros decidieron reunirse el 3 de mayo en Ginebra para cerrar el texto "
            "del acuerdo.",
            "3 de mayo",
        ),
        (
            "Après deux jours de discussions à Nairobi, les délégations ont décidé de tenir "
            "une réunion le 3 mai à Genève.",
            "3 mai",
        ),
        (
            "Après deux jours de discussions à Nairobi, les délégations ont convenu de se "
            "réunir le 3 mai à Genève.",
            "3 mai",
        ),
        (
            "Após dois dias de negociações em Nairóbi, as delegações decidiram realizar uma "
            "cúpula em 3 de maio em Genebra.",
            "3 de maio",
        ),
        (
            "Após dois dias de negociações em Nairóbi, os ministros concordaram em se reunir "
            "em 3 de maio em Genebra.",
            "3 de maio",
        ),
    ],
)
def test_a_past_decision_to_hold_looks_ahead(text: str, date_text: str) -> None:
    assert _by_text(text)[date_text] == "2026-05-03"


def test_a_decided_date_just_before_publication_stays_in_its_year() -> None:
    text = (
        "At their meeting last week the ministers agreed to meet again on 5 March in "
        "Geneva to finish the text, officials said."
    )
    assert _by_text(text)["5 March"] == "2026-03-05"


def test_a_date_before_the_decision_is_the_decisions() -> None:
    text = "On 4 March the ministers agreed to hold a new round of talks in Geneva."
    assert _by_text(text)["4 March"] == "2026-03-04"
    assert Tenses.of(text).at(text.index("4 March")) != INTENDED


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        (
            "The sanctions were extended until 3 May, the council said in a statement on "
            "its website.",
            "3 May",
        ),
        (
            "Las sanciones fueron prorrogadas hasta el 3 de mayo, informó el consejo en un "
            "comunicado.",
            "3 de mayo",
        ),
        (
            "Les sanctions ont été prolongées jusqu'au 3 mai, a indiqué le conseil dans un "
            "communiqué.",
            "3 mai",
        ),
        (
            "As sanções foram prorrogadas até 3 de maio, informou o conselho em um "
            "comunicado oficial.",
            "3 de maio",
        ),
    ],
)
def test_until_a_date_near_publication_is_ongoing(text: str, date_text: str) -> None:
    assert _by_text(text)[date_text] == "2026-05-03"


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        # far from the publication date, the tense decides as before
        (
            "The talks in Geneva lasted until 4 December, when the delegations left the "
            "city without a deal.",
            "4 December",
            "2025-12-04",
        ),
        (
            "The public consultation will remain open until 30 September, the secretariat said.",
            "30 September",
            "2026-09-30",
        ),
    ],
)
def test_until_a_far_date_follows_the_tense(text: str, date_text: str, expected: str) -> None:
    assert _by_text(text)[date_text] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The offer stands until ", "en"),
        ("el plazo vence hasta el ", "es"),
        ("ouvert jusqu’au ", "fr"),
        ("prorrogado até o dia ", "pt"),
    ],
)
def test_until_words(text: str, language: str) -> None:
    assert ends_with_until(text, language)
    assert not ends_with_until(text + "next ", language)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "On 4 March, the ministers signed the agreement, and they will meet again on "
            "9 June in Lima.",
            "4 March",
            "9 June",
        ),
        (
            "Le 4 mars, les ministres ont signé l'accord, et ils se réuniront de nouveau le "
            "9 juin à Lima.",
            "4 mars",
            "9 juin",
        ),
        (
            "Em 4 de março, o Brasil fez a proposta ao grupo, e os ministros voltarão a se "
            "reunir em 9 de junho.",
            "4 de março",
            "9 de junho",
        ),
        (
            "The talks, which ended on 4 March, will resume on 9 June in Geneva, diplomats said.",
            "4 March",
            "9 June",
        ),
    ],
)
def test_a_marker_of_the_dates_own_clause_wins(text: str, first: str, second: str) -> None:
    found = _by_text(text)
    assert found[first] == "2026-03-04"
    assert found[second] == "2026-06-09"


def test_a_strong_marker_after_the_date_in_its_clause_still_wins() -> None:
    sentence = "On 9 June the delegates, who signed nothing, will meet in Lima."
    assert tense(sentence, sentence.index("9 June")) == 1


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        (
            "The treaty was adopted on 24 December 2024 by the assembly in New York after "
            "long talks.\nOn 20 December, the negotiators had reached a deal on the final "
            "text of the accord.",
            "20 December",
            "2024-12-20",
        ),
        (
            "El tratado fue aprobado el 24 de diciembre de 2024 por la asamblea en Nueva "
            "York.\nEl 20 de diciembre, los negociadores habían alcanzado un acuerdo sobre "
            "el texto final.",
            "20 de diciembre",
            "2024-12-20",
        ),
        # a later step of the story, or one far back, still moves on to the next year
        (
            "The treaty was adopted on 24 December 2024 by the assembly in New York after "
            "long talks.\nIt opens for signature on 25 October in Hanoi, the secretariat "
            "said.",
            "25 October",
            "2025-10-25",
        ),
        (
            "The treaty was adopted on 24 December 2024 by the assembly in New York after "
            "long talks.\nThe first states ratified it on 3 October, the secretariat said.",
            "3 October",
            "2025-10-03",
        ),
    ],
)
def test_a_flashback_stays_days_before_the_story(text: str, date_text: str, expected: str) -> None:
    assert _by_text(text, None)[date_text] == expected


def test_a_future_month_before_a_weekday_fixed_now_is_next_year() -> None:
    text = (
        "GENEVA — The 2026 session opened on Monday, March 2, with delegates from 120 "
        "countries.\nThe next round will be held in February in Nairobi, the chair said."
    )
    found = _by_text(text, None)
    assert found["March 2"] == "2026-03-02"
    assert found["February"] == "2027-02-01"


def test_a_future_month_after_a_weekday_fixed_now_stays() -> None:
    text = (
        "GENEVA — The 2026 session opened on Monday, March 2, with delegates from 120 "
        "countries.\nThe next round will be held in June in Nairobi, the chair said."
    )
    assert _by_text(text, None)["June"] == "2026-06-01"
