"""Figures compared: participant counts across the collection, grouped by what they count.

A group is a normalised unit ("countries" for countries, nations, states, member states…)
and the verb near the count ("signed", "attended", "expected"…: the nearest verb word of
the sentence within a few words, see ``VERBS``). Each figure is dated by a date fact of
its own sentence (the nearest one) when there is one, else by the article's publication
date.

A count's ``role`` keeps apart what must not be compared: attendance (``participants``,
grouped by verb), memberships and tallies (``total``) and what entry into force needs
(``threshold``) are groups of their own; units of every language map to one quantity
("países", "pays" → "countries").

**Disagreements**: within a group, figures with the same date value are the same quantity;
they disagree when the ranges their qualifiers allow do not meet. The qualifiers are read
the way reporters use them, with inclusive bounds: "more than 110" and "at least 110" allow
110 and up, "nearly 60" 54–60, "about 60" 54–66, "fewer than / up to 60" up to 60, a range
"20 to 25" 20–25. So "more than 110" and "110" agree, "more than 110" and "100" disagree,
and "68" and "72" disagree.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from treatytui.facts.model import QUALIFIER_PHRASES
from treatytui.search.viewrows import (
    FIGURE_KINDS,
    ROLE_TITLES,
    ROLES,
    UNIT_ORDER,
    UNITS,
    VERB_ORDER,
    VERBS,
    classify_verb,
    disagreeing,
    figure_bounds,
    figure_fields,
    normalise_unit,
)
from treatytui.views.bulk import gc_paused
from treatytui.views.dates import DateRange, covered_days, date_label
from treatytui.views.mentions import Mention
from treatytui.views.store import MentionTable

if TYPE_CHECKING:
    from treatytui.search.documents import ArticleFacts

__all__ = [
    "FIGURE_KINDS", "ROLES", "UNITS", "VERBS", "Figure", "FigureGroup", "build_figures",
    "classify_verb", "filter_figures", "normalise_unit",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Figure:
    """One count reported by one article, with its context and its date."""

    value: float
    value_to: float | None
    qualifier: str
    unit: str  # the quantity it counts ("countries"), the group's unit
    written_unit: str  # as the article has it ("member states")
    verb: str
    date_from: date | None
    date_to: date | None
    precision: str
    dated_by: str  # "sentence" (a date fact of the sentence), "published" or "" (none)
    mention: Mention
    disagrees: bool = False
    role: str = "participants"  # participants, total or threshold (see ROLES)

    @property
    def label(self) -> str:
        """``more than 110 countries``, ``20–25 delegates``."""
        return _label(self.value, self.value_to, self.qualifier, self.written_unit)

    @property
    def date_label(self) -> str:
        """The figure's date as people write it, or an empty string."""
        if self.date_from is None:
            return ""
        return date_label(self.date_from, self.date_to, self.precision)

    @property
    def bounds(self) -> tuple[float, float]:
        """The values the figure allows, read as described in the module docstring."""
        return figure_bounds(self.value, self.value_to, self.qualifier)


def _label(value: float, value_to: float | None, qualifier: str, written_unit: str) -> str:
    number = _number(value)
    if value_to is not None:
        number = f"{number}–{_number(value_to)}"
    words = (QUALIFIER_PHRASES.get(qualifier, ""), number, written_unit)
    return " ".join(word for word in words if word)


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Every figure reported for one quantity: a unit, a verb and a role.

    Attendance (``participants``) is grouped by verb; totals and thresholds are groups of
    their own, so that a membership or an entry-into-force threshold is never compared
    with the number of countries that came."""

    unit: str
    verb: str
    figures: Sequence[Figure]
    """A ``FigureList`` when built here: figures made when asked for."""
    role: str = "participants"

    @property
    def title(self) -> str:
        """``countries · signed``, ``countries · in total``."""
        if self.role in ROLE_TITLES:
            return f"{self.unit} · {ROLE_TITLES[self.role]}"
        return f"{self.unit} · {self.verb}"

    @property
    def disagreements(self) -> int:
        """How many figures disagree with another one of the same date."""
        counted = getattr(self.figures, "disagreements", None)
        if isinstance(counted, int):  # a FigureList's, or one read from the stored rows
            return counted
        return sum(figure.disagrees for figure in self.figures)


class _Codes:
    """A few distinct strings (units, verbs, qualifiers…), each kept once, by number."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._numbers: dict[str, int] = {}

    def number(self, value: str) -> int:
        found = self._numbers.get(value)
        if found is None:
            found = self._numbers[value] = len(self.strings)
            self.strings.append(value)
        return found


