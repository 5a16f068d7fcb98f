"""Finding article files in the files and folders a user names.

Folders are walked recursively with ``os.scandir``, in sorted order so that results are
deterministic. Hidden entries and metadata sidecars are passed over silently; everything
else that is not an article comes back as :class:`Skipped` with the reason. A symbolic link
that leads out of the walked folder (to ``/etc/passwd``, to ``/etc``) is not followed
unless asked for.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

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


def _listed_sidecar(name: str, sidecars: Mapping[str, os.DirEntry[str]]) -> FileStat | None:
    """As :func:`sidecar_path`, from a folder's listing: the stat of the sidecar of the
    file ``name``, or None (``sidecars``: the listing's entries with a sidecar suffix)."""
    stem = name[: name.rindex(".")] if name.rfind(".") > 0 else name
    for suffix in SIDECAR_SUFFIXES:
        entry = sidecars.get(stem + suffix)
        if entry is not None and entry.is_file():
            return file_stat(entry.path)
    return None


def _unsupported(path: Path) -> Skipped:
    suffix = path.suffix.lower()
    return Skipped(path, f"unsupported file type {suffix}" if suffix else "no file extension")


def _file(path: Path, root: Path) -> Listed | Skipped:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return _unsupported(path)
    sidecar = sidecar_path(path)
    return Listed(str(path), root, file_stat(path), file_stat(sidecar) if sidecar else None)


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


def _walk(root: Path, follow_symlinks: bool) -> Iterator[Listed | Skipped]:
    """The articles under ``root``, depth first; each folder is walked once."""
    real_root = os.path.realpath(root)
    visited: set[str] = set()
    # The folders being walked, outermost first: their real paths, remaining entries and
    # entries with a sidecar suffix by name.
    open_folders: list[tuple[str, Iterator[os.DirEntry[str]], dict[str, os.DirEntry[str]]]] = []

    def enter(folder: Path) -> Skipped | None:
        real = os.path.realpath(folder)
        if real in visited:
            looped = any(real == ancestor for ancestor, _, _ in open_folders)
            return Skipped(folder, "symlink loop" if looped else "folder already walked")
        try:
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda entry: entry.name)
        except PermissionError:
            return Skipped(folder, "permission denied")
        except OSError as error:
            return Skipped(folder, (error.strerror or "cannot be read").lower())
        visited.add(real)
        sidecars = {e.name: e for e in listing if e.name.lower().endswith(SIDECAR_SUFFIXES)}
        open_folders.append((real, iter(listing), sidecars))
        return None

    if (refused := enter(root)) is not None:
        yield refused
    while open_folders:
        entry = next(open_folders[-1][1], None)
        if entry is None:
            open_folders.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = entry.path
        if (
            not follow_symlinks
            and entry.is_symlink()
            and not _inside(os.path.realpath(path), real_root)
        ):
            yield Skipped(Path(path), OUTSIDE_REASON)
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:  # a symlink that cannot be followed
            is_dir = is_file = False
        if is_dir:
            if (refused := enter(Path(path))) is not None:
                yield refused
        elif is_file:
            name = entry.name
            lowered = name.lower()
            if lowered.endswith(SIDECAR_SUFFIXES):
                continue
            dot = lowered.rfind(".")
            if dot > 0 and lowered[dot:] in SUPPORTED_SUFFIXES:
                sidecars = open_folders[-1][2]
                sidecar = _listed_sidecar(name, sidecars) if sidecars else None
                yield Listed(path, root, file_stat(path), sidecar)
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
    for path in paths:
        if path.is_dir():
            yield from _walk(path, follow_symlinks)
        elif path.is_file():
            yield _file(path, path.parent)
        else:
            yield _dangling(path)
