"""How dates are written in the languages other than English that treaty news comes in.

Spanish, Portuguese, French, Italian, German and Indonesian write the day before the
month ("10 de junio de 2025", "le 12 septembre 2025", "5. Dezember 2024", "8 Juli");
Vietnamese writes the month as a number after "tháng" ("ngày 26 tháng 10 năm 2025").
Each language has a :class:`DateLanguage`: its month names, the words between a day, a
month and a year, the words that join two days into a range ("del 3 al 5", "de 3 a 5",
"du 3 au 5", "vom 3. bis 5."), the words before a bare month that make it a date ("en
enero", "mi-mars", "im September") and the words that say which side of the publication
date a date falls on ("el pasado 12 de abril", "le 3 mai prochain").

``patterns(code)`` compiles one language's patterns on first use; ``datepatterns`` runs
them before the English ones, only on articles detected in that language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from treatytui.corpus import calendar_names

_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9])"
_DAY_AFTER_FIRST = r"(?:(?<=3)[01]|(?<=[12])[0-9]|(?<=0)[1-9]|(?<=[1-9]))"
_DAY = rf"[0-9]{_DAY_AFTER_FIRST}"
_NOT_LETTER = r"(?![^\W\d_])"
_DASH = r"\s*[-–—]\s*"


@dataclass(frozen=True)
class DateLanguage:
    """The words one language writes dates with (each a regular expression)."""

    months: tuple[tuple[str, ...], ...]
    """Each month's forms, January first: full names, then abbreviations."""
    day_suffix: str
    """What may follow a day: "º", "er", "."."""
    of: str
    """Between the day and the month ("de", nothing)."""
    year_of: str
    """Between the month and the year ("de", "del", a comma)."""
    opener: str
    """A word that opens a range and belongs to its span ("del", "du", "vom")."""
    day_to: str
    """Joins two days of one month ("al", "a", "au", "bis", "y")."""
    span_to: str
    """Joins two full dates ("al", "au", "bis")."""
    both: str
    """The "and" of "14 y 15": a range when the days follow each other."""
    between: str
    """The "between" that makes an "and" a range whatever the days ("entre")."""
    month_context: str
    """What before a bare month name makes it a date ("en", "a finales de", "mi-")."""
    before_next: str = ""
    """Before a date: it lies ahead ("el próximo")."""
    before_last: str = ""
    """Before a date: it lies behind ("el pasado")."""
    after_next: str = ""
    """After a date: it lies ahead ("prochain")."""
    after_last: str = ""
    """After a date: it lies behind ("dernier")."""
    this_year: str = ""
    next_year: str = ""
    last_year: str = ""
    numeric_months: bool = False
    """Months written as numbers after a word ("tháng 10"), not as names."""
    month_word: str = ""
    """The word before a month written alone ("tháng" of "tháng 12"), part of its span."""
    trigger: str = ""
    """A cheap pattern that every date of the language holds (default: the month stems)."""


_ES_PT_SUFFIX = r"(?:\.?[ºª°]|\.?o(?![^\W\d_]))?"

