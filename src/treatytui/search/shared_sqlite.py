"""Opening a SQLite file of the index for reading only, as another user of a shared server.

The indexer writes its SQLite files in WAL mode. A reader who may not write to the index
folder cannot create the ``-shm`` file that WAL needs, so a plain or ``mode=ro`` connection
fails once the writer has closed and removed it. When no write-ahead log holds pending pages
(no ``-wal`` file, or an empty one), the database file alone is complete: it is then opened
as immutable, which needs no ``-shm``. A non-empty log means a writer is at work or was
killed: its pages cannot be read without the shared memory, so the open fails and the
caller falls back to what it does without the file.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def _readable(connection: sqlite3.Connection) -> bool:
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return False
    return True


def _log_is_empty(path: Path) -> bool:
    log = path.with_name(path.name + "-wal")
    try:
        return log.stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def connect_for_reading(path: Path) -> sqlite3.Connection:
    """A connection that reads ``path`` and never writes it (raises ``sqlite3.Error``
    when it cannot be read as it is now)."""
    base = path.resolve().as_uri()
    connection = sqlite3.connect(
        f"{base}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    if _readable(connection):
        return connection
    connection.close()
    if not _log_is_empty(path):
        raise sqlite3.OperationalError(f"{path.name}: a write is in progress or was cut short")
    connection = sqlite3.connect(
        f"{base}?immutable=1", uri=True, isolation_level=None, check_same_thread=False
    )
    if not _readable(connection):
        with contextlib.suppress(sqlite3.Error):
            connection.close()
        raise sqlite3.OperationalError(f"{path.name}: cannot be read")
    return connection
