"""The indexer: incremental refreshes, rebuilds, schema versions, locking, bad input."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from treatytui.search import indexer, workers
from treatytui.search.indexer import refresh
from treatytui.search.location import MANIFEST, IndexLocation
from treatytui.search.lock import IndexBusy, IndexerLock
from treatytui.search.searcher import IndexMissing, Searcher


def test_first_refresh_adds_every_article(collection_dir: Path, tmp_path: Path) -> None:
    report = refresh(tmp_path / "ix", [collection_dir], workers=1)
    assert report.rebuilt
    assert sorted(report.added) == [
        "articles/geneva-talks.html",
        "articles/hanoi-preview.md",
        "articles/hanoi-signing.txt",
        "articles/nested/unodc-briefing.txt",
    ]
    assert report.total == 4 and not report.skipped


def test_unchanged_files_are_not_reprocessed(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    calls: list[str] = []
    real_prepare = indexer.prepare
    monkeypatch.setattr(indexer, "prepare", lambda p, r: calls.append(p) or real_prepare(p, r))
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.unchanged == 4 and not report.changed and calls == []


def test_changed_added_and_removed_files(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    (collection_dir / "hanoi-signing.txt").write_text(
        "Treaty signed\nDelegates from Montevideo signed the convention.\n", encoding="utf-8"
    )
    (collection_dir / "new.txt").write_text("A new article\nIt mentions Reykjavik.\n")
    (collection_dir / "geneva-talks.html").unlink()
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.updated == ["articles/hanoi-signing.txt"]
    assert report.added == ["articles/new.txt"]
    assert report.removed == ["articles/geneva-talks.html"]
    assert not report.rebuilt
    searcher = Searcher(index_root)
    assert [h.id for h in searcher.search("Montevideo").hits] == ["articles/hanoi-signing.txt"]
    assert searcher.search("Reykjavik").total == 1
    assert searcher.search("journalists safeguards").total == 0
    assert searcher.count() == 4


def test_touched_but_identical_file_counts_as_unchanged(
    collection_dir: Path, tmp_path: Path
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    path = collection_dir / "hanoi-signing.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.unchanged == 4 and not report.updated


def test_sidecar_change_reindexes_the_article(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    (collection_dir / "hanoi-signing.yaml").write_text("title: A better title\nsource: Wire\n")
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.updated == ["articles/hanoi-signing.txt"]
    stored = Searcher(index_root).article("articles/hanoi-signing.txt")
    assert stored is not None and stored.article.title == "A better title"


def test_schema_version_change_rebuilds(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    before = IndexLocation(index_root).live_generation()
    monkeypatch.setattr(indexer, "SCHEMA_VERSION", indexer.SCHEMA_VERSION + 1)
    report = refresh(index_root, [collection_dir], workers=1)
    after = IndexLocation(index_root).live_generation()
    assert report.rebuilt and len(report.added) == 4
    assert before != after and before is not None and not before.exists()


def test_stale_manifest_is_rebuilt_from_the_index(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    generation = IndexLocation(index_root).live_generation()
    assert generation is not None
    # As if the writer died between commit and manifest:
    with contextlib.closing(sqlite3.connect(generation / MANIFEST)) as db, db:
        db.execute("UPDATE stamp SET generation = -1")
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.total == 4 and not report.added and not report.removed


def test_parallel_workers_give_the_same_index(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 1)
    report = refresh(tmp_path / "ix", [collection_dir], workers=2)
    assert len(report.added) == 4
    assert Searcher(tmp_path / "ix").search("Hanoi").total >= 2


def test_second_writer_is_told_indexing_is_running(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    with (
        IndexerLock(IndexLocation(index_root).lock_file),
        pytest.raises(IndexBusy, match="already running"),
    ):
        refresh(index_root, [collection_dir], lock_timeout=0.2, workers=1)
    # Readers never take that lock.
    with IndexerLock(IndexLocation(index_root).lock_file):
        assert Searcher(index_root).search("Hanoi").total >= 2


def test_searcher_writes_nothing(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    before = {p: p.stat().st_mtime_ns for p in index_root.rglob("*")}
    searcher = Searcher(index_root)
    searcher.search("Hanoi")
    searcher.search("Kamp", as_you_type=True)
    searcher.close()
    after = {p: p.stat().st_mtime_ns for p in index_root.rglob("*")}
    assert before == after


def test_missing_index_says_so(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="treatytui index"):
        Searcher(tmp_path / "nothing-here")


def test_searcher_notices_another_process_updating(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    searcher = Searcher(index_root)
    assert searcher.refresh() is False
    (collection_dir / "late.txt").write_text("Late news\nThe Reykjavik office opened.\n")
    refresh(index_root, [collection_dir], workers=1)
    assert searcher.refresh() is True
    assert searcher.search("Reykjavik").total == 1
    refresh(index_root, [collection_dir], rebuild=True, workers=1)
    assert searcher.refresh() is True
    assert searcher.count() == 5


def test_bad_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "good.txt").write_text("Good article\nThe treaty was signed in Hanoi.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    (folder / "latin1.txt").write_bytes(
        "Caf\xe9 article\nSigned in Montr\xe9al.\n".encode("latin-1")
    )
    (folder / "utf16.txt").write_text("UTF-16 article\nSigned in Lomé.\n", encoding="utf-16")
    (folder / "loop").symlink_to(folder)
    report = refresh(tmp_path / "ix", [folder, tmp_path / "does-not-exist"], workers=1)
    reasons = {Path(path).name: reason for path, reason in report.skipped}
    assert set(report.added) == {"bad/good.txt", "bad/latin1.txt", "bad/utf16.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "unsupported" in reasons["report.pdf"]
    assert "no such" in reasons["does-not-exist"]
    searcher = Searcher(tmp_path / "ix")
    assert searcher.search("Montréal").total == 1
    assert searcher.search("Lome").total == 1


def test_malformed_and_hostile_yaml_never_runs(tmp_path: Path) -> None:
    folder = tmp_path / "yaml"
    folder.mkdir()
    marker = tmp_path / "pwned"
    (folder / "a.txt").write_text("Title A\nBody about Hanoi.\n")
    (folder / "a.yaml").write_text(f"!!python/object/apply:os.system ['touch {marker}']\n")
    (folder / "b.md").write_text("---\ntitle: [unclosed\n---\nBody about Kampala.\n")
    report = refresh(tmp_path / "ix", [folder], workers=1)
    assert set(report.added) == {"yaml/a.txt", "yaml/b.md"}
    assert not marker.exists()
    assert len(report.warnings) == 2


def test_thousands_of_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2000):
        (folder / f"{n:04d}.txt").write_text(f"Note {n}\nReport number {n} on the treaty.\n")
    report = refresh(tmp_path / "ix", [folder], workers=2)
    assert report.total == 2000
    assert Searcher(tmp_path / "ix").search("treaty").total == 2000


def test_a_large_rebuild_is_committed_in_two_halves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexer, "SPLIT_COMMIT", 6)
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(9):
        (folder / f"{n}.txt").write_text(f"Note {n}\nReport {n} on the human rights treaty.\n")
    report = refresh(tmp_path / "ix", [folder], workers=1)
    assert report.total == 9
    folder_of_index = IndexLocation(tmp_path / "ix").live_generation()
    assert folder_of_index is not None
    segments = whoosh_index.open_dir(str(folder_of_index)).reader().leaf_readers()
    assert len(segments) == 2
    searcher = Searcher(tmp_path / "ix")
    assert searcher.search('"human rights treaty"').total == 9
    assert refresh(tmp_path / "ix", [folder], workers=1).unchanged == 9
    # An update of the live index stays one commit: all old or all new if it is killed.
    for n in range(9, 18):
        (folder / f"{n}.txt").write_text(f"Note {n}\nReport {n} on the treaty.\n")
    generation = whoosh_index.open_dir(str(folder_of_index)).latest_generation()
    assert refresh(tmp_path / "ix", [folder], workers=1).added
    assert whoosh_index.open_dir(str(folder_of_index)).latest_generation() == generation + 1


def test_workers_are_spawned_while_other_threads_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (A forked child of a threaded process may inherit a lock another thread held.)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 2)
    assert workers.worker_context().get_start_method() == "spawn"
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(indexer.PARALLEL_THRESHOLD):
        (folder / f"{n:04d}.txt").write_text(f"Note {n}\nReport number {n} on the treaty.\n")
    report = refresh(tmp_path / "ix", [folder], workers=2)
    assert report.total == indexer.PARALLEL_THRESHOLD


def test_collection_facts_follow_the_index(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    searcher = Searcher(index_root)
    searcher.warm()
    before = {a.id for a in searcher.iter_facts(kinds=("date",))}
    (collection_dir / "later.txt").write_text(
        "Later news\nThe review conference opened in Reykjavik on March 3, 2026.\n"
    )
    refresh(index_root, [collection_dir], workers=1)
    assert searcher.refresh()
    after = {a.id: a for a in searcher.iter_facts(kinds=("date",))}
    assert set(after) - before == {"articles/later.txt"}
    assert [f.get("date_from") for f in after["articles/later.txt"].facts] == ["2026-03-03"]


def test_facts_of_a_query_agree_with_a_newer_index(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    searcher = Searcher(index_root)  # opened before the next update, not refreshed
    (collection_dir / "nordic.txt").write_text(
        "Nordic meeting\nOfficials met in Reykjavik on April 9, 2026.\n"
    )
    refresh(index_root, [collection_dir], workers=1)
    found = searcher.iter_facts("Reykjavik", kinds=("date",))
    assert [a.id for a in found] == ["articles/nordic.txt"]
    assert [f.get("date_from") for f in found[0].facts] == ["2026-04-09"]
    assert searcher.search("Reykjavik").total == 1


def test_a_title_match_ranks_first(tmp_path: Path) -> None:
    folder = tmp_path / "rank"
    folder.mkdir()
    (folder / "body.txt").write_text(
        "Ministers review the treaty\nThe next meeting may be held in Reykjavik, "
        "officials said, after talks in Reykjavik and Oslo on Reykjavik's offer.\n"
    )
    (folder / "title.txt").write_text(
        "Reykjavik to host treaty review\nMinisters agreed on a venue for the next meeting.\n"
    )
    refresh(tmp_path / "ix", [folder], workers=1)
    hits = Searcher(tmp_path / "ix").search("Reykjavik").hits
    assert [h.id for h in hits] == ["rank/title.txt", "rank/body.txt"]
