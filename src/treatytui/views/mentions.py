"""Where a view's row comes from: an article, a span of its text, and the sentence around it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from treatytui.search.viewrows import locate
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.facts.model import Fact
    from treatytui.search.documents import ArticleFacts

LABEL_WIDTH = 100


class Mention(NamedTuple):
    """One article stating a fact: enough to cite it and to open it at the sentence.

    A named tuple rather than a frozen dataclass: a timeline holds one per dated fact of
    the collection, and a tuple is built five times faster.
    """

    article_id: str
    title: str
    source: str | None
    published: date | None
    url: str | None
    start: int
    end: int
    text: str
    sentence: str

    @property
    def span(self) -> tuple[int, int]:
        """The fact's (start, end) offsets in the article's clean text."""
        return (self.start, self.end)

    @property
    def citation(self) -> str:
        """``Source · 2025-10-27 · Title`` on one line (parts that are known)."""
        parts = (
            one_line(self.source or ""),
            self.published.isoformat() if self.published else "",
            one_line(self.title) or self.article_id,
        )
        return " · ".join(part for part in parts if part)


def mention(article: ArticleFacts, fact: Fact) -> Mention:
    """The mention of ``fact`` in ``article``."""
    return Mention(
        article_id=article.id,
        title=article.title,
        source=article.source,
        published=article.published,
        url=article.url,
        start=fact.start,
        end=fact.end,
        text=fact.text,
        sentence=fact.sentence,
    )


def trim_around(sentence: str, text: str, width: int = LABEL_WIDTH) -> str:
    """``sentence`` on one line, cut to about ``width`` characters around ``text``."""
    line, needle = one_line(sentence), one_line(text)
    if len(line) <= width:
        return line
    start, end = locate(line, needle)
    room = max(0, width - (end - start))
    left = max(0, start - room * 2 // 5)
    right = min(len(line), end + room - (start - left))
    left = max(0, min(left, right - width))
    if left > 0:
        cut = line.find(" ", left, start) if start > left else -1
        left = cut + 1 if cut >= 0 else left
    if right < len(line):
        cut = line.rfind(" ", end, right)
        right = cut if cut > end else right
    piece = line[left:right].strip()
    return ("…" if left > 0 else "") + piece + ("…" if right < len(line) else "")
