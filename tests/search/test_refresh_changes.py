"""What a default refresh must see however a file changed: edited in place, replaced by
another of the same size and mtime, renamed, added, deleted, a folder deleted or renamed;
and the manifests of an earlier version, which kept no inode, read on as they are."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from treatytui.search import indexer
from treatytui.search.indexer import refresh
from treatytui.search.location import MANIFEST, IndexLocation
from treatytui.search.searcher import Searcher
from treatytui.search.workers import Ahead


def _manifest(index_root: Path) -> Path:
    live = IndexLocation(index_root).live_generation()
    assert live is not None
    return live / MANIFEST


def _whoosh_generation(index_root: Path) -> int:
    from whoosh.filedb.filestore import FileStorage

    live = IndexLocation(index_root).live_generation()
    assert live is not None
    return FileStorage(str(live)).open_index().latest_generation()


def test_a_file_replaced_by_one_of_the_same_size_and_mtime_is_seen(
    collection_dir: Path, tmp_path: Path
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    target = collection_dir / "hanoi-signing.txt"
    old = target.read_text(encoding="utf-8")
    new = old.replace("Hanoi", "Quito", 1)
    assert len(new) == len(old) and new != old
    replacement = collection_dir / ".replacement"
    replacement.write_text(new, encoding="utf-8")
    before = target.stat()
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, target)  # (as `mv` does, or a copy that keeps the times)
    after = target.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.updated == ["articles/hanoi-signing.txt"]
    assert Searcher(index_root).search("Quito").total == 1


def test_renamed_and_moved_files_and_deleted_and_renamed_folders(
    collection_dir: Path, tmp_path: Path
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    (collection_dir / "hanoi-preview.md").rename(collection_dir / "renamed-preview.md")
    (collection_dir / "nested").rename(collection_dir / "moved")
    report = refresh(index_root, [collection_dir], workers=1)
    assert sorted(report.added) == [
        "articles/moved/unodc-briefing.txt",
        "articles/renamed-preview.md",
    ]
    assert sorted(report.removed) == [
        "articles/hanoi-preview.md",
        "articles/nested/unodc-briefing.txt",
    ]
    for path in (collection_dir / "moved").iterdir():
        path.unlink()
    (collection_dir / "moved").rmdir()
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.removed == ["articles/moved/unodc-briefing.txt"] and not report.added
    assert Searcher(index_root).count() == 3 == report.total


def test_an_edit_in_place_that_keeps_the_size_is_seen(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    target = collection_dir / "nested" / "unodc-briefing.txt"
    text = target.read_text(encoding="utf-8")
    inode = target.stat().st_ino
    with target.open("r+", encoding="utf-8") as file:  # the same inode, the same size
        file.write(text.replace("Kampala", "Nairobi", 1) if "Kampala" in text else text.upper())
    assert target.stat().st_ino == inode and target.stat().st_size == len(text.encode())
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.updated == ["articles/nested/unodc-briefing.txt"]


def test_nothing_changed_writes_nothing(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=2)
    generation = _whoosh_generation(index_root)
    manifest_mtime = _manifest(index_root).stat().st_mtime_ns
    report = refresh(index_root, [collection_dir], workers=2)
    assert not report.changed and report.unchanged == 4
    assert _whoosh_generation(index_root) == generation
    assert _manifest(index_root).stat().st_mtime_ns == manifest_mtime


def test_a_manifest_without_inodes_is_read_on_and_given_them(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    path = _manifest(index_root)
    with contextlib.closing(sqlite3.connect(path)) as db:  # as the previous version wrote it
        db.execute("ALTER TABLE records DROP COLUMN inode")
        db.commit()
    with monkeypatch.context() as patch:
        patch.setattr(indexer, "prepare", lambda *args: pytest.fail("read again"))
        report = refresh(index_root, [collection_dir], workers=1)
    assert report.unchanged == 4 and not report.changed
    with contextlib.closing(sqlite3.connect(path)) as db:
        inodes = dict(db.execute("SELECT id, inode FROM records"))
    assert (
        inodes["articles/hanoi-signing.txt"] == (collection_dir / "hanoi-signing.txt").stat().st_ino
    )
    assert None not in inodes.values()


def test_changed_files_are_read_ahead_in_a_worker_while_the_rest_are_listed(
    collection_dir: Path, tmp_path: Path
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    for name in ("hanoi-signing.txt", "nested/unodc-briefing.txt"):
        path = collection_dir / name
        path.write_text(path.read_text(encoding="utf-8") + "\nA line on Reykjavik.\n")
    (collection_dir / "hanoi-preview.md").unlink()
    report = refresh(index_root, [collection_dir], workers=2)
    assert report.updated == ["articles/hanoi-signing.txt", "articles/nested/unodc-briefing.txt"]
    assert report.removed == ["articles/hanoi-preview.md"]
    assert Searcher(index_root).search("Reykjavik").total == 2
    assert multiprocessing.active_children() == []  # its worker is gone


def _pid(_job: int) -> int:
    return os.getpid()


def test_ahead_runs_its_jobs_in_one_other_process_up_to_its_limit() -> None:
    ahead: Ahead[int, int] = Ahead(_pid, limit=2)
    taken = [ahead.submit(str(n), n) for n in range(3)]
    results = ahead.results()
    assert taken == [True, True, False]
    assert set(results) == {"0", "1"} and len(set(results.values())) == 1
    assert os.getpid() not in results.values()
    assert not ahead.submit("3", 3)  # closed
    assert Ahead(_pid, limit=0).submit("0", 0) is False


def _slow_pid(_job: int) -> int:
    import time

    time.sleep(0.2)
    return os.getpid()


def test_ahead_drops_the_jobs_not_begun_when_asked() -> None:
    ahead: Ahead[int, int] = Ahead(_slow_pid, limit=10)
    for n in range(10):
        assert ahead.submit(str(n), n)
    results = ahead.results(cancel_waiting=True)
    assert "0" in results and len(results) < 10


def test_many_changes_go_on_in_the_workers_after_the_ones_read_ahead(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 3)  # (as 150 changed files would)
    for path in sorted(collection_dir.rglob("*.txt")):
        path.write_text(path.read_text(encoding="utf-8") + "\nA line on Reykjavik.\n")
    for n in range(3):
        (collection_dir / f"new-{n}.txt").write_text(f"News {n}\nTalks in Reykjavik.\n")
    report = refresh(index_root, [collection_dir], workers=2)
    assert report.updated == ["articles/hanoi-signing.txt", "articles/nested/unodc-briefing.txt"]
    assert report.added == [f"articles/new-{n}.txt" for n in range(3)]
    assert Searcher(index_root).search("Reykjavik").total == 5
    assert multiprocessing.active_children() == []
