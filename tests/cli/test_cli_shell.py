"""`treatytui` as a citizen of the shell: piped output, the reader without a terminal,
completion for bash/zsh/fish and a man page from the same parser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from treatytui.cli import build_parser
from treatytui.commands.manpage import _subcommands, man_page


def cli(
    *args: str, env: dict[str, str] | None = None, stdin: int | None = subprocess.DEVNULL
) -> subprocess.CompletedProcess[bytes]:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    environment.update(env or {})
    command = [sys.executable, "-m", "treatytui", *args]
    return subprocess.run(command, capture_output=True, env=environment, stdin=stdin, timeout=120)


def test_piped_search_prints_one_unwrapped_line_per_hit(seed_index: Path) -> None:
    piped = cli("--index", str(seed_index), "search", "--limit", "50", "convention")
    assert piped.returncode == 0, piped.stderr
    hits = json.loads(
        cli("--index", str(seed_index), "search", "--json", "--limit", "50", "convention").stdout
    )
    lines = piped.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(hits) > 1
    assert any(len(line) > 80 for line in lines)  # long lines stay whole
    for line, hit in zip(lines, hits, strict=True):
        assert line.split("\t") == [hit["path"], hit["published"] or "", hit["title"]]


def test_piped_search_with_no_hit_prints_nothing_and_exits_1(seed_index: Path) -> None:
    result = cli("--index", str(seed_index), "search", "zzzqqqxx")
    assert result.returncode == 1 and result.stdout == b""


@pytest.mark.parametrize("stdin", [subprocess.DEVNULL, None], ids=["no stdin", "stdout piped"])
def test_the_reader_without_a_terminal_says_so_and_exits_2(
    seed_index: Path, stdin: int | None
) -> None:
    result = cli("--index", str(seed_index), stdin=stdin)
    assert result.returncode == 2
    assert b"the reader needs a terminal" in result.stderr
    assert b"\x1b" not in result.stdout + result.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_print_completion_gives_a_script_for_each_shell(shell: str) -> None:
    result = cli("--print-completion", shell)
    assert result.returncode == 0
    assert b"treatytui" in result.stdout and b"_ARGCOMPLETE" in result.stdout


def test_print_completion_of_an_unknown_shell_is_a_usage_error() -> None:
    assert cli("--print-completion", "tcsh").returncode == 2


def _complete(line: str, tmp_path: Path, shell: str = "bash") -> list[str]:
    """What the shell would be offered for ``line`` (completing at its end)."""
    answer = tmp_path / "completions"
    env = {
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_SHELL": shell,
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
        "_ARGCOMPLETE_IFS": "\n",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
    }
    result = cli(env=env)
    assert result.returncode == 0, result.stderr
    return [word.strip() for word in answer.read_text().split("\n") if word.strip()]


@pytest.mark.parametrize("shell", ["bash", "fish"])
def test_completion_offers_subcommands_and_their_options(shell: str, tmp_path: Path) -> None:
    assert "search" in _complete("treatytui sea", tmp_path, shell)
    assert any(
        word.startswith("--sort") for word in _complete("treatytui search --so", tmp_path, shell)
    )
    assert any(
        word.startswith("--rebuild") for word in _complete("treatytui index --re", tmp_path, shell)
    )


def test_man_page_documents_every_command_and_option() -> None:
    parser = build_parser()
    page = man_page(parser)
    assert page.startswith(".TH TREATYTUI 1 ")
    for section in ("NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT"):
        assert f"\n.SH {section}\n" in page
    commands = _subcommands(parser)
    assert {"index", "search", "facts", "timeline", "figures", "where"} <= {c[0] for c in commands}
    for name, _, sub in commands:
        assert f"\n.SS {name}\n" in page
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option.replace("-", "\\-") in page, (name, option)
    requests = {line.split()[0] for line in page.splitlines() if line.startswith((".", "'"))}
    assert requests <= {".TH", ".SH", ".SS", ".TP", ".PP", ".IP", ".B"}  # help text never one


def test_print_man_renders_with_man(tmp_path: Path) -> None:
    result = cli("--print-man")
    assert result.returncode == 0
    if shutil.which("man") is None:
        pytest.skip("no man(1) here to render the page")
    page = tmp_path / "treatytui.1"
    page.write_bytes(result.stdout)
    rendered = subprocess.run(
        ["man", "--warnings", "-l", str(page)],
        capture_output=True,
        text=True,
        env={**os.environ, "MANPAGER": "cat", "MANWIDTH": "80"},
        timeout=60,
    )
    assert rendered.returncode == 0, rendered.stderr
    assert "EXIT STATUS" in rendered.stdout and "--print-completion" in rendered.stdout
    assert rendered.stderr == ""


def test_completion_knows_the_state_options_and_saved_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from treatytui.state import ReadingState

    with ReadingState.open() as state:  # the private XDG_STATE_HOME of the test
        state.save_search("hanoi-daily", "venue:Hanoi is:unread")
    assert "--unread" in _complete("treatytui search --unr", tmp_path)
    assert "hanoi-daily" in _complete("treatytui search --saved han", tmp_path)
    assert "starred" in _complete("treatytui export ", tmp_path)
