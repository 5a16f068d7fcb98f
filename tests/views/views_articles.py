"""Facts of the test articles, extracted without an index, and hand-made facts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from treatytui.config import seeds_dir
from treatytui.corpus.loading import load_article
from treatytui.facts import extract
from treatytui.facts.model import Fact
from treatytui.search.documents import ArticleFacts

# Two more articles on the Hanoi signing: a disagreeing figure (68 countries on 25 October
# where two others say 72) and the same events (25 October, 25-26 October) reported again.
EVENTS_DIR = Path(__file__).resolve().parents[1] / "data" / "events"


def article_facts(paths: list[Path]) -> list[ArticleFacts]:
    """The facts of article files, as ``Searcher.iter_facts`` gives them."""
    result = []
    for path in paths:
        article = load_article(path)
        result.append(
            ArticleFacts(
                article.id,
                article.title,
                article.source,
                article.published,
                article.url,
                tuple(extract(article)),
            )
        )
    return result


def load_test_articles(collection_dir: Path) -> list[ArticleFacts]:
    """The seeds, the shared test collection and the events articles."""
    paths = [
        *sorted(seeds_dir().glob("*.txt")),
        *sorted(p for p in collection_dir.rglob("*") if p.is_file()),
        *sorted(EVENTS_DIR.glob("*.md")),
    ]
    return article_facts(paths)


def fact(kind: str, text: str, sentence: str, start: int = 0, **attrs: Any) -> Fact:
    """A hand-made fact (``text`` is located in ``sentence`` when ``start`` is 0)."""
    start = start or max(0, sentence.find(text))
    return Fact(kind, text, start, start + len(text), sentence, attrs)  # type: ignore[arg-type]


def dated(text: str, sentence: str, day: str, to: str | None = None, precision: str = "day"):
    """A date fact."""
    return fact("date", text, sentence, date_from=day, date_to=to, precision=precision)


def venue(name: str, sentence: str) -> Fact:
    """A venue fact."""
    return fact("venue", name, sentence, name=name)


def count(text: str, sentence: str, value: int, unit: str, qualifier: str = "exact") -> Fact:
    """A count fact."""
    return fact("count", text, sentence, value=value, qualifier=qualifier, unit=unit)


def article(
    article_id: str, *facts: Fact, published: date | None = None, source: str = "Wire"
) -> ArticleFacts:
    """An article of hand-made facts."""
    return ArticleFacts(article_id, f"Title {article_id}", source, published, None, facts)
