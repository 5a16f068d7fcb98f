"""Where the index lives: one rule for every install, said at every start."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from treatytui import config
from treatytui.cli import main


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private per-user data folder, no TREATYTUI_INDEX, and a fake old checkout index."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(config.INDEX_ENV, raising=False)
    old = tmp_path / "checkout" / "data" / "index"
    monkeypatch.setattr(config, "known_index_dirs", lambda: [config.default_index_dir(), old])
    return tmp_path / "xdg" / "treatytui" / "index"


def test_default_is_the_per_user_data_folder_even_in_a_checkout(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert config.source_checkout() is not None  # the tests run from an editable checkout
    assert config.resolve_index_dir() == data_home
    monkeypatch.chdir(config.source_checkout())  # nor does the folder it runs from matter
    assert config.resolve_index_dir() == data_home
    monkeypatch.chdir(tmp_path)
    assert config.resolve_index_dir() == data_home


def test_option_then_environment_then_default(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.INDEX_ENV, str(tmp_path / "env"))
    assert config.choose_index_dir(None).chosen_by == "$TREATYTUI_INDEX"
    assert config.choose_index_dir(tmp_path / "opt") == config.IndexChoice(
        tmp_path / "opt", "--index"
    )


def test_where_prints_the_index_folder_and_why(data_home: Path, capsys) -> None:
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("index:") and str(data_home.name) in first
    assert "the per-user data folder" in first and "no index yet" in first
    assert "note:" not in out


def test_where_counts_the_articles(built_seed_index: Path, capsys) -> None:
    assert main(["where", "--index", str(built_seed_index)]) == 0
    out = capsys.readouterr().out
    assert "(set by --index)" in out and "6 articles" in out


def _old_index_with_paths(built_seed_index: Path, tmp_path: Path) -> Path:
    old = tmp_path / "checkout" / "data" / "index"
    shutil.copytree(built_seed_index, old)
    (old / "collection.json").write_text(json.dumps({"paths": [str(tmp_path / "news")]}))
    return old


def test_an_index_elsewhere_is_pointed_at(
    data_home: Path, built_seed_index: Path, tmp_path: Path, capsys
) -> None:
    old = _old_index_with_paths(built_seed_index, tmp_path)
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    assert f"--index {old}" in out and f"TREATYTUI_INDEX={old}" in out
    assert "holds no index yet" in out
    # A search builds a seeds-only index in the chosen folder, and says where the other is.
    assert main(["search", "kampala"]) == 0
    err = capsys.readouterr().err
    assert f"--index {old}" in err
    # Still said while the chosen folder holds only the seeds.
    assert main(["index"]) == 0
    err = capsys.readouterr().err
    assert "holds only the bundled seeds" in err and f"--index {old}" in err
    assert "index folder:" in err and "(the per-user data folder)" in err
    # Once the user chose, nothing more is said.
    assert main(["search", "--index", str(old), "kampala"]) == 0
    assert "note:" not in capsys.readouterr().err


def test_no_note_when_the_other_folder_is_empty(data_home: Path, capsys) -> None:
    assert config.other_index_hint(data_home) is None
    assert main(["where"]) == 0
    assert "note:" not in capsys.readouterr().out


def test_where_starts_without_whoosh_or_textual() -> None:
    code = (
        "import sys; from treatytui.cli import main; main(['where']); "
        "print(any(m.split('.')[0] in ('whoosh', 'textual') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("False"), result.stderr
