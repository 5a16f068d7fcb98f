"""Finding the date expressions of a text, before any year is inferred.

``find_date_mentions`` returns :class:`DateMention` objects: the span of the date itself
(a weekday before it or "this year" after it are hints, not part of the span) and the
parts the text states (year, month, day of each end of a range). ``dates.py`` turns them
into facts, filling in missing years.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from treatytui.corpus import calendar_names
from treatytui.facts import datelanguages
from treatytui.facts.sentences import find_all, matches_at, positions

_FULL_MONTHS = tuple(forms[0] for forms in calendar_names.ENGLISH_MONTHS)
_MONTH_BY_PREFIX = {name[:3].lower(): n for n, name in enumerate(_FULL_MONTHS, start=1)}


def _month_alternatives(names: tuple[str, ...]) -> list[str]:
    """The patterns of one month in title case and capitals: full name or abbreviation
    (of three letters, or four as "Sept")."""
    name = names[0]
    four = name[:4] in names[1:]
    forms = []
    for word in (name, name.upper()):
        head, tail = word[:3], word[3:]
        if four:
            forms.append(rf"{head}(?:{tail}\b|{tail[0]}\.|{tail[0]}\b|\.|\b)")
        else:
            forms.append(rf"{head}(?:{tail}\b|\.|\b)" if tail else rf"{head}\b")
    return forms


MONTH = (
    "(?:" + "|".join(f for m in calendar_names.ENGLISH_MONTHS for f in _month_alternatives(m)) + ")"
)
"""A month name, full or abbreviated (with or without a dot), in title case or capitals."""

_DIGITS = "0123456789"
_WIRE_MONTH = "|".join(name[:3].lower() for name in _FULL_MONTHS)
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9])"
# A day of the month: the same as "(?:3[01]|[12][0-9]|0?[1-9])", tried in the same order,
# but written to start with a character set, so that the regular-expression engine skips
# ahead to digits when a pattern starts with a day. Likewise _DAY_OR_MONTH for "[0-3]?[0-9]".
_DAY = r"[0-9](?:(?<=3)[01]|(?<=[12])[0-9]|(?<=0)[1-9]|(?<=[1-9]))"
_DAY_OR_MONTH = r"[0-9](?:(?<=[0-3])[0-9])?"
_ORD = r"(?:st|nd|rd|th)?"
# What may not come just before a match: a letter or digit, or (before a number) a
# character that makes it part of a code, an amount or a larger number.
_NOT_BEFORE_NUMBER = frozenset(".,/:$€£-")
_MONTH_LED = frozenset({"md_md", "md_d", "md", "mm_y", "m_y", "m"})
_DASH = r"\s*[-–—]\s*"
_TO = r"\s+(?:to|until|till|through|thru)\s+(?:the\s+)?"  # "18th to the 22nd"
_AND = r"\s*(?:and|&)\s*"

WEEKDAYS = list(calendar_names.ENGLISH_WEEKDAYS)
_WEEKDAY_BEFORE = re.compile(
    r"\b(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|\.)?"
    r"(?:['’]s)?,?\s*\(?\s*$"
)
_WEEKDAY_INITIALS = re.compile("[MTWFS]")
"""The first letters of ``_WEEKDAY_BEFORE``'s matches: a plain scan for them first."""
_YEAR_AFTER = re.compile(r",?\s+(?:(?:later|earlier)\s+)?(this|next|last)\s+year\b")


@dataclass(slots=True)
class DateMention:
    """A date as written: parts may be missing (``None``) and are filled in later.

    ``month_to``/``day_to`` are set for a range; ``relative`` names the word a
    relative determiner or expression used ("this", "next", "last", "yesterday"...).
    """

    start: int
    end: int
    month: int | None
    day: int | None = None
    year: int | None = None
    month_to: int | None = None
    day_to: int | None = None
    year_to: int | None = None
    relative: str | None = None
    weekday: int | None = None
    year_hint: str | None = None
    tense: int = 0
    """+1 when a word next to the date puts it ahead ("el próximo"), -1 behind ("dernier")."""
    hint_end: int | None = None
    """Where a year hint after the date ("last year") ends."""

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def is_range(self) -> bool:
        """True when the mention states an end as well as a start."""
        return self.month_to is not None


def month_number(name: str) -> int:
    """The number of a month from its name or abbreviation ("Sept." → 9)."""
    return _MONTH_BY_PREFIX[name[:3].lower()]


@lru_cache(maxsize=4096)  # asked three times a yearless date, of a few dozen days
def is_valid(year: int, month: int, day: int | None) -> bool:
    """True when the parts make a real calendar date."""
    try:
        date(year, month, day or 1)
    except ValueError:
        return False
    return True


# --- patterns, most specific first -------------------------------------------------------

