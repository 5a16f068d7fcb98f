"""The reading state from the command line: --unread/--starred/--saved, mark, saved,
export starred, and the state kept per user across re-indexing."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from treatytui.cli import main

LAOS = "seeds/000_d9b2f0b984d1a4ec.txt"


def cli(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    environment.update(env or {})
    command = [sys.executable, "-m", "treatytui", *args]
    return subprocess.run(command, capture_output=True, env=environment, input=stdin, timeout=120)


def ids(index: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """The exit status and the hit ids of `treatytui search --json ARGS`."""
    capsys.readouterr()
    status = main(["--index", str(index), "search", "--json", "-n", "100", *args])
    return status, [hit["id"] for hit in json.loads(capsys.readouterr().out)]


def test_unread_and_starred_filter_every_match_not_only_the_top(
    seed_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, every = ids(seed_index, "", capsys=capsys)
    assert len(every) > 4
    # Read all but the last one: with --limit 1 the one hit left must still be found.
    assert main(["--index", str(seed_index), "mark", "--read", *every[:-1]]) == 0
    assert ids(seed_index, "--unread", capsys=capsys) == (0, every[-1:])
    capsys.readouterr()
    assert main(["--index", str(seed_index), "search", "--unread", "-n", "1"]) == 0
    assert "1 article" in capsys.readouterr().err  # the count is of all matches
    assert ids(seed_index, "is:unread", capsys=capsys) == (0, every[-1:])
    assert ids(seed_index, "--starred", capsys=capsys) == (1, [])
    assert main(["--index", str(seed_index), "mark", "--star", every[0], every[-1]]) == 0
    assert ids(seed_index, "--starred", capsys=capsys) == (0, [every[0], every[-1]])
    assert ids(seed_index, "--starred", "--unread", capsys=capsys) == (0, every[-1:])
    assert ids(seed_index, "--", "-is:starred", "is:read", capsys=capsys)[1] == every[1:-1]


def test_mark_takes_piped_search_output_and_prints_states(seed_index: Path) -> None:
    piped = cli("--index", str(seed_index), "search", "convention")
    assert piped.returncode == 0
    paths = [line.split(b"\t")[0] for line in piped.stdout.splitlines()]
    marked = cli("--index", str(seed_index), "mark", "--star", "-", stdin=piped.stdout)
    assert marked.returncode == 0, marked.stderr
    starred = cli("--index", str(seed_index), "search", "--starred", "-n", "100")
    assert sorted(line.split(b"\t")[0] for line in starred.stdout.splitlines()) == sorted(paths)
    note = cli("--index", str(seed_index), "mark", LAOS, "--note", "call the ministry")
    assert note.returncode == 0
    shown = cli("--index", str(seed_index), "mark", LAOS)
    assert shown.stdout.decode().split("\t") == [LAOS, "unread", "starred", "call the ministry\n"]
    noted = cli("--index", str(seed_index), "search", "has:note")
    assert noted.returncode == 0 and noted.stdout.count(b"\n") == 1


def test_mark_of_an_unknown_article_is_an_error(seed_index: Path) -> None:
    result = cli("--index", str(seed_index), "mark", "--star", LAOS, "no/such.txt")
    assert result.returncode == 2
    assert b"no/such.txt: not an indexed article" in result.stderr
    assert cli("--index", str(seed_index), "search", "--starred").returncode == 0  # LAOS


def test_saved_searches_with_counts(seed_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = ["--index", str(seed_index)]
    assert main([*index, "saved"]) == 1
    assert main([*index, "saved", "laos", "Laos", "OR", "Thongloun"]) == 0
    assert main([*index, "saved", "starred", "is:starred"]) == 0
    assert main([*index, "mark", "--read", LAOS]) == 0
    capsys.readouterr()
    assert main([*index, "saved"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    _, laos = ids(seed_index, "Laos OR Thongloun", capsys=capsys)
    assert rows == [
        ["laos", str(len(laos) - 1), str(len(laos)), "Laos OR Thongloun"],
        ["starred", "0", "0", "is:starred"],
    ]
    assert ids(seed_index, "--saved", "laos", capsys=capsys) == (0, laos)
    assert ids(seed_index, "--saved", "laos", "--unread", capsys=capsys)[1] == [
        i for i in laos if i != LAOS
    ]
    assert (
        ids(seed_index, "--saved", "laos", "Vientiane", capsys=capsys)[1]
        == ids(seed_index, "(Laos OR Thongloun) Vientiane", capsys=capsys)[1]
    )
    assert main([*index, "search", "--saved", "nope"]) == 2
    assert "no saved search 'nope' (saved: laos, starred)" in capsys.readouterr().err
    assert main([*index, "saved", "--delete", "laos"]) == 0
    assert main([*index, "saved", "--delete", "laos"]) == 1


@pytest.fixture
def starred_index(seed_index: Path) -> Path:
    index = ["--index", str(seed_index)]
    assert main([*index, "mark", "--star", LAOS, "seeds/003_1a7183f8b07ea888.txt"]) == 0
    assert main([*index, "mark", LAOS, "--note", "=cmd {x} & 100% — ő"]) == 0
    return seed_index


def test_export_starred_in_every_format(
    starred_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def export(fmt: str) -> str:
        capsys.readouterr()
        assert main(["--index", str(starred_index), "export", "starred", "--format", fmt]) == 0
        return capsys.readouterr().out

    records = json.loads(export("json"))
    assert {r["id"] for r in records} == {LAOS, "seeds/003_1a7183f8b07ea888.txt"}
    laos = next(r for r in records if r["id"] == LAOS)
    assert laos["title"].startswith("Laos signs") and laos["source"] == "Vientiane Times"
    assert laos["published"] == "2025-10-27" and laos["note"] == "=cmd {x} & 100% — ő"
    assert set(laos) == {"title", "source", "published", "url", "id", "path", "starred", "note"}
    assert yaml.safe_load(export("yaml")) == records
    rows = list(csv.DictReader(io.StringIO(export("csv"))))
    assert [row["id"] for row in rows] == [r["id"] for r in records]
    assert next(row for row in rows if row["id"] == LAOS)["note"].startswith("'=cmd")
    bib = export("bibtex")
    assert bib.count("@online{") == 2 and "vientiane2025laos" in bib
    assert r"note = {=cmd \{x\} \& 100\% — ő}" in bib
    assert bib.count("{") == bib.count("}") + bib.count(r"\}") - bib.count(r"\{")


def test_export_with_nothing_starred_exits_1(seed_index: Path) -> None:
    assert main(["--index", str(seed_index), "export", "starred", "--format", "csv"]) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["export", "starred", "--format", "yaml"],
        ["export", "starred", "--format", "bibtex"],
        ["export", "starred", "--format", "csv"],
        ["search", "--starred"],
        ["mark", LAOS],
        ["saved"],
    ],
    ids=" ".join,
)
def test_state_commands_in_latin_1_never_raise(starred_index: Path, args: list[str]) -> None:
    main(["--index", str(starred_index), "saved", "dash", "Laos"])
    result = cli("--index", str(starred_index), *args, env={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr


def test_state_survives_a_rebuild_and_is_per_user(seed_index: Path, tmp_path: Path) -> None:
    index = ["--index", str(seed_index)]
    assert main([*index, "mark", "--star", "--read", LAOS]) == 0
    assert main([*index, "index", "--rebuild", "--quiet"]) == 0
    assert cli(*index, "search", "--starred").stdout.count(b"\n") == 1
    other = {"XDG_STATE_HOME": str(tmp_path / "another-user")}
    assert cli(*index, "search", "--starred", env=other).returncode == 1
    assert (
        cli(*index, "mark", "--star", "seeds/003_1a7183f8b07ea888.txt", env=other).returncode == 0
    )
    mine = cli(*index, "search", "--starred").stdout
    assert LAOS.encode() in mine and b"003_" not in mine


def test_a_renamed_collection_folder_keeps_its_stars(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Delegates meet in Hanoi\nThey signed it on 25 October 2025.\n")
    index = ["--index", str(tmp_path / "index")]
    assert main([*index, "index", "--quiet", str(news)]) == 0
    assert main([*index, "mark", "--star", "news/a.txt", "--note", "keep"]) == 0
    news.rename(tmp_path / "archive")
    assert main([*index, "index", "--quiet", str(tmp_path / "archive")]) == 0
    shown = cli(*index, "mark", "archive/a.txt")
    assert shown.stdout.decode().split("\t")[1:] == ["unread", "starred", "keep\n"]


def test_a_corrupt_state_file_is_moved_aside_and_said(seed_index: Path, tmp_path: Path) -> None:
    state = tmp_path / "xdg-state" / "treatytui" / "state.sqlite3"
    state.parent.mkdir(parents=True)
    state.write_bytes(b"not sqlite " * 100)
    result = cli("--index", str(seed_index), "search", "--starred")
    assert result.returncode == 1  # a fresh state: nothing starred
    assert b"could not be read: it was moved aside to" in result.stderr
    (aside,) = state.parent.glob("state.sqlite3.corrupt-*")
    assert aside.read_bytes() == b"not sqlite " * 100


def test_plain_search_never_touches_the_state(seed_index: Path, tmp_path: Path) -> None:
    assert main(["--index", str(seed_index), "search", "convention"]) == 0
    assert not (tmp_path / "xdg-state").exists()


VIETNAM = "seeds/003_1a7183f8b07ea888.txt"  # has both dated events and figures


@pytest.mark.parametrize("command", ["timeline", "figures"])
def test_timeline_and_figures_take_the_state_words(
    seed_index: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    index = ["--index", str(seed_index)]
    assert main([*index, "mark", "--star", VIETNAM]) == 0
    capsys.readouterr()
    assert main([*index, command, "is:starred"]) == 0
    assert "from 1 article" in capsys.readouterr().err
    assert main([*index, command, "is:starred", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {row["article_id"] for row in rows} == {VIETNAM}
    assert main([*index, command, "is:starred", "zzzqqqxx"]) == 1  # and the query's words
    assert main([*index, "mark", "--read", VIETNAM]) == 0
    capsys.readouterr()
    assert main([*index, command, "is:unread", "--csv"]) == 0
    unread = {row["article_id"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert unread and VIETNAM not in unread
