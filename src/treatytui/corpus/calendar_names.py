"""Month and weekday names, one table for every layer that reads dates.

``corpus.dates`` reads publication dates with the English names; ``facts.datepatterns``
and ``facts.datelanguages`` build their date patterns from all of them. Each month has
its forms in the order the patterns try them: full names first, then abbreviations.
Vietnamese writes months as numbers ("tháng 10") and has no entry.
"""

from __future__ import annotations

MonthForms = tuple[tuple[str, ...], ...]
"""Twelve tuples, January first: each month's full names, then its abbreviations."""

ENGLISH_MONTHS: MonthForms = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sep", "Sept"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

SPANISH_MONTHS: MonthForms = (
    ("enero", "ene"),
    ("febrero", "feb"),
    ("marzo", "mar"),
    ("abril", "abr"),
    ("mayo", "may"),
    ("junio", "jun"),
    ("julio", "jul"),
    ("agosto", "ago"),
    ("septiembre", "setiembre", "sept", "sep", "set"),
    ("octubre", "oct"),
    ("noviembre", "nov"),
    ("diciembre", "dic"),
)

PORTUGUESE_MONTHS: MonthForms = (
    ("janeiro", "jan"),
    ("fevereiro", "fev"),
    ("março", "marco", "mar"),
    ("abril", "abr"),
    ("maio", "mai"),
    ("junho", "jun"),
    ("julho", "jul"),
    ("agosto", "ago"),
    ("setembro", "set"),
    ("outubro", "out"),
    ("novembro", "nov"),
    ("dezembro", "dez"),
)

FRENCH_MONTHS: MonthForms = (
    ("janvier", "janv"),
    ("février", "fevrier", "févr", "fév"),
    ("mars",),
    ("avril", "avr"),
    ("mai",),
    ("juin",),
    ("juillet", "juil"),
    ("août", "aout"),
    ("septembre", "sept"),
    ("octobre", "oct"),
    ("novembre", "nov"),
    ("décembre", "decembre", "déc"),
)

ITALIAN_MONTHS: MonthForms = (
    ("gennaio", "genn", "gen"),
    ("febbraio", "febbr", "feb"),
    ("marzo", "mar"),
    ("aprile", "apr"),
    ("maggio", "magg", "mag"),
    ("giugno", "giu"),
    ("luglio", "lug"),
    ("agosto", "ago"),
    ("settembre", "sett", "set"),
    ("ottobre", "ott"),
    ("novembre", "nov"),
    ("dicembre", "dic"),
)

GERMAN_MONTHS: MonthForms = (
    ("Januar", "Jänner", "Jan"),
    ("Februar", "Feber", "Feb"),
    ("März", "Mär", "Mrz"),
    ("April", "Apr"),
    ("Mai",),
    ("Juni", "Jun"),
    ("Juli", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("Oktober", "Okt"),
    ("November", "Nov"),
    ("Dezember", "Dez"),
)

INDONESIAN_MONTHS: MonthForms = (
    ("Januari", "Jan"),
    ("Februari", "Feb", "Peb"),
    ("Maret", "Mar"),
    ("April", "Apr"),
    ("Mei",),
    ("Juni", "Jun"),
    ("Juli", "Jul"),
    ("Agustus", "Agu", "Agt"),
    ("September", "Sep", "Sept"),
    ("Oktober", "Okt"),
    ("November", "Nov", "Nop"),
    ("Desember", "Des"),
)

MONTHS_BY_LANGUAGE: dict[str, MonthForms] = {
    "en": ENGLISH_MONTHS,
    "es": SPANISH_MONTHS,
    "pt": PORTUGUESE_MONTHS,
    "fr": FRENCH_MONTHS,
    "it": ITALIAN_MONTHS,
    "de": GERMAN_MONTHS,
    "id": INDONESIAN_MONTHS,
}
"""The month forms of each language that writes month names (ISO 639-1 codes)."""
