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


def test_a_folder_named_from_elsewhere_is_the_same_files(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_root = tmp_path / "ix"
    monkeypatch.chdir(collection_dir.parent)
    refresh(index_root, [Path(collection_dir.name)], workers=1)  # relative, then absolute
    report = refresh(index_root, [collection_dir], workers=1)
    assert not report.changed and report.unchanged == 4
    monkeypatch.chdir(tmp_path)  # and the reader finds the files from anywhere
    searcher = Searcher(index_root)
    try:
        hits = searcher.search("Hanoi").hits
        assert hits and all(Path(hit.path).is_absolute() for hit in hits)
    finally:
        searcher.close()


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


def test_many_changes_to_a_live_index_in_the_workers(
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


def test_a_root_inside_another_lists_its_files_once(collection_dir: Path, tmp_path: Path) -> None:
    report = refresh(tmp_path / "ix", [collection_dir, collection_dir / "nested"], workers=1)
    assert report.total == 4 and "articles/nested/unodc-briefing.txt" in report.added
    assert not any(doc_id.startswith("nested/") for doc_id in report.added)
    again = refresh(tmp_path / "ix", [collection_dir / "nested", collection_dir], workers=1)
    assert again.total == 4  # (now the inner one comes first: its ids win)
    assert "nested/unodc-briefing.txt" in again.added
    assert again.removed == ["articles/nested/unodc-briefing.txt"]


def test_two_roots_of_the_same_name_keep_the_first_ones_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "news", tmp_path / "b" / "news"
    for folder, text in ((first, "First\nFrom Lima.\n"), (second, "Second\nFrom Oslo.\n")):
        folder.mkdir(parents=True)
        (folder / "same.txt").write_text(text)
    (second / "other.txt").write_text("Other\nFrom Quito.\n")
    report = refresh(tmp_path / "ix", [first, second], workers=1)
    assert sorted(report.added) == ["news/other.txt", "news/same.txt"]
    assert report.skipped == [(str(second / "same.txt"), f"same id as {first / 'same.txt'}")]
    assert Searcher(tmp_path / "ix").search("Lima").total == 1
    assert refresh(tmp_path / "ix", [first, second], workers=1).unchanged == 2
