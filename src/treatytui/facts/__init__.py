"""Facts: dates, venues, participant counts, people and organisations found in an article.

Pure Python: this package never imports Whoosh or Textual. Importing it is cheap; the
extractors (and the gazetteer they read) load on first use::

    from treatytui.facts import extract, Fact
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # the idiom type checkers understand, without importing typing
if TYPE_CHECKING:
    from treatytui.facts.extractor import article_facts_json, extract, facets
    from treatytui.facts.model import FACT_KINDS, Fact

__all__ = ["FACT_KINDS", "Fact", "article_facts_json", "extract", "facets"]

_HOMES = {
    "Fact": "treatytui.facts.model",
    "FACT_KINDS": "treatytui.facts.model",
    "extract": "treatytui.facts.extractor",
    "facets": "treatytui.facts.extractor",
    "article_facts_json": "treatytui.facts.extractor",
}


def __getattr__(name: str) -> object:
    """Import a public name's module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
