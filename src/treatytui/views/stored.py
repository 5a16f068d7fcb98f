"""The timeline and the figures read from the view rows stored beside the index.

The same rows, in the same order, as ``build_timeline`` and ``build_figures`` make from the
stored facts (the tests compare them), but a day range or a group at a time, as the stored
rows are read in order: the first row comes before the last article is read, and what is
held is one day range (or one group's bounds), not the collection.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import TYPE_CHECKING

from treatytui.search.viewrows import covered_days, disagreeing, figure_bounds
from treatytui.views.dates import DateRange
from treatytui.views.figures import (
    Figure,
    FigureGroup,
    FigureTable,
    _group_order,
    _label,
    _listed,
)
from treatytui.views.mentions import Mention, trim_around
from treatytui.views.store import MentionTable
from treatytui.views.timeline import (
    COMMON_FRACTION,
    COMMON_MINIMUM,
    TimelineRow,
    _components,
    _event_keys,
)

if TYPE_CHECKING:
    from treatytui.search.viewstore import Cited, DatedRow, FigureRow, ViewRows


def _needle(text: str) -> str:
    return " ".join(text.split()).casefold()


def _cites(needle: str, sentence: str, article: Cited) -> bool:
    """Whether a mention's sentence, its article's title or source holds ``needle``."""
    return (
        needle in sentence.casefold()
        or needle in article.title.casefold()
        or (article.source is not None and needle in article.source.casefold())
    )


# -- the timeline ------------------------------------------------------------------------
class _Plain:
    """One day range's mentions as read (a few: kept as they are, not compressed)."""

    def __init__(self) -> None:
        self.rows: list[DatedRow] = []

    def add(self, row: DatedRow) -> int:
        self.rows.append(row)
        return len(self.rows) - 1

    def __getitem__(self, number: int) -> Mention:
        row = self.rows[number]
        a = row.article
        return Mention(a.id, a.title, a.source, a.published, a.url, row.start, row.end,
                       row.text, row.sentence)  # fmt: skip

    def matching(self, needle: str) -> set[int]:
        """The mentions whose sentence, article title or source holds ``needle``."""
        return {n for n, row in enumerate(self.rows) if _cites(needle, row.sentence, row.article)}


class _Tables:
    """Where the rows' mentions are kept: a table for each day range, or one ``shared``
    (a ``MentionTable``, compressed: the reader keeps every row)."""

    def __init__(self, shared: MentionTable | None) -> None:
        self.shared = shared
        self.table: MentionTable | _Plain = shared if shared is not None else _Plain()
        self.numbers: dict[int, int] = {}  # the shared table's number of each article

    def fresh(self) -> None:
        """A day range begins."""
        if self.shared is None:
            self.table = _Plain()

    def add(self, row: DatedRow) -> int:
        table = self.table
        if isinstance(table, _Plain):
            return table.add(row)
        number = self.numbers.get(row.order[0])
        if number is None:
            number = self.numbers[row.order[0]] = table.articles.add(row.article)
        return table.add(number, row)  # type: ignore[arg-type]  # (its fields suffice)


def _citing_order(row: DatedRow) -> tuple[bool, int, str, int, tuple[int, int]]:
    """How a row's mentions are listed: by publication date (undated last), id, place."""
    published = row.article.published
    return (published is None, published.toordinal() if published else 0, row.article.id,
            row.start, row.order)  # fmt: skip


def _day_rows(rows: list[DatedRow], common: frozenset[str], tables: _Tables) -> list[TimelineRow]:
    """The timeline rows of the mentions of one day range, in the order they are listed."""
    made: list[tuple[tuple[str, int, tuple[int, int], tuple[int, int]], TimelineRow]] = []
    for _key, same in groupby(rows, key=lambda r: (r.date_from, r.date_to, r.precision)):
        mentions = list(same)
        if len(mentions) == 1:
            clusters = [mentions]
        else:
            keys_of = (
                _event_keys(m.venues, sorted(w for w in m.words if w not in common))
                for m in mentions
            )
            clusters = [[mentions[i] for i in group] for group in _components(keys_of)]
        shared = int(len(mentions) > 1)
        for cluster in clusters:
            row = _timeline_row(cluster, tables)
            made.append(((row.label, shared, mentions[0].order, cluster[0].order), row))
    made.sort(key=lambda item: item[0])
    return [row for _order, row in made]


def _timeline_row(cluster: list[DatedRow], tables: _Tables) -> TimelineRow:
    cluster = sorted(cluster, key=_citing_order)
    lead = cluster[0]
    first, last = covered_days(lead.date_from, lead.date_to, lead.precision)
    return TimelineRow(
        date_from=lead.date_from,
        date_to=lead.date_to,
        precision=lead.precision,
        first=first,
        last=last,
        label=trim_around(lead.sentence, lead.text),
        article_count=len({m.order[0] for m in cluster}),
        table=tables.table,  # type: ignore[arg-type]  # (a _Plain reads the same)
        numbers=array("i", [tables.add(m) for m in cluster]),
    )


def _row_cites(row: TimelineRow, needle: str) -> bool:
    if needle in row.label.casefold() or needle in row.date_label.casefold():
        return True
    return any(
        needle in m.sentence.casefold()
        or needle in m.title.casefold()
        or (m.source is not None and needle in m.source.casefold())
        for m in row.mentions
    )


