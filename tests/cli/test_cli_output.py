"""What the command line writes: no control codes from names, any encoding, highlights,
and one convention of exit codes (0 found or done, 1 nothing found, 2 error)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from treatytui.cli import main
from treatytui.commands.searching import render_hit
from treatytui.search.results import Hit, Snippet
from treatytui.textsafety import json_text, one_line, one_line_spans, visible, yaml_text

# Anything a terminal could act on: C0 controls but tab and newline, DEL, C1 controls.
# (Tabs separate the fields of piped `search` lines; one in a name or a title is escaped.)
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ARTICLE = (
    "Delegates meet in Hanoi\n"
    "Delegates of 72 countries signed the convention in Hanoi on October 25, 2025.\n"
    "The ceremony was opened by the host.\n"
)
EVIL_NAMES = (
    "osc\x1b]52;c;Zm9v\x07\x1b[2Jname.txt",
    "csi\x9b31mname.txt",
    "line\u2028sep.txt",
    "tab\tname.txt",
)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    environment.update(env or {})
    command = [sys.executable, "-m", "treatytui", *args]
    return subprocess.run(command, capture_output=True, env=environment, timeout=120)


@pytest.fixture(scope="module")
def evil_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An index (without the seeds) of articles whose file names hold escape sequences."""
    base = tmp_path_factory.mktemp("evil")
    folder = base / "news"
    folder.mkdir()
    for name in EVIL_NAMES:
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    (folder / "skip.\x1b[31mpdf").write_text("not an article", encoding="utf-8")
    index = base / "index"
    index.mkdir()
    (index / "collection.json").write_text('{"paths": [], "include_seeds": false}')
    return index, folder


@pytest.mark.parametrize(
    "args",
    [
        ["search", ""],
        ["search", "--json", "hanoi"],
        ["facts"],
        ["facts", "--json"],
        ["facts", "--format", "yaml"],
        ["facts", "--format", "csv"],
        ["timeline"],
        ["timeline", "--json"],
        ["timeline", "--yaml"],
        ["timeline", "--csv"],
    ],
    ids=" ".join,
)
def test_names_with_escape_sequences_never_reach_the_terminal(
    evil_index: tuple[Path, Path], args: list[str]
) -> None:
    index, folder = evil_index
    indexed = cli("--index", str(index), "index", str(folder))
    assert indexed.returncode == 0, indexed.stderr
    result = cli("--index", str(index), *args)
    assert result.returncode == 0, result.stderr
    for output in (result.stdout, result.stderr, indexed.stderr):
        text = output.decode("utf-8")
        assert not RAW_CONTROL.findall(text), text
        assert "\u2028" not in text
    if args == ["search", ""]:  # one line per hit: path, date, title
        assert all(line.count("\t") == 2 for line in result.stdout.decode().splitlines())
    if args[:2] == ["search", "--json"]:  # escaped, not lost: the names come back exactly
        assert {hit["id"] for hit in json.loads(result.stdout)} == {f"news/{n}" for n in EVIL_NAMES}


def test_index_summary_shows_the_name_escaped(evil_index: tuple[Path, Path]) -> None:
    index, folder = evil_index
    summary = cli("--index", str(index), "index", str(folder)).stderr.decode("utf-8")
    assert "skipped" in summary and "skip.\\x1b[31mpdf" in summary


def test_facts_of_a_file_named_with_escapes(evil_index: tuple[Path, Path]) -> None:
    _, folder = evil_index
    for args in ([], ["--json"]):
        result = cli("facts", *args, str(folder / EVIL_NAMES[0]), str(folder / "gone\x1b[2J.txt"))
        assert result.returncode == 2  # one file could not be read
        text = (result.stdout + result.stderr).decode("utf-8")
        assert not RAW_CONTROL.findall(text)
        assert "gone\\x1b[2J.txt: no such file" in text


def test_json_and_yaml_escape_every_control() -> None:
    value = {"id": "a\x1b[2Jb\x9b31m\x85\u2028\u2029\x7fé"}
    text = json_text(value)
    assert not RAW_CONTROL.search(text) and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value
    assert "é" in text  # only controls are escaped
    shown = yaml_text([value])
    assert not RAW_CONTROL.search(shown) and "\u2028" not in shown
    assert yaml.safe_load(shown) == [value]
    assert yaml_text(["plain"]) == "- plain\n"


