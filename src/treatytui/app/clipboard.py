"""What the copy commands put on the clipboard: facts, quotes with citations, urls.

The app sends it with ``App.copy_to_clipboard`` (OSC 52), which works over SSH.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from treatytui.app.factlabels import fact_label
from treatytui.corpus.article import Article
from treatytui.facts.model import Fact
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from textual.app import App


def copy_and_confirm(app: App[object], text: str, what: str) -> None:
    """Put ``text`` on the clipboard (OSC 52, works over SSH) and confirm it."""
    app.copy_to_clipboard(text)
    first = one_line(text)
    shown = first if len(first) <= 60 else first[:59] + "…"
    app.notify(shown, title=f"Copied {what}")


def citation(article: Article) -> str:
    """``Title. Source, 27 Oct 2025. https://…`` (the parts that are known)."""
    parts = [one_line(article.title) or one_line(article.id)]
    where = ", ".join(
        part
        for part in (
            one_line(article.source or ""),
            f"{article.published.day} {article.published:%b %Y}" if article.published else "",
        )
        if part
    )
    if where:
        parts.append(where)
    if article.url:
        parts.append(one_line(article.url))
    return ". ".join(parts)


def quote_with_citation(quote: str, article: Article) -> str:
    """A quote on its own line, then the citation."""
    return f"“{one_line(quote)}”\n— {citation(article)}"


def fact_with_citation(fact: Fact, article: Article) -> str:
    """A fact's normalised value, its sentence, and the citation."""
    label = fact_label(fact)
    surface = one_line(fact.text)
    head = label if surface == label else f"{label} (“{surface}”)"
    sentence = one_line(fact.sentence) or surface
    return f"{head}\n“{sentence}”\n— {citation(article)}"
