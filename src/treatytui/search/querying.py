"""From what the user typed to a Whoosh query: syntax, date ranges, bounded expansion.

The query language: words (all must match), ``OR``, ``NOT`` or ``-word``, "phrases",
fields (``title:``, ``source:``, ``venue:``, ``person:``, ``organization:``, ``year:``,
``tags:``), wildcards ``sign*``, fuzzy ``guterres~`` (``~2`` for two edits), and dates
``published:2025-10``, ``published:[2025-10-01 to 2025-10-31]``, ``published:>2025-09``.
While typing, the last word also matches as a prefix (``Kamp`` finds ``Kampala``).

The language is total: any text either becomes a query that runs within the limits of
``limits`` or raises ``QueryError`` with a short message. Expansions of wildcards,
prefixes, fuzzy terms and ranges are bounded (``expansion``), so a two-letter prefix is
as fast as a common word.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from whoosh import qparser, query
from whoosh.reading import IndexReader

from treatytui.search.analysis import STOP_WORDS, fold, index_term
from treatytui.search.expansion import (
    most_frequent,
    prefix_terms,
    range_terms,
    similar_terms,
    wildcard_terms,
)
from treatytui.search.limits import (
    MAX_BOOST,
    MAX_DEPTH,
    MAX_FUZZY_EDITS,
    MAX_PATTERN_CHARS,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    NO_DEADLINE,
    Deadline,
)
from treatytui.search.results import QueryError
from treatytui.search.schema import (
    DEFAULT_FIELDS,
    FIELD_ALIASES,
    NAMED_FIELDS,
    SEQUENCE_COLUMNS,
)

# The word being typed expands to completions until they hold this many postings.
TYPED_POSTINGS = 12_000
# Expansions remembered per index version (the builder is made anew when it changes).
EXPANSION_CACHE = 1024
_DATE_CLAUSE = re.compile(r"(?<!\S)(?:published|date):(\[[^\]]*\]?|\S*)", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
# A field name as Whoosh's parser reads one (``\w+:``), at the start of a word.
_FIELD_NAME = re.compile(r"(?<!\w)(\w+):(?!//)")
_LETTERS = re.compile(r"[A-Za-z_]+")
_NEGATION = re.compile(r"(?<![\w\"])-(?=[\w\"(])")
_PLAIN_WORD = re.compile(r"\w+$")
_PHRASE = re.compile(r'"[^"]*"')
_LONE_STAR = re.compile(r"(?<!\S)\*(?!\S)")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
# Control and format characters, and lone surrogates: never part of a word.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs"})
# What Whoosh's parser raises on some operator sequences (``NOT AND x``: IndexError;
# ``a ANDNOT ANDNOT b``: a failed assertion).
_PARSER_FAILURES = (
    AssertionError,
    AttributeError,
    IndexError,
    KeyError,
    RecursionError,
    TypeError,
)


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


# A term no index holds: what an expansion that found nothing stands for.
NOTHING = "\x00"


def visible(text: str) -> str:
    """``text`` with control and format characters (and lone surrogates) as spaces."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(" " if unicodedata.category(char) in _INVISIBLE else char for char in text)


def bracket_depth(text: str) -> int:
    """How deep brackets nest in ``text`` (outside phrases)."""
    depth = deepest = 0
    for char in _PHRASE.sub(" ", text):
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")" and depth:
            depth -= 1
    return deepest


