"""What the collection views read of one article's facts, derived the same way wherever
it is read: in memory from the stored facts (``treatytui.views``) or once, when the article
is indexed, into the view rows stored beside the index (``viewstore``).

- The timeline's dated mentions: each date fact's value and covered days, the venues of
  its sentence and the content words near it (what tells events apart).
- The figures' fields: each count's value, unit (as a quantity), verb, role and date.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from treatytui.facts.model import Fact
    from treatytui.search.documents import ArticleFacts

TIMELINE_KINDS = frozenset({"date", "venue"})  # the facts a timeline reads
WORD_REACH = 60  # characters either side of the date whose words tell events apart
MAX_WORDS = 8  # content words kept per mention (the nearest to the date)


def parse_iso(value: object) -> date | None:
    """``2025-10-25`` (or a longer ISO timestamp) as a date; None when it is not one."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def covered_days(date_from: date, date_to: date | None, precision: str) -> tuple[date, date]:
    """The first and last day a date fact covers ("October 2025" → 1 Oct, 31 Oct)."""
    last = date_to or date_from
    if precision == "month":
        last = month_end(last)
    elif precision == "year":
        last = date(last.year, 12, 31)
    return date_from, max(last, date_from)


def locate(sentence: str, text: str) -> tuple[int, int]:
    """Where ``text`` stands in ``sentence`` (both on one line); the start when absent."""
    position = sentence.find(text)
    if position < 0:
        return (0, 0)
    return (position, position + len(text))


