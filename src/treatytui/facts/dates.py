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
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from treatytui.corpus.dates import date_in_url
from treatytui.facts.datepatterns import (
    WEEKDAY_AND_DAY,
    DateMention,
    date_offsets,
    find_date_mentions,
    is_valid,
)
from treatytui.facts.model import Fact
from treatytui.facts.sentences import SentenceIndex
from treatytui.facts.tenses import INTENDED, WEAK_PAST, Direction, Tenses, ends_with_until

if TYPE_CHECKING:
    from treatytui.corpus.article import Article

_SLACK = timedelta(days=2)
_WEAK_SLACK = timedelta(days=7)
_MONTH_AHEAD = timedelta(days=14)
_INTENDED_SLACK = timedelta(days=31)
"""How far before the publication date a date a past decision looks ahead to may lie."""
_ONGOING_REACH = 62
"""Days either side of the publication date an "until" date is looked for in first."""
_FLASHBACK_REACH = 31
"""Days before the story's date a date told in the past stays in its year."""
_YEAR_WORD = re.compile(r"(?<![\w/.,-])((?:19|20)[0-9]{2})(?![\w/-]|[.,][0-9])")
# A number after these is a year even when a word follows it ("in 2025 the talks").
_YEAR_LEAD = re.compile(
    r"\b(?:in|of|since|until|by|for|from|en|de|del|desde|hasta|em|do|da|até|depuis|"
    r"jusqu['’]en|année|año|ano|anno|Jahr|im|tahun|năm|the|el|la|le|il|o|a)\s+$",
    re.IGNORECASE,
)
# Not years of events: plans named after the year they aim at ("Agenda 2030").
_YEAR_NAME = re.compile(
    r"\b(?:Agenda|Vision|Visión|Visão|Horizon|Horizonte|Strategy|Estrategia|Estratégia)\s+$"
)
_YEAR_SINCE = re.compile(
    r"\b(?:since|desde|depuis|seit|sejak|dal|dès)\s+(?:(?:el|o|l['’]|il|año|ano|an)\s+)?$",
    re.IGNORECASE,
)
_YEAR_NAME_AFTER = re.compile(r"\s+(?:Agenda|Vision|Strategy)\b")


