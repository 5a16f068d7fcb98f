"""The reading-state database: one SQLite file per user, safe for several processes at once.

WAL journal, a busy timeout, and every read-modify-write in a ``BEGIN IMMEDIATE``
transaction, so the reader and a CLI of the same user can change it together without
losing an update. A file that is not a database (or fails SQLite's quick check) is moved
aside — never overwritten — and a fresh one is started; :attr:`ReadingState.recovered`
says where the old one went. A file that cannot be written is opened read-only, and
changing it raises :class:`StateUnavailable`.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from treatytui.state.location import state_file
from treatytui.state.model import (
    ArticleKey,
    ArticleState,
    SavedSearch,
    StateBusy,
    StateError,
    StateUnavailable,
    clean_name,
    normal_query,
)

SCHEMA_VERSION = 1
HISTORY_LIMIT = 500
"""Queries kept in the history (the oldest go first)."""
NOTE_LIMIT = 2000
"""Characters of a note."""
BUSY_TIMEOUT = 5.0
"""Seconds to wait for another process's write before giving up."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL DEFAULT '',
    read_at REAL,
    starred_at REAL,
    note TEXT,
    changed_at REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS articles_by_hash ON articles (hash);
CREATE TABLE IF NOT EXISTS history (
    query TEXT PRIMARY KEY,
    used_at REAL NOT NULL,
    uses INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS history_by_time ON history (used_at);
CREATE TABLE IF NOT EXISTS saved_searches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    saved_at REAL NOT NULL
) WITHOUT ROWID;
"""
_CORRUPT = ("file is not a database", "malformed", "corrupt")


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    return any(word in str(error).lower() for word in _CORRUPT)


def _is_busy(error: sqlite3.Error) -> bool:
    return "locked" in str(error).lower() or "busy" in str(error).lower()


class ReadingState:
    """One user's reading state; see the package docstring for the API in short."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.path = path
        self.read_only = read_only
        self.recovered: Path | None = None
        """Where an unreadable database was moved aside when this one was started."""
        # The id sets the filters ask for, until this or another process changes them.
        self._id_sets: dict[str, frozenset[str]] = {}
        self._data_version: int | None = None

    # -- opening ----------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, *, timeout: float = BUSY_TIMEOUT) -> ReadingState:
        """Open (creating it if needed) the state database, ``state_file()`` by default."""
        path = path or state_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StateUnavailable(
                f"cannot create the state folder {path.parent}: {error.strerror}"
            ) from None
        try:
            return cls._open(path, timeout)
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                raise cls._error(path, error) from None
        aside = _move_aside(path)
        state = cls._open(path, timeout)
        state.recovered = aside
        return state

    @classmethod
    def _open(cls, path: Path, timeout: float) -> ReadingState:
        read_only = path.exists() and not _writable(path)
        if read_only:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro",
                uri=True,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
        else:
            connection = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StateUnavailable(
                    f"the reading state {path} was written by a newer treatytui "
                    f"(schema {version}); it is left untouched"
                )
            if not read_only:
                connection.execute("PRAGMA journal_mode=WAL")
            if version < SCHEMA_VERSION and not read_only:
                connection.executescript(
                    f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA user_version={SCHEMA_VERSION};COMMIT;"
                )
            elif version < SCHEMA_VERSION:
                raise StateUnavailable(f"the reading state {path} is read-only and empty")
        except BaseException:
            connection.close()
            raise
        return cls(connection, path, read_only=read_only)

    @staticmethod
    def _error(path: Path, error: sqlite3.Error) -> StateError:
        if _is_busy(error):
            return StateBusy(f"the reading state {path} is locked by another process; try again")
        return StateUnavailable(f"cannot use the reading state {path}: {error}")

    def close(self) -> None:
        """Close the database (what was written is already on disk)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> ReadingState:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, taken at once (``BEGIN IMMEDIATE``): no lost updates."""
        if self.read_only:
            raise StateUnavailable(f"the reading state {self.path} is read-only")
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise self._error(self.path, error) from None
            self._id_sets.clear()
            try:
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as error:  # a full disk, a file damaged meanwhile
                self._rollback()
                raise self._error(self.path, error) from None
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        if self._db.in_transaction:
            with suppress(sqlite3.Error):  # (SQLite may have rolled back by itself)
                self._db.execute("ROLLBACK")

    def _rows(self, sql: str, parameters: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, tuple(parameters)).fetchall()
            except sqlite3.Error as error:
                raise self._error(self.path, error) from None

    # -- articles ---------------------------------------------------------------------
    def get(self, article: ArticleKey | str) -> ArticleState:
        """The state of one article (unread, not starred, no note when never touched)."""
        key = article if isinstance(article, ArticleKey) else ArticleKey(article)
        rows = self._rows(
            "SELECT id, hash, read_at, starred_at, note FROM articles WHERE id = ?", (key.id,)
        )
        return _state(rows[0]) if rows else ArticleState(key.id, key.hash)

    def states(self, ids: Iterable[str]) -> dict[str, ArticleState]:
        """The states of the articles among ``ids`` that were ever touched, by id."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, ArticleState] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._rows(
                f"SELECT id, hash, read_at, starred_at, note FROM articles WHERE id IN ({marks})",
                chunk,
            ):
                found[row[0]] = _state(row)
        return found

    def set_read(self, article: ArticleKey, read: bool = True) -> None:
        """Mark one article read (keeping when it was first read) or unread."""
        self._change(article, "read_at", time.time() if read else None, keep_first=True)

    def set_starred(self, article: ArticleKey, starred: bool = True) -> None:
        """Star one article, or take its star away."""
        self._change(article, "starred_at", time.time() if starred else None, keep_first=True)

    def toggle_read(self, article: ArticleKey) -> bool:
        """Flip read/unread; returns whether it is read now."""
        return self._toggle(article, "read_at")

    def toggle_starred(self, article: ArticleKey) -> bool:
        """Flip the star; returns whether it is starred now."""
        return self._toggle(article, "starred_at")

    def set_note(self, article: ArticleKey, note: str) -> None:
        """Keep a short note on one article (white space trimmed; empty removes it)."""
        note = note.strip()
        if len(note) > NOTE_LIMIT:
            raise ValueError(f"a note has at most {NOTE_LIMIT} characters")
        self._change(article, "note", note or None)

    def _toggle(self, article: ArticleKey, column: str) -> bool:
        with self._write() as db:
            row = db.execute(f"SELECT {column} FROM articles WHERE id = ?", (article.id,))
            current = row.fetchone()
            now_set = not (current and current[0] is not None)
            self._upsert(db, article, column, time.time() if now_set else None)
        return now_set

    def _change(
        self, article: ArticleKey, column: str, value: Any, *, keep_first: bool = False
    ) -> None:
        with self._write() as db:
            self._upsert(db, article, column, value, keep_first=keep_first)

    @staticmethod
    def _upsert(
        db: sqlite3.Connection,
        article: ArticleKey,
        column: str,
        value: Any,
        *,
        keep_first: bool = False,
    ) -> None:
        new = f"COALESCE({column}, excluded.{column})" if keep_first else f"excluded.{column}"
        if value is None:
            new = "NULL"
        db.execute(
            f"INSERT INTO articles (id, hash, {column}, changed_at) VALUES (?, ?, ?, ?) "
            f"ON CONFLICT (id) DO UPDATE SET {column} = {new}, "
            "hash = CASE excluded.hash WHEN '' THEN hash ELSE excluded.hash END, "
            "changed_at = excluded.changed_at",
            (article.id, article.hash, value, time.time()),
        )
        # An article with nothing left to remember takes no room.
        db.execute(
            "DELETE FROM articles WHERE id = ? AND read_at IS NULL AND starred_at IS NULL "
            "AND note IS NULL",
            (article.id,),
        )

    def read_ids(self) -> frozenset[str]:
        """The ids of the articles read."""
        return self._id_set("read_at")

    def starred_ids(self) -> frozenset[str]:
        """The ids of the starred articles."""
        return self._id_set("starred_at")

    def noted_ids(self) -> frozenset[str]:
        """The ids of the articles with a note."""
        return self._id_set("note")

    def _id_set(self, column: str) -> frozenset[str]:
        """The ids whose ``column`` is set; kept until the database changes (5,000 ids
        take 10 ms to read, a check of SQLite's ``data_version`` 10 us)."""
        with self._lock:
            version = self._rows("PRAGMA data_version")[0][0]
            if version != self._data_version:
                self._id_sets.clear()
                self._data_version = version
            ids = self._id_sets.get(column)
            if ids is None:
                rows = self._rows(f"SELECT id FROM articles WHERE {column} NOT NULL")
                ids = self._id_sets[column] = frozenset(row[0] for row in rows)
            return ids

    def starred(self) -> list[ArticleState]:
        """The starred articles, the most recently starred first."""
        rows = self._rows(
            "SELECT id, hash, read_at, starred_at, note FROM articles "
            "WHERE starred_at NOT NULL ORDER BY starred_at DESC, id"
        )
        return [_state(row) for row in rows]

    def reconcile(
        self, present: Mapping[str, str], gone: Collection[str] | None = None
    ) -> dict[str, str]:
        """Follow articles that moved: ``present`` maps ids in the index to their content
        hashes; ``gone`` names the ids that left it (None: every id not in ``present``).
        A remembered article whose id is gone, while exactly one present article without
        a state of its own has its content hash, is that article moved (a renamed file, a
        collection folder renamed): its state moves to the new id. Returns
        ``{old id: new id}``."""
        by_hash: dict[str, list[str]] = {}
        for article_id, content_hash in present.items():
            if content_hash:
                by_hash.setdefault(content_hash, []).append(article_id)
        moved: dict[str, str] = {}
        if not by_hash:
            return moved
        rows = self._rows("SELECT id, hash FROM articles WHERE hash != ''")
        known = {row[0] for row in rows}
        for old_id, content_hash in rows:
            if old_id in present or (gone is not None and old_id not in gone):
                continue
            candidates = [i for i in by_hash.get(content_hash, ()) if i not in known]
            if len(candidates) == 1:
                moved[old_id] = candidates[0]
                known.add(candidates[0])
        if moved and not self.read_only:
            with self._write() as db:
                db.executemany(
                    "UPDATE OR IGNORE articles SET id = ? WHERE id = ?",
                    [(new, old) for old, new in moved.items()],
                )
        return moved

    # -- history ----------------------------------------------------------------------
    def remember_query(self, text: str) -> None:
        """Put a query at the top of the history (once, however often it is run)."""
        query = normal_query(text)
        if not query:
            return
        with self._write() as db:
            db.execute(
                "INSERT INTO history (query, used_at) VALUES (?, ?) ON CONFLICT (query) "
                "DO UPDATE SET used_at = excluded.used_at, uses = uses + 1",
                (query, time.time()),
            )
            db.execute(
                "DELETE FROM history WHERE query NOT IN "
                "(SELECT query FROM history ORDER BY used_at DESC LIMIT ?)",
                (HISTORY_LIMIT,),
            )

    def history(self, limit: int = HISTORY_LIMIT) -> list[str]:
        """The queries run, the most recent first (no query twice)."""
        rows = self._rows(
            "SELECT query FROM history ORDER BY used_at DESC, query LIMIT ?", (limit,)
        )
        return [row[0] for row in rows]

    def clear_history(self) -> None:
        """Forget every query run (the saved searches stay)."""
        with self._write() as db:
            db.execute("DELETE FROM history")

    # -- saved searches ---------------------------------------------------------------
    def save_search(self, name: str, query: str) -> SavedSearch:
        """Keep ``query`` under ``name`` (replacing what that name held)."""
        saved = SavedSearch(clean_name(name), normal_query(query), time.time())
        with self._write() as db:
            db.execute(
                "INSERT INTO saved_searches (name, query, saved_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET query = excluded.query, "
                "saved_at = excluded.saved_at",
                (saved.name, saved.query, saved.saved_at),
            )
        return saved

    def delete_search(self, name: str) -> bool:
        """Forget a saved search; returns whether there was one of that name."""
        with self._write() as db:
            cursor = db.execute("DELETE FROM saved_searches WHERE name = ?", (name.strip(),))
            return cursor.rowcount > 0

    def saved_searches(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        rows = self._rows("SELECT name, query, saved_at FROM saved_searches ORDER BY name")
        return [SavedSearch(*row) for row in rows]

    def saved_search(self, name: str) -> SavedSearch | None:
        """The saved search of this name (exactly, after trimming), or None."""
        rows = self._rows(
            "SELECT name, query, saved_at FROM saved_searches WHERE name = ?",
            (" ".join(name.split()),),
        )
        return SavedSearch(*rows[0]) if rows else None


def _state(row: tuple[Any, ...]) -> ArticleState:
    article_id, content_hash, read_at, starred_at, note = row
    return ArticleState(article_id, content_hash or "", read_at, starred_at, note or "")


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _move_aside(path: Path) -> Path:
    """Rename an unreadable database (and its WAL files) to ``NAME.corrupt-STAMP``."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for number in range(1000):
        aside = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{number}" if number else ""))
        if not aside.exists():
            break
    try:
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
    except OSError as error:
        raise StateUnavailable(
            f"the reading state {path} is unreadable and cannot be moved aside: {error.strerror}"
        ) from None
    return aside
