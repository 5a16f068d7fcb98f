"""Date facts: when the events an article describes happen or happened.

A date written without a year ("October 25-26") takes it from the publication date and
the tense of its sentence ("will take place" looks forward, "was held" looks back). When
the publication date is unknown, the reference is the latest date the article writes in
full that is not itself in the future tense, and a yearless date is the first such day
on or after it. A weekday written with the date ("Tuesday, Nov. 4") picks the year it
fits. Relative expressions are kept only when the publication date makes them certain
("yesterday", "last year"); they carry ``"resolved": "relative"``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from treatytui.facts.datepatterns import (
    DATE_TRIGGERS,
    DateMention,
    find_date_mentions,
    is_valid,
)
from treatytui.facts.model import Fact
from treatytui.facts.sentences import SentenceIndex

if TYPE_CHECKING:
    from treatytui.corpus.article import Article

_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|(?:is|are)\s+(?:expected|set|scheduled|due|slated|planned|"
    r"poised|going|to\s+be)|(?:set|scheduled|slated|planned)\s+for|upcoming|forthcoming|"
    r"ahead\s+of|plans?\s+to|expected\s+to|(?:is|are)\s+to)\b",
    re.IGNORECASE,
)
_STRONG_PAST = re.compile(
    r"\b(?:was|were|had|took\s+place|ended|concluded|ago|last|earlier|previously)\b",
    re.IGNORECASE,
)
_WEAK_PAST = re.compile(
    r"\b(?:adopted|signed|met|held|opened|hosted|attended|gathered|began|convened|launched|"
    r"announced|approved|has\s+been|have\s+been)\b",
    re.IGNORECASE,
)
_SLACK = timedelta(days=2)

Direction = int  # +1 forward (future), -1 back (past), 0 unknown


def _interval(year: int, month: int, day: int | None) -> tuple[date, date]:
    """The first and last day a date of some precision covers."""
    if day is not None:
        one = date(year, month, day)
        return one, one
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _nearest(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Distance from ``offset`` to the nearest of ``spans``."""
    distances = [min(abs(start - offset), abs(end - offset)) for start, end in spans]
    return min(distances) if distances else None


@dataclass(slots=True)
class _Tenses:
    """Where a sentence speaks of the future, of the past, and whether it has a weak past."""

    future: list[tuple[int, int]]
    past: list[tuple[int, int]]
    weak_past: bool

    @classmethod
    def of(cls, sentence: str) -> _Tenses:
        return cls(
            [m.span() for m in _FUTURE.finditer(sentence)],
            [m.span() for m in _STRONG_PAST.finditer(sentence)],
            _WEAK_PAST.search(sentence) is not None,
        )

    def at(self, offset: int) -> Direction:
        future = _nearest(self.future, offset)
        past = _nearest(self.past, offset)
        if future is not None and (past is None or future <= past):
            return 1
        if past is not None or self.weak_past:
            return -1
        return 0


def tense(sentence: str, offset: int) -> Direction:
    """Whether the sentence around ``offset`` looks forward (+1), back (-1) or neither."""
    return _Tenses.of(sentence).at(offset)