class _Lazy:
    """A pattern compiled on first use: importing the facts package compiles nothing new."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def get(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled


# Years that date the making of a body or an instrument, not the events of the story: "the
# convention, signed in Ramsar in 1971", "fundada en 1995", "créée en 1945", "the 1982
# Convention", "el Convenio de 1979". Run on the text just before the year.
_FOUNDING_YEAR = _Lazy(
    r"\b(?:signed|founded|established|created|set\s+up|adopted|concluded|formed|"
    r"firmad[oa]s?|suscrit[oa]s?|fundad[oa]s?|cread[oa]s?|criad[oa]s?|establecid[oa]s?|"
    r"estabelecid[oa]s?|adoptad[oa]s?|adotad[oa]s?|constituid[oa]s?|"
    r"signée?s?|fondée?s?|créée?s?|établie?s?|adoptée?s?|conclue?s?|instituée?s?|"
    r"assinad[oa]s?|(?:entered|came)\s+into\s+force|entró\s+en\s+vigor|entrou\s+em\s+vigor|"
    r"entrée?s?\s+en\s+vigueur)\b[^.;:!?\n]{0,40}?\b(?:in|en|em|of|de|do|da|del|el|au|à)\s+$",
    re.IGNORECASE,
)
_INSTRUMENT_OF = _Lazy(
    r"\b(?:Convention|Treaty|Agreement|Protocol|Charter|Act|Declaration|Accord|Convenio|"
    r"Convención|Tratado|Acuerdo|Protocolo|Carta|Declaración|Traité|Accord|Protocole|Charte|"
    r"Déclaration|Convenção|Acordo|Declaração)(?:\s+(?:of|de|d['’])\s+[A-ZÀ-Ý][\w-]*)?"
    r"\s+(?:of|de|do|da|del|du)\s+$"
)
# "the 1982 Convention": a year inside the name of an instrument or a plan.
_INSTRUMENT_AFTER = _Lazy(
    r"\s+(?:Convention|Treaty|Agreement|Protocol|Charter|Act|Declaration|Accord|Agenda|"
    r"Goals?|Targets?|Plan|Framework|Strategy)\b"
)
# Between a yearless date and a full one that closes its span: "opens on 23 November and
# runs until 26 November 2026", "del 3 al 5 de marzo y hasta el 7 de marzo de 2027".
# Group "span": the words close a span (it may cross New Year); without them, only "and".
_CARRY_GAP = _Lazy(
    r"\s*,?\s*(?:(?P<and>and|y|et|e)\s+)?(?:(?:it\s+)?(?P<verb>runs?|lasts?|continues?|ends?|"
    r"closes?|concludes?|se\s+prolonga(?:rá)?|dura(?:rá)?|termina(?:rá)?|concluye|concluirá|"
    r"se\s+poursuit|se\s+poursuivra|durera|se\s+termine(?:ra)?|prend(?:ra)?\s+fin|"
    r"prossegue|prosseguirá|vai|irá|encerra(?:rá)?)\s+)?"
    r"(?:(?:on|el|le|a|no\s+dia|em)\s+|(?P<span>until\s+|till\s+|through\s+|to\s+|"
    r"hasta\s+(?:el\s+)?|jusqu['’](?:au|à)\s+(?:le\s+)?|au\s+|até\s+(?:(?:o\s+)?dia\s+)?|"
    r"al\s+|-\s*|–\s*))?",
    re.IGNORECASE,
)
_CARRY_REACH = 80
_FAR_BEFORE = 4
"""A year this many years before the latest full date of the article is another story's."""
_LOWER_WORD_AFTER = re.compile(r"\s+[a-zà-ÿ]")
_DATELINE_PARTICLES = frozenset("de da do del della la le el di of al dos das du".split())
_DATELINE_PLACE_CHARS = 48
# After a dateline's date: an agency in brackets, then a dash ("(AFP) -", "(EFE).-", "--").
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?(?:\.?[-–—]{1,2}|:)")


@lru_cache(maxsize=4096)  # asked for each year a yearless date may take
def _interval(year: int, month: int, day: int | None) -> tuple[date, date]:
    """The first and last day a date of some precision covers."""
    if day is not None:
        one = date(year, month, day)
        return one, one
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def tense(sentence: str, offset: int, language: str = "en") -> Direction:
    """Whether the sentence around ``offset`` looks forward (+1), back (-1) or neither."""
    return max(-1, min(1, Tenses.of(sentence, language).at(offset)))


def is_dateline(text: str, mention: DateMention) -> bool:
    """Whether ``mention`` is the date of a dateline ("GENEVA, 17 June (UN) —").

    A dateline opens a line: a place in capitals or title case (a few words, maybe with
    "de", "do"...), the date, then perhaps an agency in brackets, then a dash; or the date
    and the agency alone.
    """
    line_start = text.rfind("\n", max(0, mention.start - 64), mention.start) + 1
    if mention.start - line_start > _DATELINE_PLACE_CHARS + 8:
        return False  # most dates: well into their line
    place = text[line_start : mention.start].strip().rstrip(",").strip()
    if len(place) > _DATELINE_PLACE_CHARS:
        return False
    for word in place.split():
        if not (word[0].isupper() or word in _DATELINE_PARTICLES):
            return False
    after = _DATELINE_AFTER.match(text, mention.end)
    # Without a place, only an agency in brackets makes it one ("Nov 4 (Reuters) -").
    return after is not None and (bool(place) or "(" in after.group())


