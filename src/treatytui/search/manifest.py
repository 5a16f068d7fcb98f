"""What the index holds, file by file: the record that makes refreshes incremental.

The manifest maps each article id to the file it came from and the file's size, mtime
and content hash. It is saved beside the Whoosh files after every commit, stamped with the
Whoosh generation it describes; a stamp that does not match (the writer was killed between
the two) makes it be rebuilt from the index itself, so it can never mislead.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from whoosh.index import Index

from treatytui.search.location import read_json, write_atomically


@dataclass(frozen=True, slots=True)
class FileRecord:
    """The state of one indexed file (and its sidecar) when it was indexed."""

    path: str
    content_hash: str
    size: int = -1
    mtime_ns: int = -1
    sidecar: tuple[int, int] | None = None


class Manifest:
    """The records of one index generation, keyed by article id."""

    def __init__(self, records: dict[str, FileRecord], generation: int) -> None:
        self.records = records
        self.generation = generation
        self.dirty = False
        """True when the records changed since the manifest was read."""

    @classmethod
    def load(cls, folder: Path, index: Index) -> Manifest:
        """The manifest of ``folder``, rebuilt from stored fields when missing or stale."""
        generation = index.latest_generation()
        data = read_json(folder / "manifest.json")
        if isinstance(data, dict) and data.get("generation") == generation:
            try:
                records = {
                    key: FileRecord(
                        path=r["path"],
                        content_hash=r["content_hash"],
                        size=r["size"],
                        mtime_ns=r["mtime_ns"],
                        sidecar=tuple(r["sidecar"]) if r.get("sidecar") else None,
                    )
                    for key, r in data["records"].items()
                }
                return cls(records, generation)
            except (KeyError, TypeError, ValueError):
                pass
        manifest = cls.from_index(index)
        manifest.dirty = True
        return manifest

    @classmethod
    def from_index(cls, index: Index) -> Manifest:
        """Rebuild the records from the documents' stored fields (slow, always right)."""
        records: dict[str, FileRecord] = {}
        with index.searcher() as searcher:
            for fields in searcher.all_stored_fields():
                meta = fields.get("meta") or {}
                records[fields["id"]] = FileRecord(
                    path=fields.get("path", ""), content_hash=meta.get("hash", "")
                )
        return cls(records, index.latest_generation())

    def save(self, folder: Path, generation: int) -> None:
        """Write the manifest for Whoosh generation ``generation``."""
        self.generation = generation
        payload = {
            "generation": generation,
            "records": {key: asdict(record) for key, record in sorted(self.records.items())},
        }
        # ASCII, so that a path that is not valid UTF-8 (kept by Python as lone surrogates)
        # is written as escapes and read back the same.
        write_atomically(folder / "manifest.json", json.dumps(payload, ensure_ascii=True))
        self.dirty = False
