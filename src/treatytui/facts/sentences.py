"""Splitting an article's clean text into sentences with their offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from treatytui.corpus.calendar_names import ENGLISH_MONTHS, GERMAN_MONTHS
from treatytui.facts.language import detect_language

if TYPE_CHECKING:
    from treatytui.corpus.article import Article


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATION_WORDS = """
mr mrs ms dr prof gen lt col maj capt sgt rep sen gov pres st no nos vol art para mon tue
tues wed thu thurs fri sat sun inc ltd co corp dept univ est approx vs etc e.g i.e u.s u.n
u.k a.m p.m
"""
_MONTH_ABBREVIATIONS = {form.lower() for forms in ENGLISH_MONTHS for form in forms[1:]}
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split()) | _MONTH_ABBREVIATIONS
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))

# Possessive: a mark or a closer given back could never be followed by a space.
_BOUNDARY = re.compile(r"[.!?]++[\"'”’)\]]*+(?=(\s+)[\"'“‘(\[]?[A-Z0-9À-Ý])")
_MARKS = ".!?"
# The same, found only at the first mark of a run ("?!", "..."): a boundary tried later in
# the run meets the same text after it. Starting with the marks themselves, it lets the
# engine skip ahead to them.
# (Group 1, the white space after the boundary, ends where the next sentence begins.)
_RUN_BOUNDARY = re.compile(r"[.!?](?<![.!?].)[.!?]*+[\"'”’)\]]*+(?=(\s+)[\"'“‘(\[]?[A-Z0-9À-Ý])")

_LINE = re.compile(r"[^\n]+")
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the clean text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


# German writes a day as an ordinal before its month ("am 5. Dezember"): no boundary.
# (What every German month name begins with: "Jan", "Jän", "Feb", "Mär"...)
_GERMAN_STEMS = dict.fromkeys(
    name[:3] for forms in GERMAN_MONTHS for i, name in enumerate(forms) if i == 0 or len(name) > 4
)
_GERMAN_MONTH_AFTER = re.compile(rf"\s+(?:{'|'.join(_GERMAN_STEMS)})")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation, an initial or the
    ordinal day of a German date."""
    if dot and text[dot - 1].isdigit() and not text[max(0, dot - 3) : dot].isdigit():
        return _GERMAN_MONTH_AFTER.match(text, dot + 1) is not None
    # A word longer than the longest abbreviation is none: no need to read all of it.
    limit = dot - _LONGEST_ABBREVIATION - 1
    window = text[max(0, limit) : dot]
    if limit >= 0 and window.isalpha():
        return False  # the common case, a long word, told by one test instead of a loop
    space = window.rfind(" ")
    if space >= 0 and window[space + 1 :].isalpha():
        # the other common case: letters only since a space, where the loop would stop
        word = window[space + 1 :]
        lowered = word.lower()
        return lowered in _ABBREVIATIONS or (len(lowered) == 1 and word[0].isupper())
    limit = max(0, limit)
    word_start = dot
    while word_start > limit and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    return word in _ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences; line breaks always end a sentence."""
    starts, ends = sentence_spans(text, start, end)
    return [Sentence(s, e, text[s:e]) for s, e in zip(starts, ends, strict=True)]


def sentence_spans(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[int], list[int]]:
    """The (starts, ends) of the sentences ``split_sentences`` finds, without their texts:
    each sentence without its surrounding white space."""
    end = len(text) if end is None else end
    starts: list[int] = []
    ends: list[int] = []
    longest = _LONGEST_ABBREVIATION + 1
    for line in _LINE.finditer(text, start, end):
        line_start, line_end = line.span()
        first = _NON_SPACE.search(text, line_start, line_end)
        if first is None:
            continue  # white space only
        cursor = first.start()
        for match in _boundaries(text, start, line_start, line_end):
            mark = match.start()
            # a stop after a word longer than any abbreviation ends a sentence (the common
            # case, told by one test); else the word is read
            if (
                text[mark] == "."
                and (mark < longest or not text[mark - longest : mark].isalpha())
                and _is_abbreviation(text, mark)
            ):
                continue
            if match.end() > cursor:
                starts.append(cursor)
                ends.append(match.end())
            cursor = match.end(1)  # where the white space after the boundary ends
        rest = text[cursor:line_end].rstrip()
        if rest:
            starts.append(cursor)
            ends.append(cursor + len(rest))
    return starts, ends


def _boundaries(text: str, start: int, line_start: int, line_end: int) -> Iterator[re.Match[str]]:
    """The boundaries that may end a sentence of the line, each from the first mark of a
    run; a run that ``start`` cuts counts from ``start``."""
    resume = line_start
    if line_start == start > 0 and text[start] in _MARKS and text[start - 1] in _MARKS:
        first = _BOUNDARY.match(text, start, line_end)
        if first is not None:
            yield first
            resume = first.end()
    yield from _RUN_BOUNDARY.finditer(text, resume, line_end)


def positions(text: str, characters: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where any of ``characters`` occurs in ``text[start:end]``, in order.

    Plain string searches: much faster than a pattern scan for a few rare characters.
    """
    end = len(text) if end is None else end
    found = []
    for character in characters:
        i = text.find(character, start, end)
        while i >= 0:
            found.append(i)
            i = text.find(character, i + 1, end)
    if len(characters) > 1:
        found.sort()
    return found


