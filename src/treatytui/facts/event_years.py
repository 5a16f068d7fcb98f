"""Bare years of events: "the next summit will be held in Dushanbe in 2027".

News is full of years that date nothing that happens: "which was founded in 1998", "since 2015",
"a 2030 target", "by 2030", "the 2022 report", "in 2023, exports rose". A bare year is a
date fact (precision ``year``) only when its clause says an event happens or happened in
it: an event verb ("will be held", "took place", "se celebrará", "aura lieu", "será
realizada", "signed", "entered into force") or an event noun ("summit", "session",
"cumbre", "conférence", "COP16") stands before the year's preposition ("in", "en", "em",
"in early", "en el primer semestre de"), with only a place, articles or a word such as
"previous" between them ("the next conference in Mongolia in 2026", "les conférences
précédentes, en 2015 et en 2022"); or a scheduling word comes right before it and an event
noun earlier in the clause ("La dixième conférence d'examen est prévue pour 2027"), or a
place between them ("prevista en Costa Rica en 2028"). Also: a when-clause with an event
verb ("began in 2002, when the ministers signed"), a lower-case meeting named by its year
("na conferência de 2025"), and the making of a body told as the clause's own verb ("a
comunidade foi criada em 1995"; not in a relative clause or an apposition).
"""

from __future__ import annotations

import re
from datetime import date

from treatytui.facts.model import Fact

TYPE_CHECKING = False  # the idiom type checkers understand, without importing typing
if TYPE_CHECKING:
    from treatytui.corpus.article import Article
    from treatytui.facts.sentences import SentenceIndex

# One pattern a century: a literal prefix lets the regex engine skip ahead fast, where
# "(?:19|20)" would try every position.
_CENTURIES = (re.compile(r"20[0-9]{2}"), re.compile(r"19[0-9]{2}"))
_CLAUSE_REACH = 160
"""Characters before the year's preposition in which an event word is looked for."""
_LEAD_REACH = 48
_OPENING_REACH = 48
_OPENING_WORDS = 4
_OPENING_VERB_WORDS = 6
"""An opening year ("In 2027, the next summit will be held"): the words allowed before
the event noun and between it and its verb, and the characters each may take."""

# The preposition (and "early", "the first half of"...) right before the year; group
# "plan" holds a scheduling word ("scheduled for", "prévue pour"), which needs an event
# noun earlier in the clause.
_LEADS = {
    "en": r"(?:(?P<plan>(?:scheduled|slated|set|planned|due)\s+(?:for|in))|in|during|"
    r"in\s+(?:early|late|mid)|in\s+the\s+(?:first|second)\s+half\s+of)",
    "es": r"(?:(?P<plan>(?:previst|programad|marcad|fijad|convocad)[oa]s?\s+(?:para|en))|en|"
    r"durante|en\s+el\s+(?:primer|segundo)\s+(?:semestre|trimestre)\s+de|"
    r"a\s+(?:principios|comienzos|inicios|finales|fines|mediados)\s+de)",
    "fr": r"(?:(?P<plan>(?:prévu|programmé|fixé|convoqué)e?s?\s+(?:pour|en))|en|"
    r"au\s+(?:premier|second|deuxième)\s+semestre|début|fin|courant)",
    "pt": r"(?:(?P<plan>(?:previst|programad|marcad|agendad|convocad)[oa]s?\s+(?:para|em))|"
    r"em|durante|no\s+(?:primeiro|segundo)\s+semestre\s+de|"
    r"em\s+(?:meados|fins|finais|inícios?)\s+de|no\s+(?:início|final|fim)\s+de)",
}

# Scheduling words with a place between them and the year: "la reunión está prevista en
# Costa Rica en 2028", "is scheduled in Fiji in 2027" (an event noun earlier, as for "plan").
_PLANS = {
    "en": r"scheduled|slated|planned|due",
    "es": r"(?:previst|programad|marcad|fijad|convocad)[oa]s?",
    "fr": r"(?:prévu|programmé|fixé|convoqué)e?s?",
    "pt": r"(?:previst|programad|marcad|agendad|convocad)[oa]s?",
}

