"""The reading-state words of a query: ``is:unread``, ``is:read``, ``is:starred``, ``has:note``.

They are not in the index (each user has a state of their own), so they are taken out of
the query before it is parsed: :func:`split_state_filters` returns the rest of the query
and a :class:`StateFilter`, which :meth:`StateFilter.restriction` turns into the ids to keep
or leave out, for ``Searcher.search(..., ids=...)``. A word may be negated (``-is:starred``,
``NOT has:note``); words inside quotes are text, never filters. All of them must hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from treatytui.state.store import ReadingState

FILTER_WORDS = ("is:unread", "is:read", "is:starred", "has:note")
_TOKEN = re.compile(
    r'"[^"]*"?'  # a phrase (or an unclosed one): left as it is
    r"|(?<!\S)(?P<neg>-|NOT\s+)?(?P<word>is:unread|is:read|is:starred|has:note)(?!\S)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class IdRestriction:
    """Which articles a search may return: only those in ``keep`` (when not None), and
    none in ``drop``."""

    keep: frozenset[str] | None = None
    drop: frozenset[str] = frozenset()

    def allows(self, article_id: str) -> bool:
        """Whether the article with this id may be returned."""
        return (self.keep is None or article_id in self.keep) and article_id not in self.drop


@dataclass(frozen=True, slots=True)
class StateFilter:
    """The state words of one query: each ``(word, wanted)``, e.g. ``("starred", True)``."""

    conditions: tuple[tuple[str, bool], ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.conditions)

    def plus(self, *conditions: tuple[str, bool]) -> StateFilter:
        """This filter and ``conditions`` too (``("read", False)``: unread)."""
        return StateFilter(tuple(dict.fromkeys((*self.conditions, *conditions))))

    def restriction(self, state: ReadingState) -> IdRestriction | None:
        """The ids this filter keeps or drops in ``state`` (None: no filter)."""
        if not self.conditions:
            return None
        keep: frozenset[str] | None = None
        drop: set[str] = set()
        sets = {"read": state.read_ids, "starred": state.starred_ids, "note": state.noted_ids}
        read_cache: dict[str, frozenset[str]] = {}
        for what, wanted in self.conditions:
            ids = read_cache.get(what)
            if ids is None:
                ids = read_cache[what] = sets[what]()
            if wanted:
                keep = ids if keep is None else keep & ids
            else:
                drop |= ids
        if keep is not None:
            return IdRestriction(keep=frozenset(keep - drop))
        return IdRestriction(drop=frozenset(drop))


def split_state_filters(query: str) -> tuple[str, StateFilter]:
    """The query without its state words, and the filter those words make.

    ``"convention is:unread"`` → ``("convention", StateFilter((("read", False),)))``.
    """
    conditions: list[tuple[str, bool]] = []

    def take(match: re.Match[str]) -> str:
        word = match.group("word")
        if not word:
            return match.group(0)
        value = word.lower().partition(":")[2]
        negated = bool(match.group("neg"))
        if value == "unread":
            conditions.append(("read", negated))
        elif value == "note":
            conditions.append(("note", not negated))
        else:
            conditions.append((value, not negated))
        return " "

    rest = _TOKEN.sub(take, query)
    if not conditions:
        return query, StateFilter()
    return " ".join(rest.split()), StateFilter(tuple(dict.fromkeys(conditions)))
