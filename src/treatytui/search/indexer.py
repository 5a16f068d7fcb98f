"""Bringing the index up to date with the collection: incremental, crash-safe, one writer.

``refresh`` compares every article file of the collection with the manifest of the live
index and (re)indexes only what changed; files gone from the collection leave the index.
A full rebuild (first run, ``rebuild=True``, or a schema change) is written into a new
generation beside the live index and published only once complete.
"""

from __future__ import annotations

import collections
import errno
import operator
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from whoosh import index as whoosh_index
from whoosh.index import Index

from treatytui.atomicfile import write_atomically
from treatytui.corpus.article import Article
from treatytui.corpus.discovery import (
    OUTSIDE_REASON,
    FileStat,
    FolderFiles,
    Skipped,
    scan_articles,
)
from treatytui.corpus.loading import load_article
from treatytui.corpus.reading import SkipFile
from treatytui.facts import extract, facets
from treatytui.search.documents import article_document, storable, storable_fields
from treatytui.search.index_writer import (
    NO_ROOM,
    IndexUnavailable,
    LazyWriter,
    create_index,
    disk_full,
    open_index,
    remove_unused_files,
)
from treatytui.search.listing_chunks import Chunk, Range, chunks, matched
from treatytui.search.location import SCHEMA_STAMP, IndexLocation, read_json
from treatytui.search.lock import IndexerLock
from treatytui.search.manifest import FileRecord, Manifest, Row
from treatytui.search.schema import SCHEMA_VERSION, build_schema
from treatytui.search.viewstore import ViewRowsWriter, fill_from_index, stored_view_facts
from treatytui.search.workers import (
    OverBudget,
    WorkersFailing,
    budget_applies_here,
    file_budget,
    results_of,
    time_budget,
)

ProgressFn = Callable[[int, int, str], None]
# Below this many files to (re)process, worker processes cost more than they save.
PARALLEL_THRESHOLD = 150
# A rebuild of at least this many files is written as two segments, committed halfway and
# at the end (the new generation is published only after both). At 10,000 articles that
# indexes 30-40% faster: the writer's memory pool no longer spills to disk, and the first
# half is written while the workers prepare the second. Two segments search as fast as one.
SPLIT_COMMIT = 1000
# At most this many ranges of records are left out of a refresh's query (by chunks of
# listings found unchanged); the files of others are compared one by one.
RANGES_LEFT_OUT = 32
# Files larger than this are read in a worker process even when there are few.
LARGE_FILE = 1024 * 1024
# Facts are looked for in the first this many characters of a text: a news article is
# far shorter; a 20 MB dump would otherwise take the extractors to some 150 MB and 15 s.
FACTS_TEXT_LIMIT = 1_000_000
_SQLITE_FULL = 13
# How os.fsencode makes the bytes of a path (the manifest keeps paths as bytes).
_ENCODE = operator.methodcaller(
    "encode", sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
)
_SIZE = operator.itemgetter(1)


@dataclass
class IndexReport:
    """What one refresh did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    rebuilt: bool = False
    seconds: float = 0.0
    total: int = 0
    symlinks_outside: int = 0
    """Links out of the indexed folders that were not followed."""

    @property
    def changed(self) -> bool:
        """True when the index content changed."""
        return bool(self.added or self.updated or self.removed or self.rebuilt)


class _Candidate(NamedTuple):  # (a tuple: 100,000 of them are made in a refresh)
    path: str
    root: Path
    id: str
    stat: FileStat
    sidecar: FileStat | None
    inode: int | None = None
    chunk: tuple[bytes, str] | None = None
    """The chunk of its folder's listing it is in (folder, key), if any."""


@dataclass(frozen=True, slots=True)
class _Prepared:
    id: str
    fields: dict[str, Any] | None
    content_hash: str = ""
    reason: str = ""
    warnings: tuple[str, ...] = ()


def article_id(path: Path, root: Path) -> str:
    """The stable id of an article: its path within its collection folder, with that
    folder's name first (``seeds/000_x.txt``); bytes of a file name that are not UTF-8
    are written ``\\xNN``."""
    relative = path.relative_to(root.parent).as_posix() if root.parent != root else path.name
    return storable(relative)


