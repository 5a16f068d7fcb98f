"""Whether a sentence speaks of the future or of the past, in the languages of the news.

A date written without its year lies ahead of the publication date when its sentence
looks forward ("will take place", "se celebrará", "se tiendra", "vai sediar") and behind
it when it looks back ("was held", "tuvo lugar", "s'est tenue", "aconteceu"). The marker
nearest before the date in its clause wins, else the nearest after it; a weak past (a verb
such as "gathered" or "announced") says only that the date is not far ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from treatytui.facts.alternation import alternation

Direction = int  # +1 forward (future), -1 back (past), 0 unknown
WEAK_PAST: Direction = -2
"""Back, but only as a verb such as "gathered" or "announced" says: the date may still be
a few days after the publication date ("gathered on Monday for talks that end Friday")."""
INTENDED: Direction = 2
"""Ahead of a past decision ("agreed to hold talks on 3 May", "acordaron celebrar"): after
a moment a little before the publication date, so ahead of it but for a few weeks."""

# (future, strong past, weak past) of each language; English is the default.
_MARKERS: dict[str, tuple[str, str, str]] = {
    "en": (
        r"\b(?:will|shall|won['’]t|(?:is|are|was|were)\s+(?:expected|set|scheduled|due|"
        r"slated|planned|poised|going|to\s+be)|(?:set|scheduled|slated|planned)\s+for|upcoming|"
        r"forthcoming|ahead\s+of|plans?\s+(?:to|an?)|expected\s+to|(?:is|are)\s+to|would|could|"
        r"should|next|starting|effective|"
        r"(?:enters?|comes?)\s+into\s+(?:force|effect)|takes?\s+effect)\b",
        r"\b(?:was|were|had|took\s+place|ended|concluded|ago|last|earlier|previously|since)\b",
        r"\b(?:adopted|signed|met|held|ran|opened|hosted|attended|gathered|began|convened|launched|"
        r"announced|approved|has\s+been|have\s+been|follows|following|followed|previous|"
        r"prior|failed|agreed|decided|voted|elected|reached|rejected|visited|completed|"
        r"finished|postponed|delayed|suspended|welcomed|endorsed|ratified|deposited|joined|"
        r"marked|celebrated|wrapped\s+up|briefed|addressed|presided)\b",
    ),
    "es": (
        r"\b(?:\w+(?:rá|rán|remos)|próxim[oa]s?|previst[oa]s?|programad[oa]s?|prevé|prevén|"
        r"van?\s+a|se\s+esperan?|esperan?|esperad[oa]s?|que\s+viene|entra\s+en\s+vigor)\b",
        # a preterite ("se celebró", "terminaron"), but not a verb of saying ("anunció")
        r"\b(?:fue|fueron|tuvo|tuvieron|había|habían|pasad[oa]s?|anterior(?:es)?|últim[oa]s?|"
        r"hace|ayer|(?!(?:anunci|inform|afirm|declar|record|indic|explic|señal|asegur|"
        r"precis|destac|subray|añad|agreg)(?:ó|aron)\b)\w{2,}(?:ó|aron|ieron))\b",
        r"\b(?:han?\s+\w+(?:ado|ido)|hizo)\b",
    ),
    "pt": (
        r"\b(?:\w+(?:rá|rão|remos)|vai|vão|próxim[oa]s?|previst[oa]s?|marcad[oa]s?|"
        r"agendad[oa]s?|programad[oa]s?|esperad[oa]s?|espera-se|esperam-se|devem?|"
        r"entra\s+em\s+vigor)\b",
        # a preterite ("aconteceu", "começou"), but not a verb of saying ("anunciou")
        r"\b(?:foi|foram|teve|tiveram|passad[oa]s?|anterior(?:es)?|últim[oa]s?|ontem|"
        r"aconteceu|ocorreu|decorreu|realizou-se|realizaram-se|"
        r"(?!(?:anunci|inform|afirm|declar|record|indic|explic|sublinh|assegur|"
        r"acrescent|destac|estou)(?:ou|aram)\b)\w{3,}(?:ou|aram|iram|iu))\b",
        r"\b(?:fez|fizeram)\b",
    ),
    "fr": (
        r"\b(?:\w{2,}(?:ra|ront|rons|rait|raient)|prochaine?s?|prévue?s?|doit|doivent|"
        r"devrait|devraient|va|vont|attendue?s?|programmée?s?|entre\s+en\s+vigueur)\b",
        r"\b(?:était|étaient|avait|avaient|eu\s+lieu|s['’]est\s+tenue?s?|s['’]était|"
        r"dernière?s?|derniers|précédente?s?|hier|il\s+y\s+a)\b",
        # a participle, not an elided word ("sont ouverts jusqu'au"); one holding a future
        # marker ("sont attendus au", "sont prévues") is dropped in ``Tenses.of``
        r"\b(?:a|ont|est|sont|s['’]est)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|is|it|u|ue|us)\b(?!['’])",
    ),
    "it": (
        r"\b(?:\w{2,}(?:rà|ranno|remo)|prossim[oa]|previst[oa]|programmat[oa])\b",
        r"\b(?:è\s+stat[oa]|sono\s+stat[ie]|scors[oa]|precedente|ieri|fa)\b",
        r"\b(?:(?:ha|hanno|si\s+è|è)\s+\w+(?:at[oa]|ut[oa]|it[oa]|ert[oa])|\w{2,}ò)\b",
    ),
    "de": (
        r"\b(?:wird|werden|soll|sollen|nächste[nmrs]?|kommende[nmrs]?|geplant|vorgesehen|"
        r"bevorstehende[nmrs]?)\b",
        r"\b(?:war|waren|fand|fanden|hatte|hatten|hätten|letzte[nmrs]?|vergangene[nmrs]?|"
        r"vorige[nmrs]?|zuvor|gestern)\b",
        # a perfect; not a verb of saying ("teilte ... mit", "sagte"), no more than
        # "said" in English: "findet am 4. Dezember statt, teilte das Amt mit" lies ahead
        r"\b(?:hat|haben)\b",
    ),
    "id": (
        r"\b(?:akan|mendatang|depan|dijadwalkan|direncanakan|rencananya)\b",
        r"\b(?:telah|sudah|lalu|sebelumnya|kemarin)\b",
        r"\b(?:kata|mengatakan|menyatakan)\b",
    ),
    "vi": (
        r"(?:\bsẽ\b|\bsắp\b|\btới\b|dự\s+kiến)",
        r"(?:\bđã\b|\bvừa\b|\btrước\b)",
        r"(?:cho\s+biết)",
    ),
}

# Words that put what follows after the time of the clause's verb: "ministers met on
# Thursday to prepare the summit on July 7-8", "se reunieron para preparar la cumbre del 15
# de octubre". After a past verb such a date is after a past moment, not necessarily
# before the publication date: its year is the nearest one. ("until" is not one of them:
# "was suspended until 3 March" keeps the past.)
_LATER_THAN_VERB: dict[str, str] = {
    "en": r"\b(?:before|prior\s+to|in\s+preparation\s+for|to\s+prepare|preparing\s+for|"
    r"in\s+the\s+(?:run|lead)-up\s+to|preparatory\s+to)\b",
    "es": r"\b(?:antes\s+de|para\s+preparar|preparando|con\s+miras\s+a|de\s+cara\s+a|"
    r"en\s+preparación\s+(?:de|para)|preparatori[oa]s?\s+(?:de|para))\b",
    "fr": r"\b(?:avant|en\s+vue\s+d|pour\s+préparer|en\s+préparation\s+d|préparant|"
    r"préparatoires?\s+(?:à|au|aux|de|du))",
    "pt": r"\b(?:antes\s+d|para\s+preparar|preparando|com\s+vistas?\s+a|rumo\s+[àa]|"
    r"em\s+preparação\s+(?:para|d)|preparatóri[oa]s?\s+(?:para|d))",
    "it": r"\b(?:prima\s+d|in\s+vista\s+d|per\s+preparare|in\s+preparazione\s+d)",
    "de": r"\b(?:vor\s+de[mnr]|im\s+vorfeld|zur\s+vorbereitung)\b",
}


# A past decision to do something later: "agreed to hold", "acordaron celebrar", "ont
# décidé de tenir", "decidiram realizar". A date after one lies after the decision, not
# before the publication date: the decision's past marker does not date it.
_DECIDED = {
    "en": r"\b(?:agreed|decided|voted|resolved|pledged|promised|planned|arranged|chose|"
    r"opted)\s+(?:\w+\s+){0,2}?to\s+(?:\w+\s+)?",
    "es": r"\b(?:acord(?:ó|aron)|decidi(?:ó|eron)|convin(?:o|ieron)|resolvi(?:ó|eron)|"
    r"aprob(?:ó|aron)|pact(?:ó|aron)|prometi(?:ó|eron)|se\s+comprometi(?:ó|eron)\s+a|"
    r"han?\s+(?:acordado|decidido|convenido|resuelto|aprobado))\s+(?:\w+\s+)?",
    "fr": r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:décidé|convenu|accepté|résolu|promis|"
    r"choisi|voté)\s+(?:\w+\s+)?(?:de\s+|d['’])|\bse\s+sont\s+engagée?s\s+à\s+",
    "pt": r"\b(?:decidi(?:u|ram)|acord(?:ou|aram)|combin(?:ou|aram)|resolve(?:u|ram)|"
    r"aprov(?:ou|aram)|prometeu|prometeram|concord(?:ou|aram)\s+em|"
    r"comprometeu-se\s+a|comprometeram-se\s+a)\s+(?:\w+\s+)?",
}
# The infinitives of holding, meeting and convening that follow such a decision.
_TO_HOLD = {
    "en": r"(?:hold|host|meet|convene|reconvene|resume|reopen|organi[sz]e|stage|sign|"
    r"gather|return|launch|begin|start)",
    "es": r"(?:celebrar|realizar|organizar|convocar|reunirse|volver\s+a\s+reunirse|"
    r"reanudar|retomar|firmar|acoger|encontrarse|iniciar|comenzar)",
    "fr": r"(?:tenir|se\s+réunir|(?:se\s+|s['’])retrouver|organiser|convoquer|reprendre|"
    r"accueillir|signer|se\s+rencontrer|se\s+revoir|lancer|(?:re)?commencer|entamer)",
    "pt": r"(?:realizar|sediar|organizar|convocar|reunir-se|se\s+reunir|"
    r"voltar\s+a\s+(?:se\s+)?reunir(?:-se)?|retomar|assinar|receber|encontrar-se|"
    r"se\s+encontrar|iniciar|começar|lançar)",
}


@cache
def _intent_pattern(language: str, flags: int = 0) -> re.Pattern[str] | None:
    """The pattern of a past decision and the infinitive it governs in ``language``."""
    if language not in _DECIDED:
        return None
    return re.compile(rf"(?:{_DECIDED[language]}){_TO_HOLD[language]}\b", flags)


@cache
def _later_pattern(language: str, flags: int = 0) -> re.Pattern[str] | None:
    """The pattern of ``_LATER_THAN_VERB`` words of ``language`` (lower case; English for
    a language without its own markers, as for the tense markers), if any."""
    words = _LATER_THAN_VERB.get(language, "" if language in _MARKERS else _LATER_THAN_VERB["en"])
    return re.compile(words, flags) if words else None


@cache
def _patterns(
    language: str, flags: int = 0
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The future, past, weak past and clause-break patterns of ``language``.

    They are written in lower case and run on the lower-cased sentence: a pattern with
    ``re.IGNORECASE`` takes three times as long (measured, ~180 against ~60 us a sentence).
    """
    future, past, weak = _MARKERS.get(language, _MARKERS["en"])
    return (
        re.compile(future, flags),
        re.compile(past, flags),
        re.compile(weak, flags),
        re.compile(_CLAUSE_BREAK, flags),
    )


