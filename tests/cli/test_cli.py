"""The `treatytui` command line: index, search, facts, --help and --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from treatytui import __version__
from treatytui.cli import main


def run(*args: str, env_index: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "treatytui", *args]
    env = None
    if env_index is not None:
        import os

        env = {**os.environ, "TREATYTUI_INDEX": str(env_index)}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"treatytui {__version__}"


@pytest.mark.parametrize("command", [[], ["index"], ["search"], ["facts"]])
def test_help_everywhere(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: treatytui" in capsys.readouterr().out


def test_index_then_search(
    collection_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = str(tmp_path / "ix")
    assert main(["--index", index, "index", str(collection_dir)]) == 0
    summary = capsys.readouterr().err
    assert "6 articles in the index" in summary  # 2 seeds + 4 test articles
    assert "6 added" in summary
    # Remembered: a bare `index` refreshes the same paths.
    assert main(["index", "--index", index]) == 0
    assert "6 unchanged" in capsys.readouterr().err
    assert main(["search", "--index", index, "Hanoi", "signing"]) == 0
    out = capsys.readouterr()
    assert "Dozens of states sign cybercrime treaty in Hanoi" in out.out
    assert "match" in out.err


def test_search_json_contract(seed_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--index", str(seed_index), "search", "--json", "Guterres"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["path"].rsplit("/", 1)[-1] for h in hits} >= {"000_d9b2f0b984d1a4ec.txt"}
    for hit in hits:
        assert {"path", "title", "source", "published", "score", "snippet"} <= set(hit)
        assert isinstance(hit["score"], float)


def test_query_error_is_short_and_not_a_traceback(
    seed_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--index", str(seed_index), "search", '"unclosed']) == 2
    err = capsys.readouterr().err
    assert err.startswith("treatytui: query error:") and "Traceback" not in err


def test_index_env_variable_is_honoured(seed_index: Path) -> None:
    result = run("search", "--json", "Munyonyo", env_index=seed_index)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["title"]


def test_nothing_indexable_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "ix"
    # Without the seeds in the collection: only a missing path.
    (index).mkdir()
    (index / "collection.json").write_text('{"paths": [], "include_seeds": false}')
    assert main(["--index", str(index), "index", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    # A folder that exists but holds no article: nothing found.
    (tmp_path / "empty").mkdir()
    assert main(["--index", str(index), "index", str(tmp_path / "empty")]) == 1


def test_facts_json_contract(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = seeds / "000_d9b2f0b984d1a4ec.txt"
    assert main(["facts", "--json", str(path)]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert len(documents) == 1
    document = documents[0]
    assert document["path"] == str(path)
    assert document["published"] == "2025-10-27"
    assert document["title"].startswith("Laos signs UN Convention against Cybercrime")
    text = (seeds / "000_d9b2f0b984d1a4ec.txt").read_text(encoding="utf-8")
    assert document["facts"]
    for fact in document["facts"]:
        assert {"kind", "text", "span", "sentence"} <= set(fact)
    assert text  # the source file is untouched and readable


def test_facts_of_the_whole_index_as_csv(
    seed_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--index", str(seed_index), "facts", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("path,title,published,kind,text,start,end,sentence")
    assert len(lines) > 5


def test_search_does_not_import_textual(seed_index: Path) -> None:
    code = (
        "import sys; from treatytui.cli import main; "
        f"main(['--index', {str(seed_index)!r}, 'search', 'Hanoi']); "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_second_indexer_is_told_clearly(
    seed_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from treatytui.search.location import IndexLocation
    from treatytui.search.lock import IndexerLock

    with IndexerLock(IndexLocation(seed_index).lock_file):
        assert main(["--index", str(seed_index), "index", "--no-wait"]) == 2
    err = capsys.readouterr().err
    assert "indexing is already running" in err and "Traceback" not in err


def test_search_on_a_fresh_folder_builds_the_index_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--index", str(tmp_path / "new"), "search", "--json", "Munyonyo"]) == 0
    captured = capsys.readouterr()
    assert "indexing the collection first" in captured.err
    assert json.loads(captured.out)[0]["path"].endswith("003_1a7183f8b07ea888.txt")