class YearResolver:
    """Fills in the year of dates written without one, for one article.

    The publication date anchors them: the article's own (metadata), else the date in
    its URL path, else the full date of its dateline. With an anchor, the tense of the
    sentence picks the side ("was held on 3 May" in January: last May); a dateline's
    date is never after the publication date. Without one, a yearless date takes the year
    written nearest it in its sentence, else in its paragraph, else the article's only
    year if the text states it before the date. Otherwise the year is unknown.
    """

    def __init__(
        self,
        article: Article,
        mentions: list[DateMention],
        sentences: SentenceIndex,
        language: str = "en",
    ) -> None:
        self.text = article.text
        self.sentences = sentences
        self.language = language
        self._tenses: dict[int, Tenses] = {}  # by sentence start: read each sentence once
        self._datelines = {i for i, m in enumerate(mentions) if is_dateline(self.text, m)}
        self._mentions = mentions
        self._years: list[tuple[int, int, int]] | None = None  # found on demand
        self._founding: set[int] = set()  # offsets of years of a body's or treaty's making
        self._current_year: int | bool | None = False  # False: not worked out yet
        published = article.published
        if published is None and article.url:
            published = date_in_url(article.url)
        if published is None:
            published = self._dateline_date()
        self.published = published

    def _dateline_date(self) -> date | None:
        for i in sorted(self._datelines):
            m = self._mentions[i]
            if m.year and m.month and m.day and is_valid(m.year, m.month, m.day):
                return date(m.year, m.month, m.day)
        return None

    def direction(self, mention: DateMention) -> Direction:
        """Which side of the publication date ``mention`` lies on, as its words tell."""
        if mention.tense:
            return mention.tense
        return self._direction_at(mention.start)

    def year(self, mention: DateMention, index: int = -1) -> int | None:
        """The year of a yearless mention, or None when the article gives no way to tell."""
        month, day = mention.month, mention.day
        if month is None:
            return None
        if index not in self._datelines:
            carried = self._year_carried_back(mention, index)
            if carried is not None:
                return carried
        ref = self.published
        if ref is None:
            return self._year_without_publication(mention)
        years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if is_valid(y, month, day)]
        if not years:
            return None
        if index in self._datelines:
            # The dateline dates the article: on or just before its publication date.
            behind = [y for y in years if _interval(y, month, day)[0] <= ref + _SLACK]
            return behind[-1] if behind else None
        if mention.year_hint is not None:
            return ref.year + {"this": 0, "next": 1, "last": -1}[mention.year_hint]
        if mention.relative is not None:
            return self._from_determiner(mention.relative, month)
        if mention.weekday is not None and day is not None:
            fitting = [y for y in years if date(y, month, day).weekday() == mention.weekday]
            if len(fitting) == 1:
                return fitting[0]
            years = fitting or years
        way = self.direction(mention)
        if way <= 0 and not mention.tense and self._until_before(mention):
            ongoing = self._ongoing(years, month, day)
            if ongoing is not None:
                return ongoing
        return self._by_tense(years, month, day, way)

    def _until_before(self, mention: DateMention) -> bool:
        """Whether "until" ("hasta el", "jusqu'au", "até") leads ``mention``."""
        low = max(0, mention.start - 24)
        return ends_with_until(self.text[low : mention.start], self.language)

    def _ongoing(self, years: list[int], month: int, day: int | None) -> int | None:
        """The year that puts an "until" date nearest the publication date, when it is
        within ``_ONGOING_REACH`` days of it: what lasts "until 3 May" goes on around
        the time of writing, even told in the past ("were extended until 3 May"). (Told
        in the future, it is not over: the future reading stands.)"""
        ref = self.published
        assert ref is not None
        best: tuple[int, int] | None = None
        for y in years:
            first, last = _interval(y, month, day)
            distance = max((first - ref).days, (ref - last).days, 0)
            if distance <= _ONGOING_REACH and (best is None or distance < best[0]):
                best = (distance, y)
        return best[1] if best is not None else None

    def _year_carried_back(self, mention: DateMention, index: int) -> int | None:
        """The year of the full date that closes the span ``mention`` opens, later in
        its sentence ("opens on 23 November and runs until 26 November 2026"): that
        year, or the one before when the span crosses New Year."""
        if index < 0 or index + 1 >= len(self._mentions) or mention.month is None:
            return None
        if mention.year_hint is not None or mention.relative is not None:
            return None
        after = self._mentions[index + 1]
        if after.year is None or after.month is None or after.start - mention.end > _CARRY_REACH:
            return None
        gap = _CARRY_GAP.get().fullmatch(self.text, mention.end, after.start)
        if gap is None or not (gap.group("span") or gap.group("verb") or gap.group("and")):
            return None  # side by side or after a comma: a list of other dates
        last = (mention.month_to or mention.month, mention.day_to or mention.day or 1)
        if last <= (after.month, after.day or 31):
            return after.year
        # a span across New Year: "opens on 28 December and closes on 3 January 2027"
        crossing = gap.group("span") or gap.group("verb")
        return after.year - 1 if crossing and after.month < 3 and mention.month > 10 else None

    def _from_determiner(self, word: str, month: int) -> int:
        """ "this March", "next March", "last March", from the publication date."""
        ref = self.published
        assert ref is not None
        if word == "this":
            return ref.year
        if word == "next":
            return ref.year if month > ref.month else ref.year + 1
        return ref.year if month < ref.month else ref.year - 1

    def _by_tense(self, years: list[int], month: int, day: int | None, way: Direction) -> int:
        ref = self.published
        assert ref is not None
        spans = {y: _interval(y, month, day) for y in years}
        if way > 0:
            # a month ahead is one that has not half gone: "will be held in November",
            # written on 28 November, is next November
            slack = _INTENDED_SLACK if way == INTENDED else _SLACK
            ahead = [
                y
                for y in years
                if (spans[y][1] if day is not None else spans[y][0] + _MONTH_AHEAD) >= ref - slack
            ]
            if ahead:
                return ahead[0]
        elif way < 0:
            slack = _WEAK_SLACK if way == WEAK_PAST else _SLACK
            behind = [y for y in years if spans[y][0] <= ref + slack]
            if behind:
                return behind[-1]

        def distance(y: int) -> int:
            first, last = spans[y]
            return max((first - ref).days, (ref - last).days, 0)

        return min(years, key=distance)

    # --- without a publication date: the years the text writes -------------------------

    def years_written(self) -> list[tuple[int, int, int]]:
        """(offset, year, index of the date mention or -1) of every year the text states,
        in a date or alone, in text order."""
        if self._years is None:
            found = {(m.start, m.year, i) for i, m in enumerate(self._mentions) if m.year}
            inside = {m.start for m in self._mentions if m.year}
            text = self.text
            for match in _YEAR_WORD.finditer(text):
                start = match.start()
                before = text[max(0, start - 16) : start]
                if _YEAR_NAME.search(before) or _YEAR_NAME_AFTER.match(text, match.end()):
                    continue
                if self._in_mention(start, inside):
                    continue
                if _YEAR_SINCE.search(before):  # "a member since 2017": not an event's year
                    continue
                if _LOWER_WORD_AFTER.match(text, match.end()) and not _YEAR_LEAD.search(before):
                    continue  # "2000 delegates": a number, not a year
                if _INSTRUMENT_AFTER.get().match(text, match.end()) or _INSTRUMENT_OF.get().search(
                    text[max(0, start - 48) : start]
                ):
                    self._founding.add(start)
                found.add((start, int(match.group(1)), -1))
            for offset, _, _ in found:
                if _FOUNDING_YEAR.get().search(text[max(0, offset - 64) : offset]):
                    self._founding.add(offset)
            self._years = sorted(found)
        return self._years

    def _anchor_years(self, mention: DateMention) -> list[tuple[int, int, int]]:
        """The years written that may give ``mention`` its year.

        Not a year of a body's or a treaty's making ("signed in 1971", "the 1982
        Convention"), nor one at least ``_FAR_BEFORE`` years before the latest full date
        (a past event of another story), unless it is in the mention's own sentence and
        the mention looks back ("the convention, signed in 1971 on 2 February"), or, for
        a far year, does not look ahead.
        """
        years = self.years_written()
        full = [m.year for m in self._mentions if m.year and m.month]
        latest = max(full, default=None)
        sentence = self.sentences.at(mention.start)
        way = self.direction(mention)
        looks_back, looks_ahead = way < 0, way > 0

        def usable(offset: int, year: int) -> bool:
            founding = offset in self._founding
            far = latest is not None and year <= latest - _FAR_BEFORE
            if not (founding or far):
                return True
            inside = sentence is not None and sentence.start <= offset < sentence.end
            return inside and (looks_back or (not founding and not looks_ahead))

        return [y for y in years if usable(y[0], y[1])]

    def _in_mention(self, offset: int, starts: set[int]) -> bool:
        return any(m.start <= offset < m.end for m in self._mentions if m.start in starts)

    def _year_without_publication(self, mention: DateMention) -> int | None:
        """The year of a yearless mention in an article with no publication date."""
        assert mention.month is not None
        if mention.year_hint == "this" or mention.relative == "this":
            return self.current_year()
        if mention.year_hint is not None or mention.relative is not None:
            return None  # "next March", "last year": relative to a date nobody states
        fitting = self._weekday_fits(mention)
        if fitting is not None:
            return fitting
        year = self._year_written_near(mention)
        if year is None and self.direction(mention) >= 0:
            year = self.current_year()
        if year is not None and self.direction(mention) > 0:
            year += self._before_now(mention, year)
        return year

    def _before_now(self, mention: DateMention, year: int) -> int:
        """1 when ``mention``, looking ahead, would end in ``year`` before the day a
        weekday fixes as the time of writing ("on Monday, March 2 ... will be held in
        February": next February); else 0."""
        now = self._weekday_now()
        if now is None or now.year != year or not is_valid(year, mention.month or 0, mention.day):
            return 0
        assert mention.month is not None
        first, last = _interval(year, mention.month, mention.day)
        # as with a publication date, a month ahead is one that has not half gone
        return int((last if mention.day is not None else first + _MONTH_AHEAD) < now - _SLACK)

    def _weekday_now(self) -> date | None:
        """The day of the first yearless date whose weekday fits one year only."""
        for mention in self._mentions:
            if mention.year is None and mention.month is not None and mention.day is not None:
                found = self._weekday_fits(mention)
                if found is not None:
                    return date(found, mention.month, mention.day)
        return None

    def _weekday_fits(self, mention: DateMention) -> int | None:
        """The one year near those the text writes in which the mention's weekday fits."""
        if mention.weekday is None or mention.day is None or mention.month is None:
            return None
        near = {y + step for _, y, _ in self.years_written() for step in (-1, 0, 1)}
        fitting = [
            y
            for y in sorted(near)
            if is_valid(y, mention.month, mention.day)
            and date(y, mention.month, mention.day).weekday() == mention.weekday
        ]
        return fitting[0] if len(fitting) == 1 else None

    def current_year(self) -> int | None:
        """The year the article is written in, when its text establishes it without a
        publication date: a weekday that fits a day in one year only ("Friday
        (September 12)"), else "this October" after the latest full date not ahead."""
        if self._current_year is not False:
            return self._current_year
        found: int | None = None
        for mention in self._mentions:
            if mention.year is None:
                found = self._weekday_fits(mention)
                if found is not None:
                    break
        if found is None:
            found = self._this_year_after_latest()
        self._current_year = found
        return found

    def _this_year_after_latest(self) -> int | None:
        latest: tuple[date, DateMention] | None = None
        for mention in self._mentions:
            if mention.year is None or mention.month is None or self.direction(mention) > 0:
                continue
            if is_valid(mention.year, mention.month, mention.day):
                first = _interval(mention.year, mention.month, mention.day)[0]
                if latest is None or first > latest[0]:
                    latest = (first, mention)
        if latest is None:
            return None
        for mention in self._mentions:
            this = mention.year_hint == "this" or mention.relative == "this"
            if this and mention.year is None and mention.month is not None:
                day = mention.day or 1
                later = (mention.month, day) >= (latest[0].month, latest[0].day)
                return latest[0].year if later else latest[0].year + 1
        return None

    def _year_written_near(self, mention: DateMention) -> int | None:
        """The year written nearest ``mention`` in its sentence, else its paragraph; else
        the article's only year when the text states it before the mention.

        A full date written before the mention, in a sentence that does not look ahead,
        is where the story stands: a later day of the calendar is in its year, an
        earlier one in the next ("adopted on 24 December 2024 ... opens for signature on
        25 October" is 2025).
        """
        years = self._anchor_years(mention)
        if not years:
            return None
        sentence = self.sentences.at(mention.start)
        text = self.text
        paragraph = (text.rfind("\n", 0, mention.start) + 1, _line_end(text, mention.end))
        areas = [paragraph] if sentence is None else [(sentence.start, sentence.end), paragraph]
        way = self.direction(mention)
        for low, high in areas:
            near = [
                (abs(offset - mention.start), offset, year, index)
                for offset, year, index in years
                if low <= offset < high and self._same_side(way, mention, offset)
            ]
            if near:
                _, _, year, index = min(near)
                return year + self._story_moves_on(mention, index)
        # the article's only year, a founding year aside (a far one is still a year stated)
        distinct = {y for offset, y, _ in self.years_written() if offset not in self._founding}
        first, year, index = years[0]
        if len(distinct) == 1 and first < mention.start and self._same_side(way, mention, first):
            return year + self._story_moves_on(mention, index)
        return None

    def _same_side(self, way: Direction, mention: DateMention, offset: int) -> bool:
        """False when a year in another sentence is told in the past and ``mention`` in
        the future (or the other way round): that year says nothing of the mention's."""
        sentence = self.sentences.at(mention.start)
        if sentence is not None and sentence.start <= offset < sentence.end:
            return True
        other = self._direction_at(offset)
        return not ((way > 0 and other < 0) or (way < 0 and other > 0))

    def _direction_at(self, offset: int) -> Direction:
        sentence = self.sentences.at(offset)
        if sentence is None:
            return 0
        tenses = self._tenses.get(sentence.start)
        if tenses is None:
            tenses = self._tenses[sentence.start] = Tenses.of(sentence.text, self.language)
        return tenses.at(offset - sentence.start)

    def _story_moves_on(self, mention: DateMention, index: int) -> int:
        """1 when the full date ``index`` comes first and ``mention`` is earlier in the
        calendar, so it falls in the next year; else 0."""
        if index < 0:
            return 0
        anchor = self._mentions[index]
        if anchor.start > mention.start or anchor.month is None or self.direction(anchor) > 0:
            return 0
        assert mention.month is not None
        if (mention.month, mention.day or 1) >= (anchor.month, anchor.day or 1):
            return 0
        return 0 if self._flashback(mention, anchor) else 1

    def _flashback(self, mention: DateMention, anchor: DateMention) -> bool:
        """Whether ``mention``, earlier in the calendar than the full date ``anchor``,
        is told in the past and lies at most ``_FLASHBACK_REACH`` days before it: the
        story looks back a few days ("adopted on 24 December 2024 ... on 20 December,
        negotiators had reached a deal"), not on to the next year."""
        assert anchor.year is not None and anchor.month is not None
        assert mention.month is not None
        if self.direction(mention) >= 0 or not is_valid(anchor.year, mention.month, mention.day):
            return False
        if not is_valid(anchor.year, anchor.month, anchor.day):
            return False
        last = _interval(anchor.year, mention.month, mention.day)[1]
        first = _interval(anchor.year, anchor.month, anchor.day)[0]
        return (first - last).days <= _FLASHBACK_REACH


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _relative_attrs(mention: DateMention, published: date | None) -> dict[str, Any] | None:
    if published is None:
        return None
    word = mention.relative
    if word == WEEKDAY_AND_DAY:
        day = _nearest_weekday_and_day(published, mention.weekday, mention.day)
        return _attrs(day, None, "day") | {"resolved": "relative"} if day else None
    if word in ("yesterday", "tomorrow"):
        day = published + timedelta(days=-1 if word == "yesterday" else 1)
        return _attrs(day, None, "day") | {"resolved": "relative"}
    if word in ("last year", "next year"):
        year = published.year + (-1 if word == "last year" else 1)
        return _attrs(date(year, 1, 1), None, "year") | {"resolved": "relative"}
    return None


