"""Finding YAML front matter: a ``---`` block at the very top of a Markdown or text file."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENING = re.compile(r"\A\ufeff?---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# The first line of a real front-matter block is a YAML key, a comment or a document marker;
# anything else means the ``---`` is a horizontal rule in the text, not front matter.
_FIRST_LINE = re.compile(r"[ \t]*(?:[\"']?[\w][\w .-]*[\"']?[ \t]*:(?:\s|$)|#|%)")
_MAX_LINES = 200


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The YAML source of a front-matter block and the text that follows it."""

    yaml: str
    body: str
    first_line: int = 2
    """The line of the file on which ``yaml`` starts (for messages)."""


def split_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the top of ``text``, or None when there is none.

    A block counts as front matter only when it is closed (by ``---`` or ``...``) within
    its first 200 lines and starts like YAML, so a text that merely opens with a rule is
    left whole.
    """
    opening = _OPENING.match(text)
    if opening is None:
        return None
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return None
    source = text[opening.end() : closing.start()]
    if source.count("\n") > _MAX_LINES:
        return None
    first = next((line for line in source.splitlines() if line.strip()), None)
    if first is not None and not _FIRST_LINE.match(first):
        return None
    body = text[closing.end() :].removeprefix("\n")
    return FrontMatter(yaml=source, body=body)
