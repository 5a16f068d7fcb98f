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

from whoosh.lang.porter import stem
from whoosh.reading import IndexReader

from treatytui.search.limits import MAX_RANGE_TERMS, Deadline
from treatytui.search.results import QueryError

# At most this many index terms stand in for one wildcard, prefix or fuzzy term.
MAX_EXPANSION = 8
# How many matching lexicon entries an expansion weighs before it settles for them.
MAX_SCAN = 5_000
# How many lexicon entries a wildcard or fuzzy term may read looking for matches
# (about 0.2 s; the deadline stops it sooner on a slow machine).
MAX_READ = 50_000
# Check the deadline once per this many lexicon entries read.
_CHECK_EVERY = 2_048
# Fields whose terms are stems (the text analyzer's).
STEMMED_FIELDS = frozenset({"body", "title"})
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


def similar_terms(
    reader: IndexReader,
    field: str,
    text: str,
    maxdist: int,
    deadline: Deadline,
    *,
    read: int = MAX_READ,
) -> dict[str, int]:
    """Terms of ``field`` within ``maxdist`` edits of ``text`` that share its first
    letter, with their document frequencies, reading at most ``read`` lexicon entries."""
    shortest, longest = len(text) - maxdist, len(text) + maxdist

    def near(word: str) -> bool:
        return shortest <= len(word) <= longest and edit_distance(text, word, maxdist) <= maxdist

    return scan_lexicon(reader, field, text[:1], deadline, near, read=read)


def range_terms(reader: IndexReader, node, deadline: Deadline) -> list[str]:
    """Every term of a range of words (Whoosh's ``TermRange``); QueryError when there
    are more than ``MAX_RANGE_TERMS``."""
    found = []
    for scanned, term in enumerate(node._btexts(reader)):
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