def find_all(text: str, needle: str) -> list[int]:
    """Every place where ``needle`` occurs in ``text`` (a plain, fast string search)."""
    found = []
    i = text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], end: int | None = None
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, ..., end)`` finds, when its matches can only begin at
    one of ``starts`` (in order): each is tried with ``pattern.match``, which skips the
    character-by-character scan of the text between them."""
    end = len(text) if end is None else end
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start, end)
        if match is not None:
            yield match
            resume = max(match.end(), start + 1)


class SentenceIndex:
    """The sentences of one article, with lookup of the sentence around an offset."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._starts, self._ends = sentence_spans(article.text)
        # each Sentence made when first asked for: most are never looked up
        self._made: list[Sentence | None] = [None] * len(self._starts)

    def _sentence(self, i: int) -> Sentence:
        made = self._made[i]
        if made is None:
            start, end = self._starts[i], self._ends[i]
            made = self._made[i] = Sentence(start, end, self.article.text[start:end])
        return made

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence, in order."""
        return [self._sentence(i) for i in range(len(self._starts))]

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    @cached_property
    def language(self) -> str:
        """The article's language (``detect_language``): which words the extractors read."""
        return detect_language(self.article.text)

    def __len__(self) -> int:
        return len(self._starts)

    def at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``, if any."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._sentence(i)
        return None

    def span_at(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the sentence that contains character ``offset``, if any:
        ``at`` without making the Sentence."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._starts[i], self._ends[i]
        return None

    def runs_at(self, offsets: Iterable[int]) -> list[tuple[int, int]]:
        """(start, end) runs of consecutive sentences holding any of ``offsets`` (each
        counted in the last sentence starting at or before it)."""
        starts = self._starts
        hits = {bisect_right(starts, offset) - 1 for offset in offsets}
        hits.discard(-1)
        return self._runs(hits)

    def runs_containing(self, patterns: Iterable[re.Pattern[str]]) -> list[tuple[int, int]]:
        """(start, end) runs of consecutive sentences holding a match of any of ``patterns``.

        Extractors search only these runs: a cheap literal scan finds the few sentences
        worth a full pattern search.
        """
        hits: set[int] = set()
        for pattern in patterns:
            for match in pattern.finditer(self.article.text):
                i = bisect_right(self._starts, match.start()) - 1
                if i >= 0:
                    hits.add(i)
        return self._runs(hits)

    def runs_around(self, offsets: Iterable[int]) -> list[tuple[int, int]]:
        """(start, end) runs of consecutive sentences holding any of ``offsets``.

        A sentence that a line break (rather than a full stop) separates from the one before
        or after it brings that one along: a title or a name may be read across such a
        break ("Jane Doe," on one line, "Executive Director" on the next).
        """
        text = self.article.text
        starts, ends = self._starts, self._ends
        hits: set[int] = set()
        for offset in offsets:
            i = bisect_right(starts, offset) - 1
            if i < 0 or i in hits:
                continue
            hits.add(i)
            if i > 0 and "\n" in text[ends[i - 1] : starts[i]]:
                hits.add(i - 1)
            if i + 1 < len(starts) and "\n" in text[ends[i] : starts[i + 1]]:
                hits.add(i + 1)
        return self._runs(hits)

    def _runs(self, hits: set[int]) -> list[tuple[int, int]]:
        runs: list[tuple[int, int]] = []
        previous = -2
        for i in sorted(hits):
            if i == previous + 1 and runs:
                runs[-1] = (runs[-1][0], self._ends[i])
            else:
                runs.append((self._starts[i], self._ends[i]))
            previous = i
        return runs

    def sentence_text(self, start: int, end: int) -> str:
        """The text of the sentence holding ``start`` (through the one holding ``end``).

        A span that crosses a sentence boundary gets every sentence it touches, so the
        result always contains ``article.text[start:end]``.
        """
        first = self.at(start)
        if first is not None and start < end <= first.end:
            return first.text  # the common case: the span lies in one sentence
        last = self.at(end - 1) if end > start else first
        begin = min(start, first.start) if first else start
        finish = max(end, last.end) if last else end
        return self.article.text[begin:finish]
