"""From what the user typed to a Whoosh query: syntax, date ranges, bounded expansion.

The query language: words (all must match), ``OR``, ``NOT`` or ``-word``, "phrases",
fields (``title:``, ``source:``, ``venue:``, ``person:``, ``organization:``, ``year:``,
``tags:``), wildcards ``sign*``, fuzzy ``guterres~`` (``~2`` for two edits), and dates
``published:2025-10``, ``published:[2025-10-01 to 2025-10-31]``, ``published:>2025-09``.
While typing, the last word also matches as a prefix (``Kamp`` finds ``Kampala``).
Expansions of wildcards, prefixes and fuzzy terms are bounded to the most frequent terms,
so a two-letter prefix is as fast as a common word.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from whoosh import qparser, query
from whoosh.reading import IndexReader

from treatytui.search.analysis import STOP_WORDS, fold, index_term
from treatytui.search.results import QueryError
from treatytui.search.schema import DEFAULT_FIELDS, FIELD_ALIASES

# At most this many index terms stand in for one wildcard, prefix or fuzzy term.
MAX_EXPANSION = 8
# The word being typed expands to completions until they hold this many postings.
TYPED_POSTINGS = 12_000
# Expansions remembered per index version (the builder is made anew when it changes).
EXPANSION_CACHE = 1024
# How many lexicon entries a prefix scan may read before it settles for what it has.
MAX_SCAN = 5_000
MIN_STEM = 2

_DATE_CLAUSE = re.compile(r"(?<!\S)(?:published|date):(\[[^\]]*\]?|\S*)", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_FIELD_NAME = re.compile(r"(?<![\w\"])([A-Za-z_]+):(?!//)")
_NEGATION = re.compile(r"(?<![\w\"])-(?=[\w\"(])")
_PLAIN_WORD = re.compile(r"\w+$")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query ready to run, with what highlighting needs to know about it."""

    query: query.Query
    prefix: str | None = None
    is_everything: bool = False


def _date_bounds(value: str) -> tuple[datetime, datetime]:
    match = _DATE_VALUE.match(value.strip())
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return datetime(year, 1, 1), datetime(year, 12, 31, 23, 59, 59)
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return datetime(year, month, 1), datetime(year, month, last, 23, 59, 59)
    return datetime(year, month, day), datetime(year, month, day, 23, 59, 59)