_AUXILIARY_GAP = 20  # characters: "was only formally approved", "were adopted"
# Punctuation that ends a clause: an auxiliary before it is not the participle's after it
# ("attendus à Genève, ont adopté le 3 mars", "previstos en Lima, han aprobado").
# Not so where the weak markers are bare participles (English): after a comma one goes on
# with the clause before it ("would resume on July 6, followed by the Assembly from").
_GAP_PUNCTUATION = ",;:()[]–—"
_FINITE_WEAK = frozenset(_MARKERS) - {"en"}  # (a language without markers reads as English)
_PASSIVE_BEFORE = re.compile(r"\b(?:be|being)\s+$")  # run on lower-cased text
# Where a clause begins: a marker before it governs another clause than a date after it
# ("abriu o debate geral da Assembleia, que segue até 29 de setembro", "failed in
# February, and negotiators resume on September 8").
_CLAUSE_WORDS = (
    "that which who whose where when que qui qu' qu’ cual cuales quien quienes donde "
    "cuando qual quais quem onde quando où lorsque quand che cui dove yang"
).split()
_CLAUSE_JOINS = "and but while whereas as y pero mientras e mas enquanto et mais alors ma".split()


def _words_after_a_boundary(words: list[str]) -> str:
    """``\\b(?:words)\\b`` as one alternative a first letter ("q(?<!\\w.)u(?:e|i|...)\\b"),
    each a trie (``alternation``) checked for a word boundary after its first letter: a
    pattern whose alternatives all begin with a letter lets the engine skip ahead to
    those letters, where one beginning with ``\\b`` is tried at every character. Between
    two word boundaries only one word can match at a place (each is a whole word; "qu'"
    needs a letter after it), so the matches are those of the flat list."""
    by_letter: dict[str, list[str]] = {}
    for word in words:
        by_letter.setdefault(word[0], []).append(word[1:])
    return "|".join(
        rf"{re.escape(first)}(?<!\w.){alternation(rests)}\b" for first, rests in by_letter.items()
    )


