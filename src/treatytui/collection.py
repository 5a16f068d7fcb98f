"""The collection: which folders and files make up the library, remembered per index.

The bundled seeds are remembered by a flag (``include_seeds``), never by their path: the
path is inside the installed package and changes with every reinstall, so a remembered
one would point into a deleted environment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from treatytui.config import default_index_dir, seeds_dir
from treatytui.search.location import STATE, IndexLocation, read_json, write_atomically
from treatytui.search.manifest import recorded_roots


def is_bundled_seeds(path: Path) -> bool:
    """Whether ``path`` is a copy of treatytui's bundled seeds folder (this install's, an
    installed package's ``treatytui/seeds`` or a checkout's ``seeds/``), existing or not."""
    if path.name != "seeds":
        return False
    if path.expanduser().absolute() == seeds_dir().absolute():
        return True
    if path.parent.name == "treatytui" and {"site-packages", "dist-packages"} & set(path.parts):
        return True
    try:
        pyproject = (path.parent / "pyproject.toml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return 'name = "treatytui"' in pyproject


@dataclass
class Collection:
    """The remembered article paths of one index folder, plus the bundled seeds."""

    state_file: Path
    paths: list[Path] = field(default_factory=list)
    include_seeds: bool = True
    follow_symlinks: bool = False
    """Follow symbolic links that lead out of the collection's folders."""
    managed: Path | None = None
    """The folder fetched articles are stored in (one of ``paths`` once used)."""
    notice: str | None = None
    """Set when the index had no readable record of its folders, and the folders were
    taken from its articles instead (what to tell the user)."""

    @classmethod
    def load(cls, index_root: Path) -> Collection:
        """The collection remembered in ``index_root`` (seeds only when nothing is).

        Where that record is missing or unreadable but there is an index (one made by a
        script calling the indexer, a file deleted by hand), the folders its articles came
        from are taken instead, and :attr:`notice` says so: a refresh never drops a
        folder's articles for want of the record.
        """
        state_file = index_root / STATE
        data = read_json(state_file)
        collection = cls(state_file)
        if not isinstance(data, dict):
            collection._recover(index_root)
        if isinstance(data, dict):
            remembered = [Path(p) for p in data.get("paths", []) if isinstance(p, str)]
            collection.paths = [p for p in remembered if not is_bundled_seeds(p)]
            collection.include_seeds = bool(data.get("include_seeds", True))
            collection.follow_symlinks = data.get("follow_symlinks") is True
            managed = data.get("managed")
            collection.managed = Path(managed) if isinstance(managed, str) else None
        return collection

    def _recover(self, index_root: Path) -> None:
        live = IndexLocation(index_root).live_generation()
        if live is None:
            return
        folders = [root for root in recorded_roots(live) if not is_bundled_seeds(root)]
        if not folders:
            return
        self.paths = folders
        why = "is unreadable" if self.state_file.exists() else "is missing"
        shown = ", ".join(str(folder) for folder in folders[:3])
        more = f" and {len(folders) - 3} more" if len(folders) > 3 else ""
        self.notice = (
            f"The index's record of its folders ({self.state_file}) {why}: kept the folders "
            f"its articles came from ({shown}{more}) rather than drop their articles"
        )

    def managed_dir(self) -> Path:
        """The folder for fetched articles: the remembered one, else ``articles`` in the
        per-user data folder for the default index, or inside the index folder."""
        if self.managed is not None:
            return self.managed
        index_root = self.state_file.parent
        if index_root.absolute() == default_index_dir().absolute():
            return index_root.parent / "articles"
        return index_root / "articles"

    def use_managed(self) -> Path:
        """Make the managed folder one of the collection's paths; returns it."""
        folder = self.managed_dir().expanduser().absolute()
        self.managed = folder
        self.add([folder])
        return folder

    def add(self, paths: list[Path]) -> None:
        """Remember ``paths`` (absolute, without duplicates; the seeds go by their flag)."""
        for path in paths:
            resolved = path.expanduser().absolute()
            if is_bundled_seeds(resolved):
                self.include_seeds = True
            elif resolved not in self.paths:
                self.paths.append(resolved)

    def roots(self, extra: list[Path] | None = None) -> list[Path]:
        """Every path to index: the seeds (unless turned off), remembered and extra paths."""
        roots = [seeds_dir()] if self.include_seeds else []
        for path in [*self.paths, *(extra or [])]:
            if path not in roots:
                roots.append(path)
        return roots

    def save(self) -> None:
        """Write the remembered paths beside the index."""
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "paths": [str(p) for p in self.paths],
            "include_seeds": self.include_seeds,
            "follow_symlinks": self.follow_symlinks,
        }
        if self.managed is not None:
            payload["managed"] = str(self.managed)
        write_atomically(self.state_file, json.dumps(payload, indent=2))
