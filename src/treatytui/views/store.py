"""Compact storage for the collection views: what a row shows is kept, the rest compressed.

A view of 100,000 articles cites some 400,000 sentences; as Python strings and objects they
were most of the reader's memory. Here a view keeps its texts zlib-compressed in blocks
(``TextStore``: a sentence is read back when its row is shown or exported, a block at a
time), the articles it cites once each (``ArticleTable``) and its mentions as arrays of
numbers (``MentionTable``); ``Mention`` objects are made when asked for.
"""

from __future__ import annotations

import zlib
from array import array
from datetime import date
from typing import TYPE_CHECKING

from treatytui.views.mentions import Mention

if TYPE_CHECKING:
    from treatytui.facts.model import Fact
    from treatytui.search.documents import ArticleFacts

BLOCK = 64  # texts a block: ~10 KB of sentences, read back in some 20 µs
CACHED_BLOCKS = 8  # blocks kept decompressed (the last ones read: a row, a screenful)
DICTIONARY_BLOCKS = 3  # the first blocks' texts are every block's zlib dictionary
LEVEL = 6  # with the dictionary, 30% smaller than level 1 without (0.25 s a 10k view)
_OFFSETS = array("I").itemsize * (BLOCK + 1)


class TextStore:
    """Texts appended one by one, numbered from 0, kept compressed a block at a time.

    A block is its texts' end offsets and their UTF-8, zlib-compressed with the first
    blocks' texts as a preset dictionary (news sentences share their words: a block of 64
    compresses to about a fifth); reading a text decompresses its block (kept for the
    next reads) and decodes that text only."""

    def __init__(self) -> None:
        self._blocks: list[bytes] = []
        self._open: list[str] = []  # not compressed yet (the first blocks: until a dictionary)
        self._cached: dict[int, tuple[array, bytes]] = {}
        self._dictionary: bytes | None = None

    def __len__(self) -> int:
        return len(self._blocks) * BLOCK + len(self._open)

    def add(self, text: str) -> int:
        """Keep ``text``; its number."""
        self._open.append(text)
        number = len(self) - 1
        if self._dictionary is None:
            if len(self._open) == BLOCK * DICTIONARY_BLOCKS:
                joined = "".join(self._open).encode("utf-8", "surrogatepass")
                self._dictionary = joined[-32768:] or b" "
                for start in range(0, len(self._open), BLOCK):
                    self._blocks.append(self._pack(self._open[start : start + BLOCK]))
                self._open = []
        elif len(self._open) == BLOCK:
            self._blocks.append(self._pack(self._open))
            self._open = []
        return number

    def _pack(self, texts: list[str]) -> bytes:
        encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
        offsets = array("I", [0])
        for text in encoded:
            offsets.append(offsets[-1] + len(text))
        packer = zlib.compressobj(LEVEL, zdict=self._dictionary)
        return packer.compress(offsets.tobytes() + b"".join(encoded)) + packer.flush()

    def _unpack(self, index: int) -> tuple[array, bytes]:
        raw = zlib.decompressobj(zdict=self._dictionary).decompress(self._blocks[index])
        offsets = array("I")
        offsets.frombytes(raw[:_OFFSETS])
        return offsets, raw[_OFFSETS:]

    def _block(self, index: int) -> tuple[array, bytes]:
        found = self._cached.get(index)
        if found is None:
            if len(self._cached) >= CACHED_BLOCKS:
                self._cached.clear()
            found = self._cached[index] = self._unpack(index)
        return found

    def __getitem__(self, number: int) -> str:
        index, position = divmod(number, BLOCK)
        if index >= len(self._blocks):
            return self._open[number - len(self._blocks) * BLOCK]
        offsets, body = self._block(index)
        return body[offsets[position] : offsets[position + 1]].decode("utf-8", "surrogatepass")

    def matching(self, needle: str) -> set[int]:
        """The numbers of the texts holding ``needle`` (already case-folded), case-insensitive."""
        found: set[int] = set()
        for index in range(len(self._blocks) + 1):
            if index < len(self._blocks):
                offsets, body = self._unpack(index)
                if needle not in body.decode("utf-8", "surrogatepass").casefold():
                    continue  # most blocks: one look
                texts = [
                    body[offsets[i] : offsets[i + 1]].decode("utf-8", "surrogatepass")
                    for i in range(BLOCK)
                ]
            else:
                texts = self._open
            base = index * BLOCK
            found.update(base + i for i, text in enumerate(texts) if needle in text.casefold())
        return found