_WEEKDAY_REACH = 24
"""Days either side of the publication date a "terça-feira (25)" is looked for in."""


def _nearest_weekday_and_day(published: date, weekday: int | None, day: int | None) -> date | None:
    """The day nearest ``published`` that falls on ``weekday`` and is the ``day`` of its
    month (within ``_WEEKDAY_REACH`` days), or None."""
    for distance in range(_WEEKDAY_REACH + 1):
        step = timedelta(days=distance)
        for candidate in (published - step, published + step):
            if candidate.day == day and candidate.weekday() == weekday:
                return candidate
    return None


def _attrs(first: date, last: date | None, precision: str) -> dict[str, Any]:
    return {
        "date_from": first.isoformat(),
        "date_to": last.isoformat() if last is not None else None,
        "precision": precision,
    }


def _yearless_attrs(mention: DateMention) -> dict[str, Any] | None:
    """The fields of a date whose year nothing establishes: month and day, no year.

    None when no year could make it a real date (30 February) or a range that ends
    before it starts.
    """
    assert mention.month is not None
    leap = 2000  # any leap year: 29 February may be real
    if not is_valid(leap, mention.month, mention.day):
        return None
    attrs: dict[str, Any] = {
        "date_from": None,
        "date_to": None,
        "precision": mention.precision,
        "year_known": False,
        "month": mention.month,
        "day": mention.day,
    }
    if mention.is_range:
        assert mention.month_to is not None
        if not is_valid(leap, mention.month_to, mention.day_to):
            return None
        same_year = (mention.month_to, mention.day_to or 0) > (mention.month, mention.day or 0)
        if mention.month_to >= mention.month and not same_year:
            return None
        attrs["month_to"], attrs["day_to"] = mention.month_to, mention.day_to
    return attrs