def prepare(path: str, root: str) -> _Prepared:
    """Load, clean and extract one file into index fields (runs in worker processes).

    Whatever goes wrong with one file becomes that file's skip reason: it never ends the run.
    """
    file_path, root_path = Path(path), Path(root)
    doc_id = article_id(file_path, root_path)
    try:
        article = load_article(file_path, root_path.parent)
        article = replace(
            article, id=doc_id, path=storable(article.path), title=storable(article.title)
        )
        article, facts_text = _facts_view(article)
        facts = extract(facts_text)
        fields = storable_fields(article_document(article, facts, facets(facts)))
    except SkipFile as skip:
        return _Prepared(doc_id, None, reason=skip.reason)
    except RecursionError:
        return _Prepared(doc_id, None, reason="too deeply nested to read")
    except MemoryError:
        return _Prepared(doc_id, None, reason="needs too much memory to index")
    except OSError as error:
        return _Prepared(doc_id, None, reason=f"could not read: {error.strerror or error}")
    except Exception as error:  # one bad file must never end the whole run
        return _Prepared(doc_id, None, reason=f"could not index: {type(error).__name__}: {error}")
    fields["id"] = doc_id
    return _Prepared(doc_id, fields, article.content_hash, warnings=tuple(article.warnings))


def _facts_view(article: Article) -> tuple[Article, Article]:
    """The article (with a warning when it is cut) and the part of it facts are taken from."""
    if len(article.text) <= FACTS_TEXT_LIMIT:
        return article, article
    cut = article.text.rfind("\n", 0, FACTS_TEXT_LIMIT)
    cut = cut if cut > FACTS_TEXT_LIMIT // 2 else FACTS_TEXT_LIMIT
    blocks = tuple(replace(b, end=min(b.end, cut)) for b in article.blocks if b.start < cut)
    warning = (
        f"facts taken from the first {FACTS_TEXT_LIMIT:,} characters only "
        f"(the text has {len(article.text):,})"
    )
    article = replace(article, warnings=(*article.warnings, warning))
    return article, replace(article, text=article.text[:cut], blocks=blocks)


def _prepare_star(job: tuple[str, str, float]) -> _Prepared:
    path, root, budget = job
    try:
        with time_budget(budget):
            return prepare(path, root)
    except OverBudget:
        return _Prepared(
            article_id(Path(path), Path(root)),
            None,
            reason=f"took longer than {budget:.{0 if budget >= 10 else 1}f} s to read and clean"
            " — skipped",
        )


def _crashed(job: tuple[str, str, float]) -> _Prepared:
    path, root, _budget = job
    return _Prepared(
        article_id(Path(path), Path(root)), None, reason="its worker process crashed on it"
    )


def _open_generation(folder: Path) -> Index | None:
    """The Whoosh index in ``folder`` when it is complete and of this schema version."""
    version = read_json(folder / SCHEMA_STAMP)
    if not isinstance(version, dict) or version.get("schema_version") != SCHEMA_VERSION:
        return None
    try:
        return open_index(folder)
    except (whoosh_index.EmptyIndexError, OSError, ValueError, EOFError):
        return None


def _create_generation(location: IndexLocation) -> tuple[Path, Index]:
    folder = location.new_generation()
    index = create_index(folder, build_schema())
    write_atomically(folder / SCHEMA_STAMP, f'{{"schema_version": {SCHEMA_VERSION}}}\n')
    return folder, index


def _id_base(prefix: str, root: Path) -> str:
    """What :func:`article_id` of ``prefix + name`` is for every file name of a folder,
    before the name (its storable form is taken of the whole)."""
    if root.parent == root:  # (a file's id in `/` is its name)
        return ""
    folder = Path(prefix) if prefix else Path()
    relative = folder.relative_to(root.parent).as_posix()
    return "" if relative == "." else relative + "/"


def _overlapping(roots: list[Path]) -> bool:
    """True when one of ``roots`` is, or is inside, another: a file can then be listed twice."""
    texts = [os.path.abspath(root) for root in roots]
    return any(
        i != j and (a == b or a.startswith(b.rstrip(os.sep) + os.sep))
        for i, a in enumerate(texts)
        for j, b in enumerate(texts)
    )


