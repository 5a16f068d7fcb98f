"""Which index terms a prefix, wildcard, fuzzy term or range of words stands for, within
a budget: at most ``MAX_EXPANSION`` terms, a bounded scan of the lexicon, the deadline.

Body and title terms are stems ("signing" → "sign"), so a prefix matches a stem when
some word that begins with the prefix has that stem: ``signin*`` finds "sign" (from
"signing"), ``kampal*`` never finds "kam" — no word that begins with "kampal" stems to it.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from functools import lru_cache

from whoosh.codec.base import Automata
from whoosh.lang.porter import stem
from whoosh.reading import IndexReader
from whoosh.support.levenshtein import levenshtein

from treatytui.search.limits import MAX_RANGE_TERMS, Deadline
from treatytui.search.results import QueryError
from treatytui.search.schema import STEMMED_FIELDS

# At most this many index terms stand in for one wildcard, prefix or fuzzy term.
MAX_EXPANSION = 8
# How many matching lexicon entries an expansion weighs before it settles for them.
MAX_SCAN = 5_000
# How many lexicon entries a wildcard may read looking for matches
# (about 0.2 s; the deadline stops it sooner on a slow machine).
MAX_READ = 50_000
# Check the deadline once per this many lexicon entries read.
_CHECK_EVERY = 2_048
# Endings English words take (Porter's stemmer removes these); a prefix may stop
# anywhere in one, so every tail of each counts as a way to finish the word.
_ENDINGS = (
    "s es ed d ing ings e er ers est y ies ied ly ally al als ally ness ment ments ion "
    "ions ation ations ational ization ize izes ized izing ise ised ises ising ive ivity "
    "ity ities able ible ance ence ant ent ism ist ists ful ous ic ical ate ates ated "
    "ating ator ators ship hood"
).split()
COMPLETIONS = tuple(sorted({ending[i:] for ending in _ENDINGS for i in range(len(ending))}))


def _text(term: bytes | str) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


@lru_cache(maxsize=4096)
def completion_stems(prefix: str) -> frozenset[str]:
    """The stems of the words made of ``prefix`` and an English ending ("signin" →
    "sign", from "signing"), shorter than ``prefix`` or not starting with it (those that
    do are found in the lexicon by the prefix itself)."""
    stems = {stem(prefix + ending) for ending in ("", *COMPLETIONS)}
    return frozenset(s for s in stems if s and not s.startswith(prefix))


def scan_lexicon(
    reader: IndexReader,
    field: str,
    prefix: str,
    deadline: Deadline,
    keep: Callable[[str], bool] | None = None,
    *,
    read: int = MAX_READ,
) -> dict[str, int]:
    """The terms of ``field`` that begin with ``prefix`` (and that ``keep`` accepts),
    with their document frequencies; at most ``read`` lexicon entries are read and
    ``MAX_SCAN`` terms kept.

    Each segment's lexicon is read on its own: Whoosh's merged view of several segments
    costs 150 µs an entry with its frequency (8 s for 55,000 terms), a segment's 3 µs.
    """
    counts: dict[str, int] = {}
    scanned = 0
    for leaf, _base in reader.leaf_readers():
        if keep is None:
            for term, info in leaf.iter_prefix(field, prefix):
                scanned += 1
                if scanned > read or len(counts) >= MAX_SCAN:
                    return counts
                if scanned % _CHECK_EVERY == 0:
                    deadline.check()
                text = _text(term)
                counts[text] = counts.get(text, 0) + info.doc_frequency()
            continue
        # Most entries fail ``keep``: read the terms alone (twice as fast), and the
        # frequencies of those kept.
        for term in leaf.expand_prefix(field, prefix):
            scanned += 1
            if scanned > read or len(counts) >= MAX_SCAN:
                return counts
            if scanned % _CHECK_EVERY == 0:
                deadline.check()
            text = _text(term)
            if keep(text):
                counts[text] = counts.get(text, 0) + leaf.doc_frequency(field, term)
    return counts


def most_frequent(counts: dict[str, int]) -> list[str]:
    """The ``MAX_EXPANSION`` terms of ``counts`` with the most documents (ties:
    alphabetical)."""
    ranked = sorted((-frequency, term) for term, frequency in counts.items() if frequency)
    return [term for _frequency, term in ranked[:MAX_EXPANSION]]


def prefix_terms(reader: IndexReader, field: str, prefix: str, deadline: Deadline) -> list[str]:
    """The most frequent terms of ``field`` that a word beginning with ``prefix`` has."""
    counts = scan_lexicon(reader, field, prefix, deadline, read=4 * MAX_SCAN)
    if field in STEMMED_FIELDS:
        for term in completion_stems(prefix) - counts.keys():
            counts[term] = reader.doc_frequency(field, term)
    return most_frequent(counts)


def _glob(pattern: str) -> re.Pattern[str]:
    # ``fnmatch`` translates ``*`` without catastrophic backtracking (atomic groups);
    # ``[`` is a literal in our query language, not a character class.
    return re.compile(fnmatch.translate(pattern.replace("[", "[[]")))


def wildcard_terms(reader: IndexReader, field: str, pattern: str, deadline: Deadline) -> list[str]:
    """The most frequent terms of ``field`` that the ``*``/``?`` ``pattern`` matches."""
    literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
    matches = _glob(pattern).match
    return most_frequent(
        scan_lexicon(reader, field, literal, deadline, lambda term: matches(term) is not None)
    )


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """The Levenshtein distance between ``a`` and ``b`` (Whoosh's); with ``limit``, any
    distance over it comes back as ``limit + 1``."""
    if limit is None:
        return levenshtein(a, b)
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    return min(levenshtein(a, b, limit), limit + 1)


def similar_terms(
    reader: IndexReader, field: str, text: str, maxdist: int, deadline: Deadline
) -> dict[str, int]:
    """Terms of ``field`` within ``maxdist`` edits of ``text`` that share its first
    letter, with their document frequencies (at most ``MAX_SCAN``).

    Whoosh's Levenshtein automaton is built once and walked over each segment's lexicon,
    skipping to the next term it can accept: 2-10 times sooner than reading every term
    with the first letter and measuring its distance (1-7 ms at 10,000 articles).
    """
    if not text:
        return {}
    automaton = Automata.levenshtein_dfa(text, maxdist, prefix=1)
    counts: dict[str, int] = {}
    for leaf, _base in reader.leaf_readers():
        deadline.check()
        for found, term in enumerate(Automata.find_matches(automaton, leaf.cursor(field))):
            if found % 64 == 63:
                deadline.check()
            word = _text(term)
            counts[word] = counts.get(word, 0) + leaf.doc_frequency(field, term)
            if len(counts) >= MAX_SCAN:
                return counts
    return counts


def range_terms(reader: IndexReader, node, deadline: Deadline) -> list[str]:
    """Every term of a range of words (Whoosh's ``TermRange``); QueryError when there
    are more than ``MAX_RANGE_TERMS``."""
    found = []
    for scanned, (_field, term) in enumerate(node.expanded_terms(reader)):
        if scanned >= MAX_RANGE_TERMS:
            start, end = node.start or "", node.end or ""
            raise QueryError(
                f"the range {start} to {end} covers more than {MAX_RANGE_TERMS} words — "
                "narrow it (ranges of dates: published:[2025-09 to 2025-10])"
            )
        if scanned % 16 == 15:
            deadline.check()
        found.append(_text(term))
    return found