_M1, _M2 = rf"(?P<m1>{MONTH})", rf"(?P<m2>{MONTH})"
_D1, _D2 = rf"(?P<d1>{_DAY}){_ORD}(?![0-9])", rf"(?P<d2>{_DAY}){_ORD}(?![0-9])"
_Y1, _Y2 = rf"(?P<y1>{_YEAR})", rf"(?P<y2>{_YEAR})"
_OPT_Y1 = rf"(?:,?\s*{_Y1})?"
_OPT_SLASH_Y1 = rf"(?:(?:,?\s*|/){_Y1})?"  # "March 4/2019", as some wire services write
_OPT_Y2 = rf"(?:,?\s*{_Y2})?"
_SPAN_CONN = rf"(?P<conn>{_DASH}|{_TO})"
_DAY_CONN = rf"(?P<conn>{_DASH}|{_TO}|{_AND})"

_PATTERNS: tuple[tuple[str, str], ...] = (
    # Oct. 31-Nov. 2, 2025 · December 30, 2024 – January 2, 2025
    ("md_md", rf"{_M1}\s*{_D1}{_OPT_Y1}{_SPAN_CONN}{_M2}\s*{_D2}{_OPT_Y2}"),
    # 3 March-14 April 2023
    (
        "dm_dm",
        rf"{_D1}\s+(?:of\s+)?{_M1}{_OPT_Y1}{_SPAN_CONN}{_D2}\s+(?:of\s+)?{_M2}{_OPT_Y2}",
    ),
    # October 25-26 · June 3 to 7 · May 14–15, 2025
    ("md_d", rf"{_M1}\s*{_D1}{_DAY_CONN}{_D2}{_OPT_Y2}"),
    # 14 and 15 May 2025 · 25-26 October
    ("d_dm", rf"{_D1}{_DAY_CONN}{_D2}\s+(?:of\s+)?{_M1}{_OPT_Y2}"),
    # December 24, 2024 · Nov. 4 · October 25th
    ("md", rf"{_M1}\s*{_D1}{_OPT_SLASH_Y1}"),
    # 24 December 2024 · the 25th of October
    ("dm", rf"{_D1}\s+(?:of\s+)?{_M1}{_OPT_Y1}"),
    # 03Nov2025 (wire services)
    ("wire", rf"(?P<d1>{_DAY})(?P<m1>(?i:{_WIRE_MONTH}))(?P<y1>{_YEAR})"),
    # 2025-03-14 · 2025/03/14
    (
        "iso",
        r"(?P<y1>(?:19|20)[0-9]{2})([-/])(?P<n1>[01]?[0-9])\2(?P<n2>[0-3]?[0-9])(?![\w/-])",
    ),
    # 14/03/2025 · 14.03.2025 · 14-03-2025
    (
        "numeric",
        rf"(?P<n1>{_DAY_OR_MONTH})([/.-])(?P<n2>[0-3]?[0-9])\2(?P<y1>{_YEAR})(?![\w/-])",
    ),
    # 14/3 (only with a word that introduces a date; never 24/7)
    ("short", rf"(?P<n1>{_DAY_OR_MONTH})/(?P<n2>[01]?[0-9])(?![\w/.-]|,[0-9])"),
    # October-November 2025 (month range, year required)
    ("mm_y", rf"{_M1}{_SPAN_CONN}{_M2}\s+{_Y2}"),
    # December 2024 · December of 2024
    ("m_y", rf"{_M1},?\s+(?:of\s+)?{_Y1}"),
    # this October · in March
    ("m", rf"{_M1}(?!\s*[0-9])"),
)


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns, compiled on first use (compiling them all takes ~10 ms)."""
    return tuple((name, re.compile(pattern)) for name, pattern in _PATTERNS)


# Words after which a bare month name (or a short numeric date) is a date.
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|during|through|throughout|early|late|mid|before|after"
    r"|end\s+of|beginning\s+of|start\s+of|middle\s+of|as\s+of)\s+|\bmid-)$",
    re.IGNORECASE,
)
# "this October", "next March": the determiner is part of the date's span.
_DETERMINER = re.compile(r"\b(this|next|last|coming|This|Next|Last|Coming)\s+$")
_DETERMINERS = {"this": "this", "next": "next", "last": "last", "coming": "next"}
_SHORT_CONTEXT = re.compile(
    r"(?:\b(?:on|from|until|till|by|since|dated|before|after|ngày|día|dia|desde|depuis|seit"
    r"|tanggal)\s+|\(\s*)$",
    re.IGNORECASE,
)
_SHORT_NEVER = frozenset({(24, 7), (24, 365)})

# Cheap literal scans that find where dates may be; the patterns only run around them.
_MONTH_TRIGGER = re.compile("|".join(form for m in _FULL_MONTHS for form in (m[:3], m[:3].upper())))
_NUMERIC_TRIGGER = re.compile(r"[0-9][/.-][0-9]")
DATE_TRIGGERS = (_MONTH_TRIGGER, _NUMERIC_TRIGGER)
"""Patterns whose matches mark the sentences worth searching for dates."""

# What a pattern cannot match without, each found by a cheap search of a run: a
# month name (in title case or capitals), two of them, a day followed by a month name,
# two days joined as a range ("25-26", "14 and 15"), a digit-separator-digit run ("14/3")
# or a digit glued to a letter ("03Nov2025"). (A pattern that begins with a month is
# tried only where a month stem begins: ``_all_month_starts``.)
_MONTH_FORMS = _MONTH_TRIGGER.pattern
_NEED_SCANS = {
    "month": _MONTH_TRIGGER,
    "day_month": re.compile(rf"[0-9](?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_FORMS})"),
    "day_range": re.compile(rf"[0-9](?:st|nd|rd|th)?(?:{_DASH}|{_TO}|{_AND})[0-9]"),
    "numeric": _NUMERIC_TRIGGER,
    # "2025-03-04", "04.03.2025": two separators, the same or not (a cheap superset)
    "numeric_twice": re.compile(r"[0-9][/.-][0-9]{1,2}[/.-][0-9]"),
    "glued": re.compile("[0-9][A-Za-z]"),
}
_NEEDS = {
    "md_md": ("two_months",),
    "dm_dm": ("two_months", "day_month"),
    "md_d": ("month", "day_range"),
    "d_dm": ("day_month", "day_range"),
    "md": ("month",),
    "dm": ("day_month",),
    "wire": ("glued",),
    "iso": ("numeric_twice",),
    "numeric": ("numeric_twice",),
    "short": ("numeric",),
    "mm_y": ("two_months",),
    "m_y": ("month",),
    "m": ("month",),
}


_NEED_BITS = {need: 1 << i for i, need in enumerate((*_NEED_SCANS, "two_months"))}
# Needs whose every match holds a match of another, looked for first: without that one,
# they are not looked for.
_NEED_FIRST = {
    "day_month": "month",
    "two_months": "month",
    "numeric_twice": "numeric",
    # not held in it, but every pattern that needs a range of days needs a month too (it
    # begins with one, or needs a day before one): without a month, no pattern asks
    "day_range": "month",
}
_NEED_MASKS = {name: sum(_NEED_BITS[need] for need in needs) for name, needs in _NEEDS.items()}


def _held_masks(text: str, runs: list[tuple[int, int]], scan: _Scan) -> list[int]:
    """The needs each run holds, one bit each (``_NEED_BITS``): every one is looked for
    at once, so that each pattern's test is a plain comparison. A month stem or a
    digit-separator-digit run is found from the scan of the whole text (``_Scan``), not
    by a search of each run."""
    masks = []
    months, numerics = scan.months, scan.numerics
    for run in runs:
        start, end = run
        mask = 0
        # The scan's matches are those of a search of the run when none can cross the
        # run's start: three characters without white space, after white space (a run of
        # sentences begins after one) or at the start of the text.
        if start == 0 or text[start - 1].isspace():
            # each match is three characters long: it ends in the run when it starts
            # before ``end - 2``
            in_run = bisect_left(months, end - 2) - bisect_left(months, start)
            if in_run:
                mask |= _MONTH_BITS if in_run == 1 else _MONTH_BITS | _TWO_MONTHS_BIT
            if bisect_left(numerics, end - 2) > bisect_left(numerics, start):
                mask |= _NUMERIC_BIT
            for bit, first_bit, scan_pattern in _NEEDS_NOT_SCANNED:
                # without what it needs first ("day_month" without a month), not looked for
                if mask & first_bit == first_bit and scan_pattern.search(text, start, end):
                    mask |= bit
        else:
            for need, bit in _NEED_BITS.items():
                first = _NEED_FIRST.get(need)
                if first is not None and not mask & _NEED_BITS[first]:
                    continue  # what it needs is not there ("day_month" without a month)
                if _holds(text, run, need):
                    mask |= bit
        masks.append(mask)
    return masks


def _all_month_starts(text: str, scan: _Scan) -> list[int]:
    """Every place where a month stem (``_MONTH_TRIGGER``) begins, in order: those the
    scan found and those its matches overlap ("NOV" in "JANOV"), where the
    patterns that begin with a month name can begin (each of its forms begins with a
    stem)."""
    found = scan.months
    extra = [
        at
        for start in found
        for at in (start + 1, start + 2)
        if _MONTH_TRIGGER.match(text, at) is not None
    ]
    return sorted(found + extra) if extra else found


_TRIED_AT_MONTHS = _MONTH_LED
"""The patterns tried only where a month stem begins (they begin with a month name)."""
_SCANNED = frozenset({"month", "two_months", "numeric"})
_NEEDS_NOT_SCANNED = tuple(
    (bit, _NEED_BITS[_NEED_FIRST[need]] if need in _NEED_FIRST else 0, _NEED_SCANS[need])
    for need, bit in _NEED_BITS.items()
    if need not in _SCANNED
)
"""(bit, bit of the need it needs first or 0, scan) of each need searched in a run."""
_MONTH_BITS = _NEED_BITS["month"]
_TWO_MONTHS_BIT = _NEED_BITS["two_months"]
_NUMERIC_BIT = _NEED_BITS["numeric"]


def _holds(text: str, run: tuple[int, int], need: str) -> bool:
    """Whether ``text[run[0]:run[1]]`` holds what ``need`` names."""
    if need == "two_months":
        months = _MONTH_TRIGGER.finditer(text, *run)
        return next(months, None) is not None and next(months, None) is not None
    return _NEED_SCANS[need].search(text, *run) is not None


_RELATIVE_WORDS = ("yesterday", "tomorrow", "last year", "next year")
WEEKDAY_AND_DAY = "weekday and day"
"""The ``relative`` of a Brazilian "terça-feira (25)": a weekday with its day of the month
in brackets, which the publication date places (the nearest such day)."""
# Brazilian news dates the week's events by weekday and day: "nesta terça-feira (25)",
# "no sábado (20)"; found from the brackets' "(" after "-feira", "sábado" or "domingo".
_WEEKDAY_AND_DAY = re.compile(
    r"(?i:\b(segunda|ter[çc]a|quarta|quinta|sexta)-feira|\b(s[áa]bado|domingo))"
    r"\s?\(([1-9]|[12][0-9]|3[01])\)"
)
_PT_WEEKDAYS = {"segunda": 0, "terça": 1, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4,
                "sábado": 5, "sabado": 5, "domingo": 6}  # fmt: skip
_RELATIVE_NOT_AFTER = re.compile(r"(?:[\w-]|\bthe\s)$")
_RELATIVE_NOT_BEFORE = re.compile(r"\w|['’]s\b|\s+(?:or|and)\b")


def _clear_before(name: str, text: str, start: int) -> bool:
    """True when the match of pattern ``name`` at ``start`` is not part of a larger token."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum() or before == "_":
        return False
    return name in _MONTH_LED or before not in _NOT_BEFORE_NUMBER