# -- the timeline ------------------------------------------------------------------------
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how if in into is it
    its itself just me more most my no nor not now of off on once only or other our out
    over own said same says she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your per via next last year years day
    days week weeks month months today yesterday tomorrow monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    latest update updated""".split()
)

WORDS = re.compile(r"[^\W\d_][\w'’-]{2,}")
STAMP = re.compile(r"^\W*(?:latest\s+)?(?:updated?|published|posted)\b", re.IGNORECASE)


def content_words(sentence: str, text: str) -> list[str]:
    """The content words around the date, in text order (at most ``MAX_WORDS``)."""
    start, end = locate(sentence, text)
    low, high = max(0, start - WORD_REACH), end + WORD_REACH
    words = WORDS.findall(sentence[low:high].lower())
    if high < len(sentence):
        words = words[:-1]  # the last word may be cut, and the first
    if low > 0:
        words = words[1:]
    return list(dict.fromkeys(w for w in words if w not in STOPWORDS))[:MAX_WORDS]


class DatedMention(NamedTuple):
    """A date fact of an article as the timeline reads it."""

    position: int  # the fact's place among the article's facts (the order they are read)
    date_from: date
    date_to: date | None  # None when the same as ``date_from``
    precision: str
    fact: Fact
    venues: frozenset[str]  # the venues of its sentence (case-folded names)

    @property
    def key(self) -> tuple[date, date | None, str]:
        """The date value: mentions of one event share it."""
        return (self.date_from, self.date_to, self.precision)


def dated_mentions(facts: Sequence[Fact]) -> list[DatedMention]:
    """The facts of one article that belong on a timeline: its date facts with a known
    first day, publication stamps ("(Latest Update October 27, 2025)") left out."""
    dated = [(i, f) for i, f in enumerate(facts) if f.kind == "date"]
    if not dated:
        return []
    venues: dict[str, set[str]] = {}
    for fact in facts:
        if fact.kind == "venue":
            venue = fact.attrs.get("name_en") or fact.attrs.get("name") or fact.text
            venues.setdefault(fact.sentence, set()).add(str(venue).casefold())
    found = []
    for position, fact in dated:
        start = parse_iso(fact.attrs.get("date_from"))
        if start is None or STAMP.match(fact.sentence):
            continue
        end = parse_iso(fact.attrs.get("date_to"))
        precision = fact.attrs.get("precision") or "day"
        near = frozenset(venues.get(fact.sentence, ()))
        found.append(
            DatedMention(position, start, None if end == start else end, precision, fact, near)
        )
    return found


# -- figures -----------------------------------------------------------------------------
# The quantity each unit (as the extractor writes it) counts.
_QUANTITIES: dict[str, tuple[str, ...]] = {
    "countries": (
        "countries", "nations", "states", "governments", "economies", "jurisdictions",
        "member states", "member countries", "member nations", "states members",
        "participating states", "member economies", "countries and territories",
        "países", "naciones", "estados", "gobiernos", "economías", "estados miembros",
        "países miembros", "pays", "états", "gouvernements", "économies", "états membres",
        "pays membres", "etats", "etats membres", "nações", "governos", "economias",
        "estados-membros", "estados membros", "países-membros", "países membros",
    ),
    "members": ("members", "miembros", "membres", "membros"),
    "signatories": ("signatories", "signatarios", "signataires", "signatários"),
    "parties": (
        "states parties", "parties", "estados partes", "estados parte", "partes",
        "états parties",
    ),
    "ratifications": (
        "ratifications", "accessions", "instruments of ratification", "ratificaciones",
        "ratificações",
    ),
    "delegates": (
        "delegates", "delegations", "participants", "attendees", "representatives", "observers",
        "delegados", "delegadas", "delegaciones", "participantes", "asistentes", "observadores",
        "representantes", "délégués", "déléguées", "délégations", "observateurs",
        "représentants", "delegações",
    ),
    "leaders": (
        "heads of state and government", "heads of state", "heads of government", "leaders",
        "presidents", "jefes de estado y de gobierno", "jefes de estado", "jefes de gobierno",
        "líderes", "dirigentes", "mandatarios", "presidentes", "chefs d'état",
        "chefs d'état et de gouvernement", "chefs de gouvernement", "dirigeants", "chefs d'etat",
        "chefs d'etat et de gouvernement",
        "présidents", "chefes de estado", "chefes de estado e de governo", "chefes de governo",
    ),
    "officials": (
        "ministers", "officials", "ministros", "ministras", "cancilleres", "funcionarios",
        "ministres", "responsables", "chanceleres", "funcionários",
    ),
    "organisations": (
        "organisations", "organizations", "agencies", "ngos",
        "civil society organisations", "civil society organizations", "organizaciones",
        "ong", "organizações", "ongs",
    ),
    "rounds": ("rounds", "sessions", "rondas", "sesiones", "cycles", "rodadas", "sessões"),
    "speakers": ("speakers",),
    "statements": ("statements",),
    "experts": ("experts", "expertos", "especialistas"),
    "journalists": ("journalists", "periodistas", "journalistes", "jornalistas"),
    "people": ("people", "persons", "personas", "personnes", "pessoas"),
}  # fmt: skip
UNITS: dict[str, str] = {
    unit: quantity for quantity, units in _QUANTITIES.items() for unit in units
}
# What a count is to its article (the extractor's ``role``), in the order groups are shown.
ROLES = ("participants", "total", "threshold")
ROLE_TITLES = {"total": "in total", "threshold": "needed to enter into force"}
UNIT_ORDER = tuple(_QUANTITIES)

# Verb classes, most specific first; a word belongs to a class when it starts with one
# of the stems. "joined" is weak: "joined 63 countries in signing" is about signing.
VERBS: dict[str, tuple[str, ...]] = {
    "signed": ("sign", "inked"),
    "ratified": ("ratif", "acced", "accession"),
    "adopted": ("adopt", "vote", "voting", "approv", "endors", "backed"),
    "attended": (
        "attend", "particip", "took", "gather", "brought", "present", "represent", "joined",
        "came", "turnout", "drew",
    ),
    "confirmed": ("confirm", "register", "pledg", "committed"),
    "spoke": ("spoke", "speak", "deliver", "addressed"),
    "invited": ("invit",),
    "expected": ("expect", "will", "would", "plan", "anticipat", "project", "set to", "due"),
}  # fmt: skip
VERB_ORDER = (*VERBS, "reported")
WEAK_VERBS = {"joined": 5}  # extra distance, in words
VERB_REACH = 8  # words either side of the count
FIGURE_KINDS = frozenset({"count", "date"})  # the facts a figures view reads


def normalise_unit(unit: str) -> str:
    """The quantity a unit counts: "member states" → "countries", "delegations" → "delegates"."""
    key = " ".join(unit.lower().replace("’", "'").split())
    return UNITS.get(key, key)


def _verb_of(word: str) -> str | None:
    for verb, stems in VERBS.items():
        if word.startswith(stems):
            return verb
    return None


def classify_verb(sentence: str, text: str) -> str:
    """The verb class nearest ``text`` (the count) in ``sentence``, or "reported"."""
    start, end = locate(sentence, text)
    before = sentence[:start].lower().replace("set to", "set_to").split()[-VERB_REACH:]
    after = sentence[end:].lower().replace("set to", "set_to").split()[:VERB_REACH]
    best: tuple[int, int, str] | None = None
    for distance, word in [*enumerate(reversed(before)), *enumerate(after)]:
        word = word.strip(".,;:!?()\"'‘’“”").replace("set_to", "set to")
        verb = _verb_of(word)
        if verb is None:
            continue
        candidate = (distance + WEAK_VERBS.get(word, 0), VERB_ORDER.index(verb), verb)
        best = candidate if best is None or candidate < best else best
    return best[2] if best else "reported"


def _sentence_date(count: Fact, dates: list[Fact]) -> Fact | None:
    same = [d for d in dates if d.sentence == count.sentence and parse_iso(d.get("date_from"))]
    return min(same, key=lambda d: abs(d.start - count.start), default=None)


def figure_fields(article: ArticleFacts, count: Fact, dates: list[Fact]) -> tuple | None:
    """A count's figure: (value, value_to, its strings, date from, date to), or None."""
    value = count.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    value_to = count.get("value_to")
    unit = " ".join(str(count.get("unit") or "").split())
    role = str(count.get("role") or "participants")
    role = role if role in ROLES else "participants"
    dated = _sentence_date(count, dates)
    if dated is not None:
        start, end = parse_iso(dated.get("date_from")), parse_iso(dated.get("date_to"))
        precision, dated_by = str(dated.get("precision") or "day"), "sentence"
    else:
        start, end, precision = article.published, None, "day"
        dated_by = "published" if start else ""
    verb = classify_verb(count.sentence, count.text) if role == "participants" else role
    strings = (
        str(count.get("qualifier") or "exact"),
        normalise_unit(unit),
        unit,
        verb,
        precision,
        dated_by,
        role,
    )
    return (
        float(value),
        float(value_to) if isinstance(value_to, int | float) else None,
        strings,
        start,
        None if end == start else end,
    )


