"""Running every kind of fact extraction over an article, and shaping the results.

``extract`` builds the article's sentence index once, runs each kind's extractor, keeps
one fact where spans collide and returns the facts in text order. ``facets`` and
``article_facts_json`` give the indexer and the CLI the shapes they need.

The kinds' modules (and the patterns they compile) load on the first ``extract``, so that
importing this module stays cheap for code that only shapes stored facts.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from importlib import import_module

from treatytui.facts.model import FACT_KINDS, Fact

TYPE_CHECKING = False  # the idiom type checkers understand, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from treatytui.corpus.article import Article
    from treatytui.facts.sentences import SentenceIndex

    Extractor = Callable[[Article, SentenceIndex], list[Fact]]

_EXTRACTOR_HOMES = (
    ("treatytui.facts.dates", "extract_dates"),
    ("treatytui.facts.event_years", "extract_event_years"),
    ("treatytui.facts.counts", "extract_counts"),
    ("treatytui.facts.venues", "extract_venues"),
    ("treatytui.facts.people", "extract_people"),
    ("treatytui.facts.organizations", "extract_organizations"),
)


@cache
def extractors() -> tuple[Extractor, ...]:
    """Every kind's extractor, in the order their facts win a tie (equal spans)."""
    return tuple(getattr(import_module(module), name) for module, name in _EXTRACTOR_HOMES)


def __getattr__(name: str) -> object:
    """``EXTRACTORS``: the tuple ``extractors()`` returns, loaded on first use (PEP 562)."""
    if name == "EXTRACTORS":
        return extractors()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_KIND_RANK = {kind: rank for rank, kind in enumerate(FACT_KINDS)}
_NAME_KINDS = frozenset({"venue", "person", "organization"})

FACET_FIELDS = ("venue", "year", "person", "organization", "unit")
"""The facet fields ``facets`` fills, in this order."""


def extract(article: Article) -> list[Fact]:
    """Every fact of ``article``, ordered by span (start, end, kind)."""
    from treatytui.facts.language import contract_language
    from treatytui.facts.sentences import SentenceIndex

    sentences = SentenceIndex(article)
    found: list[Fact] = []
    for extractor in extractors():
        found.extend(extractor(article, sentences))
    lang = contract_language(sentences.language)
    kept = sorted(resolve_overlaps(_names_clear_of_days(found)), key=_span_order)
    for fact in kept:
        fact.attrs.setdefault("lang", lang)  # each extractor built its facts' attrs afresh
    return kept


def _span_order(fact: Fact) -> tuple[int, int, int]:
    return (fact.start, fact.end, _KIND_RANK[fact.kind])


def _names_clear_of_days(facts: list[Fact]) -> list[Fact]:
    """Without the names (venues, people, organisations) that run over a dated day: no
    name holds "June 30", so "Security Council on June 30" is the council and a date,
    not one organisation."""
    days = sorted(
        (f.start, f.end) for f in facts if f.kind == "date" and f.get("precision") == "day"
    )
    if not days:
        return facts
    starts = [start for start, _ in days]

    def over_a_day(fact: Fact) -> bool:
        # dates never overlap one another: the last to start before the name ends is the
        # one that reaches furthest
        i = bisect_left(starts, fact.end)
        return i > 0 and days[i - 1][1] > fact.start

    return [f for f in facts if f.kind not in _NAME_KINDS or not over_a_day(f)]


def resolve_overlaps(facts: Iterable[Fact]) -> list[Fact]:
    """Keep one fact where spans overlap: the longest, then the earlier kind in FACT_KINDS.

    So a number inside a date, a place inside an organisation's name ("Hanoi" in a
    "Hanoi People's Committee") or a month inside a person's name ("April" in "April
    Ndlovu") is dropped. Name kinds (venue, person, organisation) that cover the very same
    span are all kept: "UN Office at Nairobi" may be a venue and an organisation.
    """
    kept: list[Fact] = []
    # The kept facts by start: they never overlap one another (only facts with the very
    # same span share text), so their ends rise with their starts, and the ones a new fact
    # overlaps are the last few that start before it ends.
    starts: list[int] = []
    ends: list[int] = []
    by_start: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (f.start - f.end, _KIND_RANK[f.kind], f.start)):
        i = bisect_left(starts, fact.end)
        j = i - 1
        while j >= 0 and ends[j] > fact.start:
            if not _compatible(fact, by_start[j]):
                break
            j -= 1
        else:
            kept.append(fact)
            starts.insert(i, fact.start)
            ends.insert(i, fact.end)
            by_start.insert(i, fact)
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
