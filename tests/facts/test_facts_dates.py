"""Date facts: every form issue 3 lists, year inference, and what is not a date."""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.dates import extract_dates, tense
from treatytui.facts.sentences import SentenceIndex

PUBLISHED = date(2025, 9, 9)


def _article(text: str, published: date | None = PUBLISHED) -> Article:
    return Article(id="test.txt", path="/tmp/test.txt", text=text, published=published)


def _dates(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str, str | None, str]]:
    article = _article(text, published)
    facts = extract_dates(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence
    return [(f.text, f.get("date_from"), f.get("date_to"), f.get("precision")) for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The assembly adopted the treaty on December 24, 2024 in New York.",
            ("December 24, 2024", "2024-12-24", None, "day"),
        ),
        (
            "The assembly adopted the treaty on 24 December 2024 after long talks.",
            ("24 December 2024", "2024-12-24", None, "day"),
        ),
        (
            "Ministers will gather in the capital on October 25-26 for the ceremony.",
            ("October 25-26", "2025-10-25", "2025-10-26", "day"),
        ),
        (
            "The expert group will meet on May 14–15, 2026 in Vienna.",
            ("May 14–15, 2026", "2026-05-14", "2026-05-15", "day"),
        ),
        (
            "Talks took place on 14 and 15 May 2025 behind closed doors.",
            ("14 and 15 May 2025", "2025-05-14", "2025-05-15", "day"),
        ),
        (
            "The workshop ran from 3 March-14 April 2023 in three cities.",
            ("3 March-14 April 2023", "2023-03-03", "2023-04-14", "day"),
        ),
        (
            "The review conference was held in December 2024.",
            ("December 2024", "2024-12-01", None, "month"),
        ),
        (
            "The filing is dated 14/03/2025 and was stamped the same day.",
            ("14/03/2025", "2025-03-14", None, "day"),
        ),
        (
            "The registry logged it as 2025-03-14 in its records.",
            ("2025-03-14", "2025-03-14", None, "day"),
        ),
        (
            "HANOI 03Nov2025 (wire) Officials met again.",
            ("03Nov2025", "2025-11-03", None, "day"),
        ),
        (
            "Delegations arrived on Oct. 31-Nov. 2, 2025 for the closing round.",
            ("Oct. 31-Nov. 2, 2025", "2025-10-31", "2025-11-02", "day"),
        ),
        (
            "Consultations are planned for October-November 2025 in two rounds.",
            ("October-November 2025", "2025-10-01", "2025-11-01", "month"),
        ),
        (
            "Each party must report by the 30th of June 2026 at the latest.",
            ("30th of June 2026", "2026-06-30", None, "day"),
        ),
    ],
)
def test_written_forms(text: str, expected: tuple[str, str, str | None, str]) -> None:
    assert _dates(text) == [expected]


def test_weekday_is_not_part_of_the_span_but_picks_the_year() -> None:
    # Published in January 2026: Tuesday, Nov. 4 can only be 4 November 2025.
    found = _dates(
        "The signing round closed on Tuesday, Nov. 4 with a short speech.", date(2026, 1, 20)
    )
    assert found == [("Nov. 4", "2025-11-04", None, "day")]


def test_parenthesised_date_after_a_weekday() -> None:
    found = _dates("The session runs until Friday (September 12) at the resort.", date(2025, 9, 9))
    assert found == [("September 12", "2025-09-12", None, "day")]


def test_range_with_to() -> None:
    assert _dates("Inspectors will visit from June 3 to 7 next month.", date(2025, 5, 20)) == [
        ("June 3 to 7", "2025-06-03", "2025-06-07", "day")
    ]


def test_two_separate_days_joined_by_and() -> None:
    found = _dates("The panels sat on 5 and 12 May 2025 in separate rooms.")
    assert [f[1] for f in found] == ["2025-05-05", "2025-05-12"]


def test_month_only_forms() -> None:
    found = _dates("The ceremony takes place this October. Experts first met in March.")
    assert found == [
        ("this October", "2025-10-01", None, "month"),
        ("March", "2025-03-01", None, "month"),
    ]


def test_month_only_needs_a_leading_word() -> None:
    # "May" as a verb and a month name used as a name are not dates.
    assert _dates("Parties may join later. The October Group issued a note.") == []


