"""The article: what the corpus layer hands to the facts, search and app layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

BlockKind = Literal["title", "paragraph", "caption", "meta", "byline"]


@dataclass(frozen=True, slots=True)
class Block:
    """A run of the clean text with a role: ``text[start:end]`` is the block's text."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text (from YAML or inferred)."""

    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One article: metadata, the clean text the viewer shows, and its blocks.

    ``id`` is the path of the file within its collection folder (POSIX form);
    ``path`` is the absolute path of the source file; ``content_hash`` covers the
    file's bytes and its sidecar metadata, so an unchanged article is never re-processed.
    """

    id: str
    path: str
    text: str
    blocks: tuple[Block, ...] = ()
    title: str = ""
    source: str | None = None
    url: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    content_hash: str = ""
    warnings: tuple[str, ...] = field(default=())

    def block_text(self, block: Block) -> str:
        """The text of one of this article's blocks."""
        return self.text[block.start : block.end]

    def blocks_of(self, kind: BlockKind) -> tuple[Block, ...]:
        """This article's blocks of one kind, in order."""
        return tuple(b for b in self.blocks if b.kind == kind)
