"""Front matter, sidecars, dates and merging metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from treatytui.corpus.article import Metadata
from treatytui.corpus.dates import date_in_url, find_date, parse_date
from treatytui.corpus.frontmatter import split_front_matter
from treatytui.corpus.metadata import (
    merge_metadata,
    metadata_from_mapping,
    metadata_from_yaml,
    read_sidecar,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-27", date(2025, 10, 27)),
        ("2025-10-27T08:15:00+07:00", date(2025, 10, 27)),
        ("October 27, 2025", date(2025, 10, 27)),
        ("Monday, Oct. 27 2025", date(2025, 10, 27)),
        ("27th of October 2025", date(2025, 10, 27)),
        ("26/10/2025", date(2025, 10, 26)),
        ("Sept 9, 2025", date(2025, 9, 9)),
        ("February 30, 2025", None),
        ("no date here", None),
    ],
)
def test_find_date(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


def test_parse_date_values() -> None:
    from datetime import datetime

    assert parse_date(date(2024, 1, 2)) == date(2024, 1, 2)
    assert parse_date(datetime(2024, 1, 2, 10, 30)) == date(2024, 1, 2)
    assert parse_date(20240102) is None


def test_date_in_url() -> None:
    assert date_in_url("https://example.org/news/2025/10/27/story-slug/") == date(2025, 10, 27)
    assert date_in_url("https://example.org/news/story-2025") is None


def test_front_matter_split() -> None:
    text = "---\ntitle: A title\ntags: [a, b]\n---\nBody line.\n"
    front = split_front_matter(text)
    assert front is not None
    assert front.yaml == "title: A title\ntags: [a, b]\n"
    assert front.body == "Body line.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Body without front matter.\n",
        "---\nA scraped page that opens with a rule.\n---\nMore text.\n",
        "---\ntitle: never closed\nBody.\n",
    ],
)
def test_no_front_matter(text: str) -> None:
    assert split_front_matter(text) is None


def test_fields_and_aliases() -> None:
    metadata, warnings = metadata_from_mapping(
        {
            "Title": "  A   title ",
            "source": "The Daily Example",
            "url": "https://example.org/a",
            "date": "October 27, 2025",
            "author": "Jane Doe",
            "tags": "cybercrime, treaty; signing",
            "unknown": {"ignored": True},
        },
        "front matter",
    )
    assert warnings == []
    assert metadata == Metadata(
        title="A title",
        source="The Daily Example",
        url="https://example.org/a",
        published=date(2025, 10, 27),
        authors=("Jane Doe",),
        tags=("cybercrime", "treaty", "signing"),
    )


def test_unusable_values_warn_and_are_ignored() -> None:
    metadata, warnings = metadata_from_mapping(
        {"title": ["not", "text"], "published": "someday", "authors": [{"name": "x"}]},
        "sidecar a.yaml",
    )
    assert metadata == Metadata()
    assert warnings == [
        "sidecar a.yaml: title: cannot read a list value — ignored",
        "sidecar a.yaml: published: cannot read 'someday' — ignored",
        "sidecar a.yaml: authors: cannot read a list value — ignored",
    ]


def test_yaml_strings_lose_escape_codes() -> None:
    metadata, _ = metadata_from_yaml('title: "Red \\e[31malert\\e[0m"', "front matter")
    assert metadata.title == "Red alert"


@pytest.mark.parametrize(
    ("source", "warning"),
    [
        ("title: a\nsource: b\n  bad: indent\n", "x.yaml: malformed YAML (line 3) — ignored"),
        ("- just\n- a list\n", "x.yaml: not a mapping of fields — ignored"),
        (
            "title: !!python/object/apply:os.system ['echo pwned']\n",
            "x.yaml: unsupported YAML tag (line 1) — ignored",
        ),
    ],
)
def test_bad_yaml_is_ignored_with_a_warning(source: str, warning: str) -> None:
    metadata, warnings = metadata_from_yaml(source, "x.yaml")
    assert metadata == Metadata()
    assert warnings == [warning]


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    source = f"title: !!python/object/apply:os.system ['touch {marker}']\n"
    metadata_from_yaml(source, "x.yaml")
    assert not marker.exists()


def test_read_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("title: From the sidecar\npublished: 2025-09-10\n", encoding="utf-8")
    sidecar = read_sidecar(path)
    assert sidecar.metadata.title == "From the sidecar"
    assert sidecar.metadata.published == date(2025, 9, 10)
    assert sidecar.raw == path.read_bytes()
    assert sidecar.warnings == ()


def test_unreadable_sidecar_warns(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\x00\x01binary")
    assert read_sidecar(path).warnings == ("sidecar a.yaml: binary file — ignored",)


def test_empty_sidecar_is_silent(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"# only a comment\n")
    sidecar = read_sidecar(path)
    assert sidecar.metadata == Metadata()
    assert sidecar.warnings == ()


def test_merge_is_field_by_field() -> None:
    first = Metadata(title="First", authors=())
    second = Metadata(title="Second", source="Second source", authors=("A",))
    assert merge_metadata(first, second) == Metadata(
        title="First", source="Second source", authors=("A",)
    )


# -- header lines at the top of a .txt ------------------------------------------------------
HEADER_ARTICLE = """\
Title: Laos signs the convention
SOURCE: Vientiane Times
published: 27 October 2025
By Times Reporters and Jane Roe
URL: https://example.org/2025/10/27/laos

