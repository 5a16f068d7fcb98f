"""Feed lists in and out: OPML (what every feed reader exports) and newsboat's ``urls``.

OPML outlines with an ``xmlUrl`` are feeds; the titles of the outlines around one, and
its ``category`` attribute, become its tags. A newsboat ``urls`` file has one feed per
line: the URL, then tags, a ``"~Name"`` tag naming it; ``#`` comments and ``query:``
feeds are passed over.
"""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from treatytui.fetch.subscriptions import Feed


class FeedFileError(ValueError):
    """A file that is neither OPML nor a newsboat ``urls`` file; the message says why."""


@dataclass(frozen=True)
class ListedFeed:
    """A feed as an imported file lists it."""

    url: str
    name: str | None = None
    tags: tuple[str, ...] = field(default=())


def _split_tags(value: str | None) -> list[str]:
    if not value:
        return []
    return [t.strip().strip("/") for t in value.replace("/", ",").split(",") if t.strip("/ ")]


def read_opml(text: str) -> list[ListedFeed]:
    """The feeds in an OPML document."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise FeedFileError(f"malformed OPML: {error}") from None
    if root.tag.lower() != "opml":
        raise FeedFileError(f"not OPML (the document is <{root.tag}>)")
    body = root.find("body")
    found: list[ListedFeed] = []

    def walk(node: ElementTree.Element, folders: list[str]) -> None:
        for outline in node.findall("outline"):
            label = outline.get("title") or outline.get("text")
            url = outline.get("xmlUrl") or outline.get("xmlurl")
            if url:
                tags = [*folders, *_split_tags(outline.get("category"))]
                found.append(ListedFeed(url.strip(), label, tuple(dict.fromkeys(tags))))
            else:
                walk(outline, [*folders, label] if label else folders)

    if body is not None:
        walk(body, [])
    return found


def read_newsboat_urls(text: str) -> list[ListedFeed]:
    """The feeds in a newsboat ``urls`` file."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError as error:
            raise FeedFileError(f"line {number}: {error}") from None
        if not words or words[0].startswith(("query:", "exec:", "filter:")):
            continue
        name = next((w[1:] for w in words[1:] if w.startswith("~")), None)
        tags = tuple(w for w in words[1:] if not w.startswith(("~", "!")))
        found.append(ListedFeed(words[0], name or None, tags))
    return found


def read_feed_file(text: str) -> list[ListedFeed]:
    """The feeds in an OPML file or a newsboat ``urls`` file (told apart by the first
    character that is not a space)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return read_opml(stripped) if stripped.startswith("<") else read_newsboat_urls(text)


def write_opml(feeds: list[Feed], title: str = "treatytui feeds") -> str:
    """An OPML 2.0 document listing ``feeds`` (their tags as ``category``)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_escape(title)}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        attributes = [
            'type="rss"',
            f"text={quoteattr(feed.name)}",
            f"title={quoteattr(feed.name)}",
            f"xmlUrl={quoteattr(feed.url)}",
        ]
        if feed.tags:
            attributes.append(f"category={quoteattr(','.join(feed.tags))}")
        lines.append(f"    <outline {' '.join(attributes)}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
