"""The Whoosh schema of the article index, and its version."""

from __future__ import annotations

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from treatytui.search.analysis import name_analyzer, text_analyzer
from treatytui.search.engine import counted_postings

# Bump whenever the schema, the analyzers or what is stored changes: an index with
# another version is rebuilt by itself on the next refresh.
SCHEMA_VERSION = 9

# Fields a query searches when it names none. The body's terms include the title's, so
# one field answers (twice as fast as two); title matches are boosted on the top hits.
DEFAULT_FIELDS = ("body",)
# The fields a query may name (`venue:Kampala`), in the order error messages list them.
NAMED_FIELDS = (
    "title",
    "source",
    "authors",
    "venue",
    "person",
    "organization",
    "year",
    "unit",
    "tags",
    "published",
)
# Other names accepted for them.
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
# Fields analysed by the text analyzer: their terms are stems ("signing" → "sign").
STEMMED_FIELDS = frozenset({"body", "title"})
# Fields whose phrases are matched in a per-document column of their terms' codes in
# order (``sequences``) rather than through word positions.
SEQUENCE_COLUMNS = {"body": "body_sequence"}


class CountedText(TEXT):
    """A text field that also takes its terms already counted, as (term, frequency)
    pairs: analysis is most of the cost of indexing, and this way it runs in the worker
    processes that load the articles while the single Whoosh writer only records
    postings. Queries are analysed as usual."""

    def index(self, value, **kwargs):
        if isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        yield from counted_postings(self.format, value)


def build_schema() -> Schema:
    """A fresh schema: searchable text, sortable dates, facet fields and stored payloads."""
    text = text_analyzer()
    names = name_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        title=TEXT(analyzer=text, stored=True, field_boost=TITLE_BOOST),
        # Indexed from terms counted in the worker processes; the text itself is `text`.
        # Frequencies only: phrases are found in `body_sequence`, which is far quicker
        # than Whoosh's positions for words that many articles hold.
        body=CountedText(analyzer=text, phrase=False),
        body_sequence=COLUMN(VarBytesColumn()),
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
