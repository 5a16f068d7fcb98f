"""The view rows a refresh changes: the disagreement marks and the common-word counts stay
as counted anew, and changing one article costs the same in a large collection as in a
small one (no pass over a date value's mentions or a group's figures)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

from treatytui.facts.model import Fact
from treatytui.search.documents import ArticleFacts
from treatytui.search.viewrows import disagreeing, figure_bounds
from treatytui.search.viewstore import ViewRowsWriter

SENTENCE = "Delegates of {n} countries signed the accord in Lisbon on 12 March 2025."


def _article(doc_id: str, value: int, qualifier: str = "exact", words: str = "") -> ArticleFacts:
    """An article that dates one meeting and counts its signatories."""
    sentence = SENTENCE.format(n=value) + (f" {words}" if words else "")
    facts = (
        Fact("date", "12 March 2025", 0, 13, sentence,
             {"date_from": "2025-03-12", "date_to": None, "precision": "day"}),
        Fact("venue", "Lisbon", 20, 26, sentence, {"name": "Lisbon"}),
        Fact("count", f"{value} countries", 30, 40, sentence,
             {"value": value, "qualifier": qualifier, "unit": "countries"}),
    )  # fmt: skip
    return ArticleFacts(doc_id, f"Accord {doc_id}", "Wire", date(2025, 3, 13), None, facts)


def _writer(folder: Path, generation: int) -> ViewRowsWriter:
    folder.mkdir(exist_ok=True)
    return ViewRowsWriter(folder, generation)


def _marks(folder: Path) -> tuple[dict[int, bool], dict[int, bool]]:
    """The stored disagreement marks, and the marks ``disagreeing`` gives the same figures."""
    db = sqlite3.connect(folder / "views.sqlite")
    rows = db.execute(
        "SELECT number, role, unit, verb, date_from, date_to, value, value_to, qualifier,"
        " disagrees FROM figures"
    ).fetchall()
    db.close()
    buckets: dict[tuple, list[tuple]] = {}
    for row in rows:
        buckets.setdefault(row[1:6], []).append(row)
    expected = {}
    for same in buckets.values():
        marks = disagreeing([figure_bounds(r[6], r[7], r[8]) for r in same])
        expected.update((r[0], mark) for r, mark in zip(same, marks, strict=True))
    return {r[0]: bool(r[9]) for r in rows}, expected


def _words(folder: Path) -> tuple[dict[str, int], int]:
    db = sqlite3.connect(folder / "views.sqlite")
    words = dict(db.execute("SELECT word, shared FROM words"))
    (shared,) = db.execute("SELECT shared FROM stamp").fetchone()
    db.close()
    return words, shared


def test_marks_and_word_counts_follow_each_change(tmp_path: Path) -> None:
    folder = tmp_path / "gen"
    writer = _writer(folder, 1)
    for number, value in enumerate((60, 61, 59, 62)):
        writer.put(_article(f"a{number}", value, "about", words="ministers gathered"))
    writer.commit(1)
    stored, expected = _marks(folder)
    assert stored == expected and not any(stored.values())  # they all meet
    steps = [
        ("a4", 150, "exact"),  # one far above the others: marked
        ("a5", 140, "more_than"),  # now the 150 meets it; the sixties do not
        ("a5", 10, "fewer_than"),  # changed: up to 10 meets none
        ("a4", 60, "exact"),  # changed back into the crowd
    ]
    for generation, (doc_id, value, qualifier) in enumerate(steps, start=2):
        writer.put(_article(doc_id, value, qualifier, words=f"step{generation} summit"))
        writer.commit(generation)
        stored, expected = _marks(folder)
        assert stored == expected, (doc_id, value, qualifier)
    assert any(stored.values())
    for doc_id in ("a5", "a0", "a1", "a2"):  # down to two mentions of the date, then one
        writer.remove(doc_id)
        writer.commit(10)
        stored, expected = _marks(folder)
        assert stored == expected
    counted = _words(folder)
    writer.close()
    anew = tmp_path / "anew"  # the same articles, put into empty rows
    fresh = _writer(anew, 1)
    fresh.put(_article("a3", 62, "about", words="ministers gathered"))
    fresh.put(_article("a4", 60, "exact", words="step5 summit"))
    fresh.commit(1)
    fresh.close()
    assert counted == _words(anew)
    writer = _writer(folder, 10)
    writer.remove("a3")  # one mention left: no word counts at all
    writer.commit(11)
    writer.close()
    assert _words(folder) == ({}, 0)


def _steps_of_one_change(folder: Path, articles: int) -> int:
    """SQLite's virtual-machine steps (in thousands) to change one article among
    ``articles`` that all date the same meeting and count its signatories."""
    writer = _writer(folder, 1)
    for number in range(articles):
        writer.put(_article(f"a{number:05}", 50 + number % 5, "about", words="ministers gathered"))
    writer.commit(1)
    steps = Counter[str]()

    def step() -> int:
        steps["thousands"] += 1
        return 0

    writer._db.set_progress_handler(step, 1000)
    writer.put(_article("a00003", 52, "about", words="delegates walked out"))
    writer.commit(2)
    writer.close()
    return steps["thousands"]


def test_one_change_costs_the_same_in_a_larger_collection(tmp_path: Path) -> None:
    small = _steps_of_one_change(tmp_path / "small", 200)
    large = _steps_of_one_change(tmp_path / "large", 4000)
    assert large < 2 * small + 20, (small, large)  # (was 20 times as many: every figure read)
