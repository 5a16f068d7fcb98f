"""Reading a feed: RSS 0.9x/1.0/2.0 and Atom with feedparser, JSON Feed with ``json``.

feedparser copes with the broken feeds real sites publish; when it finds no entry at all
in what it could not parse, the feed fails with the reason ("an HTML page, not a feed",
"malformed XML: …"). Entry links are resolved against the feed's URL; a link that is not
http(s) (``file:``, ``javascript:``) is never followed: it is listed as skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from treatytui.fetch.charset import decode_page
from treatytui.fetch.urls import BadUrl, checked_url

_JSON_FEED = "https://jsonfeed.org/version/"
_HTML_START = (b"<!doctype html", b"<html")


class FeedError(Exception):
    """A response that holds no readable feed; the message says why."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed: the article's URL and what the feed says about it."""

    url: str
    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str | None = None
    content: str | None = None
    """The entry's full text as the feed gives it (HTML or plain text), if it gives one:
    stored in place of the page when the page cannot be fetched."""


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and site link, its entries, and the links it listed but we skip."""

    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]
    skipped: tuple[tuple[str, str], ...] = field(default=())


def _clean(text: object) -> str | None:
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    return text or None


def _body(text: object) -> str | None:
    """A full text as given (only its ends trimmed), or None when empty or not text."""
    return (text.strip() or None) if isinstance(text, str) else None


def _xml_content(item: dict[str, object]) -> str | None:
    """An RSS/Atom entry's full text: ``content:encoded`` or ``<content>`` (feedparser's
    ``content`` list, its longest part), else a ``<description>`` long enough to be one."""
    parts = item.get("content")
    texts = [
        text
        for part in (parts if isinstance(parts, list) else [])
        if isinstance(part, dict) and (text := _body(part.get("value")))
    ]
    return max(texts, key=len) if texts else _body(item.get("summary"))


def _names(values: object) -> tuple[str, ...]:
    names = []
    for value in values if isinstance(values, list) else []:
        name = _clean(value.get("name")) if isinstance(value, dict) else _clean(value)
        if name:
            names.append(name)
    return tuple(dict.fromkeys(names))


def _iso_datetime(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _link(raw: object, base: str, skipped: list[tuple[str, str]]) -> str | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        return checked_url(raw, base=base)
    except BadUrl as error:
        skipped.append((raw.strip()[:200], str(error)))
        return None


_LINK_TAG = re.compile(rb"<link\b[^<>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""([a-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_FEED_TYPES = frozenset(
    {b"application/rss+xml", b"application/atom+xml", b"application/feed+json", b"application/json"}
)


def feed_links(body: bytes, base: str) -> list[str]:
    """The feeds an HTML page names in its ``<link rel="alternate" type="…">`` tags."""
    found = []
    for tag in _LINK_TAG.finditer(body[: 256 * 1024]):
        attributes = {
            m[1].lower(): (m[2] or m[3] or m[4] or b"").strip() for m in _ATTRIBUTE.finditer(tag[0])
        }
        if b"alternate" not in attributes.get(b"rel", b"").lower().split():
            continue
        if attributes.get(b"type", b"").lower() not in _FEED_TYPES:
            continue
        href = attributes.get(b"href", b"").decode("utf-8", "replace")
        try:
            found.append(checked_url(href, base=base))
        except BadUrl:
            continue
    return list(dict.fromkeys(found))


def looks_like_json_feed(body: bytes, content_type: str) -> bool:
    """Whether a response is a JSON Feed (by its media type, or a body that opens with ``{``)."""
    return "json" in content_type or body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_json_feed(body: bytes, base: str) -> ParsedFeed:
    """A JSON Feed (versions 1 and 1.1)."""
    text, _ = decode_page(body)
    try:
        data = json.loads(text)
    except ValueError as error:
        raise FeedError(f"malformed JSON: {error}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(_JSON_FEED):
        raise FeedError("JSON that is not a JSON Feed")
    skipped: list[tuple[str, str]] = []
    entries = []
    feed_authors = _names(data.get("authors")) or _names([data.get("author")])
    for item in data.get("items") or []:
        if not isinstance(item, dict):
            continue
        url = _link(item.get("url") or item.get("external_url"), base, skipped)
        if url is None:
            continue
        authors = _names(item.get("authors")) or _names([item.get("author")]) or feed_authors
        tags = item.get("tags")
        entries.append(
            FeedEntry(
                url=url,
                title=_clean(item.get("title")),
                published=_iso_datetime(item.get("date_published")),
                updated=_iso_datetime(item.get("date_modified")),
                authors=authors,
                tags=tuple(t for t in (_clean(t) for t in tags) if t)
                if isinstance(tags, list)
                else (),
                summary=_clean(item.get("summary") or item.get("content_text")),
                content=_body(item.get("content_html")) or _body(item.get("content_text")),
            )
        )
    return ParsedFeed(
        _clean(data.get("title")), _clean(data.get("home_page_url")), tuple(entries), tuple(skipped)
    )


def _struct_time(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def _problem(error: object) -> str:
    message = getattr(error, "getMessage", None)
    detail = message() if callable(message) else str(error)
    return " ".join(str(detail).split())[:120]


def parse_xml_feed(body: bytes, base: str, content_type: str = "") -> ParsedFeed:
    """An RSS or Atom feed, with feedparser."""
    import feedparser

    headers = {"content-location": base}
    if content_type:
        headers["content-type"] = content_type
    result = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    if not result.entries and not result.get("version"):
        head = body.lstrip()[:512].lower()
        if content_type == "text/html" or head.startswith(_HTML_START):
            named = feed_links(body, base)
            hint = f" (it names its feed: {named[0]})" if named else ""
            raise FeedError(f"an HTML page, not a feed{hint}")
        if not body.strip():
            raise FeedError("an empty response, not a feed")
        if result.bozo:
            raise FeedError(f"malformed XML: {_problem(result.bozo_exception)}")
        raise FeedError("not a feed")
    skipped: list[tuple[str, str]] = []
    entries = []
    for item in result.entries:
        url = _link(item.get("link") or item.get("id"), base, skipped)
        if url is None:
            continue
        authors = _names(item.get("authors")) or _names([item.get("author")])
        entries.append(
            FeedEntry(
                url=url,
                title=_clean(item.get("title")),
                # dict.get: feedparser's own get() answers one key for the other
                published=_struct_time(dict.get(item, "published_parsed")),
                updated=_struct_time(dict.get(item, "updated_parsed")),
                authors=authors,
                tags=tuple(
                    dict.fromkeys(
                        t for t in (_clean(tag.get("term")) for tag in item.get("tags", [])) if t
                    )
                ),
                summary=_clean(item.get("summary")),
                content=_xml_content(item),
            )
        )
    if not entries and not skipped and result.bozo:
        raise FeedError(f"malformed XML: {_problem(result.bozo_exception)}")
    feed = result.feed
    return ParsedFeed(
        _clean(feed.get("title")), _clean(feed.get("link")), tuple(entries), tuple(skipped)
    )


def parse_feed(body: bytes, base: str, content_type: str = "") -> ParsedFeed:
    """The feed in a response's ``body`` (``base``: its URL); :class:`FeedError` if none."""
    if looks_like_json_feed(body, content_type):
        return parse_json_feed(body, base)
    return parse_xml_feed(body, base, content_type)
