"""Where things live: the bundled seeds, the index folder, the user's config folder.

A source checkout keeps its index in ``data/index/`` beside ``pyproject.toml``; an
installed copy uses the per-user data folder. ``--index DIR`` or ``TREATYTUI_INDEX``
overrides both. Nothing is ever written inside the installed package.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "treatytui"
INDEX_ENV = "TREATYTUI_INDEX"
CONFIG_ENV = "TREATYTUI_CONFIG"

_PACKAGE_DIR = Path(__file__).resolve().parent


def source_checkout() -> Path | None:
    """The root of the source checkout this code runs from, if it runs from one."""
    root = _PACKAGE_DIR.parent.parent
    pyproject = root / "pyproject.toml"
    if _PACKAGE_DIR.parent.name == "src" and pyproject.is_file():
        try:
            if 'name = "treatytui"' in pyproject.read_text(encoding="utf-8"):
                return root
        except OSError:
            return None
    return None


def seeds_dir() -> Path:
    """The folder of bundled seed articles (in the checkout, or shipped in the package)."""
    checkout = source_checkout()
    if checkout is not None and (checkout / "seeds").is_dir():
        return checkout / "seeds"
    return _PACKAGE_DIR / "seeds"


def default_index_dir() -> Path:
    """The index folder when none is given: ``data/index`` in a checkout, else per-user."""
    checkout = source_checkout()
    if checkout is not None:
        return checkout / "data" / "index"
    return Path(platformdirs.user_data_dir(APP_NAME)) / "index"


def resolve_index_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The index folder: ``--index`` first, then ``TREATYTUI_INDEX``, then the default."""
    chosen = option or os.environ.get(INDEX_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return default_index_dir()


def config_dir() -> Path:
    """The user's config folder (``TREATYTUI_CONFIG`` or the XDG config folder)."""
    chosen = os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME))
