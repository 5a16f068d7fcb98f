"""Loading article files end to end: metadata sources, warnings, hashes, refusals."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from treatytui.corpus import SkipFile, load_article

BODY = "Officials sign a pact against online fraud\nThe pact was signed on Friday.\nBy Ann Lee\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_inferred_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "news" / "pact.txt", BODY + "(Latest Update March 3, 2025)\n")
    article = load_article(path, tmp_path)
    assert article.id == "news/pact.txt"
    assert article.path == str(path.absolute())
    assert article.title == "Officials sign a pact against online fraud"
    assert article.published == date(2025, 3, 3)
    assert article.authors == ("Ann Lee",)
    assert article.source is None
    assert article.warnings == ()
    assert len(article.content_hash) == 32


def test_id_without_root_is_the_file_name(tmp_path: Path) -> None:
    assert load_article(write(tmp_path / "deep" / "pact.txt", BODY)).id == "pact.txt"


def test_sidecar_beats_front_matter_beats_inference(tmp_path: Path) -> None:
    front = "---\ntitle: Front title\nsource: Front source\ntags: [a]\n---\n"
    path = write(tmp_path / "pact.txt", front + BODY)
    write(tmp_path / "pact.yaml", "title: Sidecar title\npublished: 2025-01-02\n")
    article = load_article(path, tmp_path)
    assert article.title == "Sidecar title"
    assert article.source == "Front source"
    assert article.tags == ("a",)
    assert article.published == date(2025, 1, 2)
    assert article.authors == ("Ann Lee",)
    assert "Front title" not in article.text


def test_malformed_front_matter_and_sidecar_warn(tmp_path: Path) -> None:
    path = write(tmp_path / "pact.txt", "---\ntitle: ok\n  bad: indent\n---\n" + BODY)
    write(tmp_path / "pact.yaml", "!!python/object/apply:os.system ['echo no']\n")
    article = load_article(path, tmp_path)
    assert article.title == "Officials sign a pact against online fraud"
    assert article.warnings == (
        "front matter: malformed YAML (line 3) — ignored",
        "sidecar pact.yaml: unsupported YAML tag (line 1) — ignored",
    )
    assert "bad: indent" not in article.text


def test_sidecar_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path / "pact.txt", BODY)
    write(tmp_path / "pact.yml", "just a string\n")
    assert load_article(path).warnings == ("sidecar pact.yml: not a mapping of fields — ignored",)


def test_content_hash_covers_the_sidecar(tmp_path: Path) -> None:
    path = write(tmp_path / "pact.txt", BODY)
    before = load_article(path).content_hash
    write(tmp_path / "pact.yaml", "title: New title\n")
    after = load_article(path).content_hash
    assert before != after
    assert load_article(path).content_hash == after


def test_utf16_and_latin1_files(tmp_path: Path) -> None:
    utf16 = write(tmp_path / "a.txt", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"))
    latin1 = write(
        tmp_path / "b.txt", "Caf\xe9 owners sign a pledge today\nIt is brief.\n".encode("latin-1")
    )
    assert load_article(utf16).title == "Officials sign a pact against online fraud"
    assert load_article(latin1).title == "Café owners sign a pledge today"


def test_html_file(tmp_path: Path) -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Example Wire">'
        '<link rel="canonical" href="https://example.org/2025/06/30/pact/"></head>'
        "<body><h1>A pact is signed</h1><p>Text of the story.</p></body></html>"
    )
    article = load_article(write(tmp_path / "pact.html", html))
    assert article.title == "A pact is signed"
    assert article.source == "Example Wire"
    assert article.published == date(2025, 6, 30)
    assert [b.kind for b in article.blocks] == ["title", "paragraph"]


def test_dateline_gives_the_date(tmp_path: Path) -> None:
    path = write(tmp_path / "d.txt", "Sometown Daily (26/10/2025): Leaders met again.\nMore.\n")
    assert load_article(path).published == date(2025, 10, 26)


def test_title_falls_back_to_first_sentence(tmp_path: Path) -> None:
    long_sentence = "Negotiators " + "worked hard and " * 12 + "agreed. Then they left."
    article = load_article(write(tmp_path / "long.txt", long_sentence))
    assert article.title.startswith("Negotiators worked hard")
    assert article.title.endswith("…")
    assert len(article.title) <= 100


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("furniture.txt", b" |\n______\n![]() |\n", "no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("doc.pdf", b"%PDF-1.7", "unsupported file type .pdf"),
    ],
)
def test_refused_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(SkipFile) as caught:
        load_article(write(tmp_path / name, data))
    assert caught.value.reason == reason


def test_source_file_is_never_modified(tmp_path: Path) -> None:
    data = "Caf\xc3\xa9 \x1b[31mred\x1b[0m\r\nLine two\r\n".encode("latin-1")
    path = write(tmp_path / "raw.txt", data)
    load_article(path)
    assert path.read_bytes() == data
