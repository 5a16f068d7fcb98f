"""Plain `treatytui`: open the reader on the collection."""

from __future__ import annotations

import argparse

from treatytui.commands.common import index_dir


def run_reader(args: argparse.Namespace) -> int:
    """Open the Textual app (imported only here, so the other commands start fast)."""
    from treatytui.app import run_app

    return run_app(index_dir(args), mouse=not args.no_mouse)
