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
from dataclasses import dataclass, field
from pathlib import Path

FORMAT_BY_SUFFIX = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
SUPPORTED_SUFFIXES = frozenset(FORMAT_BY_SUFFIX)
SIDECAR_SUFFIXES = (".yaml", ".yml")
OUTSIDE_REASON = "symlink to outside the folder, not followed (--follow-symlinks follows it)"


FileStat = tuple[int, int]
"""A file's size and mtime in nanoseconds: what tells that it changed."""


@dataclass(frozen=True, slots=True)
class Found:
    """An article file; ``root`` is the collection folder its id is relative to.

    A file found by walking a folder comes with its :data:`FileStat` and its sidecar's
    (None: no sidecar), taken from the walk's own listing; a file named as it is comes
    without (``stat`` None, ``sidecar`` unknown).
    """

    path: Path
    root: Path
    stat: FileStat | None = field(default=None, compare=False)
    sidecar: FileStat | None = field(default=None, compare=False)


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


def file_stat(path: Path | str | os.DirEntry[str]) -> FileStat | None:
    """The size and mtime of a file (following links), or None when it cannot be had."""
    try:
        st = path.stat() if not isinstance(path, str) else os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _listed_sidecar(name: str, listing: Mapping[str, os.DirEntry[str]]) -> FileStat | None:
    """As :func:`sidecar_path`, from a folder's listing: the stat of the sidecar of the
    file ``name`` in it, or None (no stat beyond the sidecar's own)."""
    stem = name[: name.rindex(".")] if name.rfind(".") > 0 else name
    for suffix in SIDECAR_SUFFIXES:
        entry = listing.get(stem + suffix)
        if entry is not None and entry.is_file():
            return file_stat(entry)
    return None


def _unsupported(path: Path) -> Skipped:
    suffix = path.suffix.lower()
    return Skipped(path, f"unsupported file type {suffix}" if suffix else "no file extension")


def _file(path: Path, root: Path) -> Found | Skipped:
    return Found(path, root) if path.suffix.lower() in SUPPORTED_SUFFIXES else _unsupported(path)


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


def _walk(root: Path, follow_symlinks: bool) -> Iterator[Found | Skipped]:
    """The articles under ``root``, depth first; each folder is walked once."""
    real_root = os.path.realpath(root)
    visited: set[str] = set()
    # The folders being walked, outermost first: their real paths, remaining entries and
    # entries by name.
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
        open_folders.append((real, iter(listing), {entry.name: entry for entry in listing}))
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
        path = Path(entry.path)
        if (
            not follow_symlinks
            and entry.is_symlink()
            and not _inside(os.path.realpath(path), real_root)
        ):
            yield Skipped(path, OUTSIDE_REASON)
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:  # a symlink that cannot be followed
            is_dir = is_file = False
        if is_dir:
            if (refused := enter(path)) is not None:
                yield refused
        elif is_file:
            name = entry.name
            if name.lower().endswith(SIDECAR_SUFFIXES):
                continue
            if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                listing = open_folders[-1][2]
                yield Found(path, root, file_stat(entry), _listed_sidecar(name, listing))
            else:
                yield _unsupported(path)
        else:
            yield _dangling(path)


def discover(paths: Iterable[Path], *, follow_symlinks: bool = False) -> Iterator[Found | Skipped]:
    """The article files named by ``paths``: files as they are, folders walked recursively.

    A file's root is its folder; a walked folder is the root of every file under it. Links
    inside a folder that lead out of it are followed only with ``follow_symlinks``; the
    paths named themselves are always followed.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, follow_symlinks)
        elif path.is_file():
            yield _file(path, path.parent)
        else:
            yield _dangling(path)
