"""A refresh matches unchanged chunks of a folder's listing by their digests, reading none
of their records: whatever changed in a chunk, or around one, must still be seen."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from treatytui.corpus.discovery import scan_articles
from treatytui.search import indexer, listing_chunks
from treatytui.search.indexer import refresh
from treatytui.search.listing_chunks import chunks
from treatytui.search.location import MANIFEST, IndexLocation
from treatytui.search.manifest import Manifest
from treatytui.search.searcher import Searcher

FILES = 40


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # One name in four starts a chunk: 40 files make some ten chunks.
    monkeypatch.setattr(listing_chunks, "_CHUNK_BITS", 2)


def _write(folder: Path, n: int, extra: str = "") -> Path:
    path = folder / f"{n:03d}.txt"
    path.write_text(f"Briefing {n}\nDelegates met for round {n} of the talks.{extra}\n")
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(FILES):
        _write(folder, n)
    (folder / ".hidden-note").write_text("not an article")
    return folder


def _manifest_path(index_root: Path) -> Path:
    live = IndexLocation(index_root).live_generation()
    assert live is not None
    return live / MANIFEST


def _records_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records each refresh read from the manifest (appended as they run)."""
    counts: list[int] = []
    real_rows = Manifest.rows

    def rows(self: Manifest, outside: list[tuple[bytes, bytes, bytes]] = []) -> dict:  # noqa: B006
        found = real_rows(self, outside)
        counts.append(len(found))
        return found

    monkeypatch.setattr(Manifest, "rows", rows)
    return counts


def _first_refresh(tmp_path: Path) -> tuple[Path, Path]:
    folder, index_root = _folder(tmp_path), tmp_path / "ix"
    report = refresh(index_root, [folder], workers=1)
    assert len(report.added) == FILES
    return folder, index_root


def test_nothing_changed_reads_no_record_and_prepares_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, index_root = _first_refresh(tmp_path)
    listed = next(item for item in scan_articles([folder]) if not hasattr(item, "reason"))
    assert listed.whole and len(chunks("articles/", listed.files)) > 3
    counts = _records_read(monkeypatch)
    monkeypatch.setattr(indexer, "prepare", lambda *args: pytest.fail("read again"))
    report = refresh(index_root, [folder], workers=1)
    assert not report.changed and report.unchanged == FILES and report.total == FILES
    assert counts == [0]


@pytest.mark.parametrize("n", range(0, FILES, 3))
def test_a_file_edited_in_place_is_seen_and_only_its_chunk_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    folder, index_root = _first_refresh(tmp_path)
    counts = _records_read(monkeypatch)
    (its_chunk,) = [c for c in chunks("articles/", _listed(folder)) if c.start <= n < c.end]
    path = folder / f"{n:03d}.txt"
    inode = path.stat().st_ino
    with path.open("a", encoding="utf-8") as file:  # (the same inode)
        file.write("They moved on to Reykjavik.\n")
    assert path.stat().st_ino == inode
    report = refresh(index_root, [folder], workers=1)
    assert report.updated == [f"articles/{n:03d}.txt"] and report.unchanged == FILES - 1
    assert counts[0] == its_chunk.end - its_chunk.start < FILES
    assert Searcher(index_root).search("Reykjavik").total == 1
    again = refresh(index_root, [folder], workers=1)
    assert not again.changed and counts[1] == 0