def _weekday_before(text: str, start: int) -> int | None:
    low = max(0, start - 16)
    if _WEEKDAY_INITIALS.search(text, low, start) is None:
        return None  # most dates: no capital a weekday begins with just before
    match = _WEEKDAY_BEFORE.search(text, low, start)
    if match is None:
        return None
    prefix = match.group(1)[:3]
    return next(i for i, name in enumerate(WEEKDAYS) if name.startswith(prefix))


def _year_hint_after(text: str, end: int) -> tuple[str | None, int | None]:
    """ "this", "next" or "last" when "this year"... follows the date, and where it ends."""
    match = _YEAR_AFTER.match(text, end, min(len(text), end + 24))
    return (match.group(1), match.end()) if match else (None, None)


def _int(groups: dict[str, str | None], group: str) -> int | None:
    value = groups.get(group)
    return int(value) if value else None


def _month(groups: dict[str, str | None], group: str) -> int | None:
    value = groups.get(group)
    return month_number(value) if value else None


def _from_named(name: str, match: re.Match[str], text: str) -> Iterator[DateMention]:
    """The mentions one match of the pattern ``name`` stands for (zero, one or two)."""
    start, end = match.span()
    groups = match.groupdict()
    if not _clear_before(name, text, start):
        return
    if name in ("iso", "numeric", "short"):
        yield from _numeric(name, match, text)
        return
    if name == "m":
        determiner = _DETERMINER.search(text, max(0, start - 8), start)
        if determiner is not None:
            rel = determiner.group(1).lower()
            start = determiner.start()
            yield DateMention(start, end, _month(groups, "m1"), relative=_DETERMINERS[rel])
        elif _MONTH_CONTEXT.search(text, max(0, start - 20), start):
            hint, hint_end = _year_hint_after(text, end)
            yield DateMention(start, end, _month(groups, "m1"), year_hint=hint, hint_end=hint_end)
        return
    m1 = _month(groups, "m1")
    d1, y1 = _int(groups, "d1"), _int(groups, "y1")
    m2, d2, y2 = _month(groups, "m2"), _int(groups, "d2"), _int(groups, "y2")
    if name in ("md_d", "d_dm"):
        m2 = m1
        if d2 is not None and d1 is not None and d2 <= d1:
            return
        conn = groups["conn"].strip().lower()
        if conn in ("and", "&") and d1 is not None and d2 != d1 + 1:
            yield from _two_days(match, m1, d1, d2, y2)
            return
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 is not None and m2 is not None and m2 < m1 else y2
    hint, hint_end = _year_hint_after(text, end)
    yield DateMention(
        start,
        end,
        m1,
        d1,
        y1,
        month_to=m2,
        day_to=d2,
        year_to=y2,
        weekday=_weekday_before(text, start),
        year_hint=hint,
        hint_end=hint_end,
    )


