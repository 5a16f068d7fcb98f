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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
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
_FIRST = operator.itemgetter(0)
_DOTS = itertools.repeat(".")
_SUFFIX_TUPLES = itertools.repeat(tuple(sorted(SUPPORTED_SUFFIXES)))


class FolderFiles(NamedTuple):
    """A run of article files of one folder, in name order: each one's path is
    ``prefix`` and its name; ``root`` is the collection folder their ids are relative to."""

    prefix: str
    root: Path
    files: list[ScannedFile]
    whole: bool = False
    """True when these are all the folder holds (hidden files aside): no other file, no
    sidecar, no folder, no link."""


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
    plan, runs, sidecars = _sort_out(prefix, [e for e in listing if not e.name.startswith(".")])
    if runs:
        fd = _open_folder(folder)
        try:
            for run in runs:
                run[:] = _stat_names(run, fd, prefix)
            if sidecars:
                _add_sidecars(runs, sidecars, lambda name: _stat_in(name, fd, prefix))
        finally:
            if fd is not None:
                os.close(fd)
    return plan


class _WholeFolder(list[ScannedFile]):
    """A run of article files that is the whole of its folder's (visible) contents."""


def _whole_folder(folder: str, prefix: str) -> _WholeFolder | None:
    """The files of ``folder`` when it holds article files only (hidden ones aside), else
    None: a folder's listing as names only, each file stat'ed (not followed) once."""
    # (os.listdir and a string sort, no DirEntry: at 100,000 files 15% less time.)
    names = os.listdir(folder)
    names.sort()
    if "." in map(_FIRST, names):
        names = list(itertools.compress(names, map(operator.ne, map(_FIRST, names), _DOTS)))
    if not all(map(str.endswith, map(str.lower, names), _SUFFIX_TUPLES)):
        return None
    run = _WholeFolder()
    add, stat = run.append, os.stat
    fd = _open_folder(folder)
    try:
        for name in names:
            try:
                st = (
                    stat(name, dir_fd=fd, follow_symlinks=False)
                    if fd is not None
                    else os.lstat(prefix + name)
                )
            except OSError:
                add((name, None, None, None, None, None))
                continue
            if st.st_mode & 0o170000 != 0o100000:  # (not S_ISREG: a folder, a link…)
                return None
            add((name, st.st_size, st.st_mtime_ns, st.st_ino, None, None))
    finally:
        if fd is not None:
            os.close(fd)
    return run


def _sort_out(
    prefix: str, listing: list[os.DirEntry[str]]
) -> tuple[list[Any], list[list[Any]], dict[str, os.DirEntry[str]]]:
    """The plan of a folder's (visible) entries with runs of article names in it, the runs,
    and the entries with a sidecar's suffix, by name, one entry at a time."""
    plan: list[Any] = []
    runs: list[list[Any]] = []
    run: list[Any] = []
    sidecars: dict[str, os.DirEntry[str]] = {}
    supported = SUPPORTED_SUFFIXES
    for entry in listing:
        name = entry.name
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
    return plan, runs, sidecars


def _stat_names(names: list[str], fd: int | None, prefix: str) -> list[ScannedFile]:
    """``names`` as :data:`ScannedFile` (no sidecar yet), stat'ed by name in ``fd`` (else
    by path)."""
    scanned: list[ScannedFile] = []
    add, stat = scanned.append, os.stat
    for name in names:
        try:
            st = stat(name, dir_fd=fd) if fd is not None else stat(prefix + name)
        except OSError:
            add((name, None, None, None, None, None))
        else:
            add((name, st.st_size, st.st_mtime_ns, st.st_ino, None, None))
    return scanned


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
        text = str(folder)
        prefix = text if text.endswith(os.sep) else text + os.sep
        try:
            plan: list[Any] | None = None
            if (whole := _whole_folder(text, prefix)) is not None:
                plan = [whole] if whole else []
            else:
                with os.scandir(folder) as entries:
                    listing = sorted(entries, key=_NAME)
        except PermissionError:
            return Skipped(folder, "permission denied")
        except OSError as error:
            return Skipped(folder, (error.strerror or "cannot be read").lower())
        visited.add(real)
        if plan is None:
            plan = _plan(text, prefix, listing)
        open_folders.append(_Folder(real, prefix, iter(plan)))
        return None

    if (refused := enter(root)) is not None:
        yield refused
    while open_folders:
        current = open_folders[-1]
        item = next(current.plan, None)
        if item is None:
            open_folders.pop()
        elif isinstance(item, list):
            yield FolderFiles(current.prefix, root, item, isinstance(item, _WholeFolder))
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
        prefix, root, files, _whole = item
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
