"""What the index holds, file by file: the record that makes refreshes incremental.

The manifest maps each article id to the file it came from and the file's size, mtime
and content hash (and its sidecar's size and mtime). It is a SQLite database beside the
Whoosh files of a generation, so that a refresh changes the rows of the files that changed
and nothing else: at 100,000 articles, loading and rewriting the whole record (the JSON
file of earlier versions) took seconds and a gigabyte.

Changes are made in one transaction, committed just after Whoosh's commit with the Whoosh
generation they describe (a rollback journal: a killed indexer leaves the last committed
state). A stamp that does not match (the writer was killed between the two commits) makes
the manifest be rebuilt from the index itself, so it can never mislead. An index written
by an earlier version has a JSON manifest instead; it is migrated on first use.

Beside the records, the digests of chunks of folders' listings (``listing_chunks``, see
:mod:`treatytui.search.listing_chunks`) let a refresh pass over the unchanged files of a
large folder without reading their records. They are stamped with the generation they
were saved with and dropped by any save that does not set them anew: a writer that knows
nothing of them (an earlier version) leaves none that could mislead.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from treatytui.search.location import LEGACY_MANIFEST, MANIFEST, create_file, read_json
from treatytui.search.shared_sqlite import connect_for_reading

if TYPE_CHECKING:  # (`treatytui where` reads a manifest without loading Whoosh)
    from whoosh.index import Index

# What the comparison with the files on disk needs of a record, as SQLite gives it: the
# id, the path's bytes, size, mtime_ns, inode (None in a record of an earlier version) and
# the sidecar's size and mtime_ns (None: no sidecar).
Row = tuple[str, bytes, int, int, int | None, int | None, int | None]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS stamp (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    generation INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    path BLOB NOT NULL,
    content_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sidecar_size INTEGER,
    sidecar_mtime_ns INTEGER,
    inode INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS listing_chunks (
    prefix BLOB NOT NULL,
    key TEXT NOT NULL,
    base TEXT NOT NULL,
    digest BLOB NOT NULL,
    generation INTEGER NOT NULL,
    PRIMARY KEY (prefix, key)
) WITHOUT ROWID;
"""
_COLUMNS = "id, path, content_hash, size, mtime_ns, sidecar_size, sidecar_mtime_ns, inode"
# Rows are written this many at a time when a manifest is filled from elsewhere.
_BATCH = 2000
_ROW_COLUMNS = "id, path, size, mtime_ns, inode, sidecar_size, sidecar_mtime_ns"
_SEP = os.fsencode(os.sep)


@dataclass(frozen=True, slots=True)
class FileRecord:
    """The state of one indexed file (and its sidecar) when it was indexed."""

    path: str
    content_hash: str
    size: int = -1
    mtime_ns: int = -1
    sidecar: tuple[int, int] | None = None
    inode: int | None = None
    """The file's inode: a file replaced by another of the same size and mtime is seen."""


def _row(doc_id: str, record: FileRecord) -> tuple[object, ...]:
    sidecar = record.sidecar or (None, None)
    # The path as the file system's bytes: a name that is not valid UTF-8 (kept by Python
    # as lone surrogates) cannot be SQLite text, and comes back the same.
    return (doc_id, os.fsencode(record.path), record.content_hash, record.size,
            record.mtime_ns, *sidecar, record.inode)  # fmt: skip


