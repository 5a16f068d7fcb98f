"""How text becomes index terms, shared by the indexer, the query parser and highlighting.

Words are lower-cased, accent-folded (`António` → `antonio`, `Brasília` → `brasilia`,
`réunion` → `reunion`, `Hạ Long` → `ha long`, `Straße` → `strasse`) and stemmed (`signed`,
`signing` → `sign`). ``match_terms`` applies the same steps to find the query's words in a
stored text, so highlights agree with what the index matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

# Words too common to be worth a posting list. Deliberately short: "us", "may" and
# "will" are left in (the US, the month of May).
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "with",
    ]
)
# Apostrophes split words, so "Hanoi's" is found by "Hanoi"; one-letter pieces are dropped.
WORD_PATTERN = re.compile(r"\w+(?:\.\w+)*")
MIN_WORD = 2


def _folding_map() -> dict[int, str | None]:
    """Whoosh's ``accent_map`` made complete for the languages of treaty news.

    ``accent_map`` leaves out some letters of Vietnamese, French, German, Nordic and
    Turkish text and folds ß to a single s; here every Latin letter with marks folds to
    its base ("Hạ Long" → "ha long", "İstanbul" → "istanbul"), ligatures and ß spell
    out ("œuvre" → "oeuvre", "Straße" → "strasse"), and combining marks left by
    decomposed text or by lower-casing "İ" are dropped.
    """
    folding: dict[int, str | None] = {k: v for k, v in accent_map.items() if isinstance(v, str)}
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for code in range(start, end):
            if code in folding:
                continue
            base = "".join(
                c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c)
            )
            if base.isascii() and base.isalpha():
                folding[code] = base.lower()
    spelled = {"ß": "ss", "ẞ": "ss", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ĳ": "ij",
               "Ĳ": "ij", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st",
               "ﬆ": "st"}  # fmt: skip
    folding.update({ord(k): v for k, v in spelled.items()})
    for code in range(0x0300, 0x0370):  # combining diacritical marks
        folding[code] = None
    return folding


FOLDING = _folding_map()
"""Character → folded form (or None: dropped), for ``str.translate`` and ``CharsetFilter``."""


def text_analyzer() -> Analyzer:
    """The analyzer of the title and body fields: fold, stem, drop stop words."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(FOLDING)
        | StopFilter(stoplist=STOP_WORDS, minsize=MIN_WORD)
        | StemFilter(stemfn=stem, cachesize=100_000)
    )


def name_analyzer() -> Analyzer:
    """The analyzer of names (sources, venues, people): fold but never stem."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | CharsetFilter(FOLDING)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case and strip accents, as the analyzers do."""
    return word.lower().translate(FOLDING)


@lru_cache(maxsize=200_000)
def index_term(word: str) -> str:
    """The term the body field stores for a surface ``word`` ("" for a stop word)."""
    folded = fold(word)
    if folded in STOP_WORDS or len(folded) < MIN_WORD:
        return ""
    return stem(folded)


def index_terms(text: str) -> list[str]:
    """The body terms of ``text`` in order, as ``text_analyzer`` makes them."""
    return list(filter(None, map(index_term, WORD_PATTERN.findall(text))))


def match_terms(
    text: str, terms: frozenset[str], prefixes: tuple[str, ...] = ()
) -> Iterator[tuple[int, int]]:
    """Spans of the words of ``text`` whose index term is in ``terms``, in order.

    A word also matches when its folded form starts with one of ``prefixes``
    (the word being typed in search-as-you-type).
    """
    if not terms and not prefixes:
        return
    # Weigh each distinct word once, then find where the matching ones stand: a snippet
    # needs the few words that match, not a look at every word of the article.
    wanted = [
        word
        for word in set(WORD_PATTERN.findall(text))
        if index_term(word) in terms or (prefixes and fold(word).startswith(prefixes))
    ]
    spans: list[tuple[int, int]] = []
    for word in wanted:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if _starts_word(text, start) and _ends_word(text, end):
                spans.append((start, end))
            start = text.find(word, start + 1)
    yield from sorted(spans)


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


def _starts_word(text: str, start: int) -> bool:
    """True when ``WORD_PATTERN`` would start a word at ``start`` (not inside one, nor
    after a dot that joins it to the word before, as in "U.N")."""
    if start == 0:
        return True
    before = text[start - 1]
    if _is_word_character(before):
        return False
    return not (before == "." and start >= 2 and _is_word_character(text[start - 2]))


def _ends_word(text: str, end: int) -> bool:
    """True when a word of ``WORD_PATTERN`` would end at ``end``."""
    if end == len(text):
        return True
    after = text[end]
    if _is_word_character(after):
        return False
    return not (after == "." and end + 1 < len(text) and _is_word_character(text[end + 1]))
