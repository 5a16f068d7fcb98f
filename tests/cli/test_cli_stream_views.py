"""`timeline` and `figures` read from the stored view rows print what they printed when
built from the stored facts (every format, with a query, dates and text), and start
printing before the rows are all read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import treatytui.commands.common as common
from treatytui.cli import main
from treatytui.search.viewstore import ViewRows

CASES = [
    [],
    ["--dates", "2025"],
    ["--grep", "hanoi"],
    ["--dates", "2025-10..", "--grep", "the"],
    ["--grep", "no such text anywhere"],
    ["hanoi"],
    ["convention", "--dates", "..2025-10-25"],
]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("command", ["timeline", "figures"])
@pytest.mark.parametrize("fmt", ["--json", "--csv", "--yaml", None])
def test_the_stored_rows_print_what_the_facts_printed(
    seed_index: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    fmt: str | None,
) -> None:
    opened: list[ViewRows] = []
    original = ViewRows.open.__func__  # type: ignore[attr-defined]

    def noted(cls: type[ViewRows], root: Path) -> ViewRows | None:
        rows = original(cls, root)
        if rows is not None:
            opened.append(rows)
        return rows

    for case in CASES:
        args = ["--index", str(seed_index), command, *case, *([fmt] if fmt else [])]
        monkeypatch.setattr(ViewRows, "open", classmethod(noted))
        stored = _run(args, capsys)
        assert opened, "the stored rows were read"
        opened.clear()
        monkeypatch.setattr(ViewRows, "open", classmethod(lambda cls, root: None))
        built = _run(args, capsys)
        assert stored == built, case
        if fmt == "--json":
            json.loads(stored[1])


def test_the_timeline_is_printed_as_its_rows_are_read(
    seed_index: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = [0]
    original = ViewRows.dated

    def counted(self: ViewRows, *args: Any, **kwargs: Any):
        for row in original(self, *args, **kwargs):
            read[0] += 1
            yield row

    read_when_written: list[int] = []
    written = common.sys.stdout.write

    def write(text: str) -> int:
        read_when_written.append(read[0])
        return written(text)

    monkeypatch.setattr(ViewRows, "dated", counted)
    monkeypatch.setattr(common.sys.stdout, "write", write)
    assert main(["--index", str(seed_index), "timeline", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    mentions = sum(len(row["mentions"]) for row in rows)
    assert read[0] == mentions > 5
    assert read_when_written[0] < mentions / 2  # the first row before most were read