def date_query(clause: str) -> query.Query:
    """``2025-10``, ``[2025-10-01 to 2025-10-31]``, ``>2025-09`` or ``<=2025`` as a range."""
    text = clause.strip()
    try:
        if text.startswith("["):
            if not text.endswith("]"):
                raise ValueError(text)
            parts = re.split(r"\s*\bto\b\s*", text[1:-1].strip(), flags=re.IGNORECASE)
            if len(parts) != 2:
                raise ValueError(text)
            start = _date_bounds(parts[0])[0] if parts[0].strip() else None
            end = _date_bounds(parts[1])[1] if parts[1].strip() else None
            return query.DateRange("published", start, end)
        for op in (">=", "<=", ">", "<"):
            if text.startswith(op):
                low, high = _date_bounds(text[len(op) :])
                if op.startswith(">"):
                    return query.DateRange(
                        "published", low if op == ">=" else high, None, startexcl=op == ">"
                    )
                return query.DateRange(
                    "published", None, high if op == "<=" else low, endexcl=op == "<"
                )
        low, high = _date_bounds(text)
        return query.DateRange("published", low, high)
    except ValueError:
        raise QueryError(
            f"published:{clause} is not a date — try published:2025-10 "
            "or published:[2025-10-01 to 2025-10-31]"
        ) from None


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """The Levenshtein distance between ``a`` and ``b``; with ``limit``, any distance over
    it comes back as ``limit + 1`` as soon as that is certain."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def similar_terms(reader: IndexReader, field: str, text: str, maxdist: int) -> list[str]:
    """Terms of ``field`` within ``maxdist`` edits of ``text`` that share its first letter."""
    found = []
    shortest, longest = len(text) - maxdist, len(text) + maxdist
    for scanned, term in enumerate(reader.expand_prefix(field, text[:1])):
        if scanned >= MAX_SCAN * 4:
            break
        word = term.decode("utf-8") if isinstance(term, bytes) else term
        if shortest <= len(word) <= longest and edit_distance(text, word, maxdist) <= maxdist:
            found.append(word)
    return found


class QueryBuilder:
    """Parses query strings against one schema; one per searcher."""

    def __init__(self, schema) -> None:
        self.schema = schema
        self.fields = set(schema.names())
        parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema, group=qparser.AndGroup)
        parser.add_plugin(qparser.FuzzyTermPlugin())
        aliases: dict[str, list[str]] = {}
        for alias, target in FIELD_ALIASES.items():
            aliases.setdefault(target, []).append(alias)
        parser.add_plugin(qparser.FieldAliasPlugin(aliases))
        self.parser = parser
        self._expansions: dict[tuple[object, ...], list[str]] = {}

    def _remembered(self, key: tuple[object, ...], compute: Callable[[], list[str]]) -> list[str]:
        """``compute()``, remembered under ``key`` (typing repeats the same expansions)."""
        found = self._expansions.get(key)
        if found is None:
            if len(self._expansions) >= EXPANSION_CACHE:
                self._expansions.clear()
            found = self._expansions[key] = compute()
        return found

    def parse(self, text: str, reader: IndexReader, *, as_you_type: bool = False) -> ParsedQuery:
        """The query for ``text``; raises QueryError with a short message when it has none."""
        stripped = text.strip()
        if not stripped or stripped == "*":
            return ParsedQuery(query.Every(), is_everything=True)
        if as_you_type and len(stripped) == 1 and stripped.isalnum():
            raise QueryError("keep typing: a word needs at least two letters")
        if stripped.count('"') % 2:
            raise QueryError('a phrase is missing its closing quote (")')
        self._check_fields(stripped)

        clauses: list[query.Query] = []

        def take_date(match: re.Match[str]) -> str:
            clauses.append(date_query(match.group(1)))
            return " "

        rest = _DATE_CLAUSE.sub(take_date, stripped)
        rest = _NEGATION.sub("NOT ", rest)

        prefix = None
        if as_you_type and not text[-1:].isspace():
            rest, prefix = self._split_typed_word(rest)

        if rest.strip():
            parsed = self.parser.parse(rest)
            if parsed is query.NullQuery:
                if not prefix and not clauses:
                    raise QueryError(self._why_empty(rest))
            else:
                clauses.append(self._bound(parsed, reader))
        if prefix:
            clauses.append(self._typed_word_query(prefix, reader))
        if not clauses:
            raise QueryError(self._why_empty(rest))
        combined = clauses[0] if len(clauses) == 1 else query.And(clauses)
        return ParsedQuery(combined.normalize(), prefix=fold(prefix) if prefix else None)

    def _check_fields(self, text: str) -> None:
        outside_quotes = re.sub(r'"[^"]*"', " ", text)
        for name in _FIELD_NAME.findall(outside_quotes):
            key = name.lower()
            if key in self.fields or key in FIELD_ALIASES or key in ("published", "date"):
                continue
            known = "title, source, authors, venue, person, organization, year, tags, published"
            raise QueryError(f"unknown field {name}: — fields are {known}")

    @staticmethod
    def _why_empty(text: str) -> str:
        words = [w for w in re.findall(r"\w+", text) if w.upper() not in _OPERATORS]
        if words and all(fold(w) in STOP_WORDS or len(w) < 2 for w in words):
            return "only very common words — add a more specific one"
        return "nothing to search for — check the operators and brackets"

    @staticmethod
    def _split_typed_word(text: str) -> tuple[str, str | None]:
        """Split off the word being typed when it is a plain word that may be a prefix."""
        if text.count("(") != text.count(")"):
            return text, None
        match = _PLAIN_WORD.search(text)
        if not match or len(match.group()) < 2:
            return text, None
        head = text[: match.start()]
        previous = head.split()[-1] if head.split() else ""
        if previous.upper() in _OPERATORS or head.endswith((":", "-", "~", "*")):
            return text, None
        if match.group().upper() in _OPERATORS:
            return text, None
        return head, match.group()

    def _typed_word_query(self, word: str, reader: IndexReader) -> query.Query:
        """The word being typed: itself, or the frequent words it begins."""
        options: list[query.Query] = []
        prefix = fold(word)
        expansions = self._remembered(
            ("prefix", prefix), lambda: self._expand_prefix(reader, prefix)
        )
        exact = index_term(word)
        candidates = sorted(
            {exact, *expansions} - {""},
            key=lambda term: reader.doc_frequency("body", term),
            reverse=True,
        )
        # While typing, results change at the next key: the most frequent completions
        # are enough, as long as scoring them stays quick.
        terms: set[str] = set()
        budget = TYPED_POSTINGS
        for term in candidates:
            frequency = reader.doc_frequency("body", term)
            if terms and frequency > budget:
                break
            terms.add(term)
            budget -= frequency
        for term in sorted(terms):
            for field in DEFAULT_FIELDS:
                options.append(query.Term(field, term))
        return query.Or(options) if options else query.NullQuery

    @staticmethod
    def _expand_prefix(reader: IndexReader, prefix: str) -> list[str]:
        """The most frequent body terms that ``prefix`` may be the start of.

        Terms are stems, so a word being typed may already be longer than its stem
        ("signin" → "sign"): stems that the prefix extends by up to three letters count.
        """
        found: list[tuple[int, str]] = []
        for scanned, (term, info) in enumerate(reader.iter_prefix("body", prefix)):
            if scanned >= MAX_SCAN:
                break
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            found.append((info.doc_frequency(), word))
        for cut in range(len(prefix) - 1, max(MIN_STEM, len(prefix) - 4), -1):
            frequency = reader.doc_frequency("body", prefix[:cut])
            if frequency:
                found.append((frequency, prefix[:cut]))
        found.sort(reverse=True)
        return [term for _frequency, term in found[:MAX_EXPANSION]]

    def _bound(self, node: query.Query, reader: IndexReader) -> query.Query:
        """Replace wildcard, prefix and fuzzy terms by their most frequent expansions."""
        if isinstance(node, query.Prefix | query.Wildcard | query.FuzzyTerm):
            return self._bounded_expansion(node, reader)
        return node.apply(lambda child: self._bound(child, reader))

    def _bounded_expansion(self, node: query.Query, reader: IndexReader) -> query.Query:
        field = node.fieldname
        if (
            isinstance(node, query.Wildcard)
            and len(node.text.replace("*", "").replace("?", "")) < 2
        ):
            raise QueryError(f"{node.text} is too broad — give at least two letters")
        if isinstance(node, query.Prefix) and field in DEFAULT_FIELDS:
            terms = self._remembered(
                ("prefix", node.text), lambda: self._expand_prefix(reader, node.text)
            )
        elif isinstance(node, query.FuzzyTerm):
            terms = self._remembered(
                ("fuzzy", field, node.text, node.maxdist),
                lambda: self._top_terms(
                    reader, field, similar_terms(reader, field, node.text, node.maxdist)
                ),
            )
        else:
            terms = self._remembered(
                ("expand", type(node).__name__, field, node.text),
                lambda: self._top_terms(reader, field, node._btexts(reader)),
            )
        if not terms:
            return query.Term(field, node.text)
        return query.Or([query.Term(field, t, boost=node.boost) for t in terms])

    @staticmethod
    def _top_terms(reader: IndexReader, field: str, candidates) -> list[str]:
        found: list[tuple[int, str]] = []
        for scanned, term in enumerate(candidates):
            if scanned >= MAX_SCAN:
                break
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            found.append((reader.doc_frequency(field, text), text))
        found.sort(reverse=True)
        return [t for _f, t in found[:MAX_EXPANSION]]
