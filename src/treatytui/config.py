"""Where things live: the bundled seeds, the index folder, the user's config folder.

One rule for the index, whatever the install: ``--index DIR`` first, then
``TREATYTUI_INDEX``, else the per-user data folder (``~/.local/share/treatytui/index`` on
Linux). How the package was installed (``pip install .`` or ``-e``) and the folder it is
run from never move it. Nothing is ever written inside the installed package.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from treatytui.search.location import STATE, IndexLocation, read_json

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
    """The index folder when none is given: the per-user data folder, for every install."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "index"


@dataclass(frozen=True)
class IndexChoice:
    """The index folder a command uses, and what chose it."""

    path: Path
    chosen_by: str  # "--index", "$TREATYTUI_INDEX" or "default"

    @property
    def reason(self) -> str:
        """Why this folder, as a user reads it: "set by --index", "the per-user data folder"."""
        if self.chosen_by == "default":
            return "the per-user data folder"
        return f"set by {self.chosen_by}"


def choose_index_dir(option: str | os.PathLike[str] | None = None) -> IndexChoice:
    """The index folder: ``--index`` first, then ``TREATYTUI_INDEX``, then the default."""
    if option:
        return IndexChoice(Path(option).expanduser().resolve(), "--index")
    chosen = os.environ.get(INDEX_ENV)
    if chosen:
        return IndexChoice(Path(chosen).expanduser().resolve(), f"${INDEX_ENV}")
    return IndexChoice(default_index_dir(), "default")


def resolve_index_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The index folder: ``--index`` first, then ``TREATYTUI_INDEX``, then the default."""
    return choose_index_dir(option).path


def known_index_dirs() -> list[Path]:
    """Where an index may be without being chosen: the per-user data folder, and
    ``data/index`` of the source checkout (the default of earlier versions)."""
    known = [default_index_dir()]
    checkout = source_checkout()
    if checkout is not None:
        known.append(checkout / "data" / "index")
    return known


def holds_index(folder: Path) -> bool:
    """Whether ``folder`` holds a complete index."""
    try:
        return IndexLocation(folder).live_generation() is not None
    except OSError:
        return False


def remembered_paths(folder: Path) -> list[str]:
    """The article paths remembered in ``folder``'s ``collection.json`` (beside the seeds)."""
    data = read_json(folder / STATE)
    paths = data.get("paths") if isinstance(data, dict) else None
    return [p for p in paths if isinstance(p, str)] if isinstance(paths, list) else []


def other_index(chosen: Path) -> Path | None:
    """A known index folder worth pointing at because ``chosen`` holds no index, or only
    the bundled seeds while the other one also holds the user's own paths; else None."""
    if remembered_paths(chosen) and holds_index(chosen):
        return None
    empty = not holds_index(chosen)
    here = chosen.resolve()
    for folder in known_index_dirs():
        if folder.resolve() == here or not holds_index(folder):
            continue
        if empty or remembered_paths(folder):
            return folder
    return None


def other_index_hint(chosen: Path) -> str | None:
    """What to say when ``chosen`` is empty while another known folder holds an index."""
    other = other_index(chosen)
    if other is None:
        return None
    what = "holds only the bundled seeds" if holds_index(chosen) else "holds no index yet"
    return (
        f"the index folder {display_path(chosen)} {what}, but {display_path(other)} holds "
        f"an index: use it with --index {other} (or {INDEX_ENV}={other})"
    )


def display_path(path: Path) -> str:
    """``path`` with the home folder written ``~`` (shorter on a narrow screen)."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


def config_dir() -> Path:
    """The user's config folder (``TREATYTUI_CONFIG`` or the XDG config folder)."""
    chosen = os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME))
