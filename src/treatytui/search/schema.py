"""The Whoosh schema of the article index, and its version."""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from treatytui.search.analysis import PreAnalyzedText, name_analyzer, text_analyzer

# Bump whenever the schema, the analyzers or what is stored changes: an index with
# another version is rebuilt by itself on the next refresh.
SCHEMA_VERSION = 6

# Fields a query searches when it names none. The body's terms include the title's, so
# one field answers (twice as fast as two); title matches are boosted on the top hits.
DEFAULT_FIELDS = ("body",)
# Fields a user may name in a query (`venue:Kampala`), with the aliases accepted.
FIELD_ALIASES = {
    "author": "authors",
    "by": "authors",
    "date": "published",
    "org": "organization",
    "organisation": "organization",
    "place": "venue",
    "tag": "tags",
}
TITLE_BOOST = 3.0


def build_schema() -> Schema:
    """A fresh schema: searchable text, sortable dates, facet fields and stored payloads."""
    text = text_analyzer()
    names = name_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        title=TEXT(analyzer=text, stored=True, field_boost=TITLE_BOOST),
        # Indexed from terms analysed in the worker processes; the text itself is `text`.
        body=TEXT(analyzer=PreAnalyzedText()),
        text=STORED(),
        source=TEXT(analyzer=names, stored=True),
        authors=TEXT(analyzer=names, stored=True),
        url=STORED(),
        published=DATETIME(stored=True, sortable=True),
        tags=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        # Facets filled from the extracted facts.
        venue=TEXT(analyzer=names),
        person=TEXT(analyzer=names),
        organization=TEXT(analyzer=names),
        year=KEYWORD(commas=True),
        unit=KEYWORD(commas=True, lowercase=True),
        # Payloads the app shows without reading the article file.
        blocks=STORED(),
        facts=STORED(),
        meta=STORED(),
    )
