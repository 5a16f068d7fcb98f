"""The timeline view: chronological rows, one per event, filters and jumps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from views_articles import article, dated, load_test_articles, venue

from treatytui.views.dates import DateRange, parse_date_range
from treatytui.views.timeline import (
    TimelineFilter,
    TimelineRow,
    build_timeline,
    index_on_or_after,
    step_period,
)


@pytest.fixture
def rows(collection_dir: Path) -> list[TimelineRow]:
    return build_timeline(load_test_articles(collection_dir))


def by_date(rows: list[TimelineRow], label: str) -> list[TimelineRow]:
    return [row for row in rows if row.date_label == label]


def test_rows_are_chronological_with_ranges_as_ranges(rows: list[TimelineRow]) -> None:
    firsts = [row.first for row in rows]
    assert firsts == sorted(firsts)
    labels = [row.date_label for row in rows]
    assert labels[0] == "24 Dec 2024"
    assert "25–26 Oct 2025" in labels and "8–12 Sep 2025" in labels
    # "September" (a month) comes before the days of September; ranges keep both ends.
    assert labels.index("Sep 2025") < labels.index("8–12 Sep 2025")
    (span,) = by_date(rows, "25–26 Oct 2025")
    assert (span.first, span.last) == (date(2025, 10, 25), date(2025, 10, 26))


def test_same_event_reported_by_several_articles_is_one_row(rows: list[TimelineRow]) -> None:
    # 25 October 2025 in Hanoi: the wire, the shared collection's report and the recap.
    (signing,) = by_date(rows, "25 Oct 2025")
    assert signing.article_count == 3
    ids = {m.article_id.rsplit("/", 1)[-1] for m in signing.mentions}
    assert ids == {"hanoi-wire.md", "hanoi-signing.txt", "hanoi-recap.md"}
    # 25-26 October: a seed (same wording: "signing ceremony"), the preview and the wire.
    (ceremony,) = by_date(rows, "25–26 Oct 2025")
    assert ceremony.article_count == 3
    # Mentions are ordered by publication date: the first report first.
    published = [m.published for m in ceremony.mentions]
    assert published == sorted(published)


def test_publication_stamps_are_not_events(rows: list[TimelineRow]) -> None:
    assert not any("Latest Update" in m.sentence for row in rows for m in row.mentions)


def test_label_is_the_sentence_trimmed_around_the_date(rows: list[TimelineRow]) -> None:
    for row in rows:
        assert len(row.label) <= 102
        assert row.mentions[0].text.split()[0] in row.label


def test_same_date_different_events_stay_apart() -> None:
    first = "Talks opened in Vienna on 2 March 2025."
    second = "Lawyers protested in Nairobi on 2 March 2025 against surveillance."
    rows = build_timeline(
        [
            article("a", dated("2 March 2025", first, "2025-03-02"), venue("Vienna", first)),
            article("b", dated("2 March 2025", second, "2025-03-02"), venue("Nairobi", second)),
        ]
    )
    assert [row.article_count for row in rows] == [1, 1]


def test_shared_venue_alone_makes_one_event() -> None:
    first = "Signed in Hanoi on 25 October 2025."
    second = "On 25 October 2025 Hanoi welcomed ministers."
    rows = build_timeline(
        [
            article("a", dated("25 October 2025", first, "2025-10-25"), venue("Hanoi", first)),
            article("b", dated("25 October 2025", second, "2025-10-25"), venue("Hanoi", second)),
        ]
    )
    assert len(rows) == 1 and rows[0].article_count == 2


def test_a_venue_named_in_two_languages_makes_one_event() -> None:
    first = "Signed in Geneva on 25 October 2025."
    second = "El 25 de octubre de 2025 Ginebra recibió a los ministros."
    ginebra = replace(venue("Ginebra", second), attrs={"name": "Ginebra", "name_en": "Geneva"})
    rows = build_timeline(
        [
            article("a", dated("25 October 2025", first, "2025-10-25"), venue("Geneva", first)),
            article("b", dated("25 de octubre de 2025", second, "2025-10-25"), ginebra),
        ]
    )
    assert len(rows) == 1 and rows[0].article_count == 2


def test_same_words_but_other_date_value_stay_apart() -> None:
    sentence_a = "The signing ceremony is set for October 25-26."
    sentence_b = "The signing ceremony took place on October 25."
    rows = build_timeline(
        [
            article("a", dated("October 25-26", sentence_a, "2025-10-25", "2025-10-26")),
            article("b", dated("October 25", sentence_b, "2025-10-25")),
        ]
    )
    assert [row.date_label for row in rows] == ["25–26 Oct 2025", "25 Oct 2025"]


def test_invalid_dates_are_skipped() -> None:
    rows = build_timeline([article("a", dated("sometime", "At sometime.", "not-a-date"))])
    assert rows == []


def test_filter_by_dates_and_text(rows: list[TimelineRow]) -> None:
    timeline = TimelineFilter(rows)
    october = timeline.apply(parse_date_range("2025-10"))
    assert {row.date_label for row in october} == {"Oct 2025", "25–26 Oct 2025", "25 Oct 2025"}
    assert [r.date_label for r in timeline.apply(text="KAMPALA")] == ["Sep 2025"]
    # The text filter reads sources and titles too.
    assert {r.date_label for r in timeline.apply(text="mekong wire")} == {
        "25–26 Oct 2025",
        "25 Oct 2025",
    }
    assert timeline.apply(DateRange(), "") == list(rows)
    assert timeline.apply(parse_date_range("2027..")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", DateRange()),
        ("2025", DateRange(date(2025, 1, 1), date(2025, 12, 31))),
        ("2025-02", DateRange(date(2025, 2, 1), date(2025, 2, 28))),
        ("2025-10-25", DateRange(date(2025, 10, 25), date(2025, 10, 25))),
        ("2025-09..2025-10", DateRange(date(2025, 9, 1), date(2025, 10, 31))),
        ("2025-10 to 2026", DateRange(date(2025, 10, 1), date(2026, 12, 31))),
        ("2025-10..", DateRange(date(2025, 10, 1), None)),
        ("..2024", DateRange(None, date(2024, 12, 31))),
    ],
)
def test_parse_date_range(text: str, expected: DateRange) -> None:
    assert parse_date_range(text) == expected


@pytest.mark.parametrize("text", ["October", "2025-13", "2026..2025", "25/10/2025"])
def test_parse_date_range_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date_range(text)


def test_jumps_by_year_and_month(rows: list[TimelineRow]) -> None:
    labels = [row.date_label for row in rows]
    assert index_on_or_after(rows, date(2025, 10, 1)) == labels.index("Oct 2025")
    assert index_on_or_after(rows, date(2030, 1, 1)) == len(rows) - 1
    start = labels.index("24 Dec 2024")
    next_year = step_period(rows, start, "year", 1)
    assert rows[next_year].first.year == 2025 and labels[next_year] == "Sep 2025"
    assert step_period(rows, next_year, "year", -1) == start
    october = labels.index("Oct 2025")
    assert rows[step_period(rows, october, "month", 1)].first.month == 12
    # Backwards: first to the start of the current month, then to the previous month.
    inside = labels.index("25 Oct 2025")
    assert step_period(rows, inside, "month", -1) == october
    assert labels[step_period(rows, october, "month", -1)] == "Sep 2025"
    last = len(rows) - 1
    assert step_period(rows, last, "year", 1) == last
    assert step_period([], 0, "month", 1) == 0


def test_scales_linearly_with_many_mentions_of_one_date() -> None:
    # 3,000 mentions of one day with no venue and different words: no pairwise blow-up.
    import time

    articles = [
        article(f"a{n}", dated("1 May 2025", f"Item w{n}x v{n}y on 1 May 2025.", "2025-05-01"))
        for n in range(3000)
    ]
    started = time.perf_counter()
    rows = build_timeline(articles)
    assert len(rows) == 3000
    assert time.perf_counter() - started < 2.0