def _two_days(
    match: re.Match[str], month: int | None, d1: int, d2: int | None, year: int | None
) -> Iterator[DateMention]:
    """ "May 5 and 12" / "5 and 12 May": two dates, not a range."""
    for group, day in (("d1", d1), ("d2", d2)):
        s, e = match.span(group)
        if group == "d1" and match.start("m1") < s:
            s = match.start("m1")
        elif group == "d2" and match.start("m1") > s:
            e = match.end("m1")
        yield DateMention(s, e, month, day, year)


def _numeric(name: str, match: re.Match[str], text: str) -> Iterator[DateMention]:
    start, end = match.span()
    a, b = int(match.group("n1")), int(match.group("n2"))
    year = _int(match.groupdict(), "y1")
    if name == "iso":
        month, day = a, b
    elif b <= 12:
        day, month = a, b  # day first, as most of the world writes it
    else:
        month, day = a, b  # 03/14/2025
    if name == "short" and (
        (a, b) in _SHORT_NEVER or not _SHORT_CONTEXT.search(text, max(0, start - 10), start)
    ):
        return
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return
    if year is not None and not is_valid(year, month, day):
        return
    yield DateMention(start, end, month, day, year, weekday=_weekday_before(text, start))


def _relative_mentions(text: str) -> Iterator[DateMention]:
    """ "yesterday", "last year"...: not inside a word, not "the last year", "next year's"."""
    # Each expression, in lower case or capitalised, found by its tail (a plain string
    # search, much faster here than a pattern whose first letters are common ones).
    found = []
    for word in _RELATIVE_WORDS:
        tail = word[1:]
        i = text.find(tail, 1)
        while i >= 0:
            if text[i - 1] in (word[0], word[0].upper()):
                found.append((i - 1, i + len(tail)))
            i = text.find(tail, i + 1)
    for start, end in sorted(found):
        if _RELATIVE_NOT_AFTER.search(text, max(0, start - 4), start):
            continue
        if _RELATIVE_NOT_BEFORE.match(text, end):
            continue
        yield DateMention(start, end, None, relative=text[start:end].lower())


