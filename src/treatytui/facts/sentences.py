"""Splitting an article's clean text into sentences with their offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from treatytui.corpus.article import Article


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATION_WORDS = """
mr mrs ms dr prof gen lt col maj capt sgt rep sen gov pres st no nos vol art para jan
feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun inc
ltd co corp dept univ est approx vs etc e.g i.e u.s u.n u.k a.m p.m
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the clean text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    return word in _ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences; line breaks always end a sentence."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        line_end = start + line.end()
        cursor = line_start
        for match in _BOUNDARY.finditer(text, line_start, line_end):
            if text[match.start()] == "." and _is_abbreviation(text, match.start()):
                continue
            _append(sentences, text, cursor, match.end())
            cursor = match.end()
        _append(sentences, text, cursor, line_end)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


class SentenceIndex:
    """The sentences of one article, with lookup of the sentence around an offset."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences = split_sentences(article.text)
        self._starts = [s.start for s in self.sentences]

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    def __len__(self) -> int:
        return len(self.sentences)

    def at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``, if any."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

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
        runs: list[tuple[int, int]] = []
        previous = -2
        for i in sorted(hits):
            sentence = self.sentences[i]
            if i == previous + 1 and runs:
                runs[-1] = (runs[-1][0], sentence.end)
            else:
                runs.append((sentence.start, sentence.end))
            previous = i
        return runs

    def sentence_text(self, start: int, end: int) -> str:
        """The text of the sentence holding ``start`` (through the one holding ``end``).

        A span that crosses a sentence boundary gets every sentence it touches, so the
        result always contains ``article.text[start:end]``.
        """
        first = self.at(start)
        last = self.at(end - 1) if end > start else first
        begin = min(start, first.start) if first else start
        finish = max(end, last.end) if last else end
        return self.article.text[begin:finish]
