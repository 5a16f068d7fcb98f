"""Several processes of one user changing the reading state at once lose nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from treatytui.state import ReadingState

WORKER = """
import sys
from pathlib import Path
from treatytui.state import ArticleKey, ReadingState
path, who, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with ReadingState.open(path, timeout=30) as state:
    for n in range(count):
        state.set_starred(ArticleKey(f"{who}/{n}.txt"))
        state.toggle_read(ArticleKey("shared.txt"))
        state.remember_query(f"{who} {n}")
"""


def test_processes_writing_together_lose_no_update(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    ReadingState.open(path).close()
    count, names = 40, ("reader", "cli-1", "cli-2", "cli-3")
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(path), name, str(count)])
        for name in names
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0] * len(names)
    with ReadingState.open(path) as state:
        assert len(state.starred_ids()) == count * len(names)
        # 160 toggles of one article, each a read-modify-write: back where it started.
        assert not state.get("shared.txt").read
        assert len(state.history()) == count * len(names)