def test_a_file_replaced_by_one_of_the_same_size_and_mtime_is_seen(tmp_path: Path) -> None:
    folder, index_root = _first_refresh(tmp_path)
    target = folder / "017.txt"
    before = target.stat()
    text = target.read_text(encoding="utf-8").replace("Delegates", "Observers")
    assert len(text) == len(target.read_text(encoding="utf-8"))
    spare = folder / ".spare"
    spare.write_text(text, encoding="utf-8")
    os.utime(spare, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(spare, target)
    report = refresh(index_root, [folder], workers=1)
    assert report.updated == ["articles/017.txt"]
    assert Searcher(index_root).search("Observers").total == 1


def test_every_file_added_or_deleted_is_seen_wherever_it_falls(tmp_path: Path) -> None:
    folder, index_root = _first_refresh(tmp_path)
    starts = {chunk.key for chunk in chunks("articles/", _listed(folder))} - {""}
    assert starts, "the test needs names that start chunks"
    # Every name that starts a chunk, and others, each deleted in turn, then written anew.
    for name in [*sorted(starts), "000.txt", "039.txt", "020.txt"]:
        (folder / name).unlink()
        gone = refresh(index_root, [folder], workers=1)
        assert gone.removed == [f"articles/{name}"] and gone.total == FILES - 1
        _write(folder, int(name[:3]))
        back = refresh(index_root, [folder], workers=1)
        assert back.added == [f"articles/{name}"] and back.total == FILES
    # New names before the first, after the last and between two.
    for name in ("!first.txt", "zzz.txt", "019a.txt"):
        (folder / name).write_text("Added\nA note on the ratification in Lima.\n")
        assert refresh(index_root, [folder], workers=1).added == [f"articles/{name}"]
    assert refresh(index_root, [folder], workers=1).unchanged == FILES + 3
    assert Searcher(index_root).search("Lima").total == 3


def _listed(folder: Path) -> list:
    return next(item for item in scan_articles([folder]) if not hasattr(item, "reason")).files


def test_a_file_that_cannot_be_indexed_is_tried_and_reported_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, index_root = _first_refresh(tmp_path)
    (folder / "021b.txt").write_text("Broken\nThe facts of this one break.\n")
    real_extract = indexer.extract

    def extract(article):  # type: ignore[no-untyped-def]
        if article.id.endswith("021b.txt"):
            raise IndexError("list index out of range")
        return real_extract(article)

    monkeypatch.setattr(indexer, "extract", extract)
    for _ in range(2):
        report = refresh(index_root, [folder], workers=1)
        assert [Path(path).name for path, _reason in report.skipped] == ["021b.txt"]
        assert report.total == FILES


def test_digests_of_another_generation_are_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, index_root = _first_refresh(tmp_path)
    manifest = _manifest_path(index_root)
    with sqlite3.connect(manifest) as db:  # as a version without digests could leave it
        assert db.execute("SELECT count(*) FROM listing_chunks").fetchone()[0] > 3
        db.execute("UPDATE records SET mtime_ns = 1 WHERE id = 'articles/005.txt'")
        db.execute("UPDATE listing_chunks SET generation = generation - 1")
    db.close()
    counts = _records_read(monkeypatch)
    report = refresh(index_root, [folder], workers=1)
    assert counts == [FILES] and report.unchanged == FILES
    with sqlite3.connect(_manifest_path(index_root)) as db:
        (mtime,) = db.execute(
            "SELECT mtime_ns FROM records WHERE id = 'articles/005.txt'"
        ).fetchone()
    db.close()
    assert mtime == (folder / "005.txt").stat().st_mtime_ns
    assert refresh(index_root, [folder], workers=1).unchanged == FILES and counts[1] == 0


def test_a_save_without_digests_drops_them(tmp_path: Path) -> None:
    _folder_path, index_root = _first_refresh(tmp_path)
    live = IndexLocation(index_root).live_generation()
    assert live is not None
    index = indexer._open_generation(live)
    assert index is not None
    manifest = Manifest.load(live, index)
    assert manifest.chunk_digests()
    manifest.remove("articles/003.txt")
    manifest.save(index.latest_generation())
    assert manifest.chunk_digests() == {}
    manifest.close()


def test_a_folder_with_names_not_ascii_is_one_chunk(tmp_path: Path) -> None:
    folder, index_root = _first_refresh(tmp_path)
    (folder / "café.txt").write_text("Café\nTalks resumed in Bogotá.\n")
    assert len(chunks("articles/", _listed(folder))) == 1
    assert refresh(index_root, [folder], workers=1).added == ["articles/café.txt"]
    (folder / "café.txt").write_text("Café\nTalks resumed in Quito instead.\n")
    assert refresh(index_root, [folder], workers=1).updated == ["articles/café.txt"]
    assert refresh(index_root, [folder], workers=1).unchanged == FILES + 1


def test_two_roots_of_the_same_name_are_compared_file_by_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "articles", tmp_path / "b" / "articles"
    for folder in (first, second):
        folder.mkdir(parents=True)
        _write(folder, 1)
    index_root = tmp_path / "ix"
    for _ in range(2):
        report = refresh(index_root, [first, second], workers=1)
        assert report.total == 1
        assert [reason for _path, reason in report.skipped] == [f"same id as {first / '001.txt'}"]


def test_chunk_starts_do_not_move_when_a_file_is_added() -> None:
    files = [(f"{n:04d}.txt", n, n, n, None, None) for n in range(200)]
    before = chunks("articles/", files)
    assert len(before) > 10
    added = sorted([*files, ("0100a.txt", 1, 1, 1, None, None)])
    after = chunks("articles/", added)
    changed = {c.key for c in after} ^ {c.key for c in before} | {
        c.key for c in after if c.digest not in {b.digest for b in before}
    }
    assert 1 <= len(changed) <= 2


def test_only_a_folder_of_article_files_is_listed_whole(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (runs,) = [item for item in scan_articles([folder]) if not hasattr(item, "reason")]
    assert runs.whole and [f[0] for f in runs.files] == [f"{n:03d}.txt" for n in range(FILES)]
    stat = (folder / "007.txt").stat()
    assert runs.files[7] == ("007.txt", stat.st_size, stat.st_mtime_ns, stat.st_ino, None, None)
    for extra in ("sidecar", "folder", "link", "other"):
        if extra == "sidecar":
            (folder / "007.yaml").write_text("title: Seven\n")
        elif extra == "folder":
            (folder / "sub").mkdir()
        elif extra == "link":
            (folder / "link.txt").symlink_to(folder / "003.txt")
        else:
            (folder / "notes.pdf").write_bytes(b"%PDF")
        listed = [item for item in scan_articles([folder]) if not hasattr(item, "reason")]
        assert not any(run.whole for run in listed), extra
        names = [f[0] for run in listed for f in run.files]
        assert names[:FILES] == [f"{n:03d}.txt" for n in range(FILES)], extra
