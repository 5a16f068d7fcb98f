"""Finding article files in files and folders."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from treatytui.corpus.discovery import Found, Skipped, discover, list_articles, sidecar_path


def touch(path: Path, text: str = "Some text.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_single_files(tmp_path: Path) -> None:
    article = touch(tmp_path / "a.TXT")
    report = touch(tmp_path / "report.pdf")
    bare = touch(tmp_path / "README")
    assert list(discover([article, report, bare, tmp_path / "missing.md"])) == [
        Found(article, tmp_path),
        Skipped(report, "unsupported file type .pdf"),
        Skipped(bare, "no file extension"),
        Skipped(tmp_path / "missing.md", "no such file or folder"),
    ]


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_sidecars(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "a.yaml", "c.yml", "sub/d.html", "sub/e.htm", ".hidden.txt"):
        touch(tmp_path / name)
    touch(tmp_path / ".git" / "x.txt")
    touch(tmp_path / "notes.pdf")
    assert list(discover([tmp_path])) == [
        Found(tmp_path / "a.txt", tmp_path),
        Found(tmp_path / "b.md", tmp_path),
        Skipped(tmp_path / "notes.pdf", "unsupported file type .pdf"),
        Found(tmp_path / "sub" / "d.html", tmp_path),
        Found(tmp_path / "sub" / "e.htm", tmp_path),
    ]


def test_symlink_loop_is_reported_once(tmp_path: Path) -> None:
    touch(tmp_path / "top" / "inner" / "a.txt")
    (tmp_path / "top" / "inner" / "back").symlink_to(tmp_path / "top")
    assert list(discover([tmp_path / "top"])) == [
        Found(tmp_path / "top" / "inner" / "a.txt", tmp_path / "top"),
        Skipped(tmp_path / "top" / "inner" / "back", "symlink loop"),
    ]


def test_self_referencing_and_broken_symlinks(tmp_path: Path) -> None:
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    assert list(discover([tmp_path])) == [
        Skipped(tmp_path / "broken.txt", "broken symlink"),
        Skipped(tmp_path / "self.txt", "symlink loop"),
    ]


def test_folder_linked_twice_is_walked_once(tmp_path: Path) -> None:
    touch(tmp_path / "shared" / "a.txt")
    (tmp_path / "z-link").symlink_to(tmp_path / "shared")
    assert list(discover([tmp_path])) == [
        Found(tmp_path / "shared" / "a.txt", tmp_path),
        Skipped(tmp_path / "z-link", "folder already walked"),
    ]


def test_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    touch(locked / "a.txt")
    real_scandir, real_listdir = os.scandir, os.listdir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def listdir(path: os.PathLike[str] | str) -> list[str]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_listdir(path)

    # (Root reads any folder: the refusal is the listing's, whichever way it is listed.)
    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)
    assert list(discover([tmp_path])) == [Skipped(locked, "permission denied")]


def test_thousands_of_files_quickly(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(3000):
        (folder / f"{number:04}.txt").write_bytes(b"x")
    started = time.perf_counter()
    found = list(discover([folder]))
    elapsed = time.perf_counter() - started
    assert len(found) == 3000
    assert all(isinstance(item, Found) for item in found)
    assert found[0].path.name == "0000.txt" and found[-1].path.name == "2999.txt"
    assert elapsed < 1.0


def test_sidecar_path(tmp_path: Path) -> None:
    article = touch(tmp_path / "story.v2.txt")
    assert sidecar_path(article) is None
    yml = touch(tmp_path / "story.v2.yml", "title: x\n")
    assert sidecar_path(article) == yml
    yaml = touch(tmp_path / "story.v2.yaml", "title: x\n")
    assert sidecar_path(article) == yaml
    assert sidecar_path(yaml) is None


def _stat(path: Path) -> tuple[int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns)


def test_listed_files_come_with_their_stat_and_their_sidecars(tmp_path: Path) -> None:
    plain = touch(tmp_path / "a.txt")
    with_yml = touch(tmp_path / "story.v2.md")
    yml = touch(tmp_path / "story.v2.yml", "title: x\n")
    with_both = touch(tmp_path / "sub" / "b.html")
    yaml = touch(tmp_path / "sub" / "b.yaml", "title: y\n")
    touch(tmp_path / "sub" / "b.yml", "title: z\n")  # .yaml comes first, as sidecar_path says
    (tmp_path / "c.yaml").mkdir()  # a folder is no sidecar
    no_sidecar = touch(tmp_path / "c.txt")
    listed = {Path(item.path).name: item for item in list_articles([tmp_path])}
    assert listed["a.txt"].stat == _stat(plain) and listed["a.txt"].sidecar is None
    assert listed["story.v2.md"].stat == _stat(with_yml)
    assert listed["story.v2.md"].sidecar == _stat(yml)
    assert listed["b.html"].stat == _stat(with_both)
    assert listed["b.html"].sidecar == _stat(yaml)
    assert listed["c.txt"].stat == _stat(no_sidecar) and listed["c.txt"].sidecar is None
    # A file named as it is: the same, from its own stat calls.
    (named,) = list_articles([with_yml])
    assert (named.path, named.stat, named.sidecar) == (str(with_yml), _stat(with_yml), _stat(yml))