def _weekday_and_day_mentions(text: str) -> Iterator[DateMention]:
    """ "terça-feira (25)", "sábado (20)": a weekday and, in brackets, its day."""
    if "(" not in text:
        return
    for match in _WEEKDAY_AND_DAY.finditer(text):
        weekday = _PT_WEEKDAYS[(match[1] or match[2]).lower()]
        yield DateMention(
            match.start(),
            match.end(),
            None,
            int(match[3]),
            weekday=weekday,
            relative=WEEKDAY_AND_DAY,
        )


# Spanish news dates the week's events by weekday and day too: "el jueves 12", "el
# próximo lunes 3", "este viernes 20". Found from the days (digits no digit precedes):
# the word before one, after white space, is a weekday (of these lengths, ending in "s"
# or "o"), after "el", "este", "del" or "al".
_ES_WEEKDAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
                "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6}  # fmt: skip
_ES_WEEKDAY_LENGTHS = sorted({len(name) for name in _ES_WEEKDAYS})
_ES_WEEKDAY_ENDS = "sSoO"
_ES_WEEKDAY_LEAD = re.compile(r"\b(?:el|este|del|al)\s+(?:(?:próximo|pasado)\s+)?$", re.IGNORECASE)
# After the day, a word that is not a noun the number counts ("el jueves 12 países"):
# punctuation, the end, a capital, or one of these.
_ES_AFTER_DAY = re.compile(r"\s+([^\W\d_]+)")
_ES_FUNCTION_WORDS = frozenset(
    "en a al y e o u por para con desde hasta se la las el los lo le les del de que "
    "cuando tras ante sin sobre entre según mientras no ya como durante frente".split()
)


