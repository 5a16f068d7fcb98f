"""Reading and decoding files safely (treatytui.corpus.reading, .sanitize)."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from treatytui.corpus.reading import MAX_FILE_BYTES, SkipFile, decode_text, read_bytes, read_text
from treatytui.corpus.sanitize import strip_controls

SAMPLE = "Delegates met in the capital.\nThe talks went on late — and ended well. Café!\n"


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"),
        SAMPLE.encode("utf-16-le"),
        SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("cp1252"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32le-bom",
        "utf16le",
        "utf16be",
        "cp1252",
    ],
)
def test_decodes_every_supported_encoding(tmp_path: Path, data: bytes) -> None:
    text, raw = read_text(write(tmp_path, data))
    assert text == SAMPLE
    assert raw == data


def test_latin1_bytes_undefined_in_cp1252_still_decode() -> None:
    # 0x81 is undefined in cp1252: Latin-1 takes over, and the C1 control it gives is removed.
    assert decode_text("Caf\xe9 \x81ok".encode("latin-1")) == "Café ok"


def test_crlf_and_cr_become_newlines() -> None:
    assert decode_text(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"text with a NUL\x00 in the middle of it", "binary file"),
        (bytes(range(1, 9)) * 50, "binary file"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not UTF-8/UTF-16/Latin-1 text"),
    ],
    ids=["empty", "blank", "png", "nul", "controls", "bad-utf16"],
)
def test_refuses_what_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(SkipFile) as caught:
        decode_text(data)
    assert caught.value.reason == reason


def test_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:  # sparse: 50 MB on paper, nothing on disk
        file.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(SkipFile) as caught:
        read_bytes(path)
    assert caught.value.reason == f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
    assert time.perf_counter() - started < 0.5


def test_custom_limit(tmp_path: Path) -> None:
    with pytest.raises(SkipFile, match="larger than 1 KB"):
        read_bytes(write(tmp_path, b"x" * 2048), limit=1024)


def test_folder_and_missing_file_and_broken_symlink(tmp_path: Path) -> None:
    with pytest.raises(SkipFile, match="is a folder"):
        read_bytes(tmp_path)
    with pytest.raises(SkipFile, match="no such file"):
        read_bytes(tmp_path / "absent.txt")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(SkipFile, match="broken symlink"):
        read_bytes(link)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SkipFile, match="not a regular file"):
        read_bytes(fifo)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"secret")
    path.chmod(0)
    try:
        with pytest.raises(SkipFile, match="permission denied"):
            read_bytes(path)
    finally:
        path.chmod(0o644)


def test_permission_error_gives_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, b"secret")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(SkipFile) as caught:
        read_bytes(path)
    assert caught.value.reason == "permission denied"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("\x1b[1;38;5;208mbold\x1b[K", "bold"),
        ("\x1b]0;window title\x07after", "after"),
        ("\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x9b31mC1 CSI", "C1 CSI"),
        ("bell\x07 back\x08space del\x7f", "bell backspace del"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("\x1b(Bcharset", "charset"),
        ("a\u2028b\x0cc", "a\nb\nc"),
    ],
)
def test_strip_controls(dirty: str, clean: str) -> None:
    assert strip_controls(dirty) == clean


def test_escape_sequences_removed_when_decoding() -> None:
    data = b"Title\n\x1b]52;c;ZXZpbA==\x07Body \x1b[2J text.\n"
    assert decode_text(data) == "Title\nBody  text.\n"