def _sidecar(size: int | None, mtime_ns: int | None) -> tuple[int, int] | None:
    return None if size is None or mtime_ns is None else (size, mtime_ns)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to the manifest at ``path`` (created, with its tables, when missing)."""
    # Created here first, so that it gets the permissions the umask gives (SQLite's own
    # default is 0644 whatever the umask); its journal takes the same.
    create_file(path)
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.executescript(_SCHEMA)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(records)")}
        if "inode" not in columns:  # a manifest of an earlier version (no digest is its)
            connection.execute("ALTER TABLE records ADD COLUMN inode INTEGER")
            connection.execute("DELETE FROM listing_chunks")
    except BaseException:
        connection.close()
        raise
    return connection


def _open_or_replace(path: Path) -> tuple[sqlite3.Connection, int | None]:
    """A connection to the manifest at ``path`` and the generation it is stamped with;
    a file that is not a readable manifest is replaced by an empty one (stamp None)."""
    try:
        connection = _connect(path)
    except sqlite3.DatabaseError:
        _remove(path)
        return _connect(path), None
    try:
        row = connection.execute("SELECT generation FROM stamp").fetchone()
    except sqlite3.DatabaseError:
        connection.close()
        _remove(path)
        return _connect(path), None
    return connection, row[0] if row is not None else None


def _remove(path: Path) -> None:
    for name in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            name.unlink()


class Manifest:
    """The records of one index generation, keyed by article id, in its SQLite file.

    Changes go into one open transaction that :meth:`save` commits; until then the file
    on disk holds what it held, and a killed process leaves it so.
    """

    def __init__(self, connection: sqlite3.Connection, generation: int) -> None:
        self._db = connection
        self._migrated: Path | None = None
        self._chunks_set = False
        self.generation = generation
        self.dirty = False
        """True when the records changed since the manifest was last saved."""

    @classmethod
    def create(cls, folder: Path, generation: int) -> Manifest:
        """An empty manifest for the new generation in ``folder``."""
        path = folder / MANIFEST
        _remove(path)
        manifest = cls(_connect(path), generation)
        manifest.dirty = True
        return manifest

    @classmethod
    def load(cls, folder: Path, index: Index) -> Manifest:
        """The manifest of ``folder``; migrated from a JSON one of an earlier version, or
        rebuilt from stored fields, when missing, unreadable or stale."""
        generation = index.latest_generation()
        connection, stamp = _open_or_replace(folder / MANIFEST)
        manifest = cls(connection, generation)
        if stamp == generation:
            return manifest
        manifest.dirty = True
        manifest._clear()
        if not manifest._migrate(folder / LEGACY_MANIFEST, generation):
            manifest._fill_from(index)
        return manifest

    def _clear(self) -> None:
        self._begin()
        self._db.execute("DELETE FROM records")
        self._db.execute("DELETE FROM listing_chunks")

    def _migrate(self, legacy: Path, generation: int) -> bool:
        """Take the records of a JSON manifest of ``generation``; False when there is none."""
        data = read_json(legacy)
        if not isinstance(data, dict) or data.get("generation") != generation:
            return False
        try:
            rows = [
                _row(
                    key,
                    FileRecord(
                        path=r["path"],
                        content_hash=r["content_hash"],
                        size=r["size"],
                        mtime_ns=r["mtime_ns"],
                        sidecar=tuple(r["sidecar"]) if r.get("sidecar") else None,
                    ),
                )
                for key, r in data["records"].items()
            ]
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        self._insert(rows)
        self._migrated = legacy
        return True

    def _fill_from(self, index: Index) -> None:
        """Rebuild the records from the documents' stored fields (slow, always right)."""
        batch: list[tuple[object, ...]] = []
        with index.searcher() as searcher:
            for fields in searcher.all_stored_fields():
                meta = fields.get("meta") or {}
                record = FileRecord(path=fields.get("path", ""), content_hash=meta.get("hash", ""))
                batch.append(_row(fields["id"], record))
                if len(batch) >= _BATCH:
                    self._insert(batch)
                    batch = []
        self._insert(batch)

    def _insert(self, rows: list[tuple[object, ...]]) -> None:
        self._db.executemany(
            f"INSERT OR REPLACE INTO records ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", rows
        )

    def _begin(self) -> None:
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")

    def rows(self, outside: Sequence[tuple[bytes, bytes, bytes]] = ()) -> dict[str, Row]:
        """Every record's id, path, size, mtime, inode and sidecar, by id (what tells a
        changed file), as SQLite gives them: no Python code runs for each of 100,000.

        ``outside``: ranges of records left out, each as (folder, lower, upper): the
        records of the folder's files (not its subfolders') whose path's bytes are from
        ``lower`` up to (not with) ``upper``.
        """
        query, parameters = f"SELECT {_ROW_COLUMNS} FROM records", []
        if outside:
            # In the range, and no separator after the folder's own.
            inside = "(path >= ? AND path < ? AND instr(substr(path, ?), ?) = 0)"
            query += " WHERE NOT (" + " OR ".join([inside] * len(outside)) + ")"
            for prefix, lower, upper in outside:
                parameters += [lower, upper, len(prefix) + 1, _SEP]
        rows = self._db.execute(query, parameters).fetchall()
        return dict(zip(map(itemgetter(0), rows), rows, strict=True))

    def chunk_digests(self) -> dict[bytes, dict[str, tuple[str, bytes]]]:
        """The digests kept of the chunks of folders' listings (see
        :mod:`treatytui.search.listing_chunks`): by folder, by chunk key, with the id base."""
        digests: dict[bytes, dict[str, tuple[str, bytes]]] = {}
        for prefix, key, base, digest in self._db.execute(
            "SELECT prefix, key, base, digest FROM listing_chunks "
            "WHERE generation = (SELECT generation FROM stamp)"
        ):
            digests.setdefault(prefix, {})[key] = (base, digest)
        return digests

    def set_chunk_digests(self, digests: dict[bytes, dict[str, tuple[str, bytes]]]) -> None:
        """Replace the chunks' digests (saved by :meth:`save`; forgotten by a save without
        this call before it). The caller vouches for each: the records of the folder's
        files from the chunk's key up to the next key are exactly the files hashed."""
        self._begin()
        self._db.execute("DELETE FROM listing_chunks")
        self._db.executemany(
            "INSERT INTO listing_chunks (prefix, key, base, digest, generation) "
            "VALUES (?, ?, ?, ?, -1)",
            [
                (prefix, key, base, digest)
                for prefix, chunks in digests.items()
                for key, (base, digest) in chunks.items()
            ],
        )
        self._chunks_set = True
        self.dirty = True

    def set_inodes(self, inodes: list[tuple[int, str]]) -> None:
        """Record the inode of each (inode, id) (saved by :meth:`save`)."""
        self._begin()
        self._db.executemany("UPDATE records SET inode = ? WHERE id = ?", inodes)
        self.dirty = True

    def get(self, doc_id: str) -> FileRecord | None:
        """The record of ``doc_id``, or None."""
        row = self._db.execute(
            "SELECT path, content_hash, size, mtime_ns, sidecar_size, sidecar_mtime_ns, inode "
            "FROM records WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        path, content_hash, size, mtime_ns, sidecar_size, sidecar_mtime, inode = row
        return FileRecord(
            os.fsdecode(path),
            content_hash,
            size,
            mtime_ns,
            _sidecar(sidecar_size, sidecar_mtime),
            inode,
        )

    def put(self, doc_id: str, record: FileRecord) -> None:
        """Set the record of ``doc_id`` (saved by :meth:`save`)."""
        self._begin()
        self._insert([_row(doc_id, record)])
        self.dirty = True

    def remove(self, doc_id: str) -> None:
        """Forget ``doc_id`` (saved by :meth:`save`)."""
        self._begin()
        self._db.execute("DELETE FROM records WHERE id = ?", (doc_id,))
        self.dirty = True

    def ids(self) -> Iterator[str]:
        """Every id, in order."""
        for (doc_id,) in self._db.execute("SELECT id FROM records ORDER BY id").fetchall():
            yield doc_id

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM records").fetchone()[0])

    def save(self, generation: int) -> None:
        """Commit the changes as the manifest of Whoosh generation ``generation``."""
        self._begin()
        self._db.execute(
            "INSERT OR REPLACE INTO stamp (one, generation) VALUES (1, ?)", (generation,)
        )
        if self._chunks_set:
            self._db.execute("UPDATE listing_chunks SET generation = ?", (generation,))
        else:  # (records may have changed: the digests may no longer be theirs)
            self._db.execute("DELETE FROM listing_chunks")
        self._db.execute("COMMIT")
        self._chunks_set = False
        self.generation = generation
        self.dirty = False
        if self._migrated is not None:  # what it held is in the database now
            with contextlib.suppress(OSError):
                self._migrated.unlink()
            self._migrated = None

    def close(self) -> None:
        """Drop what was not saved and close the file (again: nothing)."""
        with contextlib.suppress(sqlite3.Error):
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._db.close()


def article_count(folder: Path) -> int | None:
    """How many articles the manifest in ``folder`` lists, read-only (None when unknown)."""
    path = folder / MANIFEST
    if path.is_file():
        try:
            with contextlib.closing(connect_for_reading(path)) as connection:
                return int(connection.execute("SELECT count(*) FROM records").fetchone()[0])
        except (sqlite3.Error, ValueError, UnicodeError):
            return None
    data = read_json(folder / LEGACY_MANIFEST)
    records = data.get("records") if isinstance(data, dict) else None
    return len(records) if isinstance(records, dict) else None


def recorded_roots(folder: Path) -> list[Path]:
    """The collection folders the articles of the manifest in ``folder`` came from (read
    only; none when it cannot be read): each record's path less its id, and the id's first
    part (the id is the path within the folder, that folder's name first)."""
    path = folder / MANIFEST
    if not path.is_file():
        return []
    query = (
        "SELECT DISTINCT substr(path, 1, length(path) - length(CAST(id AS BLOB))), "
        "substr(id, 1, instr(id, '/') - 1) FROM records WHERE instr(id, '/') > 1"
    )
    try:
        with contextlib.closing(connect_for_reading(path)) as connection:
            rows = connection.execute(query).fetchall()
    except (sqlite3.Error, ValueError, UnicodeError):
        return []
    roots: list[Path] = []
    for parent, name in rows:
        if not isinstance(parent, bytes) or not parent.endswith(os.fsencode(os.sep)):
            continue  # (a name that is not UTF-8, whose id is written otherwise)
        root = Path(os.fsdecode(parent)) / name
        if root not in roots:
            roots.append(root)
    return sorted(roots)