class ArticleTable:
    """The articles a view cites, each once: id, title and URL compressed, the source
    (a few distinct ones) shared, the publication date as a day number (0: none)."""

    def __init__(self) -> None:
        self._texts = TextStore()  # id, title and URL of each article, one after another
        self._sources: list[str | None] = []
        self._source_numbers: dict[str | None, int] = {}
        self._source_of = array("H")
        self._published = array("i")

    def __len__(self) -> int:
        return len(self._published)

    def add(self, article: ArticleFacts) -> int:
        """Keep ``article``'s citation details; its number."""
        self._texts.add(article.id)
        self._texts.add(article.title)
        self._texts.add(article.url or "")
        source = self._source_numbers.get(article.source)
        if source is None:
            source = self._source_numbers[article.source] = len(self._sources)
            self._sources.append(article.source)
        self._source_of.append(min(source, 0xFFFF))
        self._published.append(article.published.toordinal() if article.published else 0)
        return len(self._published) - 1

    def id(self, number: int) -> str:
        return self._texts[3 * number]

    def title(self, number: int) -> str:
        return self._texts[3 * number + 1]

    def published(self, number: int) -> date | None:
        day = self._published[number]
        return date.fromordinal(day) if day else None

    def source(self, number: int) -> str | None:
        return self._sources[self._source_of[number]]

    def order(self) -> array:
        """Each article's rank in the order mentions are listed: dated ones first, by date
        (oldest first), then by id."""
        numbers = sorted(
            range(len(self)),
            key=lambda n: (not self._published[n], self._published[n], self.id(n)),
        )
        ranks = array("i", bytes(4 * len(numbers)))
        for rank, number in enumerate(numbers):
            ranks[number] = rank
        return ranks

    def matching(self, needle: str) -> set[int]:
        """The articles whose title or source holds ``needle`` (case-folded)."""
        sources = {n for n, s in enumerate(self._sources) if s and needle in s.casefold()}
        found = {n // 3 for n in self._texts.matching(needle) if n % 3 == 1}
        if sources:
            found.update(n for n, s in enumerate(self._source_of) if s in sources)
        return found

    def mention(self, number: int, start: int, end: int, text: str, sentence: str) -> Mention:
        """The mention of a fact of article ``number``."""
        url = self._texts[3 * number + 2]
        return Mention(
            article_id=self._texts[3 * number],
            title=self._texts[3 * number + 1],
            source=self.source(number),
            published=self.published(number),
            url=url or None,
            start=start,
            end=end,
            text=text,
            sentence=sentence,
        )


class MentionTable:
    """Mentions as numbers: the article, the span, and the fact's text and sentence in a
    ``TextStore`` (one sentence stored once for the facts of an article that share it)."""

    def __init__(self, articles: ArticleTable | None = None) -> None:
        self.articles = articles if articles is not None else ArticleTable()
        self.texts = TextStore()
        self.article = array("i")
        self.start = array("i")
        self.end = array("i")
        self.text = array("i")
        self.sentence = array("i")
        self._sentences: dict[str, int] = {}  # the current article's
        self._current = -1

    def __len__(self) -> int:
        return len(self.article)

    def add(self, article: int, fact: Fact) -> int:
        """Keep the mention of ``fact`` (of article number ``article``); its number."""
        if article != self._current:
            self._current, self._sentences = article, {}
        sentence = self._sentences.get(fact.sentence)
        if sentence is None:
            sentence = self._sentences[fact.sentence] = self.texts.add(fact.sentence)
        self.article.append(article)
        self.start.append(fact.start)
        self.end.append(fact.end)
        # The fact's text is mostly in its sentence: kept as where, not stored again.
        position, length = fact.sentence.find(fact.text), len(fact.text)
        if 0 <= position < 1 << 20 and length < 1 << 11:
            self.text.append(-((position << 11) | length) - 1)
        else:
            self.text.append(self.texts.add(fact.text))
        self.sentence.append(sentence)
        return len(self.article) - 1

    def sentence_of(self, number: int) -> str:
        return self.texts[self.sentence[number]]

    def text_of(self, number: int) -> str:
        code = self.text[number]
        if code >= 0:
            return self.texts[code]
        where = -code - 1
        position = where >> 11
        return self.sentence_of(number)[position : position + (where & 0x7FF)]

    def __getitem__(self, number: int) -> Mention:
        return self.articles.mention(
            self.article[number],
            self.start[number],
            self.end[number],
            self.text_of(number),
            self.sentence_of(number),
        )

    def matching(self, needle: str) -> set[int]:
        """The mentions whose sentence, article title or source holds ``needle``."""
        texts = self.texts.matching(needle)
        articles = self.articles.matching(needle)
        return {
            n for n in range(len(self)) if self.sentence[n] in texts or self.article[n] in articles
        }
