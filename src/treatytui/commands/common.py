"""What the subcommands share: the index folder, the consoles, safe output, exit codes.

Exit codes, grep-like, for every command: ``EXIT_OK`` (0) found or done, ``EXIT_NOTHING``
(1) nothing found, ``EXIT_ERROR`` (2) a usage error or an error (a missing path, an
unreadable file, no index, a query that cannot run).

Everything printed goes through :mod:`treatytui.textsafety`: :func:`say` and :func:`fail`
for messages (names in them are shown with their control characters escaped), the
renderers for article text, :func:`json_output` and :func:`yaml_output` for scripts.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console

from treatytui.config import resolve_index_dir
from treatytui.textsafety import json_text, visible, yaml_text

EXIT_OK = 0
EXIT_NOTHING = 1
EXIT_ERROR = 2
EXIT_CODES_HELP = "exit status: 0 found or done, 1 nothing found, 2 usage error or error"


def index_dir(args: argparse.Namespace) -> Path:
    """The index folder chosen by ``--index``, ``TREATYTUI_INDEX`` or the default."""
    return resolve_index_dir(getattr(args, "index", None))


def never_fail_on_output() -> None:
    """Make stdout and stderr write what their encoding cannot hold as escapes.

    Under ``PYTHONIOENCODING=latin-1`` or a C locale, a character the encoding lacks is
    written ``\\u2014`` instead of raising ``UnicodeEncodeError``.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors != "backslashreplace":
            # closed, or not reconfigurable: nothing to do
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(errors="backslashreplace")


def unicode_output(stream: Any = None) -> bool:
    """Whether ``stream`` (stdout by default) writes every character as it is (UTF-8/16/32)."""
    encoding = getattr(stream or sys.stdout, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def stdout() -> Console:
    """A console for results (no markup parsing: article text is data)."""
    return Console(markup=False, highlight=False, emoji=False)


def stderr() -> Console:
    """A console for progress, summaries and errors."""
    return Console(stderr=True, markup=False, highlight=False, emoji=False, soft_wrap=True)


def say(console: Console, message: str) -> None:
    """Print one line of a message; any control character in it is shown escaped."""
    console.print(visible(message), markup=False, highlight=False, soft_wrap=True)


def fail(message: str, status: int = EXIT_ERROR) -> int:
    """Print ``treatytui: message`` on stderr and return ``status``."""
    print(f"treatytui: {visible(message)}", file=sys.stderr)
    return status


def json_output(value: Any) -> None:
    """Print ``value`` as JSON (ASCII with escapes when stdout cannot show every character)."""
    print(json_text(value, ascii_only=not unicode_output()))


def yaml_output(value: Any, width: int | None = None) -> None:
    """Print ``value`` as YAML (likewise)."""
    print(yaml_text(value, width=width, ascii_only=not unicode_output()), end="")


FLUSH_EVERY = 1 << 16  # characters written between flushes of a stream


def write_stream(pieces: Iterable[str]) -> None:
    """Write ``pieces`` of text to stdout as they come: the first at once, then about
    every ``FLUSH_EVERY`` characters, so that a reader of a pipe starts before the end."""
    out = sys.stdout
    pending = 0
    first = True
    for piece in pieces:
        out.write(piece)
        pending += len(piece)
        if first or pending >= FLUSH_EVERY:
            out.flush()
            pending, first = 0, False
    out.flush()