def test_visible_escapes_controls_and_keeps_the_rest() -> None:
    assert visible("a\x1b]52;c;Zm9v\x07\x9b2Jé\n") == "a\\x1b]52;c;Zm9v\\x07\\x9b2Jé\\x0a"


@given(
    st.text(alphabet=st.sampled_from("ab \n\t\x1b[]\x07\x9b2;mJ\u2028\x85\x00é"), max_size=40),
    st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=4),
)
def test_one_line_spans_is_one_line_with_the_spans_moved(
    text: str, spans: list[tuple[int, int]]
) -> None:
    line, moved = one_line_spans(text, spans)
    assert line == one_line(text)
    for start, end in moved:
        assert 0 <= start < end <= len(line)
        assert line[start] != " " and line[end - 1] != " "


def _hit(snippet: str, word: str) -> Hit:
    highlights = tuple(
        (m.start(), m.end()) for m in re.finditer(word, snippet, flags=re.IGNORECASE)
    )
    return Hit(
        id="a.txt",
        path="/a.txt",
        title="T",
        source=None,
        published=date(2025, 10, 1),
        score=1.0,
        snippet=Snippet(snippet, highlights),
    )


@pytest.mark.parametrize(
    "snippet",
    [
        "the AALCO session in  Kampala, Uganda",  # a double space before the match
        "the session\nin Kampala,\n\nUganda",  # line breaks
        "…  \t Kampala  ",
        "plain Kampala text",
    ],
)
def test_snippet_highlights_survive_any_white_space(snippet: str) -> None:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard")
    rendered = render_hit(1, _hit(snippet, "kampala"))
    highlighted = [rendered.plain[span.start : span.end] for span in rendered.spans]
    assert "Kampala" in highlighted
    console.print(rendered)
    assert "\x1b[1;7mKampala" in console.file.getvalue()  # type: ignore[attr-defined]


def test_search_highlights_every_hit_on_a_terminal_and_none_when_piped(
    seed_index: Path,
) -> None:
    for word in ("kampala", "guterres", "hanoi"):
        colour = cli("--index", str(seed_index), "search", word, env={"FORCE_COLOR": "1"})
        hits = colour.stdout.decode().count(".txt\x1b")  # each hit ends with its id line
        assert colour.returncode == 0 and hits
        lit = sum("\x1b[1;7m" in block for block in colour.stdout.decode().split(".txt"))
        assert lit == hits, (word, lit, hits)
        piped = cli("--index", str(seed_index), "search", word)
        assert b"\x1b" not in piped.stdout + piped.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "latin-1"},
        {"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0", "LC_ALL": "C"},
    ],
    ids=["latin-1", "C locale"],
)
@pytest.mark.parametrize(
    "args",
    [
        ["search", "hanoi"],
        ["timeline"],
        ["facts"],
        ["facts", "--json"],
        ["search", "--json", "hanoi"],
    ],
    ids=" ".join,
)
def test_narrow_output_encodings_never_raise(
    seed_index: Path, env: dict[str, str], args: list[str]
) -> None:
    result = cli("--index", str(seed_index), *args, env=env)
    assert result.returncode in (0, 1), result.stderr
    assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
    if "--json" in args:
        json.loads(result.stdout.decode("ascii"))  # ASCII with escapes, still JSON


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["search", "hanoi"], 0),
        (["search", "zzzqqqxx"], 1),
        (["search", '"unclosed'], 2),
        (["search", "--limit", "0", "x"], 2),
        (["timeline"], 0),
        (["timeline", "zzzqqqxx"], 1),
        (["timeline", "--dates", "not-a-date"], 2),
        (["facts"], 0),
        (["index", "/no/such/path"], 2),
        (["index"], 0),
        (["no-such-command"], 2),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_exit_codes_are_grep_like(
    seed_index: Path, args: list[str], status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(["--index", str(seed_index), *args])
    except SystemExit as exit_:  # argparse
        code = exit_.code
    assert code == status


def test_facts_exit_codes(tmp_path: Path, seeds: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Nothing to see\nJust words without any facts at all in them here.\n")
    assert main(["facts", str(next(seeds.glob("*.txt")))]) == 0
    assert main(["facts", str(empty)]) == 1
    assert main(["facts", str(tmp_path / "missing.txt")]) == 2


def test_help_gives_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ([], ["index"], ["search"], ["facts"], ["timeline"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        assert "exit status: 0 found or done, 1 nothing found, 2" in capsys.readouterr().out
