"""Reading the index's SQLite files without writing them (shared_sqlite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from treatytui.search.shared_sqlite import connect_for_reading


def _wal_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x INTEGER)")
    connection.executemany("INSERT INTO t VALUES (?)", [(1,), (2,), (3,)])
    connection.commit()
    connection.close()


def test_reads_a_closed_wal_database(tmp_path: Path) -> None:
    path = tmp_path / "rows.sqlite"
    _wal_database(path)
    connection = connect_for_reading(path)
    assert connection.execute("SELECT sum(x) FROM t").fetchone() == (6,)
    with pytest.raises(sqlite3.OperationalError):
        connection.execute("INSERT INTO t VALUES (4)")
    connection.close()


def test_sees_rows_a_live_writer_has_committed(tmp_path: Path) -> None:
    path = tmp_path / "rows.sqlite"
    _wal_database(path)
    writer = sqlite3.connect(path)
    writer.execute("INSERT INTO t VALUES (10)")
    writer.commit()
    connection = connect_for_reading(path)
    assert connection.execute("SELECT sum(x) FROM t").fetchone() == (16,)
    connection.close()
    writer.close()


def test_a_file_that_is_not_a_database_raises(tmp_path: Path) -> None:
    path = tmp_path / "rows.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(sqlite3.Error):
        connect_for_reading(path)