def _mention_attrs(
    mention: DateMention, resolver: YearResolver, index: int
) -> dict[str, Any] | None:
    """The contract fields of one mention, or None when it cannot be pinned down."""
    if mention.month is None:
        return _relative_attrs(mention, resolver.published)
    year = mention.year
    inferred = year is None
    if year is None:
        year = resolver.year(mention, index)
        if year is None:
            return _yearless_attrs(mention)
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


# "unlike last year", "than last year": a comparison, not the year of the sentence's dates
_YEAR_WORD_COMPARED = re.compile(r"\b(?:than|unlike|as|like|since|from|with|to)\s+$", re.IGNORECASE)


_POSSESSIVE_YEAR = re.compile(r"\b(last|next|this)\s+year['’]s\b", re.IGNORECASE)


def _apply_possessive_years(mentions: list[DateMention], sentences: SentenceIndex) -> None:
    """ "last year's assembly in Glasgow, held from November 4 to 7": the year of the
    sentence's yearless dates."""
    text = sentences.article.text
    if "year's" not in text and "year’s" not in text:
        return
    for match in _POSSESSIVE_YEAR.finditer(text):
        sentence = sentences.at(match.start())
        if sentence is None:
            continue
        for other in mentions:
            inside = sentence.start <= other.start < sentence.end
            if inside and other.month is not None and other.year is None and not other.year_hint:
                other.year_hint = match.group(1).lower()