class FigureTable:
    """A figures view's figures as columns of numbers (strings once each in ``codes``,
    dates as day numbers, 0 for none); ``Figure`` objects are made when asked for."""

    def __init__(self) -> None:
        self.mentions = MentionTable()
        self.codes = _Codes()
        self.value = array("d")
        self.value_to = array("d")  # NaN: none
        self.date_from = array("i")
        self.date_to = array("i")
        self.first = array("i")  # the days the date covers (for the date filter)
        self.last = array("i")
        self.disagrees = array("b")
        # qualifier, unit, written unit, verb, precision, dated by, role
        self.strings = array("H")
        self.mention = array("i")

    def __len__(self) -> int:
        return len(self.value)

    def add(self, fields: tuple, mention: int) -> int:
        """Keep a figure (``_fields`` of a count); its number."""
        value, value_to, strings, start, end = fields
        self.value.append(value)
        self.value_to.append(math.nan if value_to is None else value_to)
        self.date_from.append(start.toordinal() if start else 0)
        self.date_to.append(end.toordinal() if end else 0)
        if start is not None:
            first, last = covered_days(start, end, strings[4])
            self.first.append(first.toordinal())
            self.last.append(last.toordinal())
        else:
            self.first.append(0)
            self.last.append(0)
        self.disagrees.append(0)
        self.strings.extend(self.codes.number(text) for text in strings)
        self.mention.append(mention)
        return len(self.value) - 1

    def string(self, number: int, column: int) -> str:
        return self.codes.strings[self.strings[number * 7 + column]]

    def bounds(self, number: int) -> tuple[float, float]:
        return figure_bounds(self.value[number], self._value_to(number), self.string(number, 0))

    def _value_to(self, number: int) -> float | None:
        value_to = self.value_to[number]
        return None if math.isnan(value_to) else value_to

    def label(self, number: int) -> str:
        return _label(self.value[number], self._value_to(number), *self._label_parts(number))

    def _label_parts(self, number: int) -> tuple[str, str]:
        return self.string(number, 0), self.string(number, 2)

    def __getitem__(self, number: int) -> Figure:
        start, end = self.date_from[number], self.date_to[number]
        return Figure(
            value=self.value[number],
            value_to=self._value_to(number),
            qualifier=self.string(number, 0),
            unit=self.string(number, 1),
            written_unit=self.string(number, 2),
            verb=self.string(number, 3),
            date_from=date.fromordinal(start) if start else None,
            date_to=date.fromordinal(end) if end else None,
            precision=self.string(number, 4),
            dated_by=self.string(number, 5),
            mention=self.mentions[self.mention[number]],
            disagrees=bool(self.disagrees[number]),
            role=self.string(number, 6),
        )


