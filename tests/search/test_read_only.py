"""An index folder that cannot be written to still opens for reading, and indexing says
why it cannot run. As root (who may write anywhere), the index is bind-mounted read-only."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from treatytui.cli import main
from treatytui.search.indexer import refresh
from treatytui.search.searcher import Searcher
from treatytui.search.viewstore import ViewRows


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def read_only_index(collection_dir: Path):
    base = Path(tempfile.mkdtemp(prefix="treatytui-ro-"))
    built = base / "ix"
    refresh(built, [collection_dir], workers=1)
    if os.geteuid() != 0:
        for folder, _dirs, files in os.walk(built):
            os.chmod(folder, 0o555)
            for name in files:
                os.chmod(Path(folder) / name, 0o444)
        yield built
        for folder, _dirs, _files in os.walk(built):
            os.chmod(folder, 0o755)
    else:
        view = base / "read-only"
        view.mkdir()
        if not (_mount("--bind", str(built), str(view))):
            shutil.rmtree(base, ignore_errors=True)
            pytest.skip("root without mount: cannot make a read-only folder")
        try:
            if not _mount("-o", "remount,ro,bind", str(view)):
                pytest.skip("cannot remount read-only")
            yield view
        finally:
            unmounted = subprocess.run(["umount", str(view)], capture_output=True)
            assert unmounted.returncode == 0
    shutil.rmtree(base, ignore_errors=True)


def test_read_only_index_opens_for_reading(read_only_index: Path) -> None:
    with pytest.raises(OSError):
        (read_only_index / "probe").write_text("x")
    searcher = Searcher(read_only_index)
    assert searcher.count() == 4
    assert searcher.search("Hanoi").total >= 2
    assert searcher.search("Kamp", as_you_type=True).total >= 1
    assert searcher.iter_facts(kinds=("date",))
    searcher.close()


def test_indexing_a_read_only_folder_says_why(
    read_only_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--index", str(read_only_index), "index"]) == 2
    err = capsys.readouterr().err
    assert "cannot write to the index folder" in err and "Traceback" not in err


def test_view_rows_open_on_a_read_only_index(read_only_index: Path) -> None:
    """A reader on a shared server reads the stored timeline and figures rows instead of
    rebuilding them from every article's facts."""
    rows = ViewRows.open(read_only_index)
    assert rows is not None
    assert rows.article_count() == 4
    rows.close()
