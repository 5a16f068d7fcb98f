"""The views read from the stored view rows are the views built from the stored facts:
the same rows in the same order, for the whole collection, a subset, dates and text;
and the rows stay right as a refresh adds, changes and removes articles."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

from treatytui.search.indexer import refresh
from treatytui.search.location import VIEW_ROWS, IndexLocation
from treatytui.search.searcher import Searcher
from treatytui.search.viewstore import ViewRows
from treatytui.textsafety import json_text
from treatytui.views.dates import parse_date_range
from treatytui.views.export import _flat_json, export_figures, export_timeline
from treatytui.views.figures import FIGURE_KINDS, build_figures, filter_figures
from treatytui.views.store import MentionTable
from treatytui.views.stored import figure_table, stored_figures, stored_timeline
from treatytui.views.timeline import TIMELINE_KINDS, TimelineFilter, build_timeline

FILTERS = [("", ""), ("2025", ""), ("", "hanoi"), ("2025-10..", "the"), ("..2024", "")]
SYNTHETIC = 260  # enough dated mentions (> 200) for the too-common words to count


def _synthetic() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("synthetic", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("stored-views")
    articles = _synthetic().write_collection(base / "articles", SYNTHETIC)
    test_data = Path(__file__).resolve().parents[1] / "data" / "events"
    for path in test_data.iterdir():
        shutil.copy(path, articles / path.name)
    refresh(base / "index", [articles], workers=1)
    return base / "index", articles


def _built(index: Path, ids: set[str] | None = None):
    searcher = Searcher(index)
    try:
        timeline = list(searcher.stream_facts(None, TIMELINE_KINDS))
        figures = list(searcher.stream_facts(None, FIGURE_KINDS))
    finally:
        searcher.close()
    if ids is not None:
        timeline = [a for a in timeline if a.id in ids]
        figures = [a for a in figures if a.id in ids]
    return TimelineFilter(build_timeline(timeline)), build_figures(figures)


def _assert_same(index: Path, ids: set[str] | None = None) -> None:
    timeline, groups = _built(index, ids)
    rows = ViewRows.open(index)
    assert rows is not None
    try:
        articles = None if ids is None else rows.article_numbers(ids)
        for dates_text, text in FILTERS:
            dates = parse_date_range(dates_text)
            for fmt in ("json", "csv"):
                expected = export_timeline(timeline.apply(dates, text), fmt)
                got = export_timeline(stored_timeline(rows, dates, text, articles), fmt)
                assert got == expected, (dates_text, text, fmt)
                expected = export_figures(filter_figures(groups, dates, text), fmt)
                got = export_figures(stored_figures(rows, dates, text, articles), fmt)
                assert got == expected, (dates_text, text, fmt)
    finally:
        rows.close()


def test_the_stored_views_are_the_built_ones(seed_index: Path) -> None:
    _assert_same(seed_index)


def test_the_stored_views_of_many_articles_are_the_built_ones(
    synthetic_index: tuple[Path, Path],
) -> None:
    index, _articles = synthetic_index
    rows = ViewRows.open(index)
    assert rows is not None
    try:  # the too-common words count here, and many events share a date
        assert rows.common_words(0.10, 200)
    finally:
        rows.close()
    _assert_same(index)


def test_the_stored_views_of_some_articles_are_the_built_ones(
    synthetic_index: tuple[Path, Path],
) -> None:
    index, _articles = synthetic_index
    searcher = Searcher(index)
    try:
        ids = {a.id for a in searcher.stream_facts(None, ()) if hash(a.id) % 3}
    finally:
        searcher.close()
    _assert_same(index, ids)


def test_the_reader_keeps_the_same_rows_in_one_table(seed_index: Path) -> None:
    timeline, groups = _built(seed_index)
    rows = ViewRows.open(seed_index)
    assert rows is not None
    try:
        kept = TimelineFilter(list(stored_timeline(rows, table=MentionTable())))
        kept_groups = figure_table(stored_figures(rows))
    finally:
        rows.close()
    assert len({id(row.table) for row in kept.rows}) == 1  # one compressed table
    assert all(isinstance(row.table, MentionTable) for row in kept.rows)
    assert len({id(group.figures.table) for group in kept_groups}) == 1  # type: ignore[attr-defined]
    assert export_timeline(kept.apply(), "json") == export_timeline(timeline.apply(), "json")
    assert export_figures(kept_groups, "json") == export_figures(groups, "json")
    dates = parse_date_range("2025")
    assert export_figures(filter_figures(kept_groups, dates, "hanoi"), "csv") == export_figures(
        filter_figures(groups, dates, "hanoi"), "csv"
    )


def _word_counts(index: Path) -> tuple[dict[str, int], int]:
    folder = IndexLocation(index).live_generation()
    assert folder is not None
    db = sqlite3.connect(folder / VIEW_ROWS)
    try:
        words = dict(db.execute("SELECT word, shared FROM words"))
        (shared,) = db.execute("SELECT shared FROM stamp").fetchone()
    finally:
        db.close()
    return words, shared


def test_a_refresh_keeps_the_rows_and_counts_right(
    synthetic_index: tuple[Path, Path], tmp_path: Path
) -> None:
    source_index, source_articles = synthetic_index
    articles = tmp_path / "articles"
    shutil.copytree(source_articles, articles)
    index = tmp_path / "index"
    shutil.copytree(source_index, index)
    refresh(index, [articles], workers=1)  # (moved: each article put again)
    names = sorted(p.name for p in articles.glob("*.txt"))
    for name in names[:5]:  # gone
        (articles / name).unlink()
    for name in names[5:9]:  # changed: another article's text under this name
        (articles / name).write_text((articles / names[-1]).read_text() + "\nMore.\n")
    (articles / "new.txt").write_text((articles / names[-2]).read_text())
    report = refresh(index, [articles], workers=1)
    assert len(report.removed) == 5 and len(report.updated) == 4 and len(report.added) == 1
    _assert_same(index)
    counted = _word_counts(index)
    rebuilt = tmp_path / "rebuilt"
    refresh(rebuilt, [articles], workers=1)
    assert counted == _word_counts(rebuilt)  # the counts kept as rows changed: as counted anew


def test_rows_of_another_state_of_the_index_are_not_read(seed_index: Path) -> None:
    folder = IndexLocation(seed_index).live_generation()
    assert folder is not None and ViewRows.open(seed_index) is not None
    db = sqlite3.connect(folder / VIEW_ROWS)
    db.execute("UPDATE stamp SET generation = generation + 1")
    db.commit()
    db.close()
    assert ViewRows.open(seed_index) is None  # built from the facts instead
    refresh(seed_index, [], workers=1)  # (no folders: every article leaves the index)
    rows = ViewRows.open(seed_index)
    assert rows is not None and rows.article_count() == 0
    rows.close()


def test_an_index_without_rows_gets_them_at_its_next_refresh(
    collection_dir: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    refresh(index, [collection_dir], workers=1)
    folder = IndexLocation(index).live_generation()
    assert folder is not None
    (folder / VIEW_ROWS).unlink()  # as an earlier version wrote it
    assert ViewRows.open(index) is None
    report = refresh(index, [collection_dir], workers=1)
    assert not report.changed
    _assert_same(index)


def test_rows_of_an_earlier_version_are_made_anew(collection_dir: Path, tmp_path: Path) -> None:
    articles = tmp_path / "collection"
    shutil.copytree(collection_dir, articles)
    index = tmp_path / "index"
    refresh(index, [articles], workers=1)
    folder = IndexLocation(index).live_generation()
    assert folder is not None
    db = sqlite3.connect(folder / VIEW_ROWS)
    db.execute("UPDATE stamp SET version = 0")
    db.execute("DROP INDEX figures_high")  # (tables of another shape: version 2's)
    db.execute("ALTER TABLE figures DROP COLUMN high")
    db.commit()
    db.close()
    assert ViewRows.open(index) is None
    changed = sorted(articles.glob("*.txt"))[0]  # (and an article changed meanwhile)
    changed.write_text(changed.read_text() + "\nThe talks resume on 3 March 2026.\n")
    report = refresh(index, [articles], workers=1)
    assert len(report.updated) == 1
    _assert_same(index)


@pytest.mark.parametrize(
    "record",
    [
        {"a": "x\u2028y\x85z\x1b", "b": 1, "c": 2.5, "d": None, "e": True, "f": "ü—"},
        {"only": ""},
    ],
)
@pytest.mark.parametrize("level", [0, 2])
def test_a_flat_record_is_written_as_json_text_writes_it(record: dict, level: int) -> None:
    for ascii_only in (False, True):
        expected = json_text(record, ascii_only=ascii_only).replace("\n", "\n" + "  " * level)
        from treatytui.textsafety import JSON_ESCAPES

        got = _flat_json(record, level, ascii_only).translate(JSON_ESCAPES)
        assert got == expected


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
