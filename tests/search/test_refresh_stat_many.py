"""The stat of a large folder's files, half of it in a forked child: the same figures as
one process finds, a file gone meanwhile is None, and no child is left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from treatytui.corpus import stat_many
from treatytui.corpus.discovery import list_articles
from treatytui.corpus.stat_many import stat_names


def _files(folder: Path, count: int) -> list[str]:
    folder.mkdir()
    names = [f"{n:03}.txt" for n in range(count)]
    for n, name in enumerate(names):
        (folder / name).write_text("x" * n)
    return names


def test_two_processes_find_what_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = _files(tmp_path / "many", 41)
    prefix = f"{tmp_path / 'many'}/"
    alone = stat_names([*names, "gone.txt"], None, prefix)
    monkeypatch.setattr(stat_many, "PARALLEL_FROM", 10)
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    fd = os.open(tmp_path / "many", os.O_RDONLY)
    try:
        both = stat_names([*names, "gone.txt"], fd, prefix)
    finally:
        os.close(fd)
    assert len(forked) == 1
    assert both == alone and both[-1] is None and both[5] is not None
    st = (tmp_path / "many" / "005.txt").stat()
    assert both[5] == (st.st_size, st.st_mtime_ns, st.st_ino)
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # reaped: no child left


def test_a_large_folder_lists_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _files(tmp_path / "many", 30)
    alone = list(list_articles([tmp_path / "many"]))
    monkeypatch.setattr(stat_many, "PARALLEL_FROM", 10)
    assert list(list_articles([tmp_path / "many"])) == alone
