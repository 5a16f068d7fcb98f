"""Dates whose year the article does not state (``year_known: false``) in the views.

They read "8 Feb (year not stated)" in the facts panel and the facts table, come after
the dated entries, and never reach the timeline or anything that orders by date.
"""

from __future__ import annotations

import pytest
from views_articles import article, dated, fact

from treatytui.app.factlabels import date_label, group_facts
from treatytui.commands.facts import describe
from treatytui.views.dates import fact_date_label, yearless_label
from treatytui.views.timeline import build_timeline


def yearless(text: str, sentence: str, month: int, day: int | None, **more: object):
    return fact(
        "date", text, sentence, date_from=None, date_to=None, precision="day" if day else "month",
        year_known=False, month=month, day=day, **more,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((2, 8), "8 Feb (year not stated)"),
        ((6, None), "Jun (year not stated)"),
        ((3, 3, 3, 5), "3–5 Mar (year not stated)"),
        ((12, 30, 1, 2), "30 Dec – 2 Jan (year not stated)"),
        ((2, 29), "29 Feb (year not stated)"),
    ],
)
def test_yearless_labels(args: tuple, expected: str) -> None:
    assert yearless_label(*args) == expected


def test_a_fact_without_month_or_date_reads_as_written() -> None:
    assert fact_date_label({"date_from": None, "month": 13}, "sometime") == "sometime"
    assert fact_date_label({"date_from": "2025-10-25", "precision": "day"}, "x") == "25 Oct 2025"


def test_the_panel_shows_the_year_is_not_stated_and_lists_it_after_dated_ones() -> None:
    sentence = "Experts met on 8 Feb and again on 3 March 2025."
    facts = [yearless("8 Feb", sentence, 2, 8), dated("3 March 2025", sentence, "2025-03-03")]
    assert date_label(facts[0]) == "8 Feb (year not stated)"
    (_title, entries), *_ = group_facts(facts)
    assert [e.label for e in entries] == ["3 Mar 2025", "8 Feb (year not stated)"]


def test_the_facts_table_describes_a_yearless_date() -> None:
    fact_json = yearless("8 Feb", "Experts met on 8 Feb.", 2, 8).to_dict()
    assert describe(fact_json) == "8 Feb (year not stated)"


def test_yearless_dates_stay_out_of_the_timeline() -> None:
    sentence = "Experts met on 8 Feb and again on 3 March 2025 in Geneva."
    first = article(
        "a", yearless("8 Feb", sentence, 2, 8), dated("3 March 2025", sentence, "2025-03-03")
    )
    second = article("b", yearless("mid-May", "Talks resume in mid-May.", 5, None))
    rows = build_timeline([first, second])
    assert [row.date_label for row in rows] == ["3 Mar 2025"]
