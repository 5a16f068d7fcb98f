"""What the subcommands share: the index folder, the error console, safe text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from treatytui.config import resolve_index_dir
from treatytui.textsafety import printable


def index_dir(args: argparse.Namespace) -> Path:
    """The index folder chosen by ``--index``, ``TREATYTUI_INDEX`` or the default."""
    return resolve_index_dir(getattr(args, "index", None))


def stdout() -> Console:
    """A console for results (no markup parsing: article text is data)."""
    return Console(markup=False, highlight=False, emoji=False)


def stderr() -> Console:
    """A console for progress, summaries and errors."""
    return Console(stderr=True, markup=False, highlight=False, emoji=False, soft_wrap=True)


def fail(message: str, status: int = 1) -> int:
    """Print ``treatytui: message`` on stderr and return ``status``."""
    print(f"treatytui: {printable(message)}", file=sys.stderr)
    return status