# A year named by its distance from now, anywhere in the sentence of a yearless month:
# "l'an prochain, en juin", "El año próximo, en junio", "no ano passado, em junho".
_ROMANCE_YEAR_WORDS = {
    "es": _Lazy(
        r"\b(?:el|del|al)\s+(?:(?P<next>año\s+próximo|próximo\s+año|año\s+que\s+viene)|"
        r"(?P<last>año\s+pasado|pasado\s+año)|(?P<this>presente\s+año))\b|"
        r"\b(?P<this2>este\s+año)\b",
        re.IGNORECASE,
    ),
    "fr": _Lazy(
        r"\bl['’](?:(?P<next>an(?:née)?\s+prochaine?)|(?P<last>an(?:née)?\s+(?:dernière?|passée?)))"
        r"\b|\b(?P<this>cette\s+année)\b",
        re.IGNORECASE,
    ),
    "pt": _Lazy(
        r"\b(?:o|no|do|ao)\s+(?:(?P<next>próximo\s+ano|ano\s+que\s+vem)|"
        r"(?P<last>ano\s+passado))\b|\b(?P<this>(?:este|neste|deste)\s+ano)\b",
        re.IGNORECASE,
    ),
}
# Literal words one of which each pattern above needs (a fast test before running it).
_ROMANCE_YEAR_CUES = {
    "es": (
        "año próximo",
        "róximo año",
        "año que viene",
        "año pasado",
        "pasado año",
        "presente año",
        "ste año",
        "ste Año",
    ),
    "fr": (
        "an prochain",
        "année prochaine",
        "an dernier",
        "année dernière",
        "an passé",
        "année passée",
        "ette année",
    ),
    "pt": ("róximo ano", "ano que vem", "ano passado", "ste ano", "ste Ano"),
}
_COMPARED_BEFORE = _Lazy(r"(?:\b(?:que|than|como|comme)|qu['’])\s*(?:(?:en|em|no|à|a)\s+)?$")