Laos has joined 63 countries in signing the convention in Hanoi.
Title: a line like this in the body stays in the body.
"""


def test_header_lines_become_metadata_and_leave_the_body(tmp_path: Path) -> None:
    from treatytui.corpus.loading import load_article

    (tmp_path / "laos.txt").write_text(HEADER_ARTICLE, encoding="utf-8")
    article = load_article(tmp_path / "laos.txt", tmp_path)
    assert article.title == "Laos signs the convention"
    assert article.source == "Vientiane Times"
    assert article.published == date(2025, 10, 27)
    assert article.authors == ("Times Reporters", "Jane Roe")
    assert article.url == "https://example.org/2025/10/27/laos"
    assert article.text.startswith("Laos has joined 63 countries")
    assert "Vientiane Times" not in article.text and "URL:" not in article.text
    assert "Title: a line like this in the body stays" in article.text
    assert not article.warnings


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the week, 60 countries had signed.\nSource: a later line\n",
        "By Jane Doe\n\nDelegates met in Vienna.\n",  # a byline alone: the body's own
        "Note: the talks resumed.\nTitle: too late to be a header\n",
        "Delegates met in Vienna.\nDate: 2 December 2025\n",
    ],
)
def test_text_that_only_looks_like_a_header_is_left_whole(text: str) -> None:
    from treatytui.corpus.header_lines import split_header_lines

    assert split_header_lines(text) is None


def test_header_lines_rank_after_yaml_and_warn_on_bad_values(tmp_path: Path) -> None:
    from treatytui.corpus.loading import load_article

    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: From front matter\n---\nTitle: From a header line\n"
        "Date: sometime soon\nAuthor: Ana Lee; Bo Chen\n\nThe body.\n",
        encoding="utf-8",
    )
    article = load_article(path, tmp_path)
    assert article.title == "From front matter"
    assert article.authors == ("Ana Lee", "Bo Chen")
    assert article.text.strip() == "The body."
    assert any("published" in w and "sometime soon" in w for w in article.warnings)


def test_header_lines_only_in_plain_text(tmp_path: Path) -> None:
    from treatytui.corpus.loading import load_article

    path = tmp_path / "a.md"
    path.write_text("Title: A markdown line\n\nThe body.\n", encoding="utf-8")
    assert "Title: A markdown line" in load_article(path, tmp_path).text


def test_url_header_dates_an_article_without_a_better_date(tmp_path: Path) -> None:
    from treatytui.corpus.loading import load_article

    path = tmp_path / "a.txt"
    path.write_text("URL: https://example.org/news/2022/03/15/item\nDelegates met.\n")
    assert load_article(path, tmp_path).published == date(2022, 3, 15)


def test_published_query_finds_header_dated_articles(tmp_path: Path) -> None:
    from treatytui.search.indexer import refresh
    from treatytui.search.searcher import Searcher

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "laos.txt").write_text(HEADER_ARTICLE, encoding="utf-8")
    refresh(tmp_path / "index", [folder], workers=1)
    searcher = Searcher(tmp_path / "index")
    try:
        hits = searcher.search("published:2025-10").hits
        assert [hit.title for hit in hits] == ["Laos signs the convention"]
        assert hits[0].source == "Vientiane Times"
    finally:
        searcher.close()


def test_two_word_header_keys_and_tags(tmp_path: Path) -> None:
    from treatytui.corpus.loading import load_article

    path = tmp_path / "a.txt"
    path.write_text(
        "Headline: Ministers meet in Coral Bay\nPublication date: 6 November 2025\n"
        "Written by: Tomas Reyes\nSource URL: https://example.org/world/ministers\n"
        "Tags: review, treaty\n\nJustice ministers met to plan the review.\n",
        encoding="utf-8",
    )
    article = load_article(path, tmp_path)
    assert article.title == "Ministers meet in Coral Bay"
    assert article.published == date(2025, 11, 6)
    assert article.authors == ("Tomas Reyes",)
    assert article.url == "https://example.org/world/ministers"
    assert article.tags == ("review", "treaty")
    assert article.text.startswith("Justice ministers met")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2025/10/27?ref=x", date(2025, 10, 27)),
        ("https://example.org/world/2025-10-27-laos-signs", date(2025, 10, 27)),
        ("https://example.org/20251027/laos", date(2025, 10, 27)),
        ("https://example.org/2022/03/treaty-talks", date(2022, 3, 31)),  # month precision
        ("https://example.org/2022/2/", date(2022, 2, 28)),
        ("https://example.org/2025/13/x", None),
        ("https://example.org/2025/1234/x", None),
        ("https://example.org/2025127/x", None),
    ],
)
def test_dates_in_url_paths(url: str, expected: date | None) -> None:
    assert date_in_url(url) == expected
