"""Reading publication dates written the ways news sites write them.

Independent of the locale: month names are matched here, not by ``strptime``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from treatytui.corpus import calendar_names

MONTHS = {
    form.lower(): number
    for number, forms in enumerate(calendar_names.ENGLISH_MONTHS, start=1)
    for form in forms
}
"""English month names and abbreviations, lower case, with their numbers."""

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?![\d])")
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
_DAY_FIRST = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")
_NUMERIC_DAY_FIRST = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<mon>\d{1,2})[/.](?P<year>\d{4})\b")
_URL_END = r"(?=[/?#]|$)"
_URL_PATH = re.compile(rf"/(?P<year>(?:19|20)\d\d)/(?P<mon>\d{{1,2}})/(?P<day>\d{{1,2}}){_URL_END}")
_URL_JOINED = re.compile(
    r"/(?P<year>(?:19|20)\d\d)(?P<sep>-?)(?P<mon>\d\d)(?P=sep)(?P<day>\d\d)(?=[-_./?#]|$)"
)
_URL_MONTH = re.compile(rf"/(?P<year>(?:19|20)\d\d)/(?P<mon>0?[1-9]|1[0-2]){_URL_END}")


def _make(year: str, month: int | None, day: str) -> date | None:
    if month is None:
        return None
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def _named(match: re.Match[str]) -> date | None:
    return _make(match["year"], MONTHS.get(match["month"].lower()), match["day"])


def _numeric(match: re.Match[str]) -> date | None:
    return _make(match["year"], int(match["mon"]), match["day"])


def find_date(text: str) -> date | None:
    """The first well-formed date written in ``text``.

    Understands ISO dates (``2025-10-27``, also inside a timestamp), month names either way
    round (``October 27, 2025``, ``27 Oct. 2025``) and numeric dates, read day first
    (``26/10/2025``) as news sites outside the US write them.
    """
    for pattern, build in (
        (_ISO, _numeric),
        (_MONTH_FIRST, _named),
        (_DAY_FIRST, _named),
        (_NUMERIC_DAY_FIRST, _numeric),
    ):
        for match in pattern.finditer(text):
            found = build(match)
            if found is not None:
                return found
    return None


def parse_date(value: object) -> date | None:
    """A date from a YAML value: a date, a datetime, or text that :func:`find_date` reads."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return find_date(value)
    return None


def date_in_url(url: str) -> date | None:
    """The date in a URL path, if there is one: ``/2025/10/27/``, ``/2025-10-27-slug``,
    ``/20251027/`` (day precision), or ``/2022/03/`` (month precision: the last day of the
    month, so that what the article reports from earlier in that month keeps its year when
    the year of a date in the text is worked out from the publication date)."""
    for pattern in (_URL_PATH, _URL_JOINED):
        for match in pattern.finditer(url):
            if (found := _numeric(match)) is not None:
                return found
    month = _URL_MONTH.search(url)
    if month is None:
        return None
    year, number = int(month["year"]), int(month["mon"])
    return date(year, number, calendar.monthrange(year, number)[1])