LANGUAGES: dict[str, DateLanguage] = {
    "es": DateLanguage(
        months=calendar_names.SPANISH_MONTHS,
        day_suffix=_ES_PT_SUFFIX,
        of=r"\s+(?:de\s+)?",
        year_of=r"(?:\s+del?\s+|,\s*|\s+)",
        opener=r"(?:del|desde\s+el|entre\s+el|entre\s+los\s+días)\s+",
        day_to=r"\s*(?:al|a|hasta\s+el|-|–|—)\s*",
        span_to=r"\s+(?:al|hasta\s+el|a)\s+|" + _DASH,
        both=r"\s+y\s+(?:el\s+)?",
        between=r"entre",
        month_context=r"(?:\b(?:en|desde|hasta|para|durante|antes\s+de|después\s+de|a\s+partir\s+de"
        r"|(?:a\s+)?(?:mediados|finales|principios|fines|comienzos|inicios)\s+de"
        r"|(?:el|del|al)\s+(?:próximo\s+|pasado\s+)?mes\s+de)\s+)$",
        before_next=r"\b(?:(?:el\s+|del\s+|al\s+)?próximo\s+(?:día\s+)?|para\s+(?:el\s+)?(?:día\s+)?)$",
        before_last=r"\b(?:el\s+|del\s+|al\s+)?pasado\s+(?:día\s+)?$",
        after_next=r"\s+(?:próximo|que\s+viene)\b",
        after_last=r"\s+(?:pasado|último)\b",
        this_year=r",?\s+de\s+este\s+año\b",
        next_year=r",?\s+del\s+(?:próximo\s+año|año\s+(?:próximo|que\s+viene))\b",
        last_year=r",?\s+del\s+(?:año\s+pasado|pasado\s+año)\b",
    ),
    "pt": DateLanguage(
        months=calendar_names.PORTUGUESE_MONTHS,
        day_suffix=_ES_PT_SUFFIX,
        of=r"\s+(?:de\s+)?",
        year_of=r"(?:\s+de\s+|,\s*|\s+)",
        opener=r"(?:de|desde|entre\s+os\s+dias|entre)\s+",
        day_to=r"\s*(?:a|até(?:\s+(?:ao|o))?(?:\s+dia)?|ao|-|–|—)\s*",
        span_to=r"\s+(?:a|até(?:\s+(?:ao|o))?)\s+|" + _DASH,
        both=r"\s+e\s+",
        between=r"entre",
        month_context=r"(?:\b(?:em|desde|até|durante|para|antes\s+de|depois\s+de|a\s+partir\s+de"
        r"|(?:n?o\s+|em\s+|a(?:o|té)\s+(?:o\s+)?)?(?:início|fim|final|meados|princípio)\s+de"
        r"|(?:n|d)?o\s+(?:próximo\s+|passado\s+)?mês\s+de)\s+)$",
        before_next=r"\b(?:(?:n?o\s+|d?o\s+)?próximo\s+(?:dia\s+)?|para\s+(?:o\s+)?(?:dia\s+)?)$",
        before_last=r"\b(?:n?o\s+|d?o\s+)?passado\s+(?:dia\s+)?$",
        after_next=r"\s+próximo\b",
        after_last=r"\s+(?:passado|último)\b",
        this_year=r",?\s+de(?:ste|sse)\s+ano\b",
        next_year=r",?\s+do\s+(?:próximo\s+ano|ano\s+que\s+vem)\b",
        last_year=r",?\s+do\s+ano\s+passado\b",
    ),
    "fr": DateLanguage(
        months=calendar_names.FRENCH_MONTHS,
        day_suffix=r"(?:er|ᵉʳ)?",
        of=r"\s+",
        year_of=r",?\s+",
        opener=r"(?:du|entre\s+le|entre\s+les)\s+",
        day_to=r"\s*(?:au|-|–|—)\s*",
        span_to=r"\s+au\s+|" + _DASH,
        both=r"\s+et\s+(?:le\s+)?",
        between=r"entre",
        month_context=r"(?:\b(?:en|depuis|jusqu['’]en|jusqu['’]à|dès|d['’]ici|avant|après|pour"
        r"|courant|fin|début|(?:à\s+la\s+fin|au\s+début|au\s+milieu)\s+d[e']|au\s+mois\s+d[e']"
        r"|(?:le|du|au)\s+mois\s+d[e'])\s*|\bmi-)$",
        before_next=r"\bpour\s+le\s+$",
        after_next=r"\s+prochain\b",
        after_last=r"\s+dernier\b",
        this_year=r",?\s+(?:de\s+)?cette\s+année\b",
        next_year=r",?\s+de\s+l['’](?:année\s+prochaine|an\s+prochain)\b",
        last_year=r",?\s+de\s+l['’](?:année\s+dernière|an\s+dernier|an\s+passé)\b",
    ),
    "it": DateLanguage(
        months=calendar_names.ITALIAN_MONTHS,
        day_suffix=r"(?:[°º])?",
        of=r"\s+",
        year_of=r",?\s+",
        opener=r"(?:dal|dall['’]|tra\s+il|fra\s+il)\s*",
        day_to=r"\s*(?:al|all['’]|-|–|—)\s*",
        span_to=r"\s+al\s+|\s+all['’]|" + _DASH,
        both=r"\s+e\s+(?:il\s+)?",
        between=r"(?:tra|fra)",
        month_context=r"(?:\b(?:a|ad|in|da|entro|fino\s+a|prima\s+di|dopo|nel\s+mese\s+di"
        r"|(?:a|alla|dalla|della|entro)\s+(?:fine|inizio|metà)\s+(?:di\s+)?"
        r"|(?:a\s+)?(?:fine|inizio|metà))\s+)$",
        before_next=r"\bper\s+il\s+$",
        after_next=r"\s+prossimo\b",
        after_last=r"\s+scorso\b",
        this_year=r",?\s+di\s+quest['’]anno\b",
        next_year=r",?\s+del(?:l['’]anno\s+prossimo|\s+prossimo\s+anno)\b",
        last_year=r",?\s+del(?:l['’]anno\s+scorso|lo\s+scorso\s+anno)\b",
    ),
    "de": DateLanguage(
        months=calendar_names.GERMAN_MONTHS,
        day_suffix=r"\.?",
        of=r"\s*",
        year_of=r",?\s+",
        opener=r"(?:vom|von|zwischen\s+dem)\s+",
        day_to=r"\s*(?:bis(?:\s+(?:zum|einschließlich))?|-|–|—)\s*",
        span_to=r"\s+bis(?:\s+zum)?\s+|" + _DASH,
        both=r"\s+und\s+(?:dem\s+)?",
        between=r"zwischen",
        month_context=r"(?:\b(?:im|seit|bis|ab|vor|nach|Anfang|Mitte|Ende|bis\s+Ende"
        r"|(?:im|seit|bis)\s+(?:kommenden|vergangenen|nächsten|letzten))\s+)$",
        before_next=r"\b(?:am\s+)?(?:kommenden|nächsten)\s+$",
        before_last=r"\b(?:am\s+)?(?:vergangenen|letzten)\s+$",
        this_year=r",?\s+(?:dieses\s+Jahres|diesen\s+Jahres)\b",
        next_year=r",?\s+(?:des\s+)?(?:nächsten|kommenden)\s+Jahres\b",
        last_year=r",?\s+(?:des\s+)?(?:vergangenen|letzten|vorigen)\s+Jahres\b",
    ),
    "id": DateLanguage(
        months=calendar_names.INDONESIAN_MONTHS,
        day_suffix="",
        of=r"\s+",
        year_of=r",?\s+",
        opener=r"(?:dari\s+tanggal|antara\s+tanggal|tanggal)\s+",
        day_to=r"\s*(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|-|–|—)\s*",
        span_to=r"\s+(?:hingga|sampai(?:\s+dengan)?)\s+|" + _DASH,
        both=r"\s+dan\s+",
        between=r"antara(?:\s+tanggal)?",
        month_context=r"(?:\b(?:pada|bulan|sejak|hingga|sampai|akhir|awal|pertengahan"
        r"|pada\s+bulan|hingga\s+bulan|sejak\s+bulan)\s+)$",
        after_next=r"\s+(?:mendatang|depan)\b",
        after_last=r"\s+(?:lalu|kemarin)\b",
        this_year=r",?\s+tahun\s+ini\b",
        next_year=r",?\s+tahun\s+depan\b",
        last_year=r",?\s+tahun\s+lalu\b",
    ),
    "vi": DateLanguage(
        months=tuple((str(n),) for n in range(1, 13)),
        day_suffix="",
        of=r"\s+tháng\s+",
        year_of=r"(?:\s+năm\s+|/)",
        opener=r"(?:từ\s+ngày|từ)\s+",
        day_to=r"\s*(?:đến(?:\s+ngày)?|tới(?:\s+ngày)?|-|–|—)\s*",
        span_to=r"\s+(?:đến|tới)(?:\s+ngày)?\s+|" + _DASH,
        both=r"\s+và\s+(?:ngày\s+)?",
        between=r"(?!)",
        month_context=r"",
        month_word=r"(?<![0-9]\s)\btháng\s+",
        this_year=r",?\s+năm\s+nay\b",
        next_year=r",?\s+năm\s+(?:sau|tới)\b",
        last_year=r",?\s+năm\s+(?:ngoái|trước)\b",
        numeric_months=True,
        trigger="tháng",
    ),
}


