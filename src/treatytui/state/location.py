"""Where a user's reading state lives: ``$XDG_STATE_HOME/treatytui/state.sqlite3``.

The per-user state folder, found the way ``config.py`` finds the data folder (platformdirs:
``~/.local/state/treatytui`` on Linux when ``XDG_STATE_HOME`` is not set). Never beside the
index: an index may be shared, read-only, by several users, each with a state of their own.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "treatytui"
STATE_ENV = "TREATYTUI_STATE"
STATE_FILE = "state.sqlite3"


def state_dir() -> Path:
    """The user's state folder (``$XDG_STATE_HOME/treatytui``)."""
    return Path(platformdirs.user_state_dir(APP_NAME))


def state_file() -> Path:
    """The reading-state database: ``TREATYTUI_STATE`` if set, else in :func:`state_dir`."""
    chosen = os.environ.get(STATE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return state_dir() / STATE_FILE
