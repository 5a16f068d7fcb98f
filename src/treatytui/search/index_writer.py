"""Writing one index generation: the Whoosh writer of a refresh, created only when needed,
what a full disk means, and removing what a killed or failed writer left behind."""

from __future__ import annotations

import contextlib
import errno
import shutil
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, Index

from treatytui.search.location import WHOOSH_INDEX_NAME, WHOOSH_SCRATCH, WHOOSH_WRITE_LOCK

# Posting blocks are written uncompressed: at 1,000 articles the index grows by 16% but
# indexing takes 14% less time and scoring a term 20% less.
POSTINGS_CODEC = W3Codec(compression=0)


class IndexUnavailable(RuntimeError):
    """The index folder cannot be written (or read); the message says why."""


class DiskFull(IndexUnavailable):
    """The disk (or the file-size limit) ran out while writing; the live index is as it was."""


# Errors that mean "no room to write": the disk, the user's quota, the file-size limit.
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def disk_full(index_root: Path, error: OSError) -> DiskFull:
    """The error to raise for ``error``, a write refused for want of room."""
    why = error.strerror or str(error)
    if error.errno == errno.EFBIG:
        why += " (the file-size limit, `ulimit -f`)"
    return DiskFull(
        f"not enough room to write the index in {index_root}: {why}. "
        "The index is as it was before; free some space and run `treatytui index` again"
    )


def remove_unused_files(folder: Path) -> None:
    """Delete the Whoosh files in ``folder`` that its latest table of contents does not
    name: what a killed or failed writer left behind (only the lock holder writes)."""
    with contextlib.suppress(OSError, ValueError, EOFError, whoosh_index.EmptyIndexError):
        storage = FileStorage(str(folder))
        toc = TOC.read(storage, WHOOSH_INDEX_NAME)
        whoosh_index.clean_files(storage, WHOOSH_INDEX_NAME, toc.generation, toc.segments)
    # Whoosh's own write lock and its writer's scratch folder: a killed or failed writer's
    # leftovers, never anyone's now.
    with contextlib.suppress(OSError):
        (folder / WHOOSH_WRITE_LOCK).unlink()
    shutil.rmtree(folder / WHOOSH_SCRATCH, ignore_errors=True)


def _storage(folder: Path) -> FileStorage:
    # Without memory maps: Whoosh reads a sub-file of a compound segment from a map by first
    # copying all of it (BufferFile's BytesIO), and a refresh's deletions open the postings
    # and lexicon of every segment. At 10,000 articles that was 30 MB of copies for a
    # refresh of one file, and it grows with the index; read as files, it is the few pages
    # a lookup needs. (Searchers keep their maps: their fast paths read them in place.)
    return FileStorage(str(folder), supports_mmap=False)


def open_index(folder: Path) -> Index:
    """The Whoosh index in ``folder``, for writing."""
    return _storage(folder).open_index()


def create_index(folder: Path, schema: Any) -> Index:
    """A new, empty Whoosh index in ``folder``, for writing."""
    return _storage(folder).create_index(schema)


class LazyWriter:
    """The Whoosh writer of one refresh, created only when there is something to write
    (a writer leaves files behind even when cancelled)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._writer: Any = None
        self.committed = False

    def get(self) -> Any:
        """The writer (created on first use)."""
        if self._writer is None:
            self._writer = self.index.writer(limitmb=128, codec=POSTINGS_CODEC)
        return self._writer

    def commit(self, **kwargs: Any) -> None:
        """Commit what was written, if anything."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.commit(**kwargs)
            self.committed = True

    def cancel(self) -> None:
        """Drop what was written, if anything."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            with contextlib.suppress(Exception):
                writer.cancel()
