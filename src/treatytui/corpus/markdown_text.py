"""Markdown → plain text with one paragraph per line, for :mod:`plaintext` to finish.

Only what news articles written in Markdown use is handled: headings, emphasis, links,
images (dropped), lists, block quotes, code marks, HTML comments and tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"[ \t]*(?:```|~~~).*")
_ATX_HEADING = re.compile(r"[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<text>.*)")
_SETEXT_UNDERLINE = re.compile(r"[ \t]{0,3}(?P<mark>=+|-+)[ \t]*")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_QUOTE = re.compile(r"[ \t]*(?:>[ \t]?)+")
_REFERENCE_DEFINITION = re.compile(r"[ \t]{0,3}\[[^\]]+\]:[ \t]+\S.*")
# Every pattern stops at the next opening mark of its kind, so that marks which never close
# cost one scan of the text in all, not one scan each: a bracket's text holds no bracket, a
# link's target at most one level of parentheses ("wiki/Foo_(bar)"), a strong or struck
# text no further opening mark.
_TARGET = r"(?:\((?:[^()]|\([^()]*\))*+\)|\[[^\[\]]*\])"
_IMAGE = re.compile(rf"!\[[^\[\]]*\]{_TARGET}")
_LINK = re.compile(rf"\[(?P<text>[^\[\]]+)\]{_TARGET}")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"(?<!`)`++(?P<text>[^`]+?)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(?P<text>(?:(?!\1).)+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(?P<text>[^*]+?)(?<=\S)\*(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)_(?=\S)(?P<text>[^_]+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(?P<text>(?:(?!~~).)+?)~~")
_ESCAPE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!|>~])")
# Escaped characters are parked in a private-use plane while the marks are removed.
_PARKED = 0xF0000
_PARKED_CHARS = re.compile("[\U000f0000-\U000f007f]")


def _without_comments(text: str) -> str:
    """``text`` without ``<!-- ... -->`` comments; one left open stays, like the rest."""
    pieces = []
    position = 0
    while (opening := text.find("<!--", position)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break
        pieces.append(text[position:opening])
        position = closing + 3
    pieces.append(text[position:])
    return "".join(pieces)


def _heading_text(rest: str) -> str:
    """An ATX heading's text without its closing ``#`` marks (a space or tab before them)."""
    text = rest.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and bare and bare[-1] in " \t":
        return bare.rstrip(" \t")
    return text


@dataclass(frozen=True, slots=True)
class PlainMarkdown:
    """Markdown as plain text, one paragraph per line, and its first top-level heading."""

    text: str
    heading: str | None


def strip_inline(text: str) -> str:
    """Text without Markdown's inline marks: links keep their text, images are dropped."""
    text = _ESCAPE.sub(lambda match: chr(_PARKED + ord(match["char"])), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\g<text>", text)
    text = _AUTOLINK.sub(r"\g<url>", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\g<text>", text)
    for mark in (_STRONG, _EMPHASIS, _UNDERSCORE_EMPHASIS, _STRIKE):
        text = mark.sub(r"\g<text>", text)
    return _PARKED_CHARS.sub(lambda match: chr(ord(match.group()) - _PARKED), text)


def markdown_to_plain(markdown: str) -> PlainMarkdown:
    """One line per paragraph, heading or list item; blank lines between paragraphs.

    Soft-wrapped lines of a paragraph are joined with a space. Lines of ``|`` tables pass
    through unchanged, so that captions and borders are handled as in scraped text.
    """
    out: list[str] = []
    paragraph: list[str] = []
    heading: str | None = None

    def flush() -> None:
        if paragraph:
            out.append(strip_inline(" ".join(paragraph)))
            paragraph.clear()
        out.append("")

    for line in _without_comments(markdown).split("\n"):
        if _FENCE.fullmatch(line) or _REFERENCE_DEFINITION.fullmatch(line):
            continue
        quote = _QUOTE.match(line)
        if quote is not None:
            line = line[quote.end() :]
        setext = _SETEXT_UNDERLINE.fullmatch(line)
        if setext and len(paragraph) == 1:
            if setext["mark"][0] == "=" and heading is None:
                heading = strip_inline(paragraph[0].strip())
            flush()
            continue
        atx = _ATX_HEADING.fullmatch(line)
        if atx:
            flush()
            text = strip_inline(_heading_text(atx["text"]))
            if len(atx["marks"]) == 1 and heading is None:
                heading = text
            out.extend((text, ""))
        elif not line.strip():
            flush()
        elif _LIST_ITEM.match(line) and not line.lstrip().startswith("|"):
            flush()
            paragraph.append(_LIST_ITEM.sub("", line, count=1).strip())
        elif line.lstrip().startswith("|"):
            flush()
            out.append(strip_inline(line))
        else:
            paragraph.append(line.strip())
    flush()
    return PlainMarkdown("\n".join(out), heading)