def stored_timeline(
    rows: ViewRows,
    dates: DateRange | None = None,
    text: str = "",
    articles: set[int] | None = None,
    table: MentionTable | None = None,
) -> Iterator[TimelineRow]:
    """The timeline rows (of ``articles``, or of all) within ``dates`` whose label,
    sentences, titles or sources hold ``text``, as ``TimelineFilter(build_timeline(...))
    .apply(dates, text)`` lists them, a day range at a time. Each day range's rows have a
    mention table of their own unless ``table`` is given (to keep them all: the reader)."""
    dates = dates or DateRange()
    needle = _needle(text)
    common = rows.common_words(COMMON_FRACTION, COMMON_MINIMUM, articles)
    tables = _Tables(table)
    stream = rows.dated(dates.start, dates.end, articles)
    days = groupby(stream, key=lambda r: covered_days(r.date_from, r.date_to, r.precision))
    for _days, same in days:
        tables.fresh()
        for row in _day_rows(list(same), common, tables):
            if not needle or _row_cites(row, needle):
                yield row


# -- figures -----------------------------------------------------------------------------
def _disagreeing(
    rows: ViewRows, group: tuple[str, str, str], articles: set[int]
) -> tuple[set[int], int]:
    """The figures of ``group`` (of ``articles``) that meet no other of the same date
    value, and how many figures it has (the stored marks are of the whole collection)."""
    buckets: dict[tuple[int, int], list[tuple[int, tuple[float, float]]]] = {}
    for number, date_from, date_to, value, value_to, qualifier in rows.figure_bounds(
        group, articles
    ):
        bounds = figure_bounds(value, value_to, qualifier)
        buckets.setdefault((date_from, date_to), []).append((number, bounds))
    marked: set[int] = set()
    for same in buckets.values():
        marks = disagreeing([bounds for _number, bounds in same])
        marked.update(number for (number, _b), mark in zip(same, marks, strict=True) if mark)
    return marked, sum(len(same) for same in buckets.values())


def _figure(row: FigureRow, disagrees: bool) -> Figure:
    qualifier, unit, written_unit, verb, precision, dated_by, role = row.strings
    return Figure(
        value=row.value,
        value_to=row.value_to,
        qualifier=qualifier,
        unit=unit,
        written_unit=written_unit,
        verb=verb,
        date_from=row.date_from,
        date_to=row.date_to,
        precision=precision,
        dated_by=dated_by,
        mention=Mention(
            article_id=row.article.id,
            title=row.article.title,
            source=row.article.source,
            published=row.article.published,
            url=row.article.url,
            start=row.start,
            end=row.end,
            text=row.text,
            sentence=row.sentence,
        ),
        disagrees=disagrees,
        role=role,
    )


def _kept(row: FigureRow, dates: DateRange, needle: str) -> bool:
    """As ``filter_figures`` keeps a figure (the group's title aside)."""
    if not dates.is_everything:
        if row.date_from is None:
            return False
        first, last = covered_days(row.date_from, row.date_to, row.strings[4])
        if not dates.overlaps(first, last):
            return False
    if needle:
        label = _label(row.value, row.value_to, row.strings[0], row.strings[2])
        return needle in label.casefold() or _cites(needle, row.sentence, row.article)
    return True


class StoredFigures(Sequence[Figure]):
    """One group's figures read from the stored rows each time they are iterated (the
    disagreements found first: a group's record says how many before its figures)."""

    def __init__(
        self,
        rows: ViewRows,
        group: tuple[str, str, str],
        articles: set[int] | None,
        dates: DateRange,
        needle: str,
    ) -> None:
        self._rows, self._group, self._articles = rows, group, articles
        self._dates, self._needle = dates, needle
        self._marked: set[int] | None = None  # None: as stored
        if articles is None:
            self._count, self.disagreements = rows.figure_counts(group)
        else:
            self._marked, self._count = _disagreeing(rows, group, articles)
            self.disagreements = len(self._marked)
        if needle or not dates.is_everything:  # counted again: those kept
            self._count = self.disagreements = 0
            for row in self._kept_rows():
                self._count += 1
                self.disagreements += self._disagrees(row)

    def _disagrees(self, row: FigureRow) -> bool:
        return row.disagrees if self._marked is None else row.number in self._marked

    def _kept_rows(self) -> Iterator[FigureRow]:
        for row in self._rows.figures(self._group, self._articles):
            if _kept(row, self._dates, self._needle):
                yield row

    def _read(self) -> Iterator[Figure]:
        return (_figure(row, self._disagrees(row)) for row in self._kept_rows())

    def __iter__(self) -> Iterator[Figure]:
        return self._read()

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return list(self._read())[index]


def stored_figures(
    rows: ViewRows,
    dates: DateRange | None = None,
    text: str = "",
    articles: set[int] | None = None,
) -> Iterator[FigureGroup]:
    """The figure groups (of ``articles``, or of all) as ``filter_figures(build_figures
    (...), dates, text)`` lists them, each read from the stored rows when it is reached."""
    dates = dates or DateRange()
    needle = _needle(text)
    found = [FigureGroup(unit, verb, (), role) for role, unit, verb in rows.figure_groups()]
    for group in sorted(found, key=_group_order):
        in_title = bool(needle) and needle in group.title.casefold()
        figures = StoredFigures(
            rows, (group.role, group.unit, group.verb), articles, dates, "" if in_title else needle
        )
        if len(figures):
            yield FigureGroup(group.unit, group.verb, figures, group.role)


def figure_table(groups: Iterator[FigureGroup]) -> list[FigureGroup]:
    """``groups`` kept in a ``FigureTable`` of their own (as ``build_figures`` keeps them:
    for the reader, which shows and filters them)."""
    table = FigureTable()
    return [FigureGroup(g.unit, g.verb, _listed(g.figures, table), g.role) for g in groups]
