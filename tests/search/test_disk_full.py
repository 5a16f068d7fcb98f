"""A full disk (or a file-size limit) while indexing: one clear message, exit 2, the live
index as it was, and nothing half-written left behind."""

from __future__ import annotations

import errno
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from processes import write_articles

from treatytui.cli import main
from treatytui.search.index_writer import DiskFull
from treatytui.search.indexer import refresh
from treatytui.search.location import IndexLocation
from treatytui.search.searcher import Searcher

FILE_SIZE_LIMIT = 64 * 1024


def _limit_file_size() -> None:
    # As `ulimit -f`: writing past the limit fails with EFBIG instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


def _files(index_root: Path) -> set[str]:
    return {str(p.relative_to(index_root)) for p in index_root.rglob("*") if p.is_file()}


@pytest.fixture
def small_index(collection_dir: Path, tmp_path: Path) -> Path:
    index_root = tmp_path / "ix"
    assert main(["--index", str(index_root), "index", "-q", str(collection_dir)]) == 0
    write_articles(collection_dir / "more", range(120), words=200)  # more than the limit allows
    return index_root


@pytest.mark.parametrize("mode", ["update", "rebuild"])
def test_a_file_size_limit_is_a_clear_error(small_index: Path, mode: str) -> None:
    before = _files(small_index)
    count = Searcher(small_index).count()
    command = [sys.executable, "-m", "treatytui", "--index", str(small_index), "index"]
    if mode == "rebuild":
        command.append("--rebuild")
    finished = subprocess.run(
        command, capture_output=True, text=True, timeout=120, preexec_fn=_limit_file_size
    )
    assert finished.returncode == 2, finished.stderr
    assert "Traceback" not in finished.stderr
    assert "not enough room to write the index" in finished.stderr
    assert "File too large" in finished.stderr
    # The live index is untouched, and nothing of the failed attempt is left.
    assert Searcher(small_index).count() == count
    assert _files(small_index) - before <= {"indexer.lock.break"}
    assert len(list(small_index.glob("gen-*"))) == 1
    # With room again, the next run does the work.
    assert main(["--index", str(small_index), "index", "-q"]) == 0
    assert Searcher(small_index).count() == count + 120


def test_no_space_left_on_device(
    small_index: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from whoosh import writing

    real_commit = writing.SegmentWriter.commit

    def commit(self, *args, **kwargs):
        self._flush_segment()  # some of the new segment reaches the disk, then no more room
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing.SegmentWriter, "commit", commit)
    before = _files(small_index)
    capsys.readouterr()
    assert main(["--index", str(small_index), "index"]) == 2
    err = capsys.readouterr().err
    assert "not enough room to write the index" in err and "No space left" in err
    assert _files(small_index) - before <= {"indexer.lock.break"}
    with pytest.raises(DiskFull):
        refresh(small_index, [small_index.parent / "articles"], rebuild=True, workers=1)
    assert [p.name for p in small_index.glob("gen-*")] == [
        IndexLocation(small_index).live_generation().name  # type: ignore[union-attr]
    ]
    monkeypatch.setattr(writing.SegmentWriter, "commit", real_commit)
    assert main(["--index", str(small_index), "index", "-q"]) == 0
