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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from treatytui.facts.model import QUALIFIER_PHRASES
from treatytui.views.bulk import gc_paused
from treatytui.views.dates import DateRange, covered_days, date_label, parse_iso
from treatytui.views.mentions import Mention, locate, mention

if TYPE_CHECKING:
    from treatytui.facts.model import Fact
    from treatytui.search.documents import ArticleFacts

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
        number = _number(self.value)
        if self.value_to is not None:
            number = f"{number}–{_number(self.value_to)}"
        words = (QUALIFIER_PHRASES.get(self.qualifier, ""), number, self.written_unit)
        return " ".join(word for word in words if word)

    @property
    def date_label(self) -> str:
        """The figure's date as people write it, or an empty string."""
        if self.date_from is None:
            return ""
        return date_label(self.date_from, self.date_to, self.precision)

    @property
    def bounds(self) -> tuple[float, float]:
        """The values the figure allows, read as described in the module docstring."""
        low, high = self.value, self.value_to if self.value_to is not None else self.value
        if self.qualifier in ("more_than", "at_least"):
            return (low, math.inf)
        if self.qualifier in ("fewer_than", "up_to"):
            return (0.0, high)
        if self.qualifier == "nearly":
            return (low * 0.9, high)
        if self.qualifier == "about":
            return (low * 0.9, high * 1.1)
        return (low, high)


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Every figure reported for one quantity: a unit, a verb and a role.

    Attendance (``participants``) is grouped by verb; totals and thresholds are groups of
    their own, so that a membership or an entry-into-force threshold is never compared
    with the number of countries that came."""

    unit: str
    verb: str
    figures: tuple[Figure, ...]
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
        return sum(figure.disagrees for figure in self.figures)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


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


def _figure(article: ArticleFacts, count: Fact, dates: list[Fact]) -> Figure | None:
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
    return Figure(
        value=float(value),
        value_to=float(value_to) if isinstance(value_to, int | float) else None,
        qualifier=str(count.get("qualifier") or "exact"),
        unit=normalise_unit(unit),
        written_unit=unit,
        verb=classify_verb(count.sentence, count.text) if role == "participants" else role,
        date_from=start,
        date_to=None if end == start else end,
        precision=precision,
        dated_by=dated_by,
        mention=mention(article, count),
        role=role,
    )


def _mark_disagreements(figures: list[Figure]) -> list[Figure]:
    """``figures`` (one quantity, one date) with those that meet no other marked."""
    if len(figures) < 2:
        return figures
    lows = sorted((figure.bounds[0], i) for i, figure in enumerate(figures))
    highs = sorted((figure.bounds[1], i) for i, figure in enumerate(figures))
    marked = []
    for i, figure in enumerate(figures):
        low, high = figure.bounds
        other_low = lows[-1][0] if lows[-1][1] != i else lows[-2][0]  # the others' max low
        other_high = highs[0][0] if highs[0][1] != i else highs[1][0]  # the others' min high
        disagrees = high < other_low or low > other_high
        marked.append(replace(figure, disagrees=disagrees) if disagrees else figure)
    return marked


def _order(figure: Figure) -> tuple[bool, date, float, str, int]:
    m = figure.mention
    day = figure.date_from
    return (day is None, day or date.max, figure.value, m.article_id, m.start)


def build_figures(articles: Iterable[ArticleFacts]) -> list[FigureGroup]:
    """Every participant count of ``articles``, grouped by quantity, disagreements marked."""
    with gc_paused():
        buckets: dict[tuple[str, str, str], dict[tuple[date | None, date | None], list[Figure]]]
        buckets = defaultdict(lambda: defaultdict(list))
        for article in articles:
            counts = [f for f in article.facts if f.kind == "count"]
            if not counts:
                continue
            dates = [f for f in article.facts if f.kind == "date"]
            for count in counts:
                figure = _figure(article, count, dates)
                if figure is not None:
                    bucket = buckets[(figure.role, figure.unit, figure.verb)]
                    bucket[(figure.date_from, figure.date_to)].append(figure)
        groups = [
            FigureGroup(
                unit=unit,
                verb=verb,
                role=role,
                figures=tuple(
                    sorted(
                        (f for same in by_date.values() for f in _mark_disagreements(same)),
                        key=_order,
                    )
                ),
            )
            for (role, unit, verb), by_date in buckets.items()
        ]
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

    def keep(group: FigureGroup, figure: Figure) -> bool:
        if not dates.is_everything:
            if figure.date_from is None:
                return False
            first, last = covered_days(figure.date_from, figure.date_to, figure.precision)
            if not dates.overlaps(first, last):
                return False
        if not needle:
            return True
        m = figure.mention
        haystack = f"{group.title}\n{figure.label}\n{m.sentence}\n{m.title}\n{m.source or ''}"
        return needle in haystack.casefold()

    kept = (
        FigureGroup(g.unit, g.verb, tuple(f for f in g.figures if keep(g, f)), g.role)
        for g in groups
    )
    return [group for group in kept if group.figures]
