"""`treatytui figures [QUERY] [--json|--yaml|--csv]` on the seeds and the test articles."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from treatytui.cli import build_parser, main


def figures(index: Path, *argv: str) -> int:
    return main(["figures", "--index", str(index), *argv])


def test_plain_table_groups_figures(built_seed_index: Path, capsys) -> None:
    assert figures(built_seed_index) == 0
    out, err = capsys.readouterr()
    assert "countries · signed" in out
    assert "72 countries" in out and "65 countries" in out
    assert out.index("countries · signed") < out.index("72 countries")
    assert "figures in" in err and "articles" in err


def test_json_groups_with_their_figures(built_seed_index: Path, capsys) -> None:
    assert figures(built_seed_index, "--json") == 0
    groups = json.loads(capsys.readouterr().out)
    signed = next(g for g in groups if (g["unit"], g["verb"]) == ("countries", "signed"))
    assert {f["value"] for f in signed["figures"]} >= {63, 72, 65}
    assert all({"label", "source", "article_id", "sentence"} <= set(f) for f in signed["figures"])


def test_csv_and_yaml(built_seed_index: Path, capsys) -> None:
    assert figures(built_seed_index, "--csv") == 0
    lines = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert lines and {"unit", "verb", "label", "value", "source"} <= set(lines[0])
    assert figures(built_seed_index, "--yaml") == 0
    groups = yaml.safe_load(capsys.readouterr().out)
    assert groups[0]["figures"][0]["label"]


def test_query_dates_and_grep_narrow_it(built_seed_index: Path, capsys) -> None:
    assert figures(built_seed_index, "geneva", "--json") == 0
    groups = json.loads(capsys.readouterr().out)
    assert {f["article_id"] for g in groups for f in g["figures"]} == {"articles/geneva-talks.html"}
    assert figures(built_seed_index, "--dates", "2025-09", "--grep", "confirmed", "--json") == 0
    groups = json.loads(capsys.readouterr().out)
    assert [g["verb"] for g in groups] == ["confirmed"]
    assert {f["date_from"][:7] for g in groups for f in g["figures"]} == {"2025-09"}


def test_nothing_found_exits_1_with_an_empty_array(built_seed_index: Path, capsys) -> None:
    assert figures(built_seed_index, "zzzqqqxx", "--json") == 1
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("argv", [["--dates", "2025-13"], ['"unclosed']])
def test_errors_exit_2(built_seed_index: Path, capsys, argv: list[str]) -> None:
    assert figures(built_seed_index, *argv) == 2
    assert capsys.readouterr().err.startswith("treatytui: ")


def test_formats_are_exclusive(built_seed_index: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        figures(built_seed_index, "--json", "--csv")
    assert exit_info.value.code == 2


@pytest.mark.parametrize("command", ["figures", "timeline"])
def test_each_format_option_says_what_it_does(command: str) -> None:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    helps = {a.option_strings[0]: a.help for a in sub._actions if a.option_strings}
    texts = [helps["--json"], helps["--yaml"], helps["--csv"]]
    assert len(set(texts)) == 3
    assert "JSON" in texts[0] and "YAML" in texts[1] and "CSV" in texts[2]
    assert "one line per" in texts[2] and "one line per" not in texts[0] + texts[1]


def test_figures_command_does_not_load_textual() -> None:
    code = (
        "import sys; from treatytui.cli import build_parser; build_parser(); "
        "import treatytui.commands.figures; "
        "print(any(m.split('.')[0] in ('whoosh', 'textual') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