class _Comparison:
    """The files of the collection set against the manifest's records in one pass: what
    is unchanged is only counted; what is new or changed is kept to be (re)indexed, and
    what is left of the records at the end is gone.

    The listing of a folder of article files only is cut in chunks (see
    :mod:`~treatytui.search.listing_chunks`): a chunk whose digest is the one the manifest
    keeps for it is unchanged without a look at its files, or even a read of its records.
    """

    def __init__(self, report: IndexReport, roots: list[Path]) -> None:
        self.report = report
        self.known: dict[str, Row] = {}
        """The records not matched (yet) by a listed file, by id."""
        self.todo: list[_Candidate] = []
        self.inodes: list[tuple[int, str]] = []
        """(inode, id) of unchanged records that did not know their file's inode."""
        self.indexed: dict[tuple[bytes, str], int] = {}
        """How many files of each chunk (folder, key) have their record as listed."""
        self._chunks: dict[bytes, tuple[str, list[Chunk]]] = {}
        """The id base and the chunks of each folder that has some, by its path's bytes."""
        self._matched: dict[bytes, set[str]] = {}
        """The keys of the chunks of each folder that have the digest kept for them."""
        self._listed: list[FolderFiles | Skipped] = []
        self._seen: dict[str, bytes] = {}
        """The files listed so far: their paths' bytes, by id."""
        self._seen_paths: set[str] | None = set() if _overlapping(roots) else None

    def list(self, roots: list[Path], follow_symlinks: bool) -> None:
        """List every article file under ``roots``; cut in chunks the listings of the
        folders that can have them."""
        self._listed = list(scan_articles(roots, follow_symlinks=follow_symlinks))
        if self._seen_paths is not None:
            return
        runs = [item for item in self._listed if isinstance(item, FolderFiles)]
        bases = collections.Counter(_id_base(run.prefix, run.root) for run in runs)
        for prefix, root, files, whole in runs:
            base = _id_base(prefix, root)
            # (An ASCII folder without backslashes whose base no other folder has: none of
            # its ids can be another folder's, escaped or not; every file has its stat.)
            if (
                whole
                and prefix.isascii()
                and "\\" not in base
                and bases[base] == 1
                and None not in map(_SIZE, files)
            ):
                self._chunks[os.fsencode(prefix)] = (base, chunks(base, files))

    def match(
        self, kept: dict[bytes, dict[str, tuple[str, bytes]]]
    ) -> list[tuple[bytes, bytes, bytes]]:
        """Find the chunks that have the digests ``kept`` for them; the ranges of records
        (folder, lower, upper) they are, which need not be read."""
        ranges: list[Range] = []
        for prefix, (base, listed) in self._chunks.items():
            found, more = matched(prefix, base, listed, kept.get(prefix, {}))
            self._matched[prefix] = found
            ranges += more
        if len(ranges) > RANGES_LEFT_OUT:  # the others' files are compared one by one
            ranges.sort(key=lambda r: r.files, reverse=True)
            for dropped in ranges[RANGES_LEFT_OUT:]:
                self._matched[dropped.prefix] -= set(dropped.keys)
            del ranges[RANGES_LEFT_OUT:]
        return [(r.prefix, r.lower, r.upper) for r in ranges]

    def compare(self, known: dict[str, Row]) -> None:
        """Compare the files listed with ``known``, the records (but those of the chunks
        matched)."""
        self.known = known
        for item in self._listed:
            if isinstance(item, Skipped):
                self.report.skipped.append((storable(str(item.path)), item.reason))
                if item.reason == OUTSIDE_REASON:
                    self.report.symlinks_outside += 1
                continue
            encoded = os.fsencode(item.prefix)
            if encoded not in self._chunks:
                self._folder_files(item, encoded, None)
                continue
            found = self._matched.get(encoded, set())
            for chunk in self._chunks[encoded][1]:
                if chunk.key in found:
                    self.report.unchanged += chunk.end - chunk.start
                    self.indexed[encoded, chunk.key] = chunk.end - chunk.start
                else:
                    part = item._replace(files=item.files[chunk.start : chunk.end])
                    self._folder_files(part, encoded, (encoded, chunk.key))
        self._listed = []

    def digests(self) -> dict[bytes, dict[str, tuple[str, bytes]]]:
        """The chunks' digests to keep (empty for a chunk some of whose files have no
        record as listed)."""
        return {
            prefix: {
                chunk.key: (
                    base,
                    chunk.digest
                    if self.indexed.get((prefix, chunk.key)) == chunk.end - chunk.start
                    else b"",
                )
                for chunk in listed
            }
            for prefix, (base, listed) in self._chunks.items()
        }

    def _folder_files(
        self, run: FolderFiles, encoded: bytes, chunk: tuple[bytes, str] | None
    ) -> None:
        """Compare a run of files one by one (``chunk``: the chunk they are, if any)."""
        prefix, root, files, _whole = run
        base = _id_base(prefix, root)
        known, seen, seen_paths = self.known, self._seen, self._seen_paths
        unchanged = 0
        for file in files:
            name = file[0]
            relative = base + name
            doc_id = relative if relative.isascii() else storable(relative)
            if seen_paths is not None:  # under two remembered roots: the first one wins
                if prefix + name in seen_paths:
                    continue
                seen_paths.add(prefix + name)
            path = encoded + _ENCODE(name)
            if doc_id in seen:
                if seen[doc_id] != path:
                    earlier = os.fsdecode(seen[doc_id])
                    self.report.skipped.append(
                        (storable(prefix + name), f"same id as {storable(earlier)}")
                    )
                continue
            seen[doc_id] = path
            if file[1] is None:
                self.report.skipped.append((storable(prefix + name), "cannot be read"))
                continue
            row = (doc_id, path, *file[1:])
            record = known.pop(doc_id, None)
            if record == row:
                unchanged += 1
            elif (
                record is not None
                and record[4] is None
                and record[:4] + record[5:] == (row[:4] + row[5:])
            ):  # (a record of an earlier version, which did not keep the inode)
                unchanged += 1
                self.inodes.append((row[4], doc_id))
            else:
                size, mtime_ns, inode, sidecar_size, sidecar_mtime_ns = file[1:]
                sidecar = None if sidecar_size is None else (sidecar_size, sidecar_mtime_ns)
                candidate = _Candidate(
                    prefix + name, root, doc_id, (size, mtime_ns), sidecar, inode, chunk
                )
                self.todo.append(candidate)
        self.report.unchanged += unchanged
        if chunk is not None:
            self.indexed[chunk] = unchanged


