"""Finding article files in the files and folders a user names.

Folders are walked recursively with ``os.scandir``, in sorted order so that results are
deterministic. Hidden entries and metadata sidecars are passed over silently; everything
else that is not an article comes back as :class:`Skipped` with the reason. A symbolic link
that leads out of the walked folder (to ``/etc/passwd``, to ``/etc``) is not followed
unless asked for.
"""

from __future__ import annotations

import errno
import itertools
import operator
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

FORMAT_BY_SUFFIX = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
SUPPORTED_SUFFIXES = frozenset(FORMAT_BY_SUFFIX)
SIDECAR_SUFFIXES = (".yaml", ".yml")
OUTSIDE_REASON = "symlink to outside the folder, not followed (--follow-symlinks follows it)"


FileStat = tuple[int, int]
"""A file's size and mtime in nanoseconds: what tells that it changed."""


@dataclass(frozen=True, slots=True)
class Found:
    """An article file; ``root`` is the collection folder its id is relative to."""

    path: Path
    root: Path


class Listed(NamedTuple):
    """An article file as a refresh compares it with the index: its path as a string (no
    ``Path`` to make: at 100,000 files that was most of the walk's time), its stat (None
    when it cannot be had) and its sidecar's (None: no sidecar)."""

    path: str
    root: Path
    stat: FileStat | None
    sidecar: FileStat | None
    inode: int | None = None


ScannedFile = tuple[str, int | None, int | None, int | None, int | None, int | None]
"""An article file of a folder: its name, size, mtime in nanoseconds and inode (all None
when it cannot be stat'ed), and its sidecar's size and mtime (None: no sidecar)."""
_UNREADABLE = (None, None, None)
_NO_SIDECAR = (None, None)
_NAME = operator.attrgetter("name")


class FolderFiles(NamedTuple):
    """A run of article files of one folder, in name order: each one's path is
    ``prefix`` and its name; ``root`` is the collection folder their ids are relative to."""

    prefix: str
    root: Path
    files: list[ScannedFile]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder that was not taken, and why."""

    path: Path
    reason: str


def sidecar_path(path: Path) -> Path | None:
    """The metadata sidecar beside an article file (``NAME.yaml`` or ``NAME.yml``), if any."""
    if path.suffix.lower() in SIDECAR_SUFFIXES:
        return None
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def file_stat(path: Path | str) -> FileStat | None:
    """The size and mtime of a file (following links), or None when it cannot be had."""
    # (Not DirEntry.stat(): the entry would keep its stat_result, some 600 bytes a file
    # for as long as the folder's listing is walked — 60 MB at 100,000 files.)
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _listed_sidecar(
    name: str, sidecars: Mapping[str, os.DirEntry[str]], stat: Callable[[str], FileStat | None]
) -> FileStat | None:
    """As :func:`sidecar_path`, from a folder's listing: the stat of the sidecar of the
    file ``name``, or None (``sidecars``: the listing's entries with a sidecar suffix)."""
    stem = name[: name.rindex(".")] if name.rfind(".") > 0 else name
    for suffix in SIDECAR_SUFFIXES:
        entry = sidecars.get(stem + suffix)
        if entry is not None and entry.is_file():
            return stat(entry.name)
    return None


def _unsupported(path: Path) -> Skipped:
    suffix = path.suffix.lower()
    return Skipped(path, f"unsupported file type {suffix}" if suffix else "no file extension")


def _file(path: Path, root: Path) -> FolderFiles | Skipped:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return _unsupported(path)
    sidecar = sidecar_path(path)
    text = str(path)
    return FolderFiles(
        text[: len(text) - len(path.name)],
        root,
        [_scanned(path.name, _full_stat(text), file_stat(sidecar) if sidecar else None)],
    )


def _full_stat(path: str | int, dir_fd: int | None = None) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path, dir_fd=dir_fd)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _scanned(name: str, stat: tuple[int, int, int] | None, sidecar: FileStat | None) -> ScannedFile:
    return (name, *(stat or _UNREADABLE), *(sidecar or _NO_SIDECAR))  # type: ignore[return-value]


def _dangling(path: Path) -> Skipped:
    """Why a path that is neither file nor folder cannot be followed."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Skipped(path, "symlink loop")
        if isinstance(error, FileNotFoundError):
            return Skipped(
                path, "broken symlink" if path.is_symlink() else "no such file or folder"
            )
        if isinstance(error, PermissionError):
            return Skipped(path, "permission denied")
        return Skipped(path, (error.strerror or "cannot be read").lower())
    return Skipped(path, "not a regular file")


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives
        return False


class _Folder(NamedTuple):
    real: str
    """Its real path (what tells a loop)."""
    prefix: str
    """What its entries' paths start with (the folder and a separator)."""
    plan: Iterator[list[ScannedFile] | os.DirEntry[str] | Skipped]
    """Its contents in name order: runs of article files (already stat'ed), entries to
    look at (folders, links, other files) and what is not taken."""