def _month_pattern(language: DateLanguage, group: str, abbreviations: bool = True) -> str:
    """A named group matching one month of ``language`` (full names first)."""
    if language.numeric_months:
        return rf"(?P<{group}>1[0-2]|0?[1-9])(?![0-9])"
    forms: list[str] = []
    for names in language.months:
        full = [n for n in names if len(n) > 4 or names.index(n) == 0]
        short = [n for n in names if n not in full]
        forms.extend(re.escape(n) for n in full)
        if abbreviations:
            forms.extend(rf"{re.escape(n)}\.?" for n in short)
    forms.sort(key=len, reverse=True)
    return rf"(?<![^\W\d_])(?P<{group}>(?i:{'|'.join(forms)})){_NOT_LETTER}"


def month_number(language: str, name: str) -> int:
    """The number of a month from one of its forms in ``language`` ("dic." → 12)."""
    spec = LANGUAGES[language]
    if spec.numeric_months:
        return int(name)
    return _month_numbers(language)[name.rstrip(".").casefold()]


@cache
def _month_numbers(language: str) -> dict[str, int]:
    """Each month form of ``language``, case-folded, with its number (the first month
    that has the form, should two share one)."""
    numbers: dict[str, int] = {}
    for number, names in enumerate(LANGUAGES[language].months, start=1):
        for name in names:
            numbers.setdefault(name.casefold(), number)
    return numbers