def _spanish_weekday_and_day_mentions(text: str) -> Iterator[DateMention]:
    """ "el jueves 12", "el próximo lunes 3": a weekday and its day of the month, placed
    by the publication date as a Brazilian "terça-feira (25)" is."""
    for day_start in _scan(text).days:
        gap = day_start
        while gap and text[gap - 1].isspace():
            gap -= 1
        if gap == day_start or not gap or text[gap - 1] not in _ES_WEEKDAY_ENDS:
            continue  # the common case: no word ending as a weekday just before
        end = day_start
        while end < len(text) and "0" <= text[end] <= "9":
            end += 1
        digits = text[day_start:end]
        if len(digits) > 2 or digits[0] == "0" or int(digits) > 31:
            continue
        if text[end : end + 1] in (".", ",", ":", "/") and "0" <= text[end + 1 : end + 2] <= "9":
            continue  # "12,5": a number
        weekday = next(
            (
                gap - length
                for length in _ES_WEEKDAY_LENGTHS
                if gap >= length and text[gap - length : gap].lower() in _ES_WEEKDAYS
            ),
            None,
        )
        if weekday is None:
            continue
        if weekday and (text[weekday - 1].isalnum() or text[weekday - 1] == "_"):
            continue  # inside a word
        if not _ES_WEEKDAY_LEAD.search(text, max(0, weekday - 20), weekday):
            continue
        after = _ES_AFTER_DAY.match(text, end)
        if after is not None and after[1][0].islower() and after[1] not in _ES_FUNCTION_WORDS:
            continue  # "el jueves 12 países": a count
        yield DateMention(
            weekday,
            end,
            None,
            int(digits),
            weekday=_ES_WEEKDAYS[text[weekday:gap].lower()],
            relative=WEEKDAY_AND_DAY,
        )