# Verbs that put an event in a time: they need no event noun.
# The last word of each language's leads: a year after any other word is passed over
# without running the lead pattern (most years close a full date: "4 May 2025").
_LEAD_WORDS = {
    "en": frozenset("in during for of early late mid".split()),
    "es": frozenset("en durante para de".split()),
    "fr": frozenset("en pour semestre début fin courant".split()),
    "pt": frozenset("em durante para de".split()),
}
# Before "of" / "de", a lead has one of these: "the first half of", "a mediados de".
_BEFORE_OF = frozenset(
    "half semestre trimestre principios comienzos inicios finales fines mediados meados "
    "início inícios final fim fins finais".split()
)

_VERBS = {
    "en": r"held|holds?|holding|take[sn]?\s+place|took\s+place|taking\s+place|convened?|"
    r"convenes|convening|meets?|met|meeting|hosted|"
    r"(?:enter(?:ed|s)?|c[ao]me|comes)\s+into\s+(?:force|effect)",
    "es": r"se\s+(?:celebr|realiz|reun)(?:ará|arán|ó|aron|a|an|irá|irán|ió|ieron)|"
    r"celebrarse|realizarse|reunirse|tendrá[n]?\s+lugar|tuvo\s+lugar|tuvieron\s+lugar|"
    r"tiene[n]?\s+lugar|acoger(?:á|án)|acogió|albergará|"
    r"(?:entrará|entró|entraron|entrarán)\s+en\s+vigor",
    "fr": r"aura\s+lieu|auront\s+lieu|(?:a|ont|avait|avaient)\s+eu\s+lieu|"
    r"(?:se\s+|s['’])(?:tiendra|tiendront|est\s+tenue?|sont\s+tenue?s|était\s+tenue?)|"
    r"(?:se\s+|s['’])réunir(?:a|ont)|accueillera|accueilli|"
    r"(?:entrera|est\s+entrée?|entré)\s+en\s+vigueur",
    "pt": r"realiz(?:ou|a|ará|arão)-se|se\s+realizará|acontecer(?:á|ão)|"
    r"aconteceu|ocorrer(?:á|ão)?|ocorreu|ter(?:á|ão)\s+lugar|teve\s+lugar|"
    r"(?:se\s+)?reunir(?:á|ão)|reuniu|sediar(?:á|ão)?|sediou|"
    r"(?:entrará|entrou)\s+em\s+vigor",
}
# Verbs that date an event only when the clause names one, or the instrument it signs
# ("the treaty, signed in 1959"; not "a study carried out in 2019", "a law adopted").
_WEAK_VERBS = {
    "en": r"signed|adopted|organi[sz]ed",
    "es": r"firmad[oa]s?|firmó|firmaron|adoptad[oa]s?|celebrad[oa]s?|realizad[oa]s?|"
    r"organizad[oa]s?",
    "fr": r"signée?s?|adoptée?s?|organisée?s?|tenue?s?|réunie?s?",
    "pt": r"assinad[oa]s?|assinou|assinaram|adotad[oa]s?|realizad[oa]s?|organizad[oa]s?",
}
_INSTRUMENTS = {
    "en": r"treaty|agreement|convention|protocol|amendment|accord|charter|declaration",
    "es": r"tratado|acuerdo|convenio|convención|protocolo|enmienda|carta|declaración",
    "fr": r"traité|accord|convention|protocole|amendement|charte|déclaration",
    "pt": r"tratado|acordo|convenção|convênio|protocolo|emenda|carta|declaração",
}

