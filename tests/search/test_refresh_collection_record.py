"""An index whose record of its folders (``collection.json``) is missing or unreadable
(made by a script calling the indexer, the file deleted by hand): a refresh from the
reader or the CLI keeps the folders its articles came from, and says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treatytui.cli import main
from treatytui.collection import Collection
from treatytui.library import Library
from treatytui.search.indexer import refresh
from treatytui.search.location import STATE

ARTICLES = {
    "articles/geneva-talks.html",
    "articles/hanoi-preview.md",
    "articles/hanoi-signing.txt",
    "articles/nested/unodc-briefing.txt",
}


def _indexed_by_a_script(root: Path, folder: Path) -> None:
    refresh(root, [folder], workers=1)
    assert not (root / STATE).exists()


def test_the_readers_refresh_keeps_the_folders_of_an_index_without_its_record(
    tmp_path: Path, collection_dir: Path
) -> None:
    root = tmp_path / "index"
    _indexed_by_a_script(root, collection_dir)
    with Library(root) as library:
        outcome = library.refresh()
        assert outcome.report is not None
        assert not ARTICLES & set(outcome.report.removed)
        assert outcome.collection_notice is not None
        assert "is missing" in outcome.collection_notice
        assert str(collection_dir) in outcome.collection_notice
        assert library.open() and library.search("Hanoi").total >= 2
    # Remembered again: the next start needs no recovery and says nothing.
    remembered = json.loads((root / STATE).read_text(encoding="utf-8"))
    assert remembered["paths"] == [str(collection_dir)]
    assert Collection.load(root).notice is None


def test_an_unreadable_record_is_no_reason_to_drop_the_articles(
    tmp_path: Path, collection_dir: Path
) -> None:
    root = tmp_path / "index"
    _indexed_by_a_script(root, collection_dir)
    (root / STATE).write_text('{"paths": [', encoding="utf-8")
    collection = Collection.load(root)
    assert collection.paths == [collection_dir]
    assert collection.notice is not None and "is unreadable" in collection.notice


def test_a_folder_deleted_since_is_still_dropped(tmp_path: Path, collection_dir: Path) -> None:
    root = tmp_path / "index"
    _indexed_by_a_script(root, collection_dir)
    for path in sorted(collection_dir.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    collection_dir.rmdir()
    with Library(root) as library:
        outcome = library.refresh()
    assert outcome.report is not None and set(outcome.report.removed) >= ARTICLES


def test_the_cli_says_so_and_keeps_them(
    tmp_path: Path, collection_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "index"
    _indexed_by_a_script(root, collection_dir)
    assert main(["--index", str(root), "index", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "note: The index's record of its folders" in " ".join(err.split())
    assert Collection.load(root).paths == [collection_dir]
    with Library(root) as library:
        assert library.open() and library.search("Hanoi").total >= 2


def test_no_index_no_recovery(tmp_path: Path) -> None:
    collection = Collection.load(tmp_path / "index")
    assert collection.paths == [] and collection.notice is None
