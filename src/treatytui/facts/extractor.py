"""Running every kind of fact extraction over an article, and shaping the results.

``extract`` builds the article's sentence index once, runs each kind's extractor, keeps
one fact where spans collide and returns the facts in text order. ``facets`` and
``article_facts_json`` give the indexer and the CLI the shapes they need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from treatytui.facts.counts import extract_counts
from treatytui.facts.dates import extract_dates
from treatytui.facts.model import FACT_KINDS, Fact
from treatytui.facts.organizations import extract_organizations
from treatytui.facts.people import extract_people
from treatytui.facts.sentences import SentenceIndex
from treatytui.facts.venues import extract_venues

if TYPE_CHECKING:
    from treatytui.corpus.article import Article

Extractor = Callable[["Article", SentenceIndex], list[Fact]]

EXTRACTORS: tuple[Extractor, ...] = (
    extract_dates,
    extract_counts,
    extract_venues,
    extract_people,
    extract_organizations,
)
"""Every kind's extractor, in the order their facts win a tie (equal spans)."""

_KIND_RANK = {kind: rank for rank, kind in enumerate(FACT_KINDS)}
_NAME_KINDS = frozenset({"venue", "person", "organization"})

FACET_FIELDS = ("venue", "year", "person", "organization", "unit")
"""The facet fields ``facets`` fills, in this order."""


def extract(article: Article) -> list[Fact]:
    """Every fact of ``article``, ordered by span (start, end, kind)."""
    sentences = SentenceIndex(article)
    found: list[Fact] = []
    for extractor in EXTRACTORS:
        found.extend(extractor(article, sentences))
    return sorted(resolve_overlaps(found), key=_span_order)


def _span_order(fact: Fact) -> tuple[int, int, int]:
    return (fact.start, fact.end, _KIND_RANK[fact.kind])


def resolve_overlaps(facts: Iterable[Fact]) -> list[Fact]:
    """Keep one fact where spans overlap: the longest, then the earlier kind in FACT_KINDS.

    So a number inside a date, a place inside an organisation's name ("Hanoi" in a
    "Hanoi People's Committee") or a month inside a person's name ("April" in "April
    Ndlovu") is dropped. Name kinds (venue, person, organisation) that cover the very same
    span are all kept: "UN Office at Nairobi" may be a venue and an organisation.
    """
    kept: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (f.start - f.end, _KIND_RANK[f.kind], f.start)):
        if all(_compatible(fact, other) for other in kept):
            kept.append(fact)
    return kept


def _compatible(fact: Fact, other: Fact) -> bool:
    if fact.end <= other.start or other.end <= fact.start:
        return True
    if fact.span == other.span and fact.kind != other.kind:
        return fact.kind in _NAME_KINDS and other.kind in _NAME_KINDS
    return False


def _date_years(fact: Fact) -> list[str]:
    years = []
    for key in ("date_from", "date_to"):
        value = fact.get(key)
        if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
            years.append(value[:4])
    if len(years) == 2:
        years = [str(y) for y in range(int(years[0]), int(years[1]) + 1)]
    return years


def facets(facts: Iterable[Fact]) -> dict[str, list[str]]:
    """Sorted unique facet values of ``facts``: venue, year, person, organization, unit.

    ``year`` holds every year a date fact covers; ``organization`` holds names and
    acronyms, so that both ``organization:UNODC`` and the full name match.
    """
    values: dict[str, set[str]] = {name: set() for name in FACET_FIELDS}
    for fact in facts:
        if fact.kind == "date":
            values["year"].update(_date_years(fact))
        elif fact.kind == "count":
            values["unit"].add(fact.get("unit") or "")
        elif fact.kind in ("venue", "person"):
            values[fact.kind].add(fact.get("name") or "")
        elif fact.kind == "organization":
            values["organization"].update((fact.get("name") or "", fact.get("acronym") or ""))
    return {name: sorted(v for v in found if v) for name, found in values.items()}


def article_facts_json(article: Article, facts: Iterable[Fact], path: str) -> dict[str, Any]:
    """The contract JSON object of one article's facts (DESIGN.md, section "Facts")."""
    return {
        "path": path,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "facts": [fact.to_dict() for fact in facts],
    }