def _remembered_follow_symlinks(location: IndexLocation) -> bool:
    state = read_json(location.state_file)
    return isinstance(state, dict) and state.get("follow_symlinks") is True


def refresh(
    index_root: Path,
    roots: Iterable[Path],
    *,
    rebuild: bool = False,
    progress: ProgressFn | None = None,
    on_wait: Callable[[], None] | None = None,
    lock_timeout: float | None = None,
    workers: int | None = None,
    follow_symlinks: bool | None = None,
) -> IndexReport:
    """Bring the index in ``index_root`` up to date with the files under ``roots``.

    Symbolic links that lead out of the folder they are in are not followed unless
    ``follow_symlinks`` (None: as remembered in the collection's state file).
    :class:`DiskFull` when the disk runs out: the live index is left as it was.
    """
    started = time.perf_counter()
    location = IndexLocation(index_root)
    try:
        index_root.mkdir(parents=True, exist_ok=True)
        lock = IndexerLock(location.lock_file, timeout=lock_timeout, on_wait=on_wait)
        lock.acquire()
    except OSError as error:  # permission denied, read-only file system, …
        if error.errno in NO_ROOM:
            raise disk_full(index_root, error) from error
        raise IndexUnavailable(
            f"cannot write to the index folder {index_root}: {error.strerror or error}"
        ) from error
    if follow_symlinks is None:
        follow_symlinks = _remembered_follow_symlinks(location)
    try:
        report = _refresh_locked(
            location,
            # (absolute: the same folder named from elsewhere is the same files)
            [Path(os.path.abspath(root)) for root in roots],
            rebuild,
            progress,
            workers or (os.cpu_count() or 1),
            follow_symlinks,
        )
    except WorkersFailing as error:
        raise IndexUnavailable(f"indexing stopped: {error}; the index is as it was") from error
    finally:
        lock.release()
    report.seconds = time.perf_counter() - started
    return report


def _refresh_locked(
    location: IndexLocation,
    roots: list[Path],
    rebuild: bool,
    progress: ProgressFn | None,
    workers: int,
    follow_symlinks: bool,
) -> IndexReport:
    report = IndexReport()
    live = location.live_generation()
    # Under the lock, any other generation is a killed rebuild's: it goes now.
    if live is not None:
        location.remove_stale_generations(keep=live)
    folder: Path | None = None
    manifest: Manifest | None = None
    views: ViewRowsWriter | None = None
    try:
        index = None if rebuild or live is None else _open_generation(live)
        if index is None:
            folder, index = _create_generation(location)
            report.rebuilt = True
            manifest = Manifest.create(folder, index.latest_generation())
        else:
            assert live is not None
            remove_unused_files(live)
            manifest = Manifest.load(live, index)
        views = ViewRowsWriter(folder or live, index.latest_generation())  # type: ignore[arg-type]
        if views.stale and not report.rebuilt:
            fill_from_index(views, index)  # written by an earlier version, or killed
        _update(index, manifest, views, report, roots, progress, workers, follow_symlinks)
        if report.changed or manifest.dirty:
            manifest.save(index.latest_generation())
        if report.changed or views.stale:
            views.commit(index.latest_generation())
        views.close()
        report.total = len(manifest)
        manifest.close()
        if folder is not None:
            location.publish(folder)
    except (OSError, sqlite3.OperationalError) as error:
        if views is not None:
            views.close()
        if manifest is not None:
            manifest.close()
        # (SQLite says "database or disk is full" where the OS says ENOSPC.)
        cause = _sqlite_os_error(error) if isinstance(error, sqlite3.Error) else error
        if cause.errno not in NO_ROOM:
            raise
        if folder is not None:  # the partial generation goes at once
            shutil.rmtree(folder, ignore_errors=True)
        elif live is not None:
            remove_unused_files(live)
        raise disk_full(location.root, cause) from error
    except BaseException:
        if views is not None:
            views.close()
        if manifest is not None:
            manifest.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return report