def _open_folder(folder: str) -> int | None:
    """A descriptor of ``folder`` to stat its files by name (None where that cannot be)."""
    if os.stat not in os.supports_dir_fd:
        return None
    try:
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None


def _plan(
    folder: str, prefix: str, listing: list[os.DirEntry[str]]
) -> list[list[ScannedFile] | os.DirEntry[str] | Skipped]:
    """What :class:`_Folder` says of ``listing``, its article files stat'ed now, by name
    relative to the folder (one lookup of a name, not of a path, each)."""
    # (The loop is the walk's time at 100,000 files: as little as can be is done in it; the
    # files are stat'ed afterwards, all at once.)
    plan: list[list[ScannedFile] | os.DirEntry[str] | Skipped] = []
    # Each run is first its files' names, then (stat'ed) their ScannedFile, in place.
    runs: list[list[Any]] = []
    run: list[Any] = []
    sidecars: dict[str, os.DirEntry[str]] = {}
    supported = SUPPORTED_SUFFIXES
    for entry in listing:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            regular = entry.is_file(follow_symlinks=False)
        except OSError:
            regular = False
        lowered = name.lower()
        if lowered.endswith(SIDECAR_SUFFIXES):
            sidecars[name] = entry
            if regular:
                continue
        if not regular:  # a folder, a link, a device…: looked at when reached
            if run:
                run = []
            plan.append(entry)
            continue
        dot = lowered.rfind(".")
        if dot > 0 and lowered[dot:] in supported:
            if not run:
                runs.append(run)
                plan.append(run)
            run.append(name)
        else:
            if run:
                run = []
            plan.append(_unsupported(Path(prefix + name)))
    if runs:
        fd = _open_folder(folder)
        try:
            stat_in = partial(os.stat, dir_fd=fd) if fd is not None else partial(_stat_path, prefix)
            _stat_runs(runs, stat_in)
            if sidecars:
                _add_sidecars(runs, sidecars, lambda name: _stat_in(name, fd, prefix))
        finally:
            if fd is not None:
                os.close(fd)
    return plan


def _stat_path(prefix: str, name: str) -> os.stat_result:
    return os.stat(prefix + name)


_SIZE, _MTIME, _INODE = (operator.attrgetter(a) for a in ("st_size", "st_mtime_ns", "st_ino"))
# Files are stat'ed this many at a time (a stat_result is some 600 bytes: the whole listing's
# at once would be 60 MB at 100,000 files) ...
_STAT_CHUNK = 2048
# ... by two threads when a folder has at least this many (the system call releases the
# GIL: on two cores the walk of a 100,000-file folder takes ~40% less time).
_THREADED_STATS = 2 * _STAT_CHUNK


def _stat_chunk(names: list[str], stat: Callable[[str], os.stat_result]) -> list[ScannedFile]:
    """``names`` as :data:`ScannedFile` (no sidecar yet): stat'ed by a loop in C, unless
    one of them cannot be (it vanished, say), when each is on its own."""
    try:
        stats = list(map(stat, names))
    except OSError:
        scanned: list[ScannedFile] = []
        for name in names:
            try:
                st = stat(name)
            except OSError:
                scanned.append((name, None, None, None, None, None))
            else:
                scanned.append((name, st.st_size, st.st_mtime_ns, st.st_ino, None, None))
        return scanned
    sizes, mtimes, inodes = map(_SIZE, stats), map(_MTIME, stats), map(_INODE, stats)
    none = itertools.repeat(None)
    return list(zip(names, sizes, mtimes, inodes, none, none, strict=False))


def _stat_runs(runs: list[list[Any]], stat: Callable[[str], os.stat_result]) -> None:
    """Replace the names of each run with what :func:`_stat_chunk` makes of them."""
    chunks = [
        (run, start, run[start : start + _STAT_CHUNK])
        for run in runs
        for start in range(0, len(run), _STAT_CHUNK)
    ]
    done: list[list[ScannedFile]] = [[] for _ in chunks]
    failed: list[BaseException] = []

    def work(first: int, step: int) -> None:
        try:
            for i in range(first, len(chunks), step):
                done[i] = _stat_chunk(chunks[i][2], stat)
        except BaseException as error:  # (raised in the caller's thread below)
            failed.append(error)

    total = sum(map(len, runs))
    if total >= _THREADED_STATS and (os.cpu_count() or 1) > 1:
        helper = threading.Thread(target=work, args=(1, 2), name="stat", daemon=True)
        helper.start()
        try:
            work(0, 2)
        finally:
            helper.join()
    else:
        work(0, 1)
    if failed:
        raise failed[0]
    for (run, start, names), scanned in zip(chunks, done, strict=True):
        run[start : start + len(names)] = scanned


def _stat_in(name: str, fd: int | None, prefix: str) -> FileStat | None:
    found = _full_stat(name, fd) if fd is not None else _full_stat(prefix + name)
    return None if found is None else found[:2]


