"""Compound segments read in place from a memory map, without Whoosh's private copies.

Whoosh 2.7 opens a sub-file of a memory-mapped compound segment (``CompoundStorage.open_file``)
as a ``BufferFile``, which copies the whole sub-file into a ``BytesIO``: a searcher on
100,000 articles held the stored fields (268 MB), the postings (216 MB), the phrase column
(170 MB) and the lexicon (62 MB) twice, once in the page cache and once as private heap.
``InPlaceStorage`` maps each compound file itself and hands Whoosh sub-files that read
from the map: only the pages a query touches are resident, and they are the page cache's,
shared with every reader of the index. The segment is opened as if maps were off
(``supports_mmap = False``), so that ``CompoundStorage`` asks the file for its sub-files
(``subset``), which is where the map is made.

``plain_reader`` reads an index with ordinary reads, for a pass over every document (the
views, the exports): its pages never become this process's.
"""

from __future__ import annotations

import contextlib
import mmap
import os
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.index import _DEF_INDEX_NAME, TOC, FileIndex, Index
from whoosh.reading import IndexReader

COMPOUND_EXTENSION = ".seg"


class _ViewFile:
    """What ``BytesIO`` offers Whoosh (read, readline, seek, tell), over a memoryview."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._position = 0

    def read(self, size: int | None = -1) -> bytes:
        start = self._position
        end = len(self._view) if size is None or size < 0 else min(len(self._view), start + size)
        self._position = max(start, end)
        return bytes(self._view[start:end])

    def readline(self, size: int | None = -1) -> bytes:
        start = self._position
        limit = len(self._view) if size is None or size < 0 else min(len(self._view), start + size)
        end = start
        while end < limit and self._view[end] != 10:  # b"\n"
            end += 1
        return self.read(min(end + 1, limit) - start)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: len(self._view)}
        self._position = max(0, base[whence] + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        self._view = memoryview(b"")


class InPlaceFile(BufferFile):
    """A ``BufferFile`` whose reads come from the map itself (no ``BytesIO`` copy)."""

    def __init__(self, buf: memoryview, name: str | None = None, onclose: Any = None) -> None:
        StructFile.__init__(self, _ViewFile(buf), name=name, onclose=onclose)
        self._buf = buf
        self.is_real = False

    def subset(self, position: int, length: int, name: str | None = None) -> InPlaceFile:
        return InPlaceFile(self._buf[position : position + length], name=name or self._name)


class _MappedCompound(InPlaceFile):
    """A whole compound file, mapped; its sub-files are slices of the map."""

    def __init__(self, path: str, name: str) -> None:
        with open(path, "rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        super().__init__(memoryview(self._map), name=name)

    def close(self) -> None:
        super().close()
        with contextlib.suppress(BufferError):  # sub-files still open: closed when freed
            self._buf.release()
            self._map.close()


class InPlaceStorage(FileStorage):
    """A read-only folder whose compound segments are read in place from memory maps."""

    supports_mmap = False  # CompoundStorage then asks our file for sub-files

    def __init__(self, path: str) -> None:
        super().__init__(path, supports_mmap=False, readonly=True)

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        if name.endswith(COMPOUND_EXTENSION) and not kwargs:
            path = self._fpath(name)
            if os.path.getsize(path) > 0:
                return _MappedCompound(path, name)
        return super().open_file(name, **kwargs)


def open_in_place(folder: str) -> Index:
    """The index in ``folder`` for searching: segments read in place from maps."""
    return InPlaceStorage(folder).open_index()


def plain_reader(folder: str, generation: int) -> IndexReader:
    """A reader of ``generation`` of the index in ``folder`` through ordinary file reads
    (for one pass over every document; ``OSError`` when that generation is gone)."""
    storage = FileStorage(folder, supports_mmap=False, readonly=True)
    toc = TOC.read(storage, _DEF_INDEX_NAME, gen=generation)
    return FileIndex._reader(storage, toc.schema, toc.segments, toc.generation)