class QueryBuilder:
    """Parses query strings against one schema; one per searcher."""

    def __init__(self, schema) -> None:
        self.schema = schema
        # Only fields with postings can be searched (``text``, ``url``, ``facts`` … are
        # stored only: Whoosh's parser raises on them).
        self.searchable = frozenset(
            name for name, field in schema.items() if field.format is not None
        )
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

    def parse(
        self,
        text: str,
        reader: IndexReader,
        *,
        as_you_type: bool = False,
        deadline: Deadline = NO_DEADLINE,
    ) -> ParsedQuery:
        """The query for ``text``; raises QueryError with a short message when it has none
        (or when it asks for more than the limits allow)."""
        stripped = visible(text).strip()
        if not stripped or stripped == "*":
            return ParsedQuery(query.Every(), is_everything=True)
        self._check_size(stripped)
        if as_you_type and len(stripped) == 1 and stripped.isalnum():
            raise QueryError("keep typing: a word needs at least two letters")
        if stripped.count('"') % 2:
            raise QueryError('a phrase is missing its closing quote (")')
        if bracket_depth(stripped) > MAX_DEPTH:
            raise QueryError(f"too many brackets inside brackets — at most {MAX_DEPTH} levels")

        clauses: list[query.Query] = []

        def take_date(match: re.Match[str]) -> str:
            clauses.append(date_query(match.group(1)))
            return " "

        rest = _DATE_CLAUSE.sub(take_date, self._named_fields(stripped))
        rest = _NEGATION.sub("NOT ", rest)
        rest = _LONE_STAR.sub(" ", rest)  # ``hanoi *`` is hanoi (Whoosh: everything)
        if not rest.strip() and not clauses:
            return ParsedQuery(query.Every(), is_everything=True)

        prefix = None
        if as_you_type and not text[-1:].isspace():
            rest, prefix = self._split_typed_word(rest)

        if rest.strip():
            try:
                parsed = self.parser.parse(rest)
            except _PARSER_FAILURES:
                raise QueryError(
                    "cannot read this query — check its operators (AND, OR, NOT) and brackets"
                ) from None
            if parsed is query.NullQuery:
                if not prefix and not clauses:
                    raise QueryError(self._why_empty(rest))
            else:
                clauses.append(self._bound(parsed, reader, deadline, [0]))
        if prefix:
            clauses.append(self._typed_word_query(prefix, reader, deadline))
        if not clauses:
            raise QueryError(self._why_empty(rest))
        combined = clauses[0] if len(clauses) == 1 else query.And(clauses)
        return ParsedQuery(combined.normalize(), prefix=fold(prefix) if prefix else None)

    @staticmethod
    def _check_size(text: str) -> None:
        if len(text) > MAX_QUERY_CHARS:
            raise QueryError(f"the query is too long — at most {MAX_QUERY_CHARS:,} characters")
        if len(text.split()) > 2 * MAX_TERMS:
            raise QueryError(f"too many words — at most {MAX_TERMS} in one query")

    def _named_fields(self, text: str) -> str:
        """``text`` with its field names lower-cased (``Title:`` is ``title:``); a name
        that is not a field raises QueryError, and what cannot be a name is a word."""

        def field(match: re.Match[str]) -> str:
            written = match.group(1)
            key = written.lower()
            if FIELD_ALIASES.get(key, key) in self.searchable:
                return f"{key}:"
            if _LETTERS.fullmatch(written):
                raise QueryError(f"no field '{written}' — fields: {', '.join(NAMED_FIELDS)}")
            return f"{written} "

        parts = re.split(r'("[^"]*")', text)
        return "".join(part if part[:1] == '"' else _FIELD_NAME.sub(field, part) for part in parts)

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
        if not match or not 2 <= len(match.group()) <= MAX_PATTERN_CHARS:
            return text, None
        head = text[: match.start()]
        previous = head.split()[-1] if head.split() else ""
        if previous.upper() in _OPERATORS or head.endswith((":", "-", "~", "*", "^")):
            return text, None
        if match.group().upper() in _OPERATORS:
            return text, None
        return head, match.group()

    def _typed_word_query(self, word: str, reader: IndexReader, deadline: Deadline) -> query.Query:
        """The word being typed: itself, or the frequent words that begin with it."""
        options: list[query.Query] = []
        prefix = fold(word)
        field = DEFAULT_FIELDS[0]
        expansions = self._remembered(
            ("prefix", field, prefix), lambda: prefix_terms(reader, field, prefix, deadline)
        )
        exact = index_term(word)
        candidates = sorted(
            {exact, *expansions} - {""},
            key=lambda term: reader.doc_frequency(field, term),
            reverse=True,
        )
        # While typing, results change at the next key: the most frequent completions
        # are enough, as long as scoring them stays quick. (The budget narrows the
        # completions; it never shortens the prefix.)
        terms: set[str] = set()
        budget = TYPED_POSTINGS
        for term in candidates:
            frequency = reader.doc_frequency(field, term)
            if terms and frequency > budget:
                break
            terms.add(term)
            budget -= frequency
        for term in sorted(terms):
            for name in DEFAULT_FIELDS:
                options.append(query.Term(name, term))
        return query.Or(options) if options else query.NullQuery

    # -- bounding the parsed query ------------------------------------------------------
    def _bound(
        self, node: query.Query, reader: IndexReader, deadline: Deadline, counted: list[int]
    ) -> query.Query:
        """Check ``node``'s fields, count its terms, bound its boosts, and replace
        wildcard, prefix, fuzzy and range terms by their most frequent expansions."""
        deadline.check()
        field = getattr(node, "fieldname", None)
        if field is not None and field not in self.searchable:
            raise QueryError(f"no field '{field}' — fields: {', '.join(NAMED_FIELDS)}")
        if getattr(node, "boost", 1.0) > MAX_BOOST:
            node.boost = MAX_BOOST
        if isinstance(node, query.Every):
            return query.Every()
        if isinstance(node, query.Phrase):
            self._count(counted, len(node.words))
            return self._phrase(node)
        if isinstance(node, query.Prefix | query.Wildcard | query.FuzzyTerm | query.TermRange):
            self._count(counted, 1)
            return self._bounded_expansion(node, reader, deadline)
        if isinstance(node, query.Term | query.NumericRange):
            self._count(counted, 1)
            return node
        return node.apply(lambda child: self._bound(child, reader, deadline, counted))

    @staticmethod
    def _count(counted: list[int], more: int) -> None:
        counted[0] += more
        if counted[0] > MAX_TERMS:
            raise QueryError(f"too many words — at most {MAX_TERMS} in one query")

    def _phrase(self, node: query.Phrase) -> query.Query:
        """A phrase; in a field that keeps no word order (``tags``, ``year``), its words."""
        field = node.fieldname
        if field in SEQUENCE_COLUMNS or self.schema[field].format.supports("positions"):
            return node
        return query.And([query.Term(field, word, boost=node.boost) for word in node.words])

    def _bounded_expansion(
        self, node: query.Query, reader: IndexReader, deadline: Deadline
    ) -> query.Query:
        field = node.fieldname
        if isinstance(node, query.TermRange):
            terms = range_terms(reader, node, deadline)
            return query.Or([query.Term(field, t, boost=node.boost) for t in terms or [NOTHING]])
        text = node.text
        if isinstance(node, query.Wildcard):
            if len(text.replace("*", "").replace("?", "")) < 2:
                raise QueryError(f"{text} is too broad — give at least two letters")
            if len(text) > MAX_PATTERN_CHARS:
                raise QueryError(f"a wildcard may be at most {MAX_PATTERN_CHARS} characters")
            terms = self._remembered(
                ("wildcard", field, text), lambda: wildcard_terms(reader, field, text, deadline)
            )
        elif isinstance(node, query.Prefix):
            if len(text) > MAX_PATTERN_CHARS:
                return query.Term(field, text, boost=node.boost)
            terms = self._remembered(
                ("prefix", field, text), lambda: prefix_terms(reader, field, text, deadline)
            )
        else:
            terms = self._fuzzy_terms(node, reader, deadline)
        if not terms:
            return query.Term(field, text, boost=node.boost)
        return query.Or([query.Term(field, t, boost=node.boost) for t in terms])

    def _fuzzy_terms(
        self, node: query.FuzzyTerm, reader: IndexReader, deadline: Deadline
    ) -> list[str]:
        field, text, edits = node.fieldname, node.text, node.maxdist
        if edits > MAX_FUZZY_EDITS:
            raise QueryError(
                f"{text}~{edits} is too loose — at most ~{MAX_FUZZY_EDITS} (letters off)"
            )
        if len(text) > MAX_PATTERN_CHARS:
            raise QueryError(f"a fuzzy word may be at most {MAX_PATTERN_CHARS} letters")
        if edits < 1:
            return [text]
        return self._remembered(
            ("fuzzy", field, text, edits),
            lambda: most_frequent(similar_terms(reader, field, text, edits, deadline)),
        )
