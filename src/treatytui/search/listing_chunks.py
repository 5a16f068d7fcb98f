"""Parts of a folder's listing, each with a digest: what lets a refresh skip, unread, the
records of the files that cannot have changed.

A folder of article files only is cut into chunks of its sorted names, each starting at a
name whose hash starts with nine zero bits (about 512 names a chunk, and a file added or
removed moves no other chunk's start); the first chunk, before any such name, has the key
``""``. A chunk's digest hashes its files' names and stats. The manifest keeps the digest
of each chunk whose files all have their records as listed (an empty digest for one that
has not: it still marks where the chunk before it ends). A chunk listed with the digest kept
for its key is then, by the manifest's word, exactly the records from its key up to the
next key kept: those records need not be read.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import itertools
import operator
import os
import pickle
import sys
import zlib
from typing import NamedTuple

from treatytui.corpus.discovery import ScannedFile

# A name starts a chunk when this many top bits of its hash are 0 (1 name in 512). The
# hash: its CRC-32 times a large odd number, modulo 2**32 (a CRC alone is linear: names that
# differ in a digit or two would start chunks in clumps).
_CHUNK_BITS = 9
_SPREAD = 0x9E3779B1
_NAME = operator.itemgetter(0)
_ENCODE = operator.methodcaller(
    "encode", sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
)
_SEP = os.fsencode(os.sep)


class Chunk(NamedTuple):
    """A run of a folder's files, ``files[start:end]``, from the name ``key`` on."""

    key: str
    digest: bytes
    start: int
    end: int


def digest(base: str, key: str, files: list[ScannedFile]) -> bytes:
    """A hash of ``files`` (their names and stats) and of where they are."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # (no memo: the bytes depend on the values only)
    pickler.dump((base, key, files))
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()


def chunks(base: str, files: list[ScannedFile]) -> list[Chunk]:
    """``files`` (a folder's, in name order) in chunks; one chunk when a name is not ASCII
    (the manifest orders paths by their bytes, which then need not be the names' order)."""
    names = list(map(_NAME, files))
    if not names:
        return []
    starts, keys = [0], [""]
    if all(map(str.isascii, names)):
        mask = ((1 << _CHUNK_BITS) - 1) << (32 - _CHUNK_BITS)
        hashes = map(operator.mul, map(zlib.crc32, map(_ENCODE, names)), itertools.repeat(_SPREAD))
        cuts = map(operator.not_, map(operator.and_, hashes, itertools.repeat(mask)))
        starts = list(itertools.compress(range(len(names)), cuts))
        keys = [names[i] for i in starts]
        if not starts or starts[0] > 0:  # (the names before the first that starts a chunk)
            starts.insert(0, 0)
            keys.insert(0, "")
    ends = [*starts[1:], len(files)]
    return [
        Chunk(key, digest(base, key, files[start:end]), start, end)
        for key, start, end in zip(keys, starts, ends, strict=True)
    ]


def folder_end(prefix: bytes) -> bytes:
    """The least path greater than every path in the folder ``prefix`` (a separator last)."""
    return prefix[:-1] + bytes([prefix[-1] + 1])


class Range(NamedTuple):
    """The records of the files of folder ``prefix`` whose paths are from ``lower`` up to
    (not with) ``upper``: those of the chunks ``keys``, ``files`` in all."""

    prefix: bytes
    lower: bytes
    upper: bytes
    files: int
    keys: list[str]


def matched(
    prefix: bytes, base: str, listed: list[Chunk], kept: dict[str, tuple[str, bytes]]
) -> tuple[set[str], list[Range]]:
    """The keys of the chunks of ``listed`` that have the digest ``kept`` for them, and
    the ranges of records they are (adjacent ones joined)."""
    keys = sorted(kept)
    found: set[str] = set()
    ranges: list[Range] = []
    for chunk in listed:
        if kept.get(chunk.key) != (base, chunk.digest):
            continue
        found.add(chunk.key)
        after = bisect.bisect_right(keys, chunk.key)
        lower = prefix + _ENCODE(chunk.key)
        upper = prefix + _ENCODE(keys[after]) if after < len(keys) else folder_end(prefix)
        files = chunk.end - chunk.start
        if ranges and ranges[-1].upper == lower:
            last = ranges[-1]
            ranges[-1] = last._replace(upper=upper, files=last.files + files)
            last.keys.append(chunk.key)
        else:
            ranges.append(Range(prefix, lower, upper, files, [chunk.key]))
    return found, ranges
