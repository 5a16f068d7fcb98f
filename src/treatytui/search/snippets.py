"""Short excerpts around the words a query matched, with highlight offsets (no markup)."""

from __future__ import annotations

from treatytui.search.analysis import match_terms
from treatytui.search.results import Snippet

SNIPPET_WIDTH = 180
ELLIPSIS = "…"


def _widen_to_word(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def make_snippet(
    text: str,
    terms: frozenset[str],
    prefixes: tuple[str, ...] = (),
    *,
    width: int = SNIPPET_WIDTH,
    skip_to: int = 0,
) -> Snippet:
    """The window of ``text`` (about ``width`` characters) holding the most matches.

    Newlines become spaces so a snippet is one line; ``skip_to`` is where the body starts
    (a snippet without matches begins there, after the title).
    """
    spans = [s for s in match_terms(text, terms, prefixes) if s[0] >= skip_to] or list(
        match_terms(text, terms, prefixes)
    )
    if spans:
        # Spans are whole words in order, so their ends rise with their starts: one
        # pass finds the window holding the most (linear in the matches, which an
        # article of a few megabytes has by the hundred thousand).
        best_start, best_count = spans[0][0], 0
        last = 0
        for i, (start, _end) in enumerate(spans):
            last = max(last, i)
            while last < len(spans) and spans[last][1] <= start + width:
                last += 1
            if last - i > best_count:
                best_start, best_count = start, last - i
        # Put a little context before the first match of the window, but not the
        # headline or captions when the match is in the body.
        floor = skip_to if best_start >= skip_to else 0
        window_start = max(floor, best_start - width // 4)
    else:
        window_start = skip_to
    window_end = min(len(text), window_start + width)
    window_start, window_end = _widen_to_word(text, window_start, window_end)
    if window_end - window_start > width + 40:
        window_end = window_start + width + 40
    excerpt = text[window_start:window_end].replace("\n", " ").replace("\t", " ")
    lead = ELLIPSIS if window_start > 0 else ""
    tail = ELLIPSIS if window_end < len(text) else ""
    offset = len(lead) - window_start
    highlights = tuple(
        (s + offset, e + offset) for s, e in spans if s >= window_start and e <= window_end
    )
    return Snippet(text=f"{lead}{excerpt}{tail}", highlights=highlights)