def _apply_romance_year_words(
    mentions: list[DateMention], sentences: SentenceIndex, language: str
) -> None:
    """ "Les ministres se réuniront l'an prochain en juin": the year word of the sentence
    is the year of its yearless months and days (not after "que": a comparison; not for a
    date whose verb looks the other way: "el año pasado se firmó ... y se reunirán el 3
    de marzo")."""
    lazy = _ROMANCE_YEAR_WORDS.get(language)
    if lazy is None or not any(m.month is not None and m.year is None for m in mentions):
        return
    text = sentences.article.text
    if not any(word in text for word in _ROMANCE_YEAR_CUES[language]):
        return
    for match in lazy.get().finditer(text):
        if _COMPARED_BEFORE.get().search(text, max(0, match.start() - 12), match.start()):
            continue
        sentence = sentences.at(match.start())
        if sentence is None:
            continue
        hint = next(k for k, v in match.groupdict().items() if v)
        hint = hint.rstrip("2")
        for other in mentions:
            inside = sentence.start <= other.start < sentence.end
            yearless = other.month is not None and other.year is None
            if not (inside and yearless and not other.year_hint and other.relative is None):
                continue
            way = tense(sentence.text, other.start - sentence.start, language)
            if (hint == "next" and way < 0) or (hint == "last" and way > 0):
                continue
            other.year_hint = hint


