"""The manifest in SQLite: updated in place, migrated from the JSON of earlier versions,
rebuilt when damaged, never trusted when its stamp is not the index's."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest

from treatytui.search import indexer
from treatytui.search.indexer import refresh
from treatytui.search.location import LEGACY_MANIFEST, MANIFEST, IndexLocation
from treatytui.search.manifest import Manifest, article_count


def _live(index_root: Path) -> Path:
    live = IndexLocation(index_root).live_generation()
    assert live is not None
    return live


def _rows(generation: Path) -> dict[str, tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(generation / MANIFEST)) as db:
        return {row[0]: row[1:] for row in db.execute("SELECT * FROM records")}


def _as_earlier_version(generation: Path) -> None:
    """Replace the SQLite manifest by the JSON one an earlier version wrote."""
    records = {
        doc_id: {
            "path": path.decode(),
            "content_hash": content_hash,
            "size": size,
            "mtime_ns": mtime_ns,
            "sidecar": None if sidecar_size is None else [sidecar_size, sidecar_mtime],
        }
        for doc_id, (path, content_hash, size, mtime_ns, sidecar_size, sidecar_mtime, _) in _rows(
            generation
        ).items()
    }
    with contextlib.closing(sqlite3.connect(generation / MANIFEST)) as db:
        (stamp,) = db.execute("SELECT generation FROM stamp").fetchone()
    (generation / MANIFEST).unlink()
    payload = {"generation": stamp, "records": records}
    (generation / LEGACY_MANIFEST).write_text(json.dumps(payload, ensure_ascii=True))


def test_a_json_manifest_of_an_earlier_version_is_migrated(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    live = _live(index_root)
    before = _rows(live)
    _as_earlier_version(live)
    assert article_count(live) == 4  # `treatytui where` reads the old one too
    # Its records are taken as they are: no file is read again.
    with monkeypatch.context() as patch:
        patch.setattr(indexer, "prepare", lambda *args: pytest.fail("read again"))
        report = refresh(index_root, [collection_dir], workers=1)
    assert report.unchanged == 4 and not report.changed and report.total == 4
    assert _rows(live) == before
    assert not (live / LEGACY_MANIFEST).exists()
    assert article_count(live) == 4
    # And the migrated manifest goes on working.
    changed = collection_dir / "hanoi-signing.txt"
    changed.write_text(changed.read_text() + "A new line about Reykjavik.\n")
    assert refresh(index_root, [collection_dir], workers=1).updated == [
        "articles/hanoi-signing.txt"
    ]


def test_a_stale_json_manifest_is_not_trusted(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    live = _live(index_root)
    _as_earlier_version(live)
    data = json.loads((live / LEGACY_MANIFEST).read_text())
    data["generation"] = -1
    data["records"] = {}  # (trusted, it would make every article new)
    (live / LEGACY_MANIFEST).write_text(json.dumps(data))
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.total == 4 and not report.added and not report.removed


def test_a_damaged_manifest_is_rebuilt_from_the_index(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    live = _live(index_root)
    (live / MANIFEST).write_bytes(b"not a database at all" * 100)
    assert article_count(live) is None
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.total == 4 and not report.added and not report.removed
    assert article_count(live) == 4
    assert refresh(index_root, [collection_dir], workers=1).unchanged == 4


def test_changes_not_saved_leave_the_manifest_as_it_was(
    collection_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    live = _live(index_root)
    before = _rows(live)
    (collection_dir / "hanoi-signing.txt").unlink()

    def killed(self: Manifest, generation: int) -> None:
        raise KeyboardInterrupt  # as if the indexer were stopped between the two commits

    with monkeypatch.context() as patch:
        patch.setattr(Manifest, "save", killed)
        with pytest.raises(KeyboardInterrupt):
            refresh(index_root, [collection_dir], workers=1)
    assert _rows(live) == before  # rolled back, not half-written
    assert not (live / f"{MANIFEST}-journal").exists()
    # The index moved on without it: the stamp says so, and the next refresh is right.
    report = refresh(index_root, [collection_dir], workers=1)
    assert report.total == 3 and len(_rows(live)) == 3


def test_a_refresh_writes_only_the_rows_that_changed(collection_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "ix"
    refresh(index_root, [collection_dir], workers=1)
    live = _live(index_root)
    before = _rows(live)
    changed = collection_dir / "nested" / "unodc-briefing.txt"
    changed.write_text(changed.read_text() + "One more line on Kampala.\n")
    refresh(index_root, [collection_dir], workers=1)
    after = _rows(live)
    differing = {key for key in before if before[key] != after[key]}
    assert differing == {"articles/nested/unodc-briefing.txt"}
