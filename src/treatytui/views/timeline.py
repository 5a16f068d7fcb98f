"""The timeline: every dated fact of a collection in chronological order, one row per event.

Rows are built from the stored facts (``ArticleFacts``), never from article files. The same
event reported by several articles (or twice by one) is one row with all its mentions:
two date facts are the same event when they have the same date value (same first day,
last day and precision) **and** either a venue in common (a venue fact in the same
sentence) or at least two content words in common near the date. Content words are the
words of the ~120 characters around the date that are not stop words, months or numbers,
and not so common in the collection that they tell no events apart (in more than 10% of
the dated sentences, once there are at least 200 of them: "convention", "cybercrime"...).
Publication stamps ("(Latest Update October 27, 2025)") are not events and are left out.

Cost: one pass to collect, a dict to group by date value, a union–find per group over
venue and word-pair keys (linear in mentions), one sort — O(n log n) in the facts.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import TYPE_CHECKING

from treatytui.search.viewrows import TIMELINE_KINDS, content_words, dated_mentions
from treatytui.views.bulk import gc_paused
from treatytui.views.dates import DateRange, covered_days, date_label
from treatytui.views.mentions import Mention, trim_around
from treatytui.views.store import MentionTable

if TYPE_CHECKING:
    from treatytui.search.documents import ArticleFacts

__all__ = ["TIMELINE_KINDS", "TimelineFilter", "TimelineRow", "build_timeline"]

SHARED_WORDS = 2  # content words in common that make two mentions one event
COMMON_FRACTION, COMMON_MINIMUM = 0.10, 200


@dataclass(frozen=True, slots=True, eq=False)
class TimelineRow:
    """One event on the timeline: its date, what is said of it, and who says it.

    The mentions are kept as numbers in the timeline's ``MentionTable`` (their texts
    compressed) and made into ``Mention`` objects when asked for."""

    date_from: date
    date_to: date | None
    precision: str
    first: date
    last: date
    label: str
    article_count: int
    """How many articles report it (a row may hold two mentions from one article)."""
    table: MentionTable
    numbers: array
    """Its mentions' numbers in ``table``, in the order they are listed."""

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Who reports it: by publication date (undated last), article id, position."""
        return tuple(self.table[n] for n in self.numbers)

    @property
    def date_label(self) -> str:
        """The date as people write it: ``25–26 Oct 2025``."""
        return date_label(self.date_from, self.date_to, self.precision)


DateKey = tuple[date, date | None, str]


@dataclass(slots=True)
class _Collected:
    """The dated mentions of a collection while its timeline is built."""

    table: MentionTable
    keys: list[DateKey]  # the distinct date values
    key_of: array  # each mention's date value (a number in ``keys``)
    venue_of: array  # the venues of each mention's sentence (a number in ``venue_sets``)
    venue_sets: list[frozenset[str]]  # the distinct sets (the first one empty)


def _collect(articles: Iterable[ArticleFacts]) -> _Collected:
    collected = _Collected(MentionTable(), [], array("i"), array("i"), [frozenset()])
    key_numbers: dict[DateKey, int] = {}
    venue_numbers: dict[frozenset[str], int] = {frozenset(): 0}
    for article in articles:
        number: int | None = None
        for mention in dated_mentions(article.facts):
            key = mention.key
            if number is None:
                number = collected.table.articles.add(article)
            collected.table.add(number, mention.fact)
            key_number = key_numbers.get(key)
            if key_number is None:
                key_number = key_numbers[key] = len(collected.keys)
                collected.keys.append(key)
            collected.key_of.append(key_number)
            venue_number = venue_numbers.get(mention.venues)
            if venue_number is None:
                venue_number = venue_numbers[mention.venues] = len(collected.venue_sets)
                collected.venue_sets.append(mention.venues)
            collected.venue_of.append(venue_number)
    return collected


@dataclass(slots=True)
class _Words:
    """The content words of the mentions that share a date, as numbers: mention ``m``'s
    are ``numbers[start[m]:end[m]]`` (arrays: a few bytes a mention, whatever the count)."""

    numbers: array
    start: array
    end: array
    count: int = 0  # mentions with their words here

    def of(self, mention: int) -> array:
        return self.numbers[self.start[mention] : self.end[mention]]


def _components(keys_of: Iterable[Iterable[object]]) -> list[list[int]]:
    """The places of the items that share a key, directly or through others: each group
    in order, the groups in the order of their first item (a union–find)."""
    parent: list[int] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[object, int] = {}
    for i, keys in enumerate(keys_of):
        parent.append(i)
        for key in keys:
            j = first_with.setdefault(key, i)
            if j != i:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(parent)):
        groups[root(i)].append(i)
    return list(groups.values())


def _event_keys(venues: Iterable[str], kept: Iterable[object]) -> list[object]:
    """What makes two mentions of one date value one event: a venue, or two content words
    (``kept``: the mention's, sorted, the too common ones left out)."""
    keys: list[object] = [("venue", v) for v in venues]
    keys.extend(combinations(kept, SHARED_WORDS))
    return keys


def _clusters(
    items: Sequence[int], words: _Words, collected: _Collected, common: frozenset[int]
) -> list[list[int]]:
    venue_of, venue_sets = collected.venue_of, collected.venue_sets
    keys_of = (
        _event_keys(
            venue_sets[venue_of[item]], sorted(w for w in words.of(item) if w not in common)
        )
        for item in items
    )
    return [[items[i] for i in group] for group in _components(keys_of)]


def _row(key: DateKey, items: Sequence[int], table: MentionTable, ranks: array) -> TimelineRow:
    start, end, precision = key
    items = sorted(items, key=lambda n: (ranks[table.article[n]], table.start[n]))
    first, last = covered_days(start, end, precision)
    lead = items[0]
    return TimelineRow(
        date_from=start,
        date_to=end,
        precision=precision,
        first=first,
        last=last,
        label=trim_around(table.sentence_of(lead), table.text_of(lead)),
        article_count=len({table.article[n] for n in items}),
        table=table,
        numbers=array("i", items),
    )


def build_timeline(articles: Iterable[ArticleFacts]) -> list[TimelineRow]:
    """Every dated fact of ``articles`` in chronological order, one row per event.

    ``articles`` is read once, one at a time (a stream from the index will do): what the
    rows keep of each is its mentions' numbers and compressed texts, not its facts."""
    with gc_paused():
        collected = _collect(articles)
        table = collected.table
        by_date: dict[int, array] = defaultdict(lambda: array("i"))
        for number, key in enumerate(collected.key_of):
            by_date[key].append(number)  # an array: 4 bytes a mention, not an int object
        del collected.key_of
        ranks = table.articles.order()
        keys = collected.keys
        shared = [(key, items) for key, items in by_date.items() if len(items) > 1]
        rows = [_row(keys[key], items, table, ranks) for key, items in by_date.items()
                if len(items) == 1]  # fmt: skip
        words, common = _common_words(shared, table)
        for key, items in shared:
            for cluster in _clusters(items, words, collected, common):
                rows.append(_row(keys[key], cluster, table, ranks))
        rows.sort(key=lambda row: (row.first, -row.last.toordinal(), row.label))
    return rows


def _common_words(
    shared: list[tuple[int, array]], table: MentionTable
) -> tuple[_Words, frozenset[int]]:
    """The content words of mentions that share a date; the too common ones."""
    document_frequency: Counter[int] = Counter()
    size = len(table)
    words = _Words(array("i"), array("i", bytes(4 * size)), array("i", bytes(4 * size)))
    vocabulary: dict[str, int] = {}
    for number in sorted(n for _key, items in shared for n in items):  # the store's order
        found = [
            vocabulary.setdefault(word, len(vocabulary))
            for word in content_words(table.sentence_of(number), table.text_of(number))
        ]
        words.start[number] = len(words.numbers)
        words.numbers.extend(found)
        words.end[number] = len(words.numbers)
        words.count += 1
        document_frequency.update(found)
    total = words.count
    if total < COMMON_MINIMUM:
        return words, frozenset()
    common = frozenset(
        word for word, n in document_frequency.items() if n > COMMON_FRACTION * total
    )
    return words, common


# -- filters and jumps -------------------------------------------------------------------
class TimelineFilter:
    """Filters a timeline by date range and text (case-insensitive, in any of its words)."""

    def __init__(self, rows: Sequence[TimelineRow]) -> None:
        self.rows = rows

    def _matching(self, needle: str) -> list[bool]:
        """For each row: whether its label, date, sentences, titles or sources hold ``needle``."""
        matched: dict[int, set[int]] = {}  # by table: the rows may come from several
        kept = []
        for row in self.rows:
            if needle in row.label.casefold() or needle in row.date_label.casefold():
                kept.append(True)
                continue
            found = matched.get(id(row.table))
            if found is None:
                found = matched[id(row.table)] = row.table.matching(needle)
            kept.append(any(n in found for n in row.numbers))
        return kept

    def apply(self, dates: DateRange | None = None, text: str = "") -> list[TimelineRow]:
        """The rows within ``dates`` whose label, sentences, titles or sources hold ``text``."""
        needle = " ".join(text.split()).casefold()
        dates = dates or DateRange()
        matches = self._matching(needle) if needle else None
        return [
            row
            for i, row in enumerate(self.rows)
            if (dates.is_everything or dates.overlaps(row.first, row.last))
            and (matches is None or matches[i])
        ]


def index_on_or_after(rows: Sequence[TimelineRow], day: date) -> int:
    """The first row starting on or after ``day`` (the last row when none does)."""
    if not rows:
        return 0
    return min(bisect_left(rows, day, key=lambda row: row.first), len(rows) - 1)


def _period_start(day: date, unit: str) -> date:
    return date(day.year, 1, 1) if unit == "year" else date(day.year, day.month, 1)


def _next_period(day: date, unit: str) -> date:
    if unit == "year":
        return date(day.year + 1, 1, 1)
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def step_period(rows: Sequence[TimelineRow], index: int, unit: str, step: int) -> int:
    """The row to jump to from ``rows[index]``: the next (``step`` 1) or previous (-1)
    ``unit`` ("year" or "month") — backwards, first to the start of the current one."""
    if not rows:
        return 0
    index = max(0, min(index, len(rows) - 1))
    current = rows[index].first
    if step > 0:
        target = bisect_left(rows, _next_period(current, unit), key=lambda row: row.first)
        return target if target < len(rows) else index
    target = bisect_left(rows, _period_start(current, unit), key=lambda row: row.first)
    if target < index or index == 0:
        return target
    previous = _period_start(rows[index - 1].first, unit)
    return bisect_left(rows, previous, key=lambda row: row.first)
