"""The views built from a stream of articles into compact rows: the same rows as the views
that held every fact (``views_before_compact.json``: their output on the test articles),
each article read once, and the sentences kept compressed, not as strings."""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from treatytui.facts.model import Fact
from treatytui.search.documents import ArticleFacts
from treatytui.views.dates import parse_date_range
from treatytui.views.export import figure_records, timeline_records
from treatytui.views.figures import build_figures, filter_figures
from treatytui.views.store import BLOCK, TextStore
from treatytui.views.timeline import TimelineFilter, build_timeline

BEFORE = json.loads((Path(__file__).parent / "views_before_compact.json").read_text("utf-8"))


def stream(records: list[dict[str, Any]]) -> Iterator[ArticleFacts]:
    """The articles one at a time, as ``Searcher.stream_facts`` gives them (once only)."""
    for record in records:
        published = record["published"]
        yield ArticleFacts(
            id=record["id"],
            title=record["title"],
            source=record["source"],
            published=date.fromisoformat(published) if published else None,
            url=record["url"],
            facts=tuple(Fact.from_dict(d) for d in record["facts"]),
        )


def test_the_timeline_is_the_one_built_from_every_fact() -> None:
    rows = build_timeline(stream(BEFORE["articles"]))
    assert timeline_records(rows) == BEFORE["timeline"]
    kept = TimelineFilter(rows).apply(parse_date_range("2025"), "hanoi")
    assert timeline_records(kept) == BEFORE["timeline_filtered"]


def test_the_figures_are_the_ones_built_from_every_fact() -> None:
    groups = build_figures(stream(BEFORE["articles"]))
    assert figure_records(groups) == BEFORE["figures"]
    kept = filter_figures(groups, parse_date_range("2025-10"), "times")
    assert figure_records(kept) == BEFORE["figures_filtered"]
    assert filter_figures(groups) == groups


def test_a_filter_finds_text_in_titles_sources_and_sentences_in_any_case() -> None:
    rows = build_timeline(stream(BEFORE["articles"]))
    everything = TimelineFilter(rows)
    source = next(m.source for row in rows for m in row.mentions if m.source)
    by_source = everything.apply(text=source.upper())
    assert by_source and all(any(m.source == source for m in r.mentions) for r in by_source)
    assert everything.apply(text="no such words anywhere") == []


WORDS = """the delegates of many countries signed a convention on cybercrime after long
talks with ministers officials and observers who said that the treaty would enter into
force once enough states ratify it""".split()


def _articles(n: int, sentence_words: int = 40) -> Iterator[ArticleFacts]:
    """``n`` articles reporting one event, each in a sentence of its own (news-like words)."""
    for i in range(n):
        sentence = (
            f"On 3 May 2025 envoys met in Hanoi, report {i}: "
            + " ".join(WORDS[(i * 7 + j * (i % 5 + 1)) % len(WORDS)] for j in range(sentence_words))
            + "."
        )
        date_fact = Fact("date", "3 May 2025", 3, 13, sentence,
                         {"date_from": "2025-05-03", "precision": "day"})  # fmt: skip
        count = Fact("count", f"{i + 2} countries", 20, 32, sentence,
                     {"value": i + 2, "unit": "countries", "qualifier": "exact"})  # fmt: skip
        venue = Fact("venue", "Hanoi", 30, 35, sentence, {"name": "Hanoi"})
        yield ArticleFacts(f"a{i:05d}", f"Title {i}", "Wire", date(2025, 5, 4), None,
                           (date_fact, count, venue))  # fmt: skip


@pytest.mark.parametrize("build", [build_timeline, build_figures])
def test_the_sentences_are_kept_compressed(build) -> None:  # type: ignore[no-untyped-def]
    n = 6000
    sentence_bytes = sum(len(a.facts[0].sentence) for a in _articles(n))
    gc.collect()
    tracemalloc.start()
    try:
        built = build(_articles(n))
        gc.collect()
        kept, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert built
    # As strings the sentences alone took more than this (~1.8 MB); compressed they are
    # a fraction, with the numbers of each mention.
    assert kept < sentence_bytes / 2, (kept, sentence_bytes)


def test_each_article_is_read_once_as_it_comes() -> None:
    taken: list[str] = []

    def counted() -> Iterator[ArticleFacts]:
        for article in _articles(50):
            taken.append(article.id)
            yield article

    rows = build_timeline(counted())
    assert len(taken) == 50 == len(set(taken))
    (row,) = rows  # one event: the same day and venue in 50 articles
    assert row.article_count == 50
    assert [m.article_id for m in row.mentions][:2] == ["a00000", "a00001"]


def test_text_store_gives_back_what_it_was_given() -> None:
    store = TextStore()
    texts = [f"Sentence {i} — Genève, São Paulo, 東京, \udcff" for i in range(BLOCK * 3 + 5)]
    numbers = [store.add(text) for text in texts]
    assert numbers == list(range(len(texts)))
    assert [store[n] for n in reversed(numbers)] == texts[::-1]
    assert store.matching("sentence 70 — genève") == {70}
    assert store.matching("são paulo") == set(numbers)
    assert store.matching("nowhere") == set()


def test_figure_lines_are_made_when_read_and_found_again() -> None:
    from treatytui.views.figures import Figure, FigureEntries, FigureGroup

    groups = build_figures(stream(BEFORE["articles"]))
    entries = FigureEntries(groups)
    listed = [entry for group in groups for entry in (group, *group.figures)]
    assert len(entries) == len(listed) and list(entries) == listed
    assert entries.figure_count == sum(isinstance(e, Figure) for e in listed)
    assert entries[-1] == listed[-1] and entries[1:3] == listed[1:3]
    for position, entry in enumerate(listed):
        assert entries.index(entry) == position
    assert isinstance(entries[0], FigureGroup)
    with pytest.raises(ValueError):
        entries.index("nothing")
