"""Terminals that cannot do it all: no terminal, TERM=dumb, no colour, no Unicode."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.segment import Segment
from rich.style import Style

from conftest import settle
from treatytui.app.filters import AsciiOnly, NoColour, ascii_text
from treatytui.app.terminal import TerminalProfile, locale_is_utf8, terminal_profile

UTF8 = {"LANG": "en_US.UTF-8", "TERM": "xterm-256color"}
TTYS = (True, True, True)


def profile(environ: dict[str, str], **options) -> TerminalProfile:
    options.setdefault("ttys", TTYS)
    options.setdefault("encoding", "utf-8")
    options.setdefault("colours", 256)
    return terminal_profile(environ, **options)


def test_a_modern_terminal_gets_everything() -> None:
    assert profile(UTF8) == TerminalProfile()


@pytest.mark.parametrize(
    ("ttys", "names"),
    [((False, True, True), "stdin is not"), ((True, False, False), "stdout and stderr are not")],
)
def test_no_terminal_is_refused_with_the_streams_named(ttys, names: str) -> None:
    problem = profile(UTF8, ttys=ttys).problem
    assert problem and names in problem and "treatytui search" in problem


def test_dumb_terminal_is_refused() -> None:
    problem = profile({**UTF8, "TERM": "dumb"}, colours=None).problem
    assert problem and "TERM=dumb" in problem and "\n" not in problem


def test_monochrome_terminals_get_no_colour_and_no_mouse() -> None:
    for colours, term in ((0, "vt100"), (None, "vt100"), (2, "xterm-mono")):
        got = profile({**UTF8, "TERM": term}, colours=colours)
        assert (got.colour, got.mouse, got.problem) == (False, False, None), term


def test_no_color_drops_colour_but_keeps_the_mouse() -> None:
    got = profile({**UTF8, "NO_COLOR": "1"})
    assert (got.colour, got.mouse) == (False, True)


def test_non_utf8_locale_or_stream_draws_ascii() -> None:
    assert not profile({**UTF8, "LC_ALL": "C"}).unicode
    assert not profile({"TERM": "xterm", "LANG": "de_DE.ISO-8859-1"}).unicode
    assert not profile(UTF8, encoding="latin-1").unicode
    assert profile({"TERM": "xterm"}).unicode  # no locale set: the stream decides
    assert locale_is_utf8({"LC_ALL": "", "LC_CTYPE": "C.utf8", "LANG": "C"}) is True


def test_ascii_text_keeps_every_cell() -> None:
    from rich.cells import cell_len

    for text in ("╭─ Search ─╮", "┃ “Hanoi” — 25–26 Oct… ▇ ×2 ≠", "António 会议", "⏎ Go"):
        folded = ascii_text(text)
        assert folded.isascii() and cell_len(folded) == cell_len(text), text
    assert ascii_text("╭─┤├─╯") == "+-++-+" and ascii_text("António") == "Antonio"
    assert ascii_text("━━") == "=="  # the focused pane's heavy border stays distinct


def test_no_colour_keeps_the_styles_that_carry_meaning() -> None:
    style = Style(color="red", bgcolor="blue", bold=True, underline=True, reverse=True)
    (segment,) = NoColour().apply([Segment("hit", style)], background=None)  # type: ignore[arg-type]
    assert segment.style.color is None and segment.style.bgcolor is None
    assert segment.style.bold and segment.style.underline and segment.style.reverse


async def _rendered_segments(app) -> list[Segment]:
    width, height = app.size
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    from rich.console import Console

    console = Console(width=width, height=height, force_terminal=True, color_system="truecolor")
    return list(console.render(update))


async def test_reader_without_colour_renders_no_colour(make_app, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(terminal=TerminalProfile(colour=False, mouse=False))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"hanoi", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.no_color and any(isinstance(f, NoColour) for f in app.get_line_filters())
        segments = await _rendered_segments(app)
        styled = [s.style for s in segments if s.style is not None and not s.control]
        assert styled and all(s.color is None and s.bgcolor is None for s in styled)
        assert any(s.bold for s in styled) and any(s.underline for s in styled)
        assert any(s.reverse for s in styled)  # the current hit


async def test_reader_in_ascii_draws_only_ascii(make_app) -> None:
    app = make_app(terminal=TerminalProfile(unicode=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert any(isinstance(f, AsciiOnly) for f in app.get_line_filters())
        text = "".join(s.text for s in await _rendered_segments(app) if not s.control)
        assert text.isascii() and "+-" in text and "|" in text


# -- real processes -----------------------------------------------------------------------
def _treatytui(index: Path, env: dict[str, str], **options) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "treatytui", "--index", str(index)]
    full_env = {**os.environ, **env}
    return subprocess.run(command, env=full_env, capture_output=True, text=True, **options)


def test_without_a_terminal_the_reader_refuses_at_once(seed_index: Path) -> None:
    started = time.monotonic()
    result = _treatytui(seed_index, {}, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2
    assert result.stdout == "" and "\x1b" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "needs a terminal" in result.stderr
    assert time.monotonic() - started < 30  # not a full-screen app waiting for keys


def _run_in_pty(index: Path, env: dict[str, str], *, quit_after: str = "articles") -> str:
    """Start the reader in a pseudo-terminal, wait for ``quit_after`` (or 20 s), press
    ctrl+q; returns everything it wrote."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: the reader on the pty
        full_env = {**os.environ, "LANG": "C.UTF-8", **env}
        if "NO_COLOR" not in env:
            full_env.pop("NO_COLOR", None)
        os.execvpe(
            sys.executable, [sys.executable, "-m", "treatytui", "--index", str(index)], full_env
        )
    output = b""
    deadline = time.monotonic() + 20
    quit_sent = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            if not quit_sent and quit_after.encode() in output:
                time.sleep(0.5)  # a few more frames
                os.write(fd, b"\x11")  # ctrl+q
                quit_sent = True
                deadline = min(deadline, time.monotonic() + 5)
    finally:
        with_status = os.waitpid(pid, os.WNOHANG)
        if with_status == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    return output.decode("utf-8", "replace")


SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def _colour_codes(output: str) -> set[str]:
    """The SGR parameters that set a colour (30-49 but 39/49 resets, 90-107, 38;5;…)."""
    found = set()
    for params in SGR.findall(output):
        for number in params.replace(":", ";").split(";"):
            value = int(number) if number.isdigit() else 0
            if (30 <= value <= 48 or 90 <= value <= 107) and value != 39:
                found.add(params)
    return found


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_dumb_terminal_refuses_in_one_line(seed_index: Path) -> None:
    output = _run_in_pty(seed_index, {"TERM": "dumb"}, quit_after="\n")
    assert "TERM=dumb cannot show the reader" in output and "\x1b[" not in output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    "env",
    [{"TERM": "xterm-256color", "NO_COLOR": "1"}, {"TERM": "vt100"}],
    ids=["no-color", "vt100"],
)
def test_no_colour_codes_reach_the_terminal(seed_index: Path, env: dict[str, str]) -> None:
    output = _run_in_pty(seed_index, env)
    assert "articles" in output  # the reader did start and paint
    assert not _colour_codes(output)
    styles = {p for p in SGR.findall(output)}
    assert any("1" in p.split(";") for p in styles)  # bold still says what matters
    if env["TERM"] == "vt100":
        assert "\x1b[?1000h" not in output and "\x1b[?1003h" not in output  # no mouse reports


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_non_utf8_locale_gets_ascii_boxes(seed_index: Path) -> None:
    output = _run_in_pty(seed_index, {"TERM": "xterm-256color", "LC_ALL": "C"})
    assert "articles" in output
    assert output.isascii()
    plain = re.sub(r"\x1b\[[0-9;:?<>$=]*[A-Za-z~]", "", output)
    assert "+-" in plain and "Search" in plain


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_stderr_redirected_is_refused_where_it_can_be_read(seed_index: Path) -> None:
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: stdin and stdout on the pty, stderr to /dev/null
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        argv = [sys.executable, "-m", "treatytui", "--index", str(seed_index)]
        os.execvpe(sys.executable, argv, dict(os.environ))
    output = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    done, status = os.waitpid(pid, os.WNOHANG)
    if done == 0:  # still running: the reader started after all
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 2
    assert b"stderr is not a terminal" in output and b"\x1b[" not in output