def _add_sidecars(
    runs: list[list[ScannedFile]],
    sidecars: Mapping[str, os.DirEntry[str]],
    stat: Callable[[str], FileStat | None],
) -> None:
    """Give each file of ``runs`` its sidecar's stat, if it has one."""
    for run in runs:
        for i, file in enumerate(run):
            sidecar = _listed_sidecar(file[0], sidecars, stat)
            if sidecar is not None:
                run[i] = (*file[:4], *sidecar)  # type: ignore[assignment]


def _walk(root: Path, follow_symlinks: bool) -> Iterator[FolderFiles | Skipped]:
    """The articles under ``root``, depth first; each folder is walked once."""
    real_root = os.path.realpath(root)
    visited: set[str] = set()
    # The folders being walked, outermost first.
    open_folders: list[_Folder] = []

    def enter(folder: Path) -> Skipped | None:
        real = os.path.realpath(folder)
        if real in visited:
            looped = any(real == ancestor.real for ancestor in open_folders)
            return Skipped(folder, "symlink loop" if looped else "folder already walked")
        try:
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=_NAME)
        except PermissionError:
            return Skipped(folder, "permission denied")
        except OSError as error:
            return Skipped(folder, (error.strerror or "cannot be read").lower())
        visited.add(real)
        text = str(folder)
        prefix = text if text.endswith(os.sep) else text + os.sep
        open_folders.append(_Folder(real, prefix, iter(_plan(text, prefix, listing))))
        return None

    if (refused := enter(root)) is not None:
        yield refused
    while open_folders:
        current = open_folders[-1]
        item = next(current.plan, None)
        if item is None:
            open_folders.pop()
        elif isinstance(item, list):
            yield FolderFiles(current.prefix, root, item)
        elif isinstance(item, Skipped):
            yield item
        else:
            yield from _look_at(item, root, real_root, follow_symlinks, current, enter)


def _look_at(
    entry: os.DirEntry[str],
    root: Path,
    real_root: str,
    follow_symlinks: bool,
    folder: _Folder,
    enter: Callable[[Path], Skipped | None],
) -> Iterator[FolderFiles | Skipped]:
    """What an entry that is no regular file gives: a folder is entered, a link followed
    (if it may be), anything else skipped with the reason."""
    path = entry.path
    if (
        not follow_symlinks
        and entry.is_symlink()
        and not _inside(os.path.realpath(path), real_root)
    ):
        yield Skipped(Path(path), OUTSIDE_REASON)
        return
    try:
        is_dir, is_file = entry.is_dir(), entry.is_file()
    except OSError:  # a symlink that cannot be followed
        is_dir = is_file = False
    if is_dir:
        if (refused := enter(Path(path))) is not None:
            yield refused
    elif is_file:  # a link to a file
        name = entry.name
        lowered = name.lower()
        if lowered.endswith(SIDECAR_SUFFIXES):
            return
        dot = lowered.rfind(".")
        if dot > 0 and lowered[dot:] in SUPPORTED_SUFFIXES:
            sidecar = sidecar_path(Path(path))
            found = _full_stat(path)
            scanned = _scanned(name, found, file_stat(sidecar) if sidecar else None)
            yield FolderFiles(folder.prefix, root, [scanned])
        else:
            yield _unsupported(Path(path))
    else:
        yield _dangling(Path(path))


def discover(paths: Iterable[Path], *, follow_symlinks: bool = False) -> Iterator[Found | Skipped]:
    """The article files named by ``paths``: files as they are, folders walked recursively.

    A file's root is its folder; a walked folder is the root of every file under it. Links
    inside a folder that lead out of it are followed only with ``follow_symlinks``; the
    paths named themselves are always followed.
    """
    for item in list_articles(paths, follow_symlinks=follow_symlinks):
        yield Found(Path(item.path), item.root) if isinstance(item, Listed) else item


def list_articles(
    paths: Iterable[Path], *, follow_symlinks: bool = False
) -> Iterator[Listed | Skipped]:
    """As :func:`discover`, each file with its stat and its sidecar's (taken from the
    folder's listing: one ``stat`` a file)."""
    for item in scan_articles(paths, follow_symlinks=follow_symlinks):
        if isinstance(item, Skipped):
            yield item
            continue
        prefix, root, files = item
        for name, size, mtime_ns, inode, sidecar_size, sidecar_mtime_ns in files:
            yield Listed(
                prefix + name,
                root,
                None if size is None else (size, mtime_ns),
                None if sidecar_size is None else (sidecar_size, sidecar_mtime_ns),
                inode,
            )


def scan_articles(
    paths: Iterable[Path], *, follow_symlinks: bool = False
) -> Iterator[FolderFiles | Skipped]:
    """As :func:`list_articles`, a folder's files in runs (what a refresh of 100,000
    files compares with its manifest, with as little made for each file as can be)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path, follow_symlinks)
        elif path.is_file():
            yield _file(path, path.parent)
        else:
            yield _dangling(path)