def _apply_year_words(mentions: list[DateMention], sentences: SentenceIndex) -> list[DateMention]:
    """ "Last year the budget was approved on December 24": "last year" is the year of
    the sentence's yearless dates, not a date of its own. Unclaimed, it stays one."""
    claimed: set[int] = set()
    _apply_possessive_years(mentions, sentences)
    for i, word in enumerate(mentions):
        if word.month is not None or word.relative not in ("last year", "next year"):
            continue
        sentence = sentences.at(word.start)
        text = sentences.article.text
        if sentence is None or _YEAR_WORD_COMPARED.search(
            text, max(0, word.start - 16), word.start
        ):
            continue
        for other in mentions:
            inside = sentence.start <= other.start < sentence.end
            if inside and other.month is not None and other.year is None and not other.year_hint:
                other.year_hint = word.relative.split()[0]
                claimed.add(i)
    return [m for i, m in enumerate(mentions) if i not in claimed]


def extract_dates(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """The date facts of ``article``, in text order."""
    text = article.text
    language = sentences.language
    runs = sentences.runs_at(date_offsets(text, language))
    mentions = _apply_year_words(find_date_mentions(text, runs, language), sentences)
    _apply_romance_year_words(mentions, sentences, language)
    resolver = YearResolver(article, mentions, sentences, language)
    facts: list[Fact] = []
    for index, mention in enumerate(mentions):
        attrs = _mention_attrs(mention, resolver, index)
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