def _sqlite_os_error(error: sqlite3.Error) -> OSError:
    """The OS error behind one of SQLite's (SQLITE_FULL is ENOSPC)."""
    if getattr(error, "sqlite_errorcode", None) == _SQLITE_FULL:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return OSError(errno.EIO, str(error))


def _update(
    index: Index,
    manifest: Manifest,
    views: ViewRowsWriter,
    report: IndexReport,
    roots: list[Path],
    progress: ProgressFn | None,
    workers: int,
    follow_symlinks: bool,
) -> None:
    comparison = _Comparison(report, roots)
    comparison.list(roots, follow_symlinks)
    kept = manifest.chunk_digests()
    comparison.compare(manifest.rows(outside=comparison.match(kept)))
    todo, gone = comparison.todo, sorted(comparison.known)
    comparison.known = {}
    if comparison.inodes:
        manifest.set_inodes(comparison.inodes)
    # A large rebuild is committed in two halves (see SPLIT_COMMIT); an update of the live
    # index stays one commit, so that a killed indexer leaves it all old or all new.
    midway = len(todo) // 2 if report.rebuilt and len(todo) >= SPLIT_COMMIT else -1
    jobs = [_job(c) for c in todo]
    writer = LazyWriter(index)
    # The workers start before the Whoosh writer exists: they never inherit its lock.
    parallel = workers > 1 and len(jobs) >= PARALLEL_THRESHOLD
    if not parallel and not budget_applies_here() and any(c.stat[0] > LARGE_FILE for c in todo):
        # Off the main thread (the reader's background refresh) a file has no time budget
        # here: a large one is read in a worker process, where it has.
        parallel, workers = True, 1
    with results_of(_prepare_star, jobs, workers, parallel=parallel, on_crash=_crashed) as results:
        try:
            for done, (candidate, prepared) in enumerate(zip(todo, results, strict=True), start=1):
                if progress is not None:
                    progress(done, len(todo), storable(candidate.path))
                _apply(writer, manifest, views, report, candidate, prepared)
                if candidate.chunk is not None and prepared.fields is not None:
                    comparison.indexed[candidate.chunk] += 1
                if done == midway:
                    # The first half becomes a segment of its own while the workers go on
                    # preparing the second.
                    writer.commit(merge=False)
            for doc_id in gone:
                writer.get().delete_by_term("id", doc_id)
                manifest.remove(doc_id)
                views.remove(doc_id)
                report.removed.append(doc_id)
            digests = comparison.digests()
            if digests != kept or report.changed or manifest.dirty:
                manifest.set_chunk_digests(digests)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise


def _job(candidate: _Candidate) -> tuple[str, str, float]:
    return (candidate.path, str(candidate.root), file_budget(candidate.stat[0]))


def _apply(
    writer: LazyWriter,
    manifest: Manifest,
    views: ViewRowsWriter,
    report: IndexReport,
    candidate: _Candidate,
    prepared: _Prepared,
) -> None:
    # (A rebuild's manifest starts empty: no need to look.)
    record = None if report.rebuilt else manifest.get(candidate.id)
    for warning in prepared.warnings:
        report.warnings.append((storable(candidate.path), warning))
    if prepared.fields is None:
        report.skipped.append((storable(candidate.path), prepared.reason))
        if record is not None:
            writer.get().delete_by_term("id", candidate.id)
            manifest.remove(candidate.id)
            views.remove(candidate.id)
            report.removed.append(candidate.id)
        return
    new_record = FileRecord(
        path=candidate.path,
        content_hash=prepared.content_hash,
        size=candidate.stat[0],
        mtime_ns=candidate.stat[1],
        sidecar=candidate.sidecar,
        inode=candidate.inode,
    )
    manifest.put(candidate.id, new_record)
    if (
        record is not None
        and record.content_hash == prepared.content_hash
        and record.path == new_record.path  # a moved file (seeds after a reinstall): new path
    ):
        report.unchanged += 1
        return
    if record is None:  # the manifest lists every id in the index: nothing to replace
        writer.get().add_document(**prepared.fields)
    else:
        writer.get().update_document(**prepared.fields)
    views.put(stored_view_facts(prepared.fields))
    (report.updated if record is not None else report.added).append(candidate.id)