# Events: meetings and what they do.
_NOUNS = {
    "en": r"summits?|meetings?|sessions?|conferences?|rounds?|assembly|assemblies|votes?|"
    r"referendum|elections?|signing|ceremony|talks|congress|forum|gathering|negotiations|"
    r"ministerial|plenary",
    "es": r"cumbres?|reuni(?:ón|ones)|sesi(?:ón|ones)|conferencias?(?:\s+de\s+examen)?|"
    r"rondas?|asambleas?|"
    r"votaci(?:ón|ones)|referéndum|elecciones|firma|ceremonia|negociaciones|congreso|foro|"
    r"cita|encuentro",
    "fr": r"sommets?|réunions?|sessions?|conférences?(?:\s+d['’]examen)?|assemblées?|votes?|"
    r"scrutin|référendum|"
    r"élections?|signature|cérémonie|négociations|pourparlers|congrès|forum|rencontre",
    "pt": r"cúpulas?|cimeiras?|reuni(?:ão|ões)|sess(?:ão|ões)|conferências?(?:\s+de\s+revisão)?|"
    r"rodadas?|rondas?|"
    r"assembleias?|votaç(?:ão|ões)|referendo|eleiç(?:ão|ões)|assinatura|cerim[ôó]nia|"
    r"negociações|congresso|fórum|encontro",
}
_ACRONYM_EVENTS = r"COP\s?[0-9]*|CMP\s?[0-9]*|MOP\s?[0-9]*|CSP\s?[0-9]*|UNGA|G[0-9]{1,2}"

# Words a place name, an article or an adjective of order may put between the event word
# and the year's preposition ("held in Dushanbe, Tajikistan, in 2027").
_LINK_WORDS = frozenset(
    "in at of the on to a an en à au aux em no na nos nas de del la le les el los las du des "
    "da do dos das y e et and previous last next past précédente précédentes précédent "
    "précédents dernière dernières dernier derniers prochaine prochain anterior anteriores "
    "pasada pasadas pasado próxima próximo passée passées also again "
    # adjectives a Romance event noun takes after it ("la reunión ministerial")
    "ministerial ministeriales ministérielle ministérielles anual anuales annuelle annuelles "
    "extraordinaire extraordinaria extraordinária ordinaire ordinaria ordinária plenaria "
    "plénière plenária regional régionale bilateral bilatérale mundial mondiale "
    "internacional internationale".split()
)
# "began in 2002, when Chile and Peru signed the accord": a year a when-clause makes an
# event's, with an event verb (or a signing) among its first words.
_WHEN = {
    "en": r",\s+when\b",
    "es": r",\s+cuando\b",
    "fr": r",\s+(?:lorsque|lorsqu['’]|quand)",
    "pt": r",\s+quando\b",
}
_WHEN_REACH = 80
# "na conferência de 2025", "la cumbre de 2023", "lors de la conférence de 2025": a meeting
# named by its year, in lower case (a capitalised one is a name: "la Conferencia de 2030").
_NOUN_OF = {
    "es": r"(?:\b(?:la|el|las|los|esa|esta)\s+)",
    "fr": r"(?:\b(?:la|le|les|cette|ce)\s+)",
    "pt": r"(?:\b(?:na|no|da|do|a|o|nas|nos|das|dos|essa|esta|dessa|desta|nesta|nessa)\s+)",
}
# A body or an instrument made in a year, told as the clause's own verb: "a comunidade foi
# criada em 1995", "fue fundada en", "a été créée en", "was established in" (not "which
# was founded in 1998" nor ", criada em 1998,": a relative or an apposition is background).
_MADE = {
    "en": r"(?<!which\s)(?<!that\s)(?<!who\s)\b(?:was|were)\s+(?:founded|created|established|"
    r"set\s+up|formed)\s+(?:in|during)\s+$",
    "es": r"(?<!que\s)\b(?:fue|fueron)\s+(?:fundad|cread|establecid|constituid)[oa]s?\s+en\s+$",
    "fr": r"(?<!qui\s)\b(?:a|ont)\s+été\s+(?:fondé|créé|établi|institué)e?s?\s+en\s+$",
    "pt": r"(?<!que\s)\b(?:foi|foram)\s+(?:fundad|criad|estabelecid|constituíd)[oa]s?\s+em\s+$",
}
# The month names before "de 2025" in a full date ("3 de maio de 2025"): no meeting there.
_MONTHS = frozenset(
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro".split()
)


def _after_month(text: str, end: int) -> bool:
    """Whether the word that ends at ``end`` (before " de") is a month name."""
    words = text[max(0, end - 12) : end].split()
    return bool(words) and words[-1].lower() in _MONTHS


