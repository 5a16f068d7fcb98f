"""Writing a file so that readers see the old one or the new one, never half of either.

Used for every small file other processes read while it may be rewritten: the index's
pointer and records (``search``), the feed list and fetched pages (``fetch``), exports.
The file gets the permissions the umask gives new files (``mkstemp`` would give 0600, and
an index or a collection the rest of a team cannot read).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new, empty file beside ``path`` (a hidden name no other writer can pick)."""
    while True:
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.part")
        try:
            return os.open(tmp, _NEW_FILE, 0o666), tmp
        except FileExistsError:
            continue


def write_atomically(path: Path, data: str | bytes, *, make_parents: bool = False) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8): temporary file, fsync, rename.

    ``make_parents`` creates missing folders first; without it a missing folder is an
    ``OSError``, so a deleted index folder is never silently made again.
    """
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
