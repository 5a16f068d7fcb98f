"""Where an index lives on disk: generations, the pointer to the live one, the manifest.

An index folder holds one or more *generations* (``gen-<n>/``), each a complete Whoosh
index, and a small ``CURRENT`` file naming the live one. A full rebuild writes a new
generation beside the live one and then replaces ``CURRENT`` atomically, so a reader always
finds a complete index, whatever happened to the writer.

Every name of a file or folder of an index is here, and nowhere else.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from treatytui.atomicfile import write_atomically

# In the index folder:
POINTER = "CURRENT"
"""Names the live generation."""
STATE = "collection.json"
"""The collection's remembered paths and options."""
LOCK = "indexer.lock"
"""The one-writer lock (see ``lock.py``)."""
GENERATION_PREFIX = "gen-"
"""Of each generation's folder, before its number."""
# In each generation's folder:
MANIFEST = "manifest.sqlite"
"""What the generation holds, file by file (see ``manifest.py``)."""
LEGACY_MANIFEST = "manifest.json"
"""The manifest as earlier versions wrote it (read once, to migrate it)."""
VIEW_ROWS = "views.sqlite"
"""The collection views' rows (see ``viewstore.py``)."""
SCHEMA_STAMP = "schema.json"
"""The schema version the generation was written with."""
WHOOSH_INDEX_NAME = "MAIN"
"""Whoosh's default index name, which its files start with."""
WHOOSH_WRITE_LOCK = f"{WHOOSH_INDEX_NAME}_WRITELOCK"
WHOOSH_SCRATCH = f"{WHOOSH_INDEX_NAME}.tmp"
"""The folder a Whoosh writer spills its postings into."""


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC


def create_file(path: Path) -> None:
    """Create ``path`` empty, with the permissions the umask gives, unless it exists."""
    os.close(os.open(path, _NEW_FILE, 0o666))


def read_json(path: Path) -> Any:
    """A JSON file's content, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@dataclass(frozen=True)
class IndexLocation:
    """An index folder and the files in it."""

    root: Path

    @property
    def pointer(self) -> Path:
        return self.root / POINTER

    @property
    def state_file(self) -> Path:
        return self.root / STATE

    @property
    def lock_file(self) -> Path:
        return self.root / LOCK

    def live_generation(self) -> Path | None:
        """The folder of the live index, or None when there is none yet."""
        try:
            name = self.pointer.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        if not name.startswith(GENERATION_PREFIX) or "/" in name:
            return None
        folder = self.root / name
        return folder if folder.is_dir() else None

    def new_generation(self) -> Path:
        """Create an empty folder for a new generation beside the live one."""
        self.root.mkdir(parents=True, exist_ok=True)
        numbers = [
            int(p.name.removeprefix(GENERATION_PREFIX))
            for p in self.root.glob(f"{GENERATION_PREFIX}*")
            if p.name.removeprefix(GENERATION_PREFIX).isdigit()
        ]
        folder = self.root / f"{GENERATION_PREFIX}{max(numbers, default=0) + 1}"
        folder.mkdir()
        return folder

    def publish(self, generation: Path) -> None:
        """Make ``generation`` the live index (atomic), then remove the others."""
        write_atomically(self.pointer, generation.name + "\n")
        self.remove_stale_generations(keep=generation)

    def remove_stale_generations(self, keep: Path) -> None:
        """Delete generations other than ``keep`` (left by rebuilds, finished or killed)."""
        for folder in self.root.glob(f"{GENERATION_PREFIX}*"):
            if folder.is_dir() and folder.name != keep.name:
                shutil.rmtree(folder, ignore_errors=True)