_MADE_LEADS = frozenset(("in ", "en ", "em ", "ng "))  # "ng ": "during "
_GAP_PUNCTUATION = str.maketrans(",()–", "    ")
_ELISIONS = ("d'", "l'", "d’", "l’")
_JOINED = re.compile(r"\s*(?:,|and|or|et|ou|y|o|e)\s*(?:(?:in|en|em)\s+)?")


class _Language:
    """The patterns of one language."""

    def __init__(self, lang: str) -> None:
        self.lead_words = _LEAD_WORDS[lang]
        self.lead = re.compile(rf"(?<!\w){_LEADS[lang]}\s+$", re.IGNORECASE)
        self.verb = re.compile(rf"(?<!\w)(?:{_VERBS[lang]})(?!\w)", re.IGNORECASE)
        self.weak_verb = re.compile(rf"(?<!\w)(?:{_WEAK_VERBS[lang]})(?!\w)", re.IGNORECASE)
        self.noun = re.compile(rf"(?<!\w)(?:(?i:{_NOUNS[lang]})|{_ACRONYM_EVENTS})(?!\w)")
        self.instrument = re.compile(rf"(?<!\w)(?:{_INSTRUMENTS[lang]})(?!\w)", re.IGNORECASE)
        self.plan = re.compile(rf"(?<!\w)(?:{_PLANS[lang]})(?!\w)", re.IGNORECASE)
        self.when = re.compile(_WHEN[lang], re.IGNORECASE)
        self.made = re.compile(_MADE[lang], re.IGNORECASE)
        of = _NOUN_OF.get(lang)
        self.noun_of = (
            re.compile(rf"{of}(?:{_NOUNS[lang]})(?:\s+\w+)?\s+de\s+$") if of is not None else None
        )


_PATTERNS: dict[str, _Language] = {}


def _patterns(lang: str) -> _Language | None:
    if lang not in _LEADS:
        return None
    found = _PATTERNS.get(lang)
    if found is None:
        found = _PATTERNS[lang] = _Language(lang)
    return found


def _linking_only(gap: str) -> bool:
    """Whether ``gap`` holds only place names, articles and words of order."""
    after_name = False
    for token in gap.translate(_GAP_PUNCTUATION).split():
        if token[:2] in _ELISIONS:  # "d'Ivoire", "l'Inde"
            token = token[2:]
            if not token:
                continue
        if not token[0].isalnum():
            return False
        if token[0].isupper():
            after_name = True
            continue
        if token[0].isdigit():  # a day or year after a month name: "in May 2027"
            if after_name:
                continue
            return False
        word = token.lower()
        if word in _LINK_WORDS:
            continue
        if after_name and word.isalpha():  # "République démocratique du Congo"
            after_name = False
            continue
        return False
    return True


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the four digits at ``start`` are a word of their own, not part of a number,
    a range or a code ("2027-2029", "1,2025", "20250", "/2025")."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "/.,-_"):
        return False
    after = text[end : end + 2]
    if after[:1].isalnum() or after[:1] in ("/", "-", "_"):
        return False
    return not (after[:1] in (".", ",") and after[1:2].isdigit())


def _after_lead_word(text: str, start: int, language: _Language) -> bool:
    """Whether the word before the year (after white space) may end a lead."""
    if not start or not text[start - 1].isspace():
        return False
    words = text[max(0, start - 24) : start].split()
    if not words or words[-1].lower() not in language.lead_words:
        return False
    return words[-1] not in ("of", "de") or (len(words) > 1 and words[-2] in _BEFORE_OF)


def _last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    """The end of the last match of ``pattern`` in ``text[start:end]``, or -1."""
    last = -1
    for match in pattern.finditer(text, start, end):
        last = match.end()
    return last


def _is_event_year(text: str, lead_start: int, clause_start: int, language: _Language) -> bool:
    verb = _last_end(language.verb, text, clause_start, lead_start)
    noun = _last_end(language.noun, text, clause_start, lead_start)
    weak = _last_end(language.weak_verb, text, clause_start, lead_start)
    if weak > max(verb, noun):
        named = noun >= 0 or language.instrument.search(text, clause_start, weak) is not None
        weak = weak if named else -1
    nearest = max(verb, noun, weak)
    return nearest >= 0 and _linking_only(text[nearest:lead_start])