def test_short_day_month() -> None:
    assert _dates("The board will decide on 14/3 whether to proceed.", date(2025, 3, 1)) == [
        ("14/3", "2025-03-14", None, "day")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The helpline is staffed 24/7 by volunteers.",
        "It recalled resolution 78/123 of the General Assembly.",
        "The text passed in a 101-45 vote with 20 abstentions.",
        "The 63rd Annual Session opened, and the 76th Session closed.",
        "Delegates from 110 countries attended the talks.",
        "The Data Protection Act 2018 still applies.",
        "Cooperation has grown since 2019 and the 1955 conference.",
        "Roughly 3/4 of the delegations agreed.",
    ],
)
def test_not_dates(text: str) -> None:
    assert _dates(text) == []


class TestYearInference:
    def test_future_event_announced_before_it_happens(self) -> None:
        text = "The signing ceremony is set for October 25-26 in the capital."
        assert _dates(text, date(2025, 9, 9))[0][1:3] == ("2025-10-25", "2025-10-26")

    def test_future_tense_in_january_looks_forward(self) -> None:
        text = "The follow-up meeting will take place in January in Geneva."
        assert _dates(text, date(2025, 10, 15))[0][1] == "2026-01-01"

    def test_past_tense_in_january_looks_back(self) -> None:
        text = "The preparatory meeting was held in January in Geneva."
        assert _dates(text, date(2025, 10, 15))[0][1] == "2025-01-01"

    def test_past_event_late_in_the_year(self) -> None:
        # Published in early January: "December 28" in the past tense is last year.
        text = "The decree was signed on December 28 by the president."
        assert _dates(text, date(2026, 1, 6))[0][1] == "2025-12-28"

    def test_no_tense_takes_the_nearest(self) -> None:
        assert _dates("Deadline: November 30.", date(2025, 11, 2))[0][1] == "2025-11-30"

    def test_this_year_after_a_date(self) -> None:
        text = "A summit set for October 25-26 this year will close the round."
        assert _dates(text, date(2025, 2, 1))[0][1] == "2025-10-25"

    def test_next_and_last_before_a_month(self) -> None:
        found = _dates("Work resumes next March, as it did last October.", date(2025, 6, 1))
        assert [f[1] for f in found] == ["2026-03-01", "2024-10-01"]

    def test_without_publication_date_uses_the_latest_full_date(self) -> None:
        text = (
            "The treaty was adopted on December 24, 2024 by the assembly. "
            "It opens for signature on October 25 in the capital."
        )
        found = _dates(text, None)
        assert found[1] == ("October 25", "2025-10-25", None, "day")

    def test_without_any_reference_the_year_is_not_stated(self) -> None:
        # Issue 11: a wrong year is worse than none; the fact keeps its month and day.
        article = _article("The meeting opens on October 25 in the capital.", None)
        (fact,) = extract_dates(article, SentenceIndex(article))
        assert (fact.text, fact.get("date_from"), fact.get("date_to")) == ("October 25", None, None)
        assert (fact.get("year_known"), fact.get("month"), fact.get("day")) == (False, 10, 25)

    def test_year_inferred_flag(self) -> None:
        article = _article("The talks end on March 3 at noon.")
        (fact,) = extract_dates(article, SentenceIndex(article))
        assert fact.get("year_inferred") is True


class TestRelative:
    def test_yesterday_is_resolved_against_publication(self) -> None:
        article = _article("Ministers signed the text yesterday in the capital.")
        (fact,) = extract_dates(article, SentenceIndex(article))
        assert (fact.text, fact.get("date_from"), fact.get("resolved")) == (
            "yesterday",
            "2025-09-08",
            "relative",
        )

    def test_last_year_is_a_year(self) -> None:
        article = _article("The convention was adopted last year after five years of talks.")
        (fact,) = extract_dates(article, SentenceIndex(article))
        assert (fact.get("date_from"), fact.get("precision")) == ("2024-01-01", "year")

    def test_relative_without_publication_is_left_out(self) -> None:
        assert _dates("Ministers signed the text yesterday.", None) == []

    @pytest.mark.parametrize(
        "text",
        [
            "Delegates arrived over the weekend.",
            "The session opened on Monday.",
            "Cybercrime has grown over the last year.",
        ],
    )
    def test_uncertain_relatives_are_left_out(self, text: str) -> None:
        assert _dates(text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The meeting will take place in May.", 1),
        ("The meeting is expected in May.", 1),
        ("The meeting was held in May.", -1),
        ("Talks in May.", 0),
    ],
)
def test_tense(sentence: str, expected: int) -> None:
    assert tense(sentence, sentence.index("May")) == expected
