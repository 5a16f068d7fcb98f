"""Cleaning an article's text: from a file's decoded contents to clean text and blocks.

Whatever the format, the result is the same shape: paragraphs separated by one blank
line, each a :class:`Block` whose ``text[start:end]`` is exactly its text. Mojibake is
repaired, sentences glued together by scraping are separated, and the headline is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from treatytui.corpus.article import Block, Metadata
from treatytui.corpus.html_text import html_segments
from treatytui.corpus.markdown_text import markdown_to_plain
from treatytui.corpus.mojibake import repair_mojibake
from treatytui.corpus.plaintext import plain_segments
from treatytui.corpus.sanitize import strip_controls
from treatytui.corpus.segments import Segment, classify, is_short_marker, without_emoji_marker

TextFormat = Literal["text", "markdown", "html"]

PARAGRAPH_SEPARATOR = "\n\n"
# White space that is not already one plain space: re.sub keeps a piece per match, and a
# text of a million words would otherwise be cut in two million pieces to change nothing.
_SPACE = re.compile(r"\s{2,}|[^\S ]")
# "this October.It is": a sentence end glued to the next sentence. Two lowercase letters or
# digits before the stop keep abbreviations ("e.g.", "U.S.") and decimals out of it.
_GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9]{2})[.!?][\"”'’]?(?=[A-Z][a-z])")
_MAX_PIECES = 4096
_URL_LIKE = re.compile(r"://|^www\.|@|\.[a-z]{2,4}/")
# "'No country left behind'Uganda, which...": a quoted subheading glued to a paragraph.
_GLUED_HEADING = re.compile(
    r"(?P<heading>(?P<open>['‘\"“])[A-Z][^'‘’\"“”.!?:;]{1,80}(?P<close>['’\"”]))(?=[A-Z][a-z])"
)
_QUOTE_PAIRS = {"'": "'", "‘": "’", '"': '"', "“": "”"}
_MAX_HEADING_WORDS = 10
_MAX_HEADLINE_CHARS = 160
_HEADLINE_WORDS = range(3, 31)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z]")
_TITLE_SEARCH_DEPTH = 6


@dataclass(frozen=True, slots=True)
class CleanText:
    """Clean text, its blocks in order, and any metadata the markup itself gives (HTML)."""

    text: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)


def _separate_glued_sentences(text: str) -> str:
    """A space after each glued sentence end, except inside a URL-like word.

    ``text`` has single spaces between words. Each word is looked at once, for its first
    glued end, so a text without spaces costs no more than one with them; the pieces are
    merged as they come, so a text glued a million times is not held in a million pieces.
    """
    chunks: list[str] = []
    pieces: list[str] = []
    position = 0
    word_end = -1
    in_url = False
    for match in _GLUED_SENTENCE.finditer(text):
        if match.start() >= word_end:  # the first glued end in this word
            word_start = text.rfind(" ", 0, match.start()) + 1
            found = text.find(" ", match.end())
            word_end = found if found >= 0 else len(text)
            in_url = _URL_LIKE.search(text[word_start:word_end]) is not None
        if not in_url:
            pieces += (text[position : match.end()], " ")
            position = match.end()
            if len(pieces) > _MAX_PIECES:
                chunks.append("".join(pieces))
                pieces.clear()
    if position == 0:
        return text
    pieces.append(text[position:])
    chunks.append("".join(pieces))
    return "".join(chunks)


def _split_glued_heading(text: str) -> tuple[str, str] | None:
    match = _GLUED_HEADING.match(text)
    if (
        match is None
        or _QUOTE_PAIRS[match["open"]] != match["close"]
        or len(match["heading"].split()) > _MAX_HEADING_WORDS
    ):
        return None
    return match["heading"], text[match.end() :]


def _tidy(segments: Iterable[Segment]) -> Iterator[Segment]:
    """Segments with whitespace collapsed, glued text separated and every kind decided."""
    for segment in segments:
        text = _separate_glued_sentences(_SPACE.sub(" ", segment.text).strip())
        if not text:
            continue
        if segment.kind is not None:
            yield Segment(text, segment.kind)
            continue
        marked = without_emoji_marker(text)
        if marked is not None:
            yield Segment(marked, "meta" if is_short_marker(marked) else "paragraph")
            continue
        glued = _split_glued_heading(text)
        if glued is not None:
            heading, text = glued
            yield Segment(heading, "paragraph")
        yield Segment(text, classify(text))


def looks_like_headline(text: str) -> bool:
    """Whether a line reads like a headline: short, capitalised, one unfinished sentence."""
    return (
        len(text) <= _MAX_HEADLINE_CHARS
        and len(text.split()) in _HEADLINE_WORDS
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith((".", ",", ";", ":"))
        and not _SENTENCE_BREAK.search(text)
    )


def _normalised(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _title_index(segments: list[Segment], hint: str | None) -> int | None:
    """Which segment is the headline, if there is one and no markup said so."""
    if any(segment.kind == "title" for segment in segments):
        return None
    leading = [i for i, s in enumerate(segments) if s.kind == "paragraph"][:_TITLE_SEARCH_DEPTH]
    if hint:
        for i in leading:
            if _normalised(segments[i].text) == _normalised(hint):
                return i
    if len(leading) >= 2 and looks_like_headline(segments[leading[0]].text):
        return leading[0]
    return None


def _assemble(segments: list[Segment]) -> tuple[str, tuple[Block, ...]]:
    blocks: list[Block] = []
    position = 0
    for segment in segments:
        if blocks:
            position += len(PARAGRAPH_SEPARATOR)
        end = position + len(segment.text)
        blocks.append(Block(segment.kind or "paragraph", position, end))
        position = end
    return PARAGRAPH_SEPARATOR.join(segment.text for segment in segments), tuple(blocks)


def clean(source: str, fmt: TextFormat = "text", title_hint: str | None = None) -> CleanText:
    """Clean decoded file contents (without front matter) of the given format.

    ``title_hint`` is the title known from metadata: a leading paragraph with that text
    becomes the title block. Otherwise Markdown's first ``#`` heading or HTML's ``<h1>`` is
    the title, or, in plain text, a first paragraph that reads like a headline.
    """
    source = repair_mojibake(strip_controls(source))
    metadata = Metadata()
    if fmt == "html":
        page = html_segments(source)
        raw_segments, metadata = page.segments, page.metadata
    elif fmt == "markdown":
        plain = markdown_to_plain(source)
        raw_segments = plain_segments(plain.text)
        title_hint = title_hint or plain.heading
    else:
        raw_segments = plain_segments(source)
    segments = list(_tidy(raw_segments))
    title = _title_index(segments, title_hint)
    if title is not None:
        segments[title] = Segment(segments[title].text, "title")
    text, blocks = _assemble(segments)
    return CleanText(text, blocks, metadata)