class FigureList(Sequence[Figure]):
    """Some figures of a ``FigureTable``, in order, made into ``Figure`` objects one at a
    time when read."""

    __slots__ = ("numbers", "table")

    def __init__(self, table: FigureTable, numbers: array) -> None:
        self.table = table
        self.numbers = numbers

    def __len__(self) -> int:
        return len(self.numbers)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return [self.table[n] for n in self.numbers[index]]
        return self.table[self.numbers[index]]

    def __iter__(self) -> Iterator[Figure]:
        table = self.table
        return (table[n] for n in self.numbers)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FigureList) and other.table is self.table:
            return other.numbers == self.numbers
        if isinstance(other, Sequence):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((id(self.table), tuple(self.numbers)))

    @property
    def disagreements(self) -> int:
        """How many of them disagree with another figure of their date."""
        marks = self.table.disagrees
        return sum(marks[n] for n in self.numbers)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _mark_disagreements(table: FigureTable, numbers: Sequence[int]) -> None:
    """Mark the figures (one quantity, one date) that meet no other."""
    marks = disagreeing([table.bounds(n) for n in numbers])
    for number, disagrees in zip(numbers, marks, strict=True):
        if disagrees:
            table.disagrees[number] = 1


def build_figures(articles: Iterable[ArticleFacts]) -> list[FigureGroup]:
    """Every participant count of ``articles``, grouped by quantity, disagreements marked.

    ``articles`` is read once, one at a time (a stream from the index will do); the
    figures are kept as columns of a ``FigureTable``, not as objects."""
    with gc_paused():
        table = FigureTable()
        mentions = table.mentions
        buckets: dict[tuple[str, str, str], dict[tuple[int, int], array]]
        buckets = defaultdict(lambda: defaultdict(lambda: array("i")))
        for article in articles:
            counts = [f for f in article.facts if f.kind == "count"]
            if not counts:
                continue
            dates = [f for f in article.facts if f.kind == "date"]
            article_number: int | None = None
            for count in counts:
                fields = figure_fields(article, count, dates)
                if fields is None:
                    continue
                if article_number is None:
                    article_number = mentions.articles.add(article)
                number = table.add(fields, mentions.add(article_number, count))
                strings = fields[2]
                bucket = buckets[(strings[6], strings[1], strings[3])]
                bucket[(table.date_from[number], table.date_to[number])].append(number)
        ids = mentions.articles
        id_rank = array("i", bytes(4 * len(ids)))
        for rank, n in enumerate(sorted(range(len(ids)), key=ids.id)):
            id_rank[n] = rank

        def order(n: int) -> tuple[bool, int, float, int, int]:
            day, m = table.date_from[n], table.mention[n]
            return (not day, day, table.value[n], id_rank[mentions.article[m]], mentions.start[m])

        groups = []
        for (role, unit, verb), by_date in buckets.items():
            for same in by_date.values():
                _mark_disagreements(table, same)
            numbers = sorted((n for same in by_date.values() for n in same), key=order)
            groups.append(FigureGroup(unit, verb, FigureList(table, array("i", numbers)), role))
    return sorted(groups, key=_group_order)


def _group_order(group: FigureGroup) -> tuple[int, int, str, int]:
    unit_rank = UNIT_ORDER.index(group.unit) if group.unit in UNIT_ORDER else len(UNIT_ORDER)
    role_rank = ROLES.index(group.role)
    verb_rank = VERB_ORDER.index(group.verb) if group.verb in VERB_ORDER else len(VERB_ORDER)
    return (role_rank, unit_rank, group.unit, verb_rank)


def filter_figures(
    groups: Iterable[FigureGroup], dates: DateRange | None = None, text: str = ""
) -> list[FigureGroup]:
    """The figures dated within ``dates`` (undated ones only when ``dates`` keeps all)
    whose group, label, sentence, title or source holds ``text`` (case-insensitive)."""
    needle = " ".join(text.split()).casefold()
    dates = dates or DateRange()
    matched: dict[int, set[int]] = {}  # the mentions holding the text, by table
    kept_groups = []
    for group in groups:
        figures = group.figures
        if not isinstance(figures, FigureList):
            figures = _listed(figures)
        table = figures.table
        in_title = needle in group.title.casefold()
        if needle and not in_title and id(table) not in matched:
            matched[id(table)] = table.mentions.matching(needle)
        text_needle = "" if in_title else needle
        numbers = _kept(table, figures.numbers, dates, text_needle, matched.get(id(table)))
        if numbers:
            kept_groups.append(
                FigureGroup(group.unit, group.verb, FigureList(table, numbers), group.role)
            )
    return kept_groups


