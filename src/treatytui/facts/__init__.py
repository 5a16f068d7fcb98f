"""Facts: dates, venues, counts, people and organisations found in an article.

Pure Python: this package never imports Whoosh or Textual. Importing it is cheap; the
extractors (and the gazetteer they read) load on first use::

    from treatytui.facts import extract, Fact
"""

from __future__ import annotations

from treatytui.lazy import lazy_exports

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


__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals())
