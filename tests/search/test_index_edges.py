"""Edges of indexing: a no-op leaves no files, links out of a folder are not followed by
default, a deleted index folder is rebuilt with a word about what was lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from treatytui.cli import main
from treatytui.corpus.discovery import OUTSIDE_REASON
from treatytui.search import indexer
from treatytui.search.indexer import refresh
from treatytui.search.location import IndexLocation
from treatytui.search.searcher import Searcher


def _files(folder: Path) -> set[str]:
    """The files in ``folder`` (but Whoosh's empty write lock, which comes and goes)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.name != "MAIN_WRITELOCK"}


def test_a_no_op_refresh_leaves_no_files(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    refresh(index_root, [collection_dir], workers=1)
    before = _files(index_root)
    for _ in range(3):
        report = refresh(index_root, [collection_dir], workers=1)
        assert report.unchanged == 4 and not report.changed
    assert _files(index_root) == before


def test_touched_files_update_the_manifest_without_a_commit(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    live = IndexLocation(index_root).live_generation()
    assert live is not None
    before = _files(live)
    path = collection_dir / "hanoi-signing.txt"
    path.write_text(path.read_text())  # same bytes, new mtime
    assert refresh(index_root, [collection_dir], workers=1).unchanged == 4
    assert _files(live) == before
    # The new mtime was remembered: the file is not read again.
    monkeypatch.setattr(indexer, "prepare", lambda *args: pytest.fail("read again"))
    assert refresh(index_root, [collection_dir], workers=1).unchanged == 4


@pytest.fixture
def linked_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "own.txt").write_text("Own article\nThe treaty was signed in Hanoi.\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Private notes\nThe Reykjavik plan.\n")
    (folder / "elsewhere").symlink_to(outside)
    (folder / "secret-link.txt").symlink_to(outside / "secret.txt")
    (folder / "inside-link.txt").symlink_to(folder / "own.txt")
    if Path("/etc/passwd").is_file():
        (folder / "passwd.txt").symlink_to("/etc/passwd")
    return folder


def test_links_out_of_the_folder_are_not_followed(linked_folder: Path, tmp_path: Path) -> None:
    report = refresh(tmp_path / "ix", [linked_folder], workers=1)
    reasons = {Path(path).name: reason for path, reason in report.skipped}
    assert reasons["elsewhere"] == OUTSIDE_REASON
    assert reasons["secret-link.txt"] == OUTSIDE_REASON
    assert report.symlinks_outside == len(reasons)
    assert "inside-link.txt" not in reasons  # a link within the folder is followed
    searcher = Searcher(tmp_path / "ix")
    assert searcher.search("Reykjavik").total == 0
    assert searcher.search("root").total == 0  # /etc/passwd


def test_follow_symlinks_is_an_opt_in_that_is_remembered(
    linked_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index_root = tmp_path / "ix"
    assert main(["--index", str(index_root), "index", str(linked_folder)]) == 0
    err = capsys.readouterr().err
    assert "secret-link.txt: symlink to outside the folder, not followed" in err
    assert "--follow-symlinks" in err
    assert main(["--index", str(index_root), "index", "--follow-symlinks"]) == 0
    assert Searcher(index_root).search("Reykjavik").total == 2  # the file and the folder link
    # The next refresh (and the reader's) keeps following them...
    assert main(["--index", str(index_root), "index", "-q"]) == 0
    assert Searcher(index_root).search("Reykjavik").total == 2
    # ...until told otherwise.
    assert main(["--index", str(index_root), "index", "--no-follow-symlinks"]) == 0
    assert Searcher(index_root).search("Reykjavik").total == 0


def test_a_deleted_index_folder_is_rebuilt_with_a_warning(
    collection_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index_root = tmp_path / "ix"
    assert main(["--index", str(index_root), "index", "-q", str(collection_dir)]) == 0
    searcher = Searcher(index_root)  # a running search...
    shutil.rmtree(index_root)  # ...whose index folder is deleted under it
    capsys.readouterr()
    assert main(["--index", str(index_root), "search", "Hanoi"]) == 0
    err = capsys.readouterr().err
    assert "the bundled seeds only, as no folders are remembered there" in err
    assert "treatytui index PATH" in err
    searcher.close()
    shutil.rmtree(index_root)
    assert main(["--index", str(index_root), "index"]) == 0
    assert "indexing the bundled seeds only" in capsys.readouterr().err
