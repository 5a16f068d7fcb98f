"""The collection: which folders and files make up the library, remembered per index."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from treatytui.config import seeds_dir
from treatytui.search.location import read_json, write_atomically


@dataclass
class Collection:
    """The remembered article paths of one index folder, plus the bundled seeds."""

    state_file: Path
    paths: list[Path] = field(default_factory=list)
    include_seeds: bool = True
    follow_symlinks: bool = False
    """Follow symbolic links that lead out of the collection's folders."""

    @classmethod
    def load(cls, index_root: Path) -> Collection:
        """The collection remembered in ``index_root`` (seeds only when nothing is)."""
        state_file = index_root / "collection.json"
        data = read_json(state_file)
        collection = cls(state_file)
        if isinstance(data, dict):
            collection.paths = [Path(p) for p in data.get("paths", []) if isinstance(p, str)]
            collection.include_seeds = bool(data.get("include_seeds", True))
            collection.follow_symlinks = data.get("follow_symlinks") is True
        return collection

    def add(self, paths: list[Path]) -> None:
        """Remember ``paths`` (absolute, without duplicates)."""
        for path in paths:
            resolved = path.expanduser().absolute()
            if resolved not in self.paths:
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
        write_atomically(self.state_file, json.dumps(payload, indent=2))
