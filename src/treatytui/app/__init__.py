"""The Textual reader. Importing this package is cheap: Textual loads in ``run_app``."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(index_root: Path, *, mouse: bool = True) -> int:
    """Open the reader on the index in ``index_root``; returns the exit status (2, with a
    one-line reason on stderr, where the terminal cannot show it)."""
    from treatytui.app.terminal import detect_terminal

    terminal = detect_terminal()
    if terminal.problem:
        print(f"treatytui: {terminal.problem}", file=sys.stderr)
        if not sys.stderr.isatty() and sys.stdout.isatty():  # `treatytui 2>/dev/null`
            print(f"treatytui: {terminal.problem}")
        return 2
    from treatytui.app.app import TreatyApp
    from treatytui.app.settings import load_settings

    app = TreatyApp(index_root, settings=load_settings(), terminal=terminal)
    app.run(mouse=mouse and terminal.mouse)
    return app.return_code or 0


__all__ = ["run_app"]