def _dates_an_event(text: str, start: int, sentences: SentenceIndex, language: _Language) -> bool:
    """Whether the bare year at ``start`` follows a lead its clause makes an event's."""
    if not _after_lead_word(text, start, language):
        return False
    sentence = sentences.at(start)
    sentence_start = sentence.start if sentence is not None else text.rfind("\n", 0, start) + 1
    lead = language.lead.search(text, max(sentence_start, start - _LEAD_REACH), start)
    if lead is None:
        return False
    clause_start = max(sentence_start, start - _CLAUSE_REACH, text.rfind(";", 0, start) + 1)
    if lead.group("plan"):
        return language.noun.search(text, clause_start, lead.start()) is not None
    if _is_event_year(text, lead.start(), clause_start, language):
        return True
    plan = _last_end(language.plan, text, clause_start, lead.start())
    if (
        plan >= 0
        and _linking_only(text[plan : lead.start()])
        and language.noun.search(text, clause_start, plan) is not None
    ):
        return True
    sentence_end = sentence.end if sentence is not None else _line_end(text, start)
    return lead.start() == clause_start and _opens_event_clause(
        text, start + 4, sentence_end, language
    )


def _other_event_year(text: str, start: int, sentences: SentenceIndex, language: _Language) -> bool:
    """A year of an event by its when-clause, a meeting named by its year, or the making
    of a body told as the clause's verb."""
    word = text[max(0, start - 3) : start]  # most years close a full date: cheap tests first
    if word == "de " and language.noun_of is not None and not _after_month(text, start - 3):
        noun = language.noun_of.search(text[max(0, start - _LEAD_REACH) : start])
        if noun is not None and not any(w[:1].isupper() for w in noun.group().split()[1:]):
            return True
    if word in _MADE_LEADS and language.made.search(text[max(0, start - _LEAD_REACH) : start]):
        return True
    when = language.when.match(text, start + 4) if text[start + 4 : start + 5] == "," else None
    if when is None:
        return False
    sentence = sentences.at(start)
    end = sentence.end if sentence is not None else _line_end(text, start)
    reach = min(end, when.end() + _WHEN_REACH)
    return bool(
        language.verb.search(text, when.end(), reach)
        or language.weak_verb.search(text, when.end(), reach)
    )


def _opens_event_clause(text: str, end: int, sentence_end: int, language: _Language) -> bool:
    """ "In 2027, the next summit will be held in Lima": an opening year whose clause
    has an event noun among its first words, then an event verb."""
    if text[end : end + 1] != ",":
        return False
    noun = language.noun.search(text, end, min(sentence_end, end + _OPENING_REACH))
    if noun is None or len(text[end + 1 : noun.start()].split()) > _OPENING_WORDS:
        return False
    reach = min(sentence_end, noun.end() + _OPENING_REACH)
    verb = language.verb.search(text, noun.end(), reach) or language.weak_verb.search(
        text, noun.end(), reach
    )
    return verb is not None and len(text[noun.end() : verb.start()].split()) <= _OPENING_VERB_WORDS


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def extract_event_years(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """Date facts of precision ``year`` for bare years of events, in text order."""
    text = article.text
    starts = sorted(m.start() for pattern in _CENTURIES for m in pattern.finditer(text))
    if not starts:
        return []
    language = _patterns(sentences.language)
    if language is None:
        return []
    facts: list[Fact] = []
    last_end = -1
    for start in starts:
        end = start + 4
        if not _stands_alone(text, start, end):
            continue
        joined = last_end >= 0 and _JOINED.fullmatch(text, last_end, start) is not None
        if not (
            joined
            or _dates_an_event(text, start, sentences, language)
            or _other_event_year(text, start, sentences, language)
        ):
            continue
        year = int(text[start:end])
        facts.append(
            Fact(
                kind="date",
                text=text[start:end],
                start=start,
                end=end,
                sentence=sentences.sentence_text(start, end),
                attrs={
                    "date_from": date(year, 1, 1).isoformat(),
                    "date_to": None,
                    "precision": "year",
                },
            )
        )
        last_end = end
    return facts
