"""The managed article folder: each fetched page as fetched, plus a sidecar YAML.

Layout: ``<root>/<host>/<slug>-<hash>.html`` and ``….yaml`` beside it; the name comes
from the article's canonical URL alone, so the same article always lands in the same
file. Each file is written to a temporary name, synced and renamed into place, the
sidecar first: a fetch killed at any moment leaves either the whole entry or no ``.html``
(an orphan sidecar is never indexed and is rewritten by the next fetch).

A hidden ledger (``.ledger.jsonl``, one JSON line per stored entry, a torn last line
ignored) remembers which canonical URLs and which text hashes are stored, for
de-duplication; and a ``.unindexed`` marker says pages were stored since the index last
took them in, so the next fetch indexes them even if it finds nothing new.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from treatytui.atomicfile import write_atomically

LEDGER = ".ledger.jsonl"
PENDING = ".unindexed"
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 60


@dataclass(frozen=True)
class StoredPage:
    """What the ledger knows of one stored entry."""

    url: str
    """The canonical URL the entry is stored under."""
    file: str
    """The ``.html`` file, relative to the store's root."""
    text_hash: str
    entry_updated: str | None = None
    from_feed: bool = False
    """Stored from the feed's own text because the page could not be fetched: the page is
    tried again at every fetch and replaces it once it can be read."""


def text_hash(text: str) -> str:
    """A fingerprint of an article's main text (spaces and case do not count)."""
    normal = " ".join(text.split()).casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:32]


def slug(url: str) -> str:
    """A short file-name-safe word from the last part of a URL's path ("index" if none)."""
    parts = [p for p in unquote(urlsplit(url).path).split("/") if p]
    last = parts[-1].rsplit(".", 1)[0] if parts else ""
    word = _SLUG_CHARS.sub("-", last.lower()).strip("-")[:_MAX_SLUG].strip("-")
    return word or "index"


class ArticleStore:
    """The managed folder at ``root``; safe to use from several threads of one process."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._by_url: dict[str, StoredPage] = {}
        self._by_hash: dict[str, StoredPage] = {}
        self._load_ledger()

    def _load_ledger(self) -> None:
        try:
            lines = (self.root / LEDGER).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return
        for line in lines:
            try:
                data = json.loads(line)
                record = StoredPage(**data)
            except (ValueError, TypeError):
                continue  # a torn last line, or a hand edit
            if (self.root / record.file).is_file():
                self._by_url[record.url] = record
                self._by_hash[record.text_hash] = record

    def path_for(self, canonical: str) -> Path:
        """Where the article stored under ``canonical`` lives (``.html``)."""
        host = (urlsplit(canonical).hostname or "unknown").lower()
        host = _SLUG_CHARS.sub("-", host).strip("-") or "unknown"
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
        return self.root / host / f"{slug(canonical)}-{digest}.html"

    def known(self, canonical: str) -> StoredPage | None:
        """The stored entry under ``canonical``, if any (also found without the ledger)."""
        with self._lock:
            record = self._by_url.get(canonical)
        if record is not None:
            return record
        path = self.path_for(canonical)
        if path.is_file():
            return StoredPage(canonical, path.relative_to(self.root).as_posix(), "")
        return None

    def same_text(self, digest: str) -> StoredPage | None:
        """The stored entry whose main text has the fingerprint ``digest``, if any."""
        with self._lock:
            return self._by_hash.get(digest)

    def save(
        self,
        canonical: str,
        html: bytes,
        sidecar: dict[str, object],
        digest: str,
        entry_updated: str | None = None,
        *,
        from_feed: bool = False,
    ) -> Path:
        """Store one entry (sidecar, then page, each atomically) and note it in the ledger."""
        path = self.path_for(canonical)
        self.mark_pending()
        text = yaml.safe_dump(sidecar, sort_keys=False, allow_unicode=True, width=1000)
        write_atomically(path.with_suffix(".yaml"), text, make_parents=True)
        write_atomically(path, html)
        record = StoredPage(
            canonical, path.relative_to(self.root).as_posix(), digest, entry_updated, from_feed
        )
        self._note(record)
        return path

    def alias(self, canonical: str, record: StoredPage) -> None:
        """Remember that ``canonical`` leads to an entry already stored (a redirect, a copy)."""
        self._note(StoredPage(canonical, record.file, record.text_hash, record.entry_updated))

    def _note(self, record: StoredPage) -> None:
        line = json.dumps(asdict(record), ensure_ascii=False) + "\n"
        with self._lock:
            self.root.mkdir(parents=True, exist_ok=True)
            with open(self.root / LEDGER, "a", encoding="utf-8") as ledger:
                ledger.write(line)
            self._by_url[record.url] = record
            if record.text_hash:
                self._by_hash[record.text_hash] = record

    def mark_pending(self) -> None:
        """Note that pages were stored that the index has not taken in yet."""
        marker = self.root / PENDING
        if not marker.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            marker.touch()

    @property
    def pending(self) -> bool:
        """Whether pages were stored since the index last took them in."""
        return (self.root / PENDING).exists()

    def clear_pending(self) -> None:
        """Note that the index has taken in every stored page."""
        with contextlib.suppress(FileNotFoundError):
            (self.root / PENDING).unlink()
