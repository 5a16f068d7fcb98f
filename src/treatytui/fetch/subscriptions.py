"""The feeds a collection follows, and what happened at each one's last fetch.

Kept in ``feeds.json`` beside the index (one list per collection, like
``collection.json``), written atomically. A feed is known by its URL (compared in
canonical form) or by its name.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from treatytui.atomicfile import write_atomically
from treatytui.corpus.sanitize import strip_controls
from treatytui.fetch.urls import BadUrl, canonical_url, checked_url, host_of

FEEDS_FILE = "feeds.json"


def _label(text: str) -> str:
    """A name or tag as data: control characters dropped, spaces collapsed."""
    return " ".join(strip_controls(text).split())


class FeedListError(ValueError):
    """A feed that cannot be added or found; the message says why."""


@dataclass
class Feed:
    """A followed feed: where it is, what the user calls it, and its last fetch."""

    url: str
    name: str
    tags: list[str] = field(default_factory=list)
    named_by_user: bool = False
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    """When the last fetch ended (ISO 8601, UTC)."""
    last_new: int = 0
    last_error: str | None = None

    @classmethod
    def from_json(cls, data: object) -> Feed | None:
        if not isinstance(data, dict) or not isinstance(data.get("url"), str):
            return None
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values.setdefault("name", host_of(values["url"]) or values["url"])
        values["tags"] = [t for t in values.get("tags") or [] if isinstance(t, str)]
        try:
            return cls(**values)
        except TypeError:
            return None


@dataclass
class FeedList:
    """The feeds remembered in one index folder."""

    path: Path
    feeds: list[Feed] = field(default_factory=list)

    @classmethod
    def load(cls, index_root: Path) -> FeedList:
        """The feeds remembered in ``index_root`` (none when the file is missing or bad)."""
        path = index_root / FEEDS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        raw = data.get("feeds") if isinstance(data, dict) else None
        feeds = [f for f in (Feed.from_json(item) for item in raw or []) if f is not None]
        return cls(path, feeds)

    def save(self) -> None:
        """Write the list (atomically)."""
        payload = {"feeds": [asdict(feed) for feed in self.feeds]}
        write_atomically(
            self.path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n", make_parents=True
        )

    def find(self, key: str) -> Feed | None:
        """The feed named ``key`` or at URL ``key``."""
        for feed in self.feeds:
            if feed.name == key:
                return feed
        try:
            wanted = canonical_url(checked_url(key))
        except BadUrl:
            return None
        return next((f for f in self.feeds if canonical_url(f.url) == wanted), None)

    def add(self, url: str, name: str | None = None, tags: list[str] | None = None) -> Feed:
        """Follow the feed at ``url``; :class:`FeedListError` for a bad or known URL or name."""
        try:
            url = checked_url(url)
        except BadUrl as error:
            raise FeedListError(f"{url}: {error}") from None
        existing = self.find(url)
        if existing is not None:
            raise FeedListError(f"already following {url} (as {existing.name!r})")
        if name is not None:
            name = _label(name)
            if not name:
                raise FeedListError("a feed name cannot be empty")
            if any(f.name == name for f in self.feeds):
                raise FeedListError(f"a feed is already named {name!r}")
        feed = Feed(
            url=url,
            name=name or self._free_name(host_of(url)),
            tags=list(dict.fromkeys(t for t in (_label(t) for t in tags or []) if t)),
            named_by_user=name is not None,
        )
        self.feeds.append(feed)
        return feed

    def remove(self, key: str) -> Feed:
        """Stop following the feed named ``key`` or at URL ``key``."""
        feed = self.find(key)
        if feed is None:
            raise FeedListError(f"no feed named or at {key!r} (`treatytui feeds` lists them)")
        self.feeds.remove(feed)
        return feed

    def rename_from_title(self, feed: Feed, title: str | None) -> None:
        """Name a feed after its own title the first time it is read (unless the user
        named it, or another feed has that name)."""
        if feed.named_by_user or not title:
            return
        title = _label(title)[:80]
        if title and title != feed.name and all(f.name != title for f in self.feeds):
            feed.name = title
            feed.named_by_user = True  # from now on, the name stays

    def _free_name(self, base: str) -> str:
        taken = {f.name for f in self.feeds}
        name, number = base, 2
        while name in taken:
            name, number = f"{base} ({number})", number + 1
        return name
