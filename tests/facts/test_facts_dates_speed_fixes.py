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