def _kept(
    table: FigureTable, numbers: array, dates: DateRange, needle: str, found: set[int] | None
) -> array:
    """The figures of ``numbers`` within ``dates`` whose label or mention (one of
    ``found``) holds ``needle``."""
    low = dates.start.toordinal() if dates.start else None
    high = dates.end.toordinal() if dates.end else None
    kept = array("i")
    for n in numbers:
        if not dates.is_everything:
            if not table.date_from[n]:
                continue
            if (low is not None and table.last[n] < low) or (
                high is not None and table.first[n] > high
            ):
                continue
        if needle and not (
            (found is not None and table.mention[n] in found) or needle in table.label(n).casefold()
        ):
            continue
        kept.append(n)
    return kept


class FigureEntries(Sequence["FigureGroup | Figure"]):
    """The lines of a figures list: each group's heading, then its figures (made when
    read: a list of 400,000 figures costs what its groups do)."""

    def __init__(self, groups: Sequence[FigureGroup]) -> None:
        self.groups = list(groups)
        self._starts = array("q")  # each group's heading's position
        position = 0
        for group in self.groups:
            self._starts.append(position)
            position += 1 + len(group.figures)
        self._length = position
        self.figure_count = position - len(self.groups)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        number = bisect_right(self._starts, index) - 1
        group = self.groups[number]
        offset = index - self._starts[number]
        return group if offset == 0 else group.figures[offset - 1]

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """Where ``value`` (a group or a figure equal to one here) stands; ``ValueError``
        when absent. A figure is looked for by its value and span first, so that only
        the figures that may be it are made."""
        stop = self._length if stop is None else stop
        for number, group in enumerate(self.groups):
            position = self._starts[number]
            if isinstance(value, FigureGroup):
                if group == value and start <= position < stop:
                    return position
                continue
            figures = group.figures
            if not isinstance(value, Figure) or group.unit != value.unit:
                continue
            if not isinstance(figures, FigureList):
                candidates = enumerate(figures)
            else:
                table, at = figures.table, value.mention.start
                starts, mentions = table.mentions.start, table.mention
                candidates = (
                    (i, table[n])
                    for i, n in enumerate(figures.numbers)
                    if table.value[n] == value.value and starts[mentions[n]] == at
                )
            for i, figure in candidates:
                if figure == value and start <= position + 1 + i < stop:
                    return position + 1 + i
        raise ValueError(f"{value!r} is not in the list")


def _listed(figures: Iterable[Figure], table: FigureTable | None = None) -> FigureList:
    """Figures made elsewhere (by hand, in a test, read from the stored rows) as a
    ``FigureList`` (of a table of their own unless ``table`` is given)."""
    table = table if table is not None else FigureTable()
    numbers = array("i")
    for figure in figures:
        m = figure.mention
        article = table.mentions.articles.add(
            _Cited(m.article_id, m.title, m.source, m.published, m.url)
        )
        mention = table.mentions.add(article, _Spanned(m.text, m.start, m.end, m.sentence))
        strings = (
            figure.qualifier, figure.unit, figure.written_unit, figure.verb,
            figure.precision, figure.dated_by, figure.role,
        )  # fmt: skip
        fields = (figure.value, figure.value_to, strings, figure.date_from, figure.date_to)
        number = table.add(fields, mention)
        table.disagrees[number] = int(figure.disagrees)
        numbers.append(number)
    return FigureList(table, numbers)


class _Cited(NamedTuple):
    id: str
    title: str
    source: str | None
    published: date | None
    url: str | None


class _Spanned(NamedTuple):
    text: str
    start: int
    end: int
    sentence: str
