"""Turning an article and its facts into an index document, and a stored document back."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from treatytui.corpus.article import Article, Block
from treatytui.facts.model import Fact
from treatytui.search.analysis import index_terms
from treatytui.search.sequences import encode_terms


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """An article as the index stores it: metadata, clean text, blocks and facts."""

    article: Article
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """An article's facts with just enough about the article to cite it."""

    id: str
    title: str
    source: str | None
    published: date | None
    url: str | None
    facts: tuple[Fact, ...]


def _join(values: list[str] | tuple[str, ...]) -> str:
    return ", ".join(v.replace(",", " ") for v in values)


def body_terms(article: Article) -> list[str]:
    """The body field's terms: the text's, after the title's when the text lacks it."""
    return _body_terms(article.text, article.title)


def stored_body_terms(fields: dict[str, Any]) -> list[str]:
    """The body field's terms of a stored document, in order."""
    return _body_terms(fields.get("text", ""), fields.get("title", ""))


def _body_terms(text: str, title: str) -> list[str]:
    terms = index_terms(text)
    if title and title not in text:
        terms = index_terms(title) + terms
    return terms


# The body's terms are counted and encoded this many characters at a time, so that a very
# long text never holds all its terms at once (a 20 MB file has some 3 million).
_TERMS_CHUNK = 256 * 1024


def _text_chunks(text: str) -> Iterator[str]:
    """``text`` in pieces of about ``_TERMS_CHUNK`` characters, cut at white space (where
    no word can be cut in two)."""
    start = 0
    while start < len(text):
        end = start + _TERMS_CHUNK
        if end < len(text):
            space = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = space if space > start else end
        yield text[start:end]
        start = end


def body_columns(article: Article) -> tuple[list[tuple[str, int]], bytes]:
    """The body field's term counts and its terms in order (as :func:`body_terms`, with
    the memory of one piece of the text's terms at a time)."""
    counts: Counter[str] = Counter()
    sequence = bytearray()
    pieces = _text_chunks(article.text)
    if article.title and article.title not in article.text:
        pieces = itertools.chain([article.title], pieces)
    for piece in pieces:
        terms = index_terms(piece)
        counts.update(terms)
        sequence += encode_terms(terms)
    return list(counts.items()), bytes(sequence)


def article_document(
    article: Article, facts: list[Fact], facets: dict[str, list[str]]
) -> dict[str, Any]:
    """The Whoosh fields of one article (plain, picklable data)."""
    published = article.published
    counted, sequence = body_columns(article)
    doc: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "body": counted,
        "body_sequence": sequence,
        "text": article.text,
        "source": article.source or "",
        "authors": " ; ".join(article.authors),
        "url": article.url,
        "tags": _join(article.tags),
        "venue": " ; ".join(facets.get("venue", [])),
        "person": " ; ".join(facets.get("person", [])),
        "organization": " ; ".join(facets.get("organization", [])),
        "year": _join(facets.get("year", [])),
        "unit": _join(facets.get("unit", [])),
        "blocks": [(b.kind, b.start, b.end) for b in article.blocks],
        "facts": json.dumps([f.to_dict() for f in facts], ensure_ascii=False),
        "meta": {
            "authors": list(article.authors),
            "tags": list(article.tags),
            "hash": article.content_hash,
            "warnings": list(article.warnings),
        },
    }
    if published is not None:
        doc["published"] = datetime(published.year, published.month, published.day)
    return {k: v for k, v in doc.items() if v not in ("", None)}


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def stored_article(fields: dict[str, Any]) -> IndexedArticle:
    """Rebuild the article and its facts from a document's stored fields."""
    meta = fields.get("meta") or {}
    article = Article(
        id=fields["id"],
        path=fields.get("path", ""),
        text=fields.get("text", ""),
        blocks=tuple(Block(kind, start, end) for kind, start, end in fields.get("blocks", ())),
        title=fields.get("title", ""),
        source=fields.get("source") or None,
        url=fields.get("url"),
        published=_as_date(fields.get("published")),
        authors=tuple(meta.get("authors", ())),
        tags=tuple(meta.get("tags", ())),
        content_hash=meta.get("hash", ""),
        warnings=tuple(meta.get("warnings", ())),
    )
    facts = tuple(Fact.from_dict(d) for d in json.loads(fields.get("facts") or "[]"))
    return IndexedArticle(article=article, facts=facts)


def stored_facts(fields: dict[str, Any], kinds: Collection[str] | None = None) -> ArticleFacts:
    """An article's facts (of ``kinds``, or all) and citation details from its stored
    fields, without its text."""
    facts = json.loads(fields.get("facts") or "[]")
    if kinds is not None:
        facts = [d for d in facts if d.get("kind") in kinds]
    return ArticleFacts(
        id=fields["id"],
        title=fields.get("title", ""),
        source=fields.get("source") or None,
        published=_as_date(fields.get("published")),
        url=fields.get("url"),
        facts=tuple(Fact.from_dict(d) for d in facts),
    )


def storable(text: str) -> str:
    """``text`` as valid Unicode: the undecodable bytes of a file name (which Python keeps
    as lone surrogates) become ``\\xNN``, so the name can be stored, shown and compared."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")
    return text


def _only_escapes(text: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def storable_fields(value: Any) -> Any:
    """``value`` (a document's fields) with every string made :func:`storable`."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {key: storable_fields(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(storable_fields(item) for item in value)
    return value