@dataclass(frozen=True)
class LanguagePatterns:
    """One language's compiled patterns, most specific first, and its hint patterns."""

    ordered: tuple[tuple[str, re.Pattern[str]], ...]
    month_context: re.Pattern[str]
    month_context_lowered: re.Pattern[str]
    """``month_context`` in lower case and not case-blind, for the lower-cased text (where
    lowering keeps every offset and no "ſ" or "ı" stands for "s" or "i"): the same
    matches, three times faster."""
    before: tuple[tuple[re.Pattern[str], int], ...]
    after: tuple[tuple[re.Pattern[str], int], ...]
    year_after: tuple[tuple[re.Pattern[str], str], ...]
    any_before: re.Pattern[str] | None
    """Matches where any of ``before`` matches (None when there are none): one search
    tells that none of them does, as for most dates."""
    any_after: re.Pattern[str] | None
    """Likewise for ``after``."""
    any_year_after: re.Pattern[str] | None
    """Likewise for ``year_after``."""
    between: re.Pattern[str]
    between_lowered: re.Pattern[str]
    """Likewise for ``between``."""
    trigger: re.Pattern[str]
    opener_heads: tuple[str, ...] | None
    """The first word of each opener ("del", "desde", "entre"): where a range may begin
    when not at its first day (None when the opener does not tell)."""
    opener_then_day: re.Pattern[str]
    """An opener and the first digit of a day: what a range that begins with its opener
    begins with ("del 3", "entre los días 14")."""
    full_names: tuple[str, ...] | None
    """The full month names in lower case, which the patterns "m_y" and "m" begin with
    (None when those patterns begin otherwise)."""
    trigger_words: tuple[str, ...] | None
    """What ``trigger`` finds, in lower case, when it is a list of words in any case
    (the month stems): a plain search of the lower-cased text finds them."""


