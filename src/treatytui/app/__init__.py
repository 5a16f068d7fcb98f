"""The Textual reader. Importing this package is cheap: Textual loads in ``run_app``."""

from __future__ import annotations

from pathlib import Path


def run_app(index_root: Path, *, mouse: bool = True) -> int:
    """Open the reader on the index in ``index_root``; returns the exit status."""
    from treatytui.app.app import TreatyApp
    from treatytui.app.settings import load_settings

    app = TreatyApp(index_root, settings=load_settings())
    app.run(mouse=mouse)
    return app.return_code or 0


__all__ = ["run_app"]
