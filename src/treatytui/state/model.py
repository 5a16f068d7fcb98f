"""The plain values of the reading state: which article, what was done with it, saved
searches, and the errors, for the user."""

from __future__ import annotations

from dataclasses import dataclass

NAME_LIMIT = 64
"""Characters of a saved search's name."""


class StateError(RuntimeError):
    """The reading state cannot be used; the message says why, for the user."""


class StateBusy(StateError):
    """Another process held the database longer than the busy timeout."""


class StateUnavailable(StateError):
    """The database cannot be created, opened or (when read-only) changed."""


@dataclass(frozen=True, slots=True)
class ArticleKey:
    """Which article: its id (path within its collection folder) and its content hash."""

    id: str
    hash: str = ""


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What one user has done with one article."""

    id: str
    hash: str = ""
    read_at: float | None = None
    starred_at: float | None = None
    note: str = ""

    @property
    def read(self) -> bool:
        return self.read_at is not None

    @property
    def starred(self) -> bool:
        return self.starred_at is not None


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A query kept under a name."""

    name: str
    query: str
    saved_at: float


def normal_query(text: str) -> str:
    """A query as history keeps it: white space collapsed (so ``a  b`` and ``a b`` are one)."""
    return " ".join(text.split())


def clean_name(name: str) -> str:
    """A saved search's name with its white space collapsed; ``ValueError`` when empty,
    too long or holding control characters."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a saved search needs a name")
    if len(name) > NAME_LIMIT:
        raise ValueError(f"a saved search's name has at most {NAME_LIMIT} characters")
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name):
        raise ValueError("a saved search's name cannot hold control characters")
    return name