@cache
def patterns(code: str) -> LanguagePatterns | None:
    """The compiled patterns of language ``code``, or None for a language without any."""
    spec = LANGUAGES.get(code)
    if spec is None:
        return None
    # "(?<![0-9])" checked after the first digit, so that the pattern of a bare date
    # starts with a digit and the engine skips ahead to digits
    d1 = rf"(?P<d1>[0-9](?<![0-9].){_DAY_AFTER_FIRST}){spec.day_suffix}"
    d2 = rf"(?P<d2>{_DAY}){spec.day_suffix}"
    m1, m2 = _month_pattern(spec, "m1"), _month_pattern(spec, "m2")
    y1, y2 = rf"(?:{spec.year_of}(?P<y1>{_YEAR}))?", rf"(?:{spec.year_of}(?P<y2>{_YEAR}))?"
    opener = rf"(?:(?P<pre>{spec.opener}))?"
    after_day = r"(?![0-9])"
    join = rf"(?:(?P<conn>{spec.day_to})|(?P<both>{spec.both}))"
    table = (
        # del 26 de febrero al 2 de marzo de 2024 · du 26 février au 2 mars 2024
        ("dm_dm", rf"{opener}{d1}{after_day}{spec.of}{m1}{y1}(?P<conn>{spec.span_to}){d2}"
                  rf"{after_day}{spec.of}{m2}{y2}"),
        # del 23 al 26 de marzo · 14 y 15 de diciembre · vom 3. bis 5. März · 26-28 Oktober
        ("d_dm", rf"{opener}{d1}{after_day}{join}{d2}{after_day}{spec.of}{m1}{y2}"),
        # 10 de junio de 2025 · 12 septembre 2025 · 5. Dezember 2024 · 15 dic
        ("dm", rf"{d1}{after_day}{spec.of}{m1}{y1}"),
        # junio de 2025 · juin 2025 · tháng 10/2025
        ("m_y", rf"{spec.month_word}{_month_pattern(spec, 'm1', abbreviations=False)}"
                rf"{spec.year_of}(?P<y1>{_YEAR})"),
        # en enero · mi-mars · im September · tháng 12
        ("m", spec.month_word + _month_pattern(spec, "m1", abbreviations=False)),
    )  # fmt: skip

    def hints(*pairs: tuple[str, Any]) -> tuple[tuple[re.Pattern[str], Any], ...]:
        return tuple((re.compile(p), value) for p, value in pairs if p)

    def any_of(*patterns: str) -> re.Pattern[str] | None:
        alternatives = [f"(?:{p})" for p in patterns if p]
        return re.compile("|".join(alternatives)) if alternatives else None

    stems = {names[0][:3].casefold() for names in spec.months}
    between = rf"\b{spec.between}\b[^0-9]{{0,16}}$"
    trigger = spec.trigger or f"(?i:{'|'.join(sorted(stems))})"
    return LanguagePatterns(
        ordered=tuple((name, re.compile(p)) for name, p in table),
        month_context=re.compile(spec.month_context, re.IGNORECASE),
        month_context_lowered=re.compile(lowered_pattern(spec.month_context)),
        before=hints((spec.before_next, 1), (spec.before_last, -1)),
        after=hints((spec.after_next, 1), (spec.after_last, -1)),
        year_after=hints(
            (spec.this_year, "this"), (spec.next_year, "next"), (spec.last_year, "last")
        ),
        any_before=any_of(spec.before_next, spec.before_last),
        any_after=any_of(spec.after_next, spec.after_last),
        any_year_after=any_of(spec.this_year, spec.next_year, spec.last_year),
        between=re.compile(between, re.IGNORECASE),
        between_lowered=re.compile(lowered_pattern(between)),
        trigger=re.compile(trigger),
        opener_heads=opener_heads(spec.opener),
        opener_then_day=re.compile(rf"{spec.opener}[0-9]"),
        full_names=None if spec.numeric_months or spec.month_word else _full_names(spec),
        trigger_words=None if spec.trigger else tuple(sorted(stems)),
    )


def lowered_pattern(source: str) -> str:
    """``source`` with its letters in lower case, but not the letter of an escape
    ("\\S" stays): compiled without ``re.IGNORECASE``, it matches the lower-cased text
    where ``source`` with it matches the text (offsets kept, no "ſ" or "ı")."""
    return re.sub(r"\\.|[^\\]+", lambda m: m[0] if m[0][0] == "\\" else m[0].lower(), source)


def _full_names(spec: DateLanguage) -> tuple[str, ...]:
    """The month forms ``_month_pattern`` reads without abbreviations, in lower case."""
    names = [n for names in spec.months for n in names if len(n) > 4 or names.index(n) == 0]
    return tuple(dict.fromkeys(n.lower() for n in names))


def opener_heads(opener: str) -> tuple[str, ...] | None:
    """The first word of each alternative of an opener pattern ("(?:del|desde\\s+el)\\s+"
    → "del", "desde"), or None when the pattern is not such a list of words."""
    body = re.fullmatch(r"\(\?:(?P<alternatives>[^()|]+(?:\|[^()|]+)*)\)\\s[+*]", opener)
    if body is None:
        return None
    heads = []
    for alternative in body.group("alternatives").split("|"):
        head = re.match(r"[^\W\d_]+", alternative)
        if head is None:
            return None
        heads.append(head.group())
    return tuple(dict.fromkeys(heads))
