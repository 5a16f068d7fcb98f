"""Reading a file's bytes safely and decoding them to clean text.

Everything that makes a file unusable ends in :class:`SkipFile` with a short reason a
person can act on ("binary file", "larger than 20 MB", "permission denied"...).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from treatytui.corpus.sanitize import strip_controls

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files larger than this are not read (no news article comes near it)."""

_SAMPLE_BYTES = 4096
_SAMPLE_CHARS = 65536
_MAX_CONTROL_RATIO = 0.05
# Characters that do not occur in text: C0 controls except tab, LF, VT, FF, CR and ESC
# (ESC is left out so that text coloured with ANSI codes still counts as text), and DEL.
_NON_TEXT = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SkipFile(Exception):
    """A file that cannot be indexed; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _size_label(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def _os_reason(error: OSError, path: Path) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "broken symlink" if path.is_symlink() else "no such file"
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return (error.strerror or type(error).__name__).lower()


def _check_opened(info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise SkipFile("is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise SkipFile("not a regular file")
    if info.st_size > limit:
        raise SkipFile(f"larger than {_size_label(limit)}")


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else :class:`SkipFile`.

    The file is opened without blocking, so a FIFO or device never hangs the caller.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if isinstance(error, PermissionError) and path.is_dir():
            raise SkipFile("is a folder") from None
        raise SkipFile(_os_reason(error, path)) from None
    try:
        info = os.fstat(fd)
        _check_opened(info, limit)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as file:
        try:
            # read(n) sets aside n bytes first: ask for the size measured, then any growth
            data = file.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += file.read(limit + 1 - len(data))
        except OSError as error:
            raise SkipFile(_os_reason(error, path)) from None
    if len(data) > limit:  # the file grew after it was measured
        raise SkipFile(f"larger than {_size_label(limit)}")
    return data


def _bomless_utf16(data: bytes) -> str | None:
    """The UTF-16 codec whose NUL pattern the sample shows (ASCII-heavy text), if any."""
    sample = data[:_SAMPLE_BYTES]
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls >= 0.4 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.4 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise SkipFile("not UTF-8/UTF-16/Latin-1 text") from None


def _decode_bytes(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom) :], codec)
    codec = _bomless_utf16(data)
    if codec is not None:
        return _decode_unicode(data, codec)
    if b"\0" in data:
        raise SkipFile("binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1")


def decode_text(data: bytes) -> str:
    """Decode a file's bytes and strip control codes; :class:`SkipFile` when it is not text.

    UTF-8 (with or without BOM), UTF-32 and UTF-16 with a BOM, UTF-16 without one (told by
    where its NUL bytes fall) and, failing UTF-8, Windows-1252/Latin-1. Line breaks come out
    as ``\\n``; escape sequences and control characters other than tab and newline are removed.
    """
    if not data:
        raise SkipFile("empty file")
    text = _decode_bytes(data)
    sample = text[:_SAMPLE_CHARS]
    if len(_NON_TEXT.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        raise SkipFile("binary file")
    text = strip_controls(text)
    if not text.strip():
        raise SkipFile("empty file")
    return text


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[str, bytes]:
    """The clean decoded text of a file and its raw bytes (see :func:`decode_text`)."""
    data = read_bytes(path, limit)
    return decode_text(data), data