class _Scan:
    """The cheap scans of one text, shared by ``date_offsets`` and
    ``find_date_mentions``: the starts of the English month stems and of the
    digit-separator-digit runs (``DATE_TRIGGERS``; every one of those, overlapping
    ones too), and the lower-cased text."""

    __slots__ = ("_days", "_foldable", "_lowered", "months", "numerics", "spoken", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.months = [m.start() for m in _MONTH_TRIGGER.finditer(text)]
        self.numerics = _numeric_starts(text)
        self._lowered: str | None = None
        self._foldable: bool | None = None
        self._days: list[int] | None = None
        self.spoken: dict[tuple[str, ...], dict[str, list[int]]] = {}
        """By list of words: where each of them is in the lower-cased text."""

    @property
    def lowered(self) -> str:
        """The text in lower case, made when first asked for."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    @property
    def days(self) -> list[int]:
        """Where a number begins (a digit that no digit precedes), made when first asked."""
        if self._days is None:
            text = self.text
            self._days = [
                i for i in positions(text, _DIGITS) if i == 0 or not "0" <= text[i - 1] <= "9"
            ]
        return self._days

    @property
    def foldable(self) -> bool:
        """Whether a case-blind pattern may be read as a lower-case one on ``lowered``:
        lowering keeps every offset and the text has no "ſ" or "ı" (which match "s" and
        "i" case-blind, but do not lower to them)."""
        if self._foldable is None:
            lowered = self.lowered
            text = self.text
            self._foldable = len(lowered) == len(text) and not any(c in text for c in _OTHER_CASES)
        return self._foldable


def _numeric_starts(text: str) -> list[int]:
    """Where ``_NUMERIC_TRIGGER`` matches, overlapping matches too ("1/2/3": 0 and 2), in
    order: from plain searches for its separators (a scan of the text for digits costs
    more)."""
    found = []
    for separator in "/.-":
        i = text.find(separator, 1)
        while i >= 0:
            if "0" <= text[i - 1] <= "9" and "0" <= text[i + 1 : i + 2] <= "9":
                found.append(i - 1)
            i = text.find(separator, i + 1)
    found.sort()
    return found


_last_scan: _Scan | None = None
"""The scan of the text last scanned (one slot, swapped whole: another thread's text
only makes a scan again)."""


def _scan(text: str) -> _Scan:
    """The scans of ``text``, made once for the text last asked about."""
    global _last_scan
    last = _last_scan
    if last is not None and last.text is text:
        return last
    made = _last_scan = _Scan(text)
    return made


def date_offsets(text: str, language: str = "en") -> list[int]:
    """Where the matches of ``date_triggers(language)`` begin (and a few more places
    inside them): the sentences worth searching for dates hold one. The month stems of
    another language ("ene", "feb"... in any case) are found by plain searches of the
    lower-cased text, many times faster than a case-blind pattern scan."""
    scan = _scan(text)
    offsets = scan.months + scan.numerics
    spoken = datelanguages.patterns(language)
    if spoken is None:
        return offsets
    words = spoken.trigger_words
    lowered = scan.lowered
    if words is None or len(lowered) != len(text) or any(c in text for c in _OTHER_CASES):
        return offsets + [m.start() for m in spoken.trigger.finditer(text)]
    found = _word_starts(scan, _month_words(spoken))
    for word in words:
        offsets += found[word]
    return offsets


def _month_words(spoken: datelanguages.LanguagePatterns) -> tuple[str, ...]:
    """The month stems and full month names of a language, in lower case."""
    return (*(spoken.trigger_words or ()), *(spoken.full_names or ()))


@cache
def _searched_prefixes(words: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """Each of ``words`` with an earlier one it begins with ("ene" for "enero"), if any:
    where it is, is among the places of that one."""
    pairs: list[tuple[str, str | None]] = []
    for word in dict.fromkeys(words):
        prefix = next((w for w, _ in pairs if word.startswith(w)), None)
        pairs.append((word, prefix))
    return tuple(pairs)


def _word_starts(scan: _Scan, words: tuple[str, ...]) -> dict[str, list[int]]:
    """Where each of ``words`` (in lower case) is in the lower-cased text, in order (a
    plain search for each): a word that begins with one searched before is looked for
    only where that one is ("enero" where "ene" is)."""
    found = scan.spoken.get(words)
    if found is None:
        lowered = scan.lowered
        found = {}
        for word, prefix in _searched_prefixes(words):
            if prefix is None:
                found[word] = find_all(lowered, word)
            else:
                found[word] = [i for i in found[prefix] if lowered.startswith(word, i)]
        scan.spoken[words] = found
    return found


def date_triggers(language: str = "en") -> tuple[re.Pattern[str], ...]:
    """``DATE_TRIGGERS`` and, for another language, the pattern its dates all hold."""
    spoken = datelanguages.patterns(language)
    return DATE_TRIGGERS if spoken is None else (*DATE_TRIGGERS, spoken.trigger)


def find_date_mentions(
    text: str, windows: Iterable[tuple[int, int]] | None = None, language: str = "en"
) -> list[DateMention]:
    """Every date expression in ``text``, in order, without overlaps (longest forms win).

    ``windows`` limits the search to those (start, end) runs of the text, which must hold
    every match of ``date_triggers(language)`` (``SentenceIndex.runs_containing`` gives
    them). The patterns of ``language`` (a code of ``datelanguages.LANGUAGES``) run
    before the English ones.
    """
    runs = [(0, len(text))] if windows is None else list(windows)
    # What each run holds, found when first asked: a pattern is not tried on a run
    # without what it needs.
    held = _held_masks(text, runs, _scan(text))
    taken = bytearray(len(text))  # 1 where a mention already lies
    mentions: list[DateMention] = []
    spoken = datelanguages.patterns(language)
    if spoken is not None:
        spoken_starts = _spoken_starts(text, spoken)
        for name, pattern in spoken.ordered:
            starts = spoken_starts.get(name)
            for run_start, run_end in runs:
                if starts is None:
                    matches = pattern.finditer(text, run_start, run_end)
                else:  # tried only where a range can begin: the same matches
                    low, high = bisect_left(starts, run_start), bisect_left(starts, run_end)
                    if low == high:
                        continue
                    matches = matches_at(pattern, text, starts[low:high], run_end)
                for match in matches:
                    start, end = match.span()
                    if taken.find(1, start, end) >= 0 or "\n" in match.group():
                        continue
                    found = list(_from_spoken(name, match, text, language, spoken))
                    if found:
                        taken[start:end] = b"\x01" * (end - start)
                        mentions.extend(found)
    month_starts = _all_month_starts(text, _scan(text))
    held_anywhere = 0
    for mask in held:
        held_anywhere |= mask
    for name, pattern in _compiled():
        needs = _NEED_MASKS[name]
        if held_anywhere & needs != needs:
            continue  # no run holds all it needs (in Spanish text, a month in English)
        led = name in _TRIED_AT_MONTHS
        for i, (run_start, run_end) in enumerate(runs):
            if held[i] & needs != needs:
                continue
            if led:  # tried only where a month stem begins: the same matches
                low = bisect_left(month_starts, run_start)
                high = bisect_left(month_starts, run_end)
                if low == high:
                    continue
                matches = matches_at(pattern, text, month_starts[low:high], run_end)
            else:
                matches = pattern.finditer(text, run_start, run_end)
            for match in matches:
                start, end = match.span()
                if taken.find(1, start, end) >= 0 or "\n" in match.group():
                    continue
                found = list(_from_named(name, match, text))
                if found:
                    taken[start:end] = b"\x01" * (end - start)
                    mentions.extend(found)
    for mention in mentions:
        if mention.hint_end is not None:  # "last year" in "Sept. 18 last year" is a hint
            taken[mention.end : mention.hint_end] = b"\x01" * (mention.hint_end - mention.end)
    mentions.extend(m for m in _relative_mentions(text) if taken.find(1, m.start, m.end) < 0)
    if language == "pt":
        mentions.extend(
            m for m in _weekday_and_day_mentions(text) if taken.find(1, m.start, m.end) < 0
        )
    elif language == "es":
        mentions.extend(
            m for m in _spanish_weekday_and_day_mentions(text) if taken.find(1, m.start, m.end) < 0
        )
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


_RANGE_PATTERNS = frozenset({"dm_dm", "d_dm"})
"""The patterns of other languages that begin with a day or an opener ("del", "du")."""
_DAY_PATTERNS = frozenset({"dm"})
"""The patterns of other languages that begin with a day."""
_NAME_PATTERNS = frozenset({"m_y", "m"})
"""The patterns of other languages that begin with a full month name."""
# Characters that match a letter of a month name under IGNORECASE, but are not what
# lower() makes of that letter ("ſ" matches "s", "ı" matches "i").
_OTHER_CASES = ("\u017f", "\u0131")


def _spoken_starts(text: str, spoken: datelanguages.LanguagePatterns) -> dict[str, list[int]]:
    """Where the matches of some patterns of another language may begin, by pattern:
    for a date, a digit that no digit precedes; for a range, that or the first word of
    an opener ("del 3 al 5"); for a month, where a full month name is. Plain string searches: these
    patterns (an optional opener, a look-behind first) would otherwise be tried at every
    character. A pattern missing here is searched everywhere."""
    # A day begins with a digit that no digit precedes (the look-behind of its pattern):
    # the places of a date that begins with its day ("12 de abril").
    days = _scan(text).days
    starts: dict[str, list[int]] = dict.fromkeys(_DAY_PATTERNS, days)
    if spoken.opener_heads is not None:
        led = list(days)
        # An opener's first word begins a match only when the opener is whole and a day
        # follows ("de 3"; not the "de" of "cidade" or of "de outubro"): where a match
        # begins with a letter, the optional opener matched.
        opened = spoken.opener_then_day.match
        for head in spoken.opener_heads:
            led += [i for i in find_all(text, head) if opened(text, i)]
        led.sort()
        starts |= dict.fromkeys(_RANGE_PATTERNS, led)
    if spoken.full_names is not None:
        lowered = _scan(text).lowered
        if len(lowered) == len(text) and not any(c in text for c in _OTHER_CASES):
            found = _word_starts(_scan(text), _month_words(spoken))
            names = sorted({i for name in spoken.full_names for i in found[name]})
            starts |= dict.fromkeys(_NAME_PATTERNS, names)
    return starts


def _from_spoken(
    name: str,
    match: re.Match[str],
    text: str,
    language: str,
    spoken: datelanguages.LanguagePatterns,
) -> Iterator[DateMention]:
    """The mentions one match of a pattern of another language stands for."""
    start, end = match.span()
    before = text[start - 1] if start else " "
    if (before.isalnum() or before in "/.,-") and not (name == "m" and before == "-"):
        return  # inside a word, a number or a code; but "mi-mars" is a date
    scan = _scan(text)
    folded = scan.foldable
    if name == "m":
        context = spoken.month_context_lowered if folded else spoken.month_context
        if not context.search(scan.lowered if folded else text, max(0, start - 32), start):
            return  # a bare month is a date only after "en", "a finales de", "mi-"...
    groups = match.groupdict()
    d1, d2 = _int(groups, "d1"), _int(groups, "d2")
    if name == "d_dm" and (d1 is None or d2 is None or d2 <= d1):
        return

    def month(group: str) -> int | None:
        value = groups.get(group)
        return datelanguages.month_number(language, value) if value else None

    m1, m2 = month("m1"), month("m2")
    y1, y2 = _int(groups, "y1"), _int(groups, "y2")
    tense = _tense_next_to(text, start, end, spoken)
    hint, hint_end = None, None
    after = min(len(text), end + 40)
    if spoken.any_year_after is not None and spoken.any_year_after.match(text, end, after):
        for pattern, word in spoken.year_after:
            found = pattern.match(text, end, after)
            if found:
                hint, hint_end = word, found.end()
                break
    if name == "m":
        yield DateMention(start, end, m1, tense=tense, year_hint=hint, hint_end=hint_end)
        return
    if name == "d_dm":
        assert d1 is not None and d2 is not None
        m2 = m1
        pattern = spoken.between_lowered if folded else spoken.between
        between = pattern.search(
            scan.lowered if folded else text, max(0, start - 24), match.start("d1")
        )
        if groups.get("both") and d2 != d1 + 1 and between is None:
            for mention in _two_days(match, m1, d1, d2, y2):
                mention.tense = tense
                yield mention
            return
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 is not None and m2 is not None and m2 < m1 else y2
    yield DateMention(
        start,
        end,
        m1,
        d1,
        y1,
        month_to=m2 if name in ("dm_dm", "d_dm") else None,
        day_to=d2,
        year_to=y2,
        year_hint=hint,
        hint_end=hint_end,
        tense=tense,
    )


def _tense_next_to(text: str, start: int, end: int, spoken: datelanguages.LanguagePatterns) -> int:
    """+1 or -1 when a word just before or after the date says which side it lies on.

    (Most dates have no such word: one search of all the patterns at once tells so.)"""
    low, high = max(0, start - 24), min(len(text), end + 24)
    if spoken.any_before is not None and spoken.any_before.search(text, low, start):
        for pattern, way in spoken.before:
            if pattern.search(text, low, start):
                return way
    if spoken.any_after is not None and spoken.any_after.match(text, end, high):
        for pattern, way in spoken.after:
            if pattern.match(text, end, high):
                return way
    return 0