class YearResolver:
    """Fills in the year of dates written without one, for one article."""

    def __init__(
        self,
        published: date | None,
        mentions: Iterable[DateMention],
        sentences: SentenceIndex,
    ) -> None:
        self.published = published
        self.sentences = sentences
        self._tenses: dict[int, _Tenses] = {}  # by sentence start: read each sentence once
        self.anchor = published or self._latest_full_date(mentions)

    def direction(self, mention: DateMention) -> Direction:
        """The tense of the sentence that holds ``mention``."""
        sentence = self.sentences.at(mention.start)
        if sentence is None:
            return 0
        tenses = self._tenses.get(sentence.start)
        if tenses is None:
            tenses = self._tenses[sentence.start] = _Tenses.of(sentence.text)
        return tenses.at(mention.start - sentence.start)

    def _latest_full_date(self, mentions: Iterable[DateMention]) -> date | None:
        latest: date | None = None
        for mention in mentions:
            if mention.year is None or mention.month is None or self.direction(mention) > 0:
                continue
            if not is_valid(mention.year, mention.month, mention.day):
                continue
            first, _ = _interval(mention.year, mention.month, mention.day)
            latest = first if latest is None or first > latest else latest
        return latest

    def year(self, mention: DateMention) -> int | None:
        """The year of a yearless mention, or None when the article gives no way to tell."""
        month, day = mention.month, mention.day
        if month is None or self.anchor is None:
            return None
        ref = self.anchor
        hint = mention.year_hint or mention.relative
        if self.published is not None and hint is not None:
            return self._from_hint(hint, month)
        if self.published is None and hint == "last":
            return None
        years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if is_valid(y, month, day)]
        if mention.weekday is not None and day is not None:
            fitting = [y for y in years if date(y, month, day).weekday() == mention.weekday]
            if len(fitting) == 1:
                return fitting[0]
            years = fitting or years
        if self.published is None:
            later = [y for y in years if _interval(y, month, day)[1] >= ref]
            return later[0] if later else None
        return self._by_tense(years, month, day, self.direction(mention))

    def _from_hint(self, hint: str, month: int) -> int:
        ref = self.published
        assert ref is not None
        if hint == "this":
            return ref.year
        if hint == "next":
            return ref.year if month > ref.month else ref.year + 1
        return ref.year if month < ref.month else ref.year - 1

    def _by_tense(self, years: list[int], month: int, day: int | None, way: Direction) -> int:
        ref = self.published
        assert ref is not None
        spans = {y: _interval(y, month, day) for y in years}
        if way > 0:
            ahead = [y for y in years if spans[y][1] >= ref - _SLACK]
            if ahead:
                return ahead[0]
        elif way < 0:
            behind = [y for y in years if spans[y][0] <= ref + _SLACK]
            if behind:
                return behind[-1]

        def distance(y: int) -> int:
            first, last = spans[y]
            return max((first - ref).days, (ref - last).days, 0)

        return min(years, key=distance)


def _relative_attrs(mention: DateMention, published: date | None) -> dict[str, Any] | None:
    if published is None:
        return None
    word = mention.relative
    if word in ("yesterday", "tomorrow"):
        day = published + timedelta(days=-1 if word == "yesterday" else 1)
        return _attrs(day, None, "day") | {"resolved": "relative"}
    if word in ("last year", "next year"):
        year = published.year + (-1 if word == "last year" else 1)
        return _attrs(date(year, 1, 1), None, "year") | {"resolved": "relative"}
    return None


def _attrs(first: date, last: date | None, precision: str) -> dict[str, Any]:
    return {
        "date_from": first.isoformat(),
        "date_to": last.isoformat() if last is not None else None,
        "precision": precision,
    }


def _mention_attrs(mention: DateMention, resolver: YearResolver) -> dict[str, Any] | None:
    """The contract fields of one mention, or None when it cannot be pinned down."""
    if mention.month is None:
        return _relative_attrs(mention, resolver.published)
    year = mention.year
    inferred = year is None
    if year is None:
        year = resolver.year(mention)
        if year is None:
            return None
    if not is_valid(year, mention.month, mention.day):
        return None
    first = _interval(year, mention.month, mention.day)[0]
    last: date | None = None
    if mention.is_range:
        assert mention.month_to is not None
        year_to = mention.year_to
        if year_to is None:
            year_to = year + 1 if mention.month_to < mention.month else year
        if not is_valid(year_to, mention.month_to, mention.day_to):
            return None
        last = _interval(year_to, mention.month_to, mention.day_to)[0]
        if last <= first:
            return None
    attrs = _attrs(first, last, mention.precision)
    if inferred:
        attrs["year_inferred"] = True
    return attrs


def extract_dates(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """The date facts of ``article``, in text order."""
    text = article.text
    mentions = find_date_mentions(text, sentences.runs_containing(DATE_TRIGGERS))
    resolver = YearResolver(article.published, mentions, sentences)
    facts: list[Fact] = []
    for mention in mentions:
        attrs = _mention_attrs(mention, resolver)
        if attrs is None:
            continue
        facts.append(
            Fact(
                kind="date",
                text=text[mention.start : mention.end],
                start=mention.start,
                end=mention.end,
                sentence=sentences.sentence_text(mention.start, mention.end),
                attrs=attrs,
            )
        )
    return facts
