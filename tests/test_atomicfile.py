"""The atomic file write every small shared file goes through."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from treatytui.atomicfile import write_atomically


def test_text_and_bytes_replace_the_file(tmp_path: Path) -> None:
    target = tmp_path / "feeds.json"
    write_atomically(target, "first ✓\n")
    assert target.read_text(encoding="utf-8") == "first ✓\n"
    write_atomically(target, b"\x00second")
    assert target.read_bytes() == b"\x00second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.json"]


def test_permissions_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomically(tmp_path / "CURRENT", "gen-1\n")
    finally:
        os.umask(old)
    assert (tmp_path / "CURRENT").stat().st_mode & 0o777 == 0o640


def test_a_missing_folder_is_an_error_unless_asked_to_make_it(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "CURRENT"
    with pytest.raises(FileNotFoundError):
        write_atomically(target, "gen-1\n")
    assert not target.parent.exists()
    write_atomically(target, "gen-1\n", make_parents=True)
    assert target.read_text(encoding="utf-8") == "gen-1\n"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "collection.json"
    target.write_text("old", encoding="utf-8")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["collection.json"]