def figure_bounds(value: float, value_to: float | None, qualifier: str) -> tuple[float, float]:
    """The values a figure allows: "more than 110" 110 and up, "nearly 60" 54–60, "about
    60" 54–66, "fewer than / up to 60" up to 60, a range its ends (inclusive)."""
    low, high = value, value_to if value_to is not None else value
    if qualifier in ("more_than", "at_least"):
        return (low, math.inf)
    if qualifier in ("fewer_than", "up_to"):
        return (0.0, high)
    if qualifier == "nearly":
        return (low * 0.9, high)
    if qualifier == "about":
        return (low * 0.9, high * 1.1)
    return (low, high)


def disagreeing(bounds: Sequence[tuple[float, float]]) -> list[bool]:
    """For each of the figures (one quantity, one date) with these bounds: whether it
    meets no other (its range and the others' common range do not meet)."""
    if len(bounds) < 2:
        return [False] * len(bounds)
    lows = sorted((low, i) for i, (low, _high) in enumerate(bounds))
    highs = sorted((high, i) for i, (_low, high) in enumerate(bounds))
    marks = []
    for i, (low, high) in enumerate(bounds):
        other_low = lows[-1][0] if lows[-1][1] != i else lows[-2][0]  # the others' max low
        other_high = highs[0][0] if highs[0][1] != i else highs[1][0]  # the others' min high
        marks.append(high < other_low or low > other_high)
    return marks
