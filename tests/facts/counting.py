"""The count facts of a one-paragraph text, each checked to slice to its own text."""

from __future__ import annotations

from treatytui.corpus.article import Article
from treatytui.facts.counts import extract_counts
from treatytui.facts.model import Fact
from treatytui.facts.sentences import SentenceIndex


def count_facts(text: str) -> list[Fact]:
    """The counts ``extract_counts`` finds in ``text`` (an article of that text alone)."""
    article = Article(id="t.txt", path="/tmp/t.txt", text=text, title="")
    facts = extract_counts(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return facts