_CLAUSE_BREAK = rf"{_words_after_a_boundary(_CLAUSE_WORDS)}|;|,\s+{alternation(_CLAUSE_JOINS)}\b"


# A "that" right after a marker of the future opens what is expected, not another clause:
# "espera-se que os ministros cheguem a 3 de março", "il est prévu que".
_COMPLEMENT = ("que", "qu'", "qu’", "that")


def _just_after(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether one of ``spans`` ends at ``at`` or one space before it."""
    return any(at - 1 <= end <= at for _, end in spans)


@dataclass(slots=True)
class Tenses:
    """Where a sentence speaks of the future, of the past, and of a weak past."""

    future: list[tuple[int, int]]
    past: list[tuple[int, int]]
    weak: list[tuple[int, int]]
    breaks: list[int]
    _sentence: str
    """The lower-cased sentence (or the sentence, read case-blind by ``_later``)."""
    _later: re.Pattern[str] | None
    _later_starts: list[int] | None = None
    _bare: bool = False
    """Whether the weak markers are bare participles (English), not verbs of their own."""
    _intent: re.Pattern[str] | None = None
    _intent_spans: list[tuple[int, int]] | None = None

    @property
    def intended(self) -> list[tuple[int, int]]:
        """Where a past decision to hold something later is told ("agreed to hold"):
        looked for when first asked, after a past marker."""
        if self._intent_spans is None:
            pattern = self._intent
            found = [m.span() for m in pattern.finditer(self._sentence)] if pattern else []
            self._intent_spans = found
        return self._intent_spans

    @property
    def later(self) -> list[int]:
        """Where a word that puts what follows after the verb's time begins ("to
        prepare"): looked for when first asked, after a past marker."""
        if self._later_starts is None:
            pattern = self._later
            found = [m.start() for m in pattern.finditer(self._sentence)] if pattern else []
            self._later_starts = found
        return self._later_starts

    @classmethod
    def of(cls, sentence: str, language: str = "en") -> Tenses:
        """The tense markers of ``sentence``, read as ``language`` (English by default).

        A weak past right after "be" is a passive, not a past ("will be signed"), and one
        holding a future marker is none ("sont attendus au", "han programado"): the
        future wins. A "que" right after a future marker begins no clause."""
        lowered = sentence.lower()
        if len(lowered) == len(sentence):  # offsets agree (not so for "İ")
            future, past, weak, breaks = _patterns(language)
            later = _later_pattern(language)
            intent = _intent_pattern(language)
        else:
            lowered = sentence
            future, past, weak, breaks = _patterns(language, re.IGNORECASE)
            later = _later_pattern(language, re.IGNORECASE)
            intent = _intent_pattern(language, re.IGNORECASE)
        ahead = [m.span() for m in future.finditer(lowered)]
        weak_spans = [
            m.span()
            for m in weak.finditer(lowered)
            if not _PASSIVE_BEFORE.search(lowered, max(0, m.start() - 8), m.start())
        ]
        starts = [m.start() for m in breaks.finditer(lowered)]
        if ahead:  # (most sentences have no future marker: nothing to filter)
            if weak_spans:
                weak_spans = [
                    (start, end)
                    for start, end in weak_spans
                    if not any(s < end and start < e for s, e in ahead)
                ]
            if starts:
                starts = [
                    at
                    for at in starts
                    if not (lowered.startswith(_COMPLEMENT, at) and _just_after(ahead, at))
                ]
        return cls(
            ahead,
            [m.span() for m in past.finditer(lowered)],
            weak_spans,
            starts,
            lowered,
            later,
            None,
            language not in _FINITE_WEAK,
            intent,
        )

    def at(self, offset: int) -> Direction:
        """+1, -1, ``WEAK_PAST``, ``INTENDED`` or 0 for a date at ``offset`` of the sentence.

        The nearest marker before the date in its clause wins (the verb usually comes
        before the date it governs: "assumiu a presidência em 1º de janeiro e vai sediar a
        cúpula em julho", "met again on December 16 and will hold its first meeting on
        February 10"), a weak one taking the way of an auxiliary just before it ("was only
        approved on"), a past decision to hold something looking ahead of itself ("agreed
        to hold talks on"). Without one, the nearest marker after it in its own clause
        ("On 4 March the ministers signed the accord, and they will meet in June"), a
        strong one before a weak one; else the nearest strong marker after it; a weak past
        later in the clause comes last.
        """
        # (way, rank): at equal distance a future beats a past, a past a weak past
        kinds = ((1, 0, self.future), (-1, 1, self.past), (WEAK_PAST, 2, self.weak))
        clause = max((b for b in self.breaks if b < offset), default=-1)
        # The nearest: (distance, rank) is never the same for two markers (those of one
        # kind do not overlap), so the way of a weak one is worked out for that one only.
        nearest: tuple[int, int, int, Direction] | None = None
        for way, rank, spans in kinds:
            for start, end in spans:
                inside = clause < start and end <= offset
                if inside and (nearest is None or (offset - end, rank) < nearest[:2]):
                    nearest = (offset - end, rank, start, way)
        if nearest is not None:
            distance, _rank, start, way = nearest
            if way == WEAK_PAST:
                way = self._auxiliary(start)
            if way < 0 and any(s <= start < e <= offset for s, e in self.intended):
                return INTENDED  # "agreed to hold the next round on 3 May"
            if way < 0 and any(offset - distance <= at < offset for at in self.later):
                return 0  # after a past moment: "met on Thursday to prepare the summit on"
            return way
        clause_end = min((b for b in self.breaks if b > offset), default=len(self._sentence))
        for kind in (kinds[:2], kinds[2:]):
            own = [
                (start - offset, rank, start, way)
                for way, rank, spans in kind
                for start, _ in spans
                if offset <= start < clause_end
            ]
            if own:
                _, _, start, way = min(own)
                return self._auxiliary(start) if way == WEAK_PAST else way
        after = [
            (start - offset, rank, way)
            for way, rank, spans in kinds[:2]
            for start, _ in spans
            if start >= offset
        ]
        if after:
            return min(after)[2]
        return WEAK_PAST if any(start > clause for start, _ in self.weak) else 0

    def _auxiliary(self, start: int) -> Direction:
        """The way of a strong marker just before a weak one ("was only approved",
        "will have signed"): the two are one verb. A weak marker that is a verb of its
        own ("ont adopté") is not one with a strong marker before a clause's punctuation
        ("attendus à Genève, ont adopté"). ``WEAK_PAST`` when there is none."""
        sentence = None if self._bare else self._sentence
        for way, spans in ((1, self.future), (-1, self.past)):
            for _, end in spans:
                if 0 <= start - end <= _AUXILIARY_GAP and (
                    sentence is None
                    or not any(mark in sentence[end:start] for mark in _GAP_PUNCTUATION)
                ):
                    return way
        return WEAK_PAST


def tense(sentence: str, offset: int, language: str = "en") -> Direction:
    """Whether the sentence around ``offset`` looks forward (+1), back (-1) or neither."""
    return max(-1, min(1, Tenses.of(sentence, language).at(offset)))


# "until" just before a date: what it closes goes on at the time of the clause's verb.
_UNTIL = {
    "en": r"\b(?:until|till|through)\s+(?:the\s+)?",
    "es": r"\bhasta\s+(?:el\s+)?(?:d[ií]a\s+)?",
    "fr": r"\bjusqu['’](?:au|à|en)\s+(?:le\s+)?",
    "pt": r"\baté\s+(?:(?:o|ao|a)\s+)?(?:dia\s+)?",
}


@cache
def _until_pattern(language: str) -> re.Pattern[str] | None:
    words = _UNTIL.get(language)
    return re.compile(rf"(?:{words})$", re.IGNORECASE) if words else None


def ends_with_until(text: str, language: str = "en") -> bool:
    """Whether ``text`` ends with "until" (or "hasta el", "jusqu'au", "até o") and
    white space, as before a date."""
    pattern = _until_pattern(language)
    return pattern is not None and pattern.search(text) is not None
