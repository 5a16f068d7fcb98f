"""The collection views' data (timeline, figures): what each is built from, and a cache of
each built once per version of the index. The views' modules load when first used (not
while the reader paints its first frame)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from treatytui.search.documents import ArticleFacts

ViewData = tuple[Any, int]
"""A view's data and the number of articles it was built from."""


@dataclass(frozen=True)
class ViewSpec:
    """How one view is built: ``build`` from the facts of ``kinds`` of a set of articles."""

    name: str
    kinds_of: Callable[[], frozenset[str]]
    build: Callable[[Iterable[ArticleFacts]], Any]
    build_stored: Callable[[Any], Any] | None = None
    """The same data read from the index's stored view rows (``ViewRows``)."""

    @property
    def kinds(self) -> frozenset[str]:
        """The fact kinds the view reads."""
        return self.kinds_of()


def _timeline_kinds() -> frozenset[str]:
    from treatytui.views.timeline import TIMELINE_KINDS

    return TIMELINE_KINDS


def _timeline(articles: Iterable[ArticleFacts]) -> Any:
    from treatytui.views.timeline import TimelineFilter, build_timeline

    return TimelineFilter(build_timeline(articles))


def _figure_kinds() -> frozenset[str]:
    from treatytui.views.figures import FIGURE_KINDS

    return FIGURE_KINDS


def _figures(articles: Iterable[ArticleFacts]) -> Any:
    from treatytui.views.figures import build_figures

    return build_figures(articles)


def _stored_timeline(rows: Any) -> Any:
    from treatytui.views.store import MentionTable
    from treatytui.views.stored import stored_timeline
    from treatytui.views.timeline import TimelineFilter

    return TimelineFilter(list(stored_timeline(rows, table=MentionTable())))


def _stored_figures(rows: Any) -> Any:
    from treatytui.views.stored import figure_table, stored_figures

    return figure_table(stored_figures(rows))


VIEWS: dict[str, ViewSpec] = {
    "timeline": ViewSpec("timeline", _timeline_kinds, _timeline, _stored_timeline),
    "figures": ViewSpec("figures", _figure_kinds, _figures, _stored_figures),
}


class ViewCache:
    """Each view's data for the whole collection, built at most once per index version.

    A second caller waits for a build in progress (e.g. the prefetch in the background)
    instead of starting another; a build that began before the index changed is handed
    to its caller but not kept.
    """

    def __init__(self) -> None:
        self._data: dict[str, tuple[ViewData, int]] = {}
        self._locks = {name: threading.Lock() for name in VIEWS}
        self.version = 0

    def get(
        self,
        spec: ViewSpec,
        facts: Callable[[None, Collection[str]], Iterable[ArticleFacts]],
        stored: Callable[[], Any] = lambda: None,
    ) -> ViewData:
        """``spec``'s data, built from the stored view rows (``stored()``, when the index
        has them) or else from ``facts(None, spec.kinds)`` when not cached (a stream: the
        view reads one article at a time and keeps only its rows)."""
        lock = self._locks.setdefault(spec.name, threading.Lock())
        with lock:
            version = self.version
            cached = self._data.get(spec.name)
            if cached is not None and cached[1] == version:
                return cached[0]
            rows = stored() if spec.build_stored is not None else None
            if rows is not None and spec.build_stored is not None:
                try:
                    data = (spec.build_stored(rows), rows.article_count())
                finally:
                    rows.close()
            else:
                articles = Counted(facts(None, spec.kinds))
                data = (spec.build(articles), articles.count)
            from treatytui.views.bulk import give_back_memory

            give_back_memory()  # what the build needed only while building
            if version == self.version:  # not if the index changed meanwhile
                self._data[spec.name] = (data, version)
            return data

    def cached(self, name: str) -> bool:
        """Whether view ``name``'s data for this version is ready."""
        entry = self._data.get(name)
        return entry is not None and entry[1] == self.version

    def invalidate(self) -> None:
        """The index changed: every view is built again when next asked for."""
        self.version += 1
        self._data.clear()


class Counted:
    """An iterable of articles, counting them as they are read."""

    def __init__(self, articles: Iterable[ArticleFacts]) -> None:
        self._articles = articles
        self.count = 0

    def __iter__(self) -> Iterator[ArticleFacts]:
        for article in self._articles:
            self.count += 1
            yield article
