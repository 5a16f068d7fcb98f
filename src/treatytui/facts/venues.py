"""Venues: the places where the events an article describes happen or happened.

A mention is a venue when the text places an event there, found by five kinds of evidence:

- a location marker line (``📍 Speke Resort Munyonyo, Kampala``): every comma-separated part;
- a well-known venue of UN and treaty events (``the Palais des Nations``), anywhere;
- a locative phrase (``held in Hanoi, Vietnam``, ``at Speke Resort Munyonyo``, ``in Uganda's
  capital Kampala``, ``on the shores of Lake Victoria``): a city, a named venue (a proper
  name with a head such as *Resort*, *Hotel*, *Centre*), or a country when the sentence
  speaks of an event (a country after a bare "in" is more often a mere setting);
- a dateline (``NAIROBI —``, ``Hanoi, Oct 25 (VNA) –``), kept only when no other venue of
  the article lies in another country (otherwise it is the filing place, not the event's).

Not venues: a place inside a longer proper name (``Hanoi Convention``, ``Road to Hanoi``,
``Communist Party of Vietnam``), a country that merely acts (``Laos has joined``), the seat
of an organisation (``based in Vienna``). One fact per mention; ``name`` is the canonical
gazetteer name (``Viet Nam`` → ``Vietnam``, ``HANOI`` → ``Hanoi``), or the text's own form,
without a leading "the", for a named venue the gazetteer does not know.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from treatytui.facts import gazetteer
from treatytui.facts.count_roles import lower_text
from treatytui.facts.model import Fact
from treatytui.facts.sentences import SentenceIndex, find_all, matches_at
from treatytui.facts.words import letter_runs

if TYPE_CHECKING:
    from collections.abc import Iterator

    from treatytui.corpus.article import Article

_UP = gazetteer.UPPER
_WORD = rf"(?:[{_UP}](?:\.[{_UP}])+\.?|[{_UP}][\w’'\-]*)"
_PARTICLE = (
    r"(?:[ ](?:of|de|des|du|la|al|el|van|von|der|di|da|do|dos|das|del|dei|della|degli|de la|de los|"
    r"de las)[ ]|[ ](?:de[ ])?[ld]['’]|[ ])"
)
_RUN = rf"{_WORD}(?:{_PARTICLE}{_WORD})*"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

# A location line: an emoji pin, or the "Where:" line the cleaner makes of one.
# ("W(?<![^\n].)" is "^W" written so that the pattern starts with literal characters.)
_MARKER = re.compile(r"(?:📍\ufe0f?|W(?<![^\n].)here:)[ \t]*(?P<body>[^\n]+)")
_ROMANCE_PREPOSITIONS = "En en À à Em em No no Na na Au au Aux aux Dans dans Al al Ao ao"
_ON_THE = ("On the ", "on the ")
_PREPOSITIONS = (
    "In in At at Inside inside",
    "On the (?:shores|banks) of",
    "on the (?:shores|banks) of",
    # (a square or a venue only: "on the Piazza della Riforma")
    "On the",
    "on the",
    "travel(?:l?ed|l?ing)? to",
    "fl(?:ew|y|ying) to",
    "head(?:ed|ing)? to",
    "arriv(?:ed|ing) to",
    "return(?:ed|ing)? to",
    "visit(?:ed|ing)? to",
    "trip to",
    "journey to",
)
# "The next meeting is set for Cartagena": found from the phrase (a plain string search),
# not by the engine stopping at every word that starts with an "s".
_FOR_PHRASES = ("set for ", "scheduled for ", "slated for ")
_ENGLISH_PREPOSITIONS = [*_PREPOSITIONS[0].split(), *_PREPOSITIONS[1:]]
_LOCATIVE = re.compile(
    rf"(?P<prep>{gazetteer.at_word_start(_ENGLISH_PREPOSITIONS)}"
    rf"\s+(?:the\s+)?(?:(?:city|capital|town) of\s+)?)(?P<run>{_RUN})"
)
# Spanish, French and Portuguese too (for articles in those languages)
_LOCATIVE_ROMANCE = re.compile(
    rf"(?P<prep>{gazetteer.at_word_start([*_ENGLISH_PREPOSITIONS, *_ROMANCE_PREPOSITIONS.split()])}"
    rf"\s+(?:(?:the|el|la|los|las|le|les|l['’]|o|a|os|as)(?:\s+|(?<=['’])))?"
    # "dans la grande salle du Centre ...": the hall of a venue, the venue
    r"(?:(?:grande\s+|petite\s+|gran\s+)?(?:salle|sala|salón|salão)\s+(?:du|des|del|do|da|"
    r"de\s+la|de\s+l['’]|de)\s+(?=[A-Z]))?"
    r"(?:(?:city|capital|town) of\s+|(?:ciudad|ville|cidade) d[e']\s*|capital\s+|capitale\s+)?)"
    rf"(?P<run>{_RUN})"
)
# Italian: "a Roma", "ad Ancona", "in Italia" (and the English prepositions)
_ITALIAN_PREPOSITIONS = "A a Ad ad In in Nella nella Presso presso"
_LOCATIVE_ITALIAN = re.compile(
    rf"(?P<prep>{gazetteer.at_word_start([*_ENGLISH_PREPOSITIONS, *_ITALIAN_PREPOSITIONS.split()])}"
    rf"\s+(?:(?:the|la|il|l['’])(?:\s+|(?<=['’])))?(?:(?:city|capital|town) of\s+|città\s+di\s+)?)"
    rf"(?P<run>{_RUN})"
)


@cache
def _locative_scans() -> tuple[gazetteer.WordStartPattern, ...]:
    """The English, Spanish/French/Portuguese and Italian locatives, each tried only after
    a space or another sign."""
    romance = [*_ENGLISH_PREPOSITIONS, *_ROMANCE_PREPOSITIONS.split()]
    italian = [*_ENGLISH_PREPOSITIONS, *_ITALIAN_PREPOSITIONS.split()]
    return (
        gazetteer.WordStartPattern(_LOCATIVE, _ENGLISH_PREPOSITIONS),
        gazetteer.WordStartPattern(_LOCATIVE_ROMANCE, romance),
        gazetteer.WordStartPattern(_LOCATIVE_ITALIAN, italian),
    )


_FOR_LOCATIVE = re.compile(rf"(?P<prep>(?:set|scheduled|slated) for\s+(?:the\s+)?)(?P<run>{_RUN})")
_CAPITAL = re.compile(rf"\s+capital,?\s+(?P<run>{_RUN})")
_HOSTS = re.compile(
    rf"(?P<run>{_RUN})\s+(?:will\s+host|would\s+host|hosts|hosted|is\s+hosting|vai\s+sediar|sediará|"
    r"sediou|acogerá|acoge|acogió|accueillera|accueille|a\s+accueilli)\b"
)


# A capital before a hosting verb: what every match of _HOSTS holds.
_HOSTS_QUICK = re.compile(
    rf"[{_UP}][\w’'\-]*\s+(?:will\s+host|would\s+host|hosts|hosted|is\s+hosting|vai\s+sediar|sediará|"
    r"sediou|acogerá|acoge|acogió|accueillera|accueille|a\s+accueilli)\b"
)
_HOST_HINTS = ("host", "sedia", "acog", "accueill")
# The words of the hosting verbs of _HOSTS, as runs of letters.
_HOSTING_WORDS = frozenset(
    """host hosts hosted hosting sediar sediará sediou acogerá acoge acogió accueillera
    accueille accueilli""".split()
)


@cache
def _not_places() -> frozenset[str]:
    """Capitalised words that are never part of a town's name (months, offices...)."""
    from treatytui.facts.people_names import words  # deferred: people's word lists

    return words("not_names") | words("function_words")


def _looks_like_town(run: str) -> bool:
    """A capitalised run that may be a town: no month, office or organisation word."""
    not_places = _not_places()
    words = run.split()
    if words[0].lower() in _EVENT_NOUNS:
        return False  # "réunis en Conférence ministérielle"
    return not any(word.strip(".,") in not_places for word in words)


_EVENT_NOUNS = frozenset(
    """conference conférence conferencia conferência summit sommet cumbre cimeira cúpula
    session sesión sessão assembly assemblée asamblea assembleia council conseil consejo
    conselho congress congrès congreso congresso plenary plénière plenaria plenária""".split()
)
# The words after which "in"/"en"/"em" names the subject, not the place ("the situation
# in Gaza", "la guerra en ...", "a situação em ...").
_TOPIC_BEFORE = frozenset(
    """situation situación situação crisis crise war guerra guerre conflict conflicto conflit
    conflito violence violencia violência fighting combates""".split()
)


# What every match of _STRONG_PREP holds (lower case): a cheap test first.
_STRONG_STEMS = ("held", "host", "place", "conven", "celebr", "lugar", "tenu", "tiend", "tient",
                 "lieu", "realiz", "reuni", "réuni", "sediad")  # fmt: skip
# The seat words of _HEADQUARTERS, as runs of letters.
_SEAT_WORDS = frozenset(("headquarters", "hq", "siège", "sede"))
_SEATS = ("headquarters", "secretariat", "seat", "sede", "siège")
# "at UN headquarters in New York": a meeting at the headquarters, in its city
_AT_HEADQUARTERS = re.compile(
    r"(?i:\b(?:at|in|inside|en|à|au|em|no|na)\s+(?:the\s+|la\s+|le\s+|o\s+|a\s+)?"
    r"(?:[\w.'’-]+\s+){0,4}(?:headquarters|secretariat|seat|sede|siège)\s+)$"
)
# (after the venue's acronym and a comma too: "(CICAD), à Diamniadio")
_IN_TOWN = re.compile(rf"(?:\s\([A-Z]{{2,10}}\))?,?\s+(?:in|en|à|em)\s+(?P<run>{_RUN})")
_LIST_NEXT = re.compile(
    rf"(?P<sep>,\s*(?:and\s+|in\s+|en\s+|au\s+|aux\s+|em\s+|na\s+|no\s+|nos\s+|nas\s+)?"
    rf"|\s+and\s+(?:the\s+)?)(?P<run>{_RUN})"
)
_AND_NAME = re.compile(rf"[ ](?:and|y|e|et)[ ](?:the[ ]|las[ ]|los[ ]|les[ ]|as[ ]|os[ ])?{_RUN}")
_CAPS = "A-ZÀ-ÖØ-Þ"
_ROMANCE = frozenset({"es", "fr", "pt"})
_BARE = frozenset({"en", "à", "em"})
# What may follow such a town: a sign, or a date or the next part of the clause.
_TOWN_ENDS = re.compile(
    r"(?:[ ]?[,.;:()]|$|[ ](?:on|from|next|this|last|el|le|les|em|no|na|en|du|del|au|"
    r"de[ ]\d|\d|in[ ]the|in[ ][A-Z]))"
)
_TOWN_PREPS = frozenset({"in", "en", "à", "em"})
# The words (their starts) of a meeting just before a town's preposition.
_MEETING_STEMS = ("meet", "met", "meeting", "summit", "talks", "planned", "scheduled", "convene",
                  "gather", "réunion", "réuni", "prévu", "sommet", "reunión", "reuni", "cumbre",
                  "previst", "cimeira", "cúpula", "programad")  # fmt: skip
# The word just before such a bare "en": an event, or "will be" ("la cumbre en", "será en").
_BARE_TOWN_AFTER = frozenset(
    """cumbre cumbres reunión reuniones conferencia foro asamblea encuentro será serán
    sommet sommets réunion réunions conférence forum assemblée rencontre sera seront
    cúpula reunião reuniões conferência fórum assembleia encontro serão""".split()
)
_DATELINE = re.compile(
    rf"^[ \t]*(?P<run>[{_CAPS}][{_CAPS}.'’\-]+(?:[ /][{_CAPS}][{_CAPS}.'’\-]+)*"
    rf"|(?P<titled>[{_UP}][\w’'\-]+(?: [{_UP}][\w’'\-]+)*))"
    r"(?:\s\([^()\n]{3,30}\))?"  # the country in brackets: "SANTA MARTA (Colombia), 8 nov"
    rf"(?P<rest>,[^\n—–()]{{0,60}}?)?\s*(?P<agency>\([\w ./&-]{{2,30}}\)\s*)?"
    # a dash ends it, or the full stop after its date: "BAKU, Azerbaijan, November 23. "
    r"(?:\.?(?:—|–|--|-)|(?<=\d)\.(?=\s[A-Z“\"]))\s",
    re.MULTILINE,
)

_VENUE_HEAD = re.compile(
    r"\b(?:Resort|Hotel|Centre|Center|Hall|Palace|Palais|Stadium|Auditorium|Arena|"
    r"Headquarters|Complex|Pavilion|Villa|Castle|Lodge|Plaza|Expo|Palacio|Palácio|Centro|"
    r"Museo|Museu|Musée|Museum|Parque|Parc|Auditorio|Auditório|Estadio|Estádio|Salón|Salão|"
    r"Salle|Maison|Hôtel|Recinto|Pabellón|Pavilhão|Pavillon|Teatro|Théâtre|Castillo|"
    r"Château|Fortaleza|Itamaraty|Élysée|House|Haus|Casa|Palazzo|Piazza|Square|Praça|Plaza|"
    r"Place(?=[ ](?:des|de|du)[ ][A-Z]))\b"
)
# Meetings held online: "held online", "se celebró en línea", "a hybrid meeting".
_ONLINE_WHERE = ("online", "virtually", "by videoconference", "via videoconference", "en línea",
                 "en ligne", "virtualmente", "de forma virtual", "en formato virtual",
                 "em formato virtual", "de forma remota", "por videoconferencia",
                 "por videoconferência", "par visioconférence", "par vidéoconférence",
                 "en visioconférence")  # fmt: skip
_ENGLISH_ONLINE = 4  # the English ones come first
_ONLINE_VERB_BEFORE = re.compile(
    r"(?i:\b(?:held|met|meet|meeting|convened|moved|switched|took\s+place|conducted|organi[sz]ed|gathered|"
    r"celebrad[oa]|celebró|realizad[oa]|tenue?s?|réuni[\w-]*|reuni[\w-]*)\s+(?:\w+\s+)?)$"
)
# The first letters of every verb _ONLINE_VERB_BEFORE knows: a cheap test first.
_ONLINE_VERBS = ("held", "met", "meet", "conven", "took", "conduct", "organi", "gather", "celebr",
                 "realiz", "tenu", "réuni", "reuni", "place", "moved",
                 "switch")  # fmt: skip
# The words (runs of letters) every online match holds: of _ONLINE_WHERE, of the kinds
# of _ONLINE_NOUN_BEFORE and of _ONLINE_KIND.
_ONLINE_WORDS = frozenset(
    """online virtually línea ligne virtualmente virtual virtuales virtuais virtuelle
    videoconference videoconferencia videoconferência visioconférence vidéoconférence remota
    virtuelles híbrido híbrida híbridos híbridas hybride hybrides hybrid""".split()
)
_ONLINE_HINTS = ("online", "virtual", "virtuel", "hybrid", "línea", "ligne", "híbrid", "hybride",
                 "conferenc", "conferên", "conférence", "remota")  # fmt: skip
_ONLINE_KIND = ("virtual", "hybrid", "online", "híbrida", "virtuelle", "hybride")
_ONLINE_NOUN_AFTER = re.compile(
    r"(?i:\s+(?:meeting|session|summit|conference|format|event|reunión|sesión|cumbre|"
    r"réunion|sommet|reunião|sessão|cúpula)s?\b)"
)
_ONLINE_KIND_AFTER_NOUN = ("virtual", "virtuais", "virtuel", "híbrid", "hybride", "en línea",
                           "en ligne", "online")  # fmt: skip
_ONLINE_NOUN_BEFORE = re.compile(
    r"\b(?:[Rr]euni(?:ón|ones|ão|ões)|[Rr]éunions?|[Ss]esi(?:ón|ones)|[Ss]ess(?:ão|ões)|"
    r"[Ss]éances?|[Cc]umbres?|[Cc]úpulas?|[Ss]ommets?|[Cc]onferencias?|[Cc]onferências?|"
    r"[Cc]onférences?|[Ee]ncuentros?|[Ee]ncontros?|[Ff]oros?|[Ff]óruns?)[ ]"
    # (one adjective may come between: "una sesión extraordinaria virtual")
    r"(?:(?:extraordinari[ao]s?|extraordinaires?|especial(?:es)?|spéciales?|ministerial(?:es)?|"
    r"ministériel(?:le)?s?|plenari[ao]s?|plénières?|informal(?:es)?|informais|informelles?)[ ])?"
    r"(?P<kind>virtual(?:es)?|virtuais|virtuelles?|híbrid[oa]s?|hybrides?|en[ ]línea|"
    r"en[ ]ligne|online)\b"
)
_LAKE = re.compile(rf"^(?:Lake|Mount|Mt\.?) {_WORD}$")
# Words after which a place is where someone or something is, not where an event is.
_SEAT = re.compile(
    r"\b(?:based|headquartered|born|lives?|living|resident|residing|embassy|embassies|"
    r"ambassador|consulate|offices?|stationed|registered|incorporated|sede|basée?|"
    r"embajada|ambassade|embaixada|embajador[a]?|ambassadeur|ambassadrice|embaixador[a]?|"
    r"nacid[oa]|née?|nascid[oa])\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# What every match of _SEAT holds, in lower case: a cheap test before the real one.
_SEAT_HINT = re.compile(
    "based|headquartered|born|liv|resid|embass|ambassador|consulate|office|stationed|"
    "registered|incorporated|sede|basé|embaja|ambassad|embaixad|nacid|né|nascid"
)
_EVENT = re.compile(
    r"\b(?:ceremon(?:y|ies)|conference|summit|meeting|session|sign(?:ed|ing|ature)|"
    r"held|hosts?|hosted|hosting|event|forum|talks|conven(?:e|ed|ing)|gathering|"
    r"took place|take place|taking place|opened|workshop|dialogue|negotiations?|visit|"
    r"attend(?:ed|ing)?|assembly|congress|symposium|launch(?:ed)?)\b"
    r"|cumbre|conferencia|reuni|sesión|ceremonia|firm|celebr|acog|anfitri|foro|asamblea|"
    r"encuentro|negociaci|sommet|conférence|réuni|séance|cérémonie|signature|sign|tenu|"
    r"tiendra|accueill|assemblée|rencontre|négociation|cúpula|conferência|sessão|cerimônia|"
    r"cerimónia|assinatura|assin|realizad|sediad|fórum|assembleia|encontro|negociaç|"
    r"tendrá lugar|aura lieu|terá lugar|reunid|réunis",
    re.IGNORECASE,
)
_STRONG_PREP = re.compile(
    r"(?:held|hosted|took place|take place|taking place|convened|celebrad[oa]|se celebra|"
    r"se celebrará|tendrá lugar|tenue?|se tiendra|se tient|aura lieu|realizad[oa]|"
    r"será realizad[oa]|reunid[oa]s|réunis|sediad[oa]|"
    # a meeting ahead: "se réuniront à", "se reunirán en", "se reunirão em"
    r"se réunir(?:a|ont)|se réunissent|se reunir(?:á|án|ão)|se tiendront|"
    r"se celebrarán|serão realizad[oa]s|terá lugar|terão lugar)\s+(?:in|en|à|em|no|na|au)\s+$"
)


@cache
def _known_venues() -> re.Pattern[str]:
    """ "(the) Palais des Nations": a known venue (group ``run1``... after a "the")."""
    forms = gazetteer.venue_names()
    names = "|".join(re.escape(n) for n in forms)
    the = [rf"{word} (?P<run{i}>{names})" for i, word in enumerate(_THE, start=1)]
    bare = [n[0] + re.escape(n[1:]) for n in forms]
    return re.compile(rf"{gazetteer.at_word_start(the + bare, _NAME_CHARS)}(?![{_NAME_CHARS}])")


@cache
def _known_venue_starts() -> gazetteer.WordStarts:
    """Where a known venue's name may begin (``_known_venues`` is tried there, and four
    characters before, where a "the" may open it)."""
    return gazetteer.WordStarts(gazetteer.venue_names())


def _known_venue_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_known_venues().finditer(text)`` finds."""
    starts = []
    for start in _known_venue_starts().starts(text):
        if start >= 4 and text[start - 4 : start] in _THE_SPACE:
            starts.append(start - 4)
        starts.append(start)
    return matches_at(_known_venues(), text, sorted(set(starts)))


_THE = ("The", "the", "THE")
_THE_SPACE = frozenset(f"{the} " for the in _THE)
# The lower-case words a Spanish, French or Portuguese venue's name may go on with,
# ending with "de" and a capitalised name: "des congrès de Montréal"
_ROMANCE_VENUE_TAIL = re.compile(
    r"(?:[ ](?:international|internationale|internacional|nacional|national|nationale|"
    r"municipal|régional|regional|olympique|olímpico))?"
    r"(?:[ ](?:de|des|du|da|do|das|dos|del)[ ](?:la[ ]|l['’])?"
    r"(?:congrès|conférences|conférence|congresos|congressos|convenciones|convenções|"
    r"conventions|exposiciones|expositions|exposições|culture|cultura|arts|artes|"
    # ("... de conférences Abdou Diouf": a proper name may follow the noun directly)
    r"sports|deportes|esportes|nations|naciones|peuple|pueblo|povo|eventos|événements))?"
    rf"[ ](?:(?:de|d['’]|du|da|do|del)[ ]?(?<=[ '’]))?(?:la[ ]|l['’])?[{_UP}][\w’'\-]+"
    rf"(?:[ ][{_UP}][\w’'\-]+)*(?=[\s,.;:)])"
)
_LOWER_HEADS = ("hôtel", "hotel", "palais", "palacio", "palácio", "centre", "centro")
_LOWER_HEAD_VENUE = re.compile(
    r"\b(?:à|au|en|no|na|em|dans|del|do|da)[ ](?:l['’]|el[ ]|o[ ]|le[ ]|la[ ])?"
    r"(?P<head>hôtel|hotel|palais|palacio|palácio|centre|centro)[ ]"
    rf"(?P<run>{_RUN})"
)
_DE_TOWN = re.compile(rf"[ ](?:de|d['’]|do|da|del)[ ]?(?P<town>{_WORD})")
_OF_THE_TAIL = re.compile(rf"[ ]of[ ]the[ ]{_WORD}(?:[ ]{_WORD}){{0,3}}")
_OWNED_VENUE = re.compile(rf"(?P<city>{_WORD}(?:[ ]{_WORD})?)['’]s[ ](?P<venue>.+)")
# "... Resort and Royal Beach Casino", "... Hotel and Conference Centre"
_AND_VENUE = re.compile(
    rf"[ ]and[ ](?:[{_UP}][\w’'\-]*[ ]){{0,3}}(?:Casino|Spa|Golf[ ]Club|Conference[ ]Cent(?:re|er)|"
    r"Convention[ ]Cent(?:re|er)|Resort|Marina|Suites|Towers)\b"
)
_GENERIC_WORDS = frozenset(
    """national international convention conference congress centre center hall palace
    exhibition trade expo plaza hotel grand royal main general assembly headquarters the
    and of city""".split()
)


def _generic(name: str) -> bool:
    """True for a venue name made of common words only ("National Convention Centre")."""
    return all(word in _GENERIC_WORDS for word in name.lower().split())


_BODY_GLUE = "of|for|and|the|de|des|da|do|das|dos|del|la|el|los|las|le|les|para|a|e|y|et"
# the adjective a Spanish, French or Portuguese body's name ends with ("Union africaine")
_BODY_ADJECTIVE = (
    r"(?:[ ](?:africaine|africana|européenne|europea|europeia|mondiale|mundial|arabe|árabe|"
    r"islamique|islámica|andina|americana|interaméricaine|interamericana|latinoamericana))?"
)
_BODY = (
    rf"(?:[{_UP}][\w.&’'\-]*(?:[ ](?:(?:{_BODY_GLUE})[ ])*[{_UP}][\w.&’'\-]*){{0,8}}"
    rf"{_BODY_ADJECTIVE})"
)
# "at the AU headquarters", "au siège de l'UNESCO", "en la sede de la CEPAL", "na sede da FAO"
_HEADQUARTERS = re.compile(
    r"(?<![\w])(?:at|in|inside|au|du|à|en|na|no|em)[ ](?:the[ ]|la[ ]|le[ ]|l['’]|a[ ]|o[ ])?"
    rf"(?P<venue>(?P<body_en>{_BODY})[ ](?P<hq>[Hh]eadquarters|HQ)\b"
    r"|(?:siège|sede)[ ]"
    r"(?:de[ ]la[ ]|de[ ]l['’]|des[ ]|du[ ]|de[ ]|del[ ]|da[ ]|do[ ]|das[ ]|dos[ ])"
    rf"(?P<body_other>{_BODY}))"
)
_BECAUSE = re.compile(
    r"(?i:because\s+of|due\s+to|owing\s+to|debido\s+a|a\s+causa\s+de|en\s+raison\s+de|"
    r"à\s+cause\s+de|devido\s+a|por\s+causa\s+de)\b"
)
_OTHER_MEETING = ("next ", "previous ", "last year", "próxim", "anterior", "prochain",
                  "précédent", "seguinte", "passad", "pasad")  # fmt: skip
_BRACKETED_PLACE = re.compile(r" \((?P<name>[^()\n]{3,30})\)")
_NAMED_AFTER = re.compile(
    rf",[ ](?:at[ ]the|at|au|en[ ]el|no|na|à[ ]la|à[ ]l['’]|dans[ ]le)[ ]?[{_UP}]"
)
_UNITED_NATIONS = frozenset({"Nations", "Nations Unies", "Naciones Unidas", "Nações Unidas", "ONU"})
_UN_TAIL = re.compile(r"(?:[ ]unies)?")
_ACRONYM_AFTER = re.compile(r"[ ]\(([A-Z][A-Za-z]{1,9})\)")
_NAME_CHARS = r"\w’'"


# Territories a dateline may follow with the country they belong to ("HONG KONG, China —").
_PART_OF = {"HK": "CN", "MO": "CN"}
# After a dateline's place written in title case: its date ("Antigua Guatemala, 26 de junio
# de 2026 –", "Geneva, March 3 –").
_DATE_REST = re.compile(
    r",[ ]*(?:\d{1,2}(?:er|º)?[ ](?:de[ ])?[^\W\d]{3,10}\.?|[A-Z][a-z]{2,8}\.?[ ]\d{1,2})"
    r"(?:,?[ ](?:de[ ])?\d{4})?[ ]*"
)


def _titled_dateline(found: gazetteer.Place, rest: str | None) -> bool:
    """Whether a title-case line opening (without a news agency) is a dateline: its city
    followed by the city's country ("Nairobi, Kenya —") or by a date."""
    if not rest or found.kind != "city":
        return False
    country = gazetteer.country(rest[1:].split(",")[0].strip())
    if country is not None:
        return country.country in {found.country, _PART_OF.get(found.country or "")}
    return _DATE_REST.fullmatch(rest) is not None


def _venue_span(match: re.Match[str]) -> tuple[int, int]:
    """The span of the venue's name in a match of ``_known_venues``."""
    for i in range(1, len(_THE) + 1):
        if match.start(f"run{i}") >= 0:
            return match.span(f"run{i}")
    return match.span()


def _strip_possessive(run: str) -> str:
    """``run`` without a final "'s" or "'" (what ``_POSSESSIVE`` removes), told by
    ``endswith`` where no line break can bring in the pattern's other end ("$" before one)."""
    if "\n" in run:
        return _POSSESSIVE.sub("", run)
    if not run.endswith(("'", "’", "'s", "’s")):
        return run
    return run[:-2] if run.endswith(("'s", "’s")) else run[:-1]


_AND_HEAD = re.compile(rf"[ ](?:and|&)[ ]{_RUN}")
_LOWER_WORD = re.compile(r"[ ]([a-zà-ÿ]{4,})")
_NAME_AFTER = re.compile(rf"[ ](?:(?:of|de|des)[ ])?{_WORD}")
_NAME_BEFORE = re.compile(rf"{_WORD}[ ](?:(?:of|to|for|de|des|du)[ ])?(?:the[ ])?$")
_REACH_BACK = 120  # how far back a word glued to a name may start


def _inside_name(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` continues or is continued by a capitalised name."""
    after = _NAME_AFTER.match(text, end, end + 40)
    before = _NAME_BEFORE.search(text, max(0, start - _REACH_BACK), start)
    if before and before.group(0).split()[0] in {"The", "THE"}:
        before = None
    return bool(after and not after.group(0).strip()[0].isdigit()) or bool(before)


class _Collector:
    """Collects venue facts for one article, one per span."""

    def __init__(self, article: Article, sentences: SentenceIndex) -> None:
        self.text = article.text
        self.sentences = sentences
        self.facts: dict[tuple[int, int], Fact] = {}
        self.lowered = lower_text(self.text)

    def add(self, start: int, end: int, name: str) -> None:
        """A venue fact; a place written in Spanish, French or Portuguese keeps its own
        ``name`` and gets the English one as ``name_en`` ("Ginebra" → Geneva)."""
        written = _strip_possessive(self.text[start:end])
        acronym = _ACRONYM_AFTER.match(self.text, end) if _VENUE_HEAD.search(written) else None
        if acronym:
            # "Centre International de Conférences Genève (CICG)": the span holds the
            # acronym, as the organisation's definition does (both facts are kept)
            end = acronym.end()
        sentence = self.sentences.sentence_text(start, end)
        if written.replace("-", " ") == name:
            name = written  # "Port-Louis": the article's own spelling of the name
        attrs = {"name": name}
        foreign = gazetteer.foreign(written) if written != name else None
        if foreign is not None and foreign.name == name:
            attrs = {"name": written.title() if written.isupper() else written, "name_en": name}
        fact = Fact("venue", self.text[start:end], start, end, sentence, attrs)
        self.facts.setdefault((start, end), fact)

    def markers(self) -> None:
        """Every part of a ``📍`` location line."""
        text = self.text
        starts = sorted(find_all(text, "📍") + find_all(text, "Where:"))
        for match in matches_at(_MARKER, text, starts):
            offset = match.start("body")
            for part in re.finditer(r"[^,;|]+", match.group("body")):
                start = offset + part.start() + len(part.group()) - len(part.group().lstrip())
                end = offset + part.start() + len(part.group().rstrip())
                if end > start and self.text[start].isupper():
                    found = gazetteer.place(self.text[start:end])
                    self.add(start, end, found.name if found else self.text[start:end])

    def known(self) -> None:
        """Every mention of a well-known venue that is not part of a longer name; a name
        made of common words only ("National Convention Centre") is that venue only in an
        article that names its city (Vientiane has one too)."""
        for match in _known_venue_matches(self.text):
            start, end = _venue_span(match)
            if not _inside_name(self.text, match.start(), end):
                written = self.text[start:end]
                name = gazetteer.venue(written).name
                if _generic(written) and not self._names_city_of(written):
                    name = written
                self.add(start, end, name)
                if self.text.startswith(" and ", end):
                    self._list_after(end, "venue")  # "... and the CICG"

    def _names_city_of(self, venue: str) -> bool:
        city = gazetteer.venue_city(venue)
        return city is None or city.lower() in self.lowered

    def headquarters(self) -> None:
        """ "at the AU headquarters", "au siège de l'UNESCO", "na sede da FAO": a meeting at
        an organisation's seat (in a sentence about an event)."""
        if _SEAT_WORDS.isdisjoint(letter_runs(self.text)):
            return  # (every match holds one of them as a word)
        lowered = self.lowered
        if len(lowered) != len(self.text):
            lowered = "".join(c if len(c.lower()) > 1 else c.lower() for c in self.text)
        offsets = sorted(
            i for word in ("headquarters", "siège", "sede", " hq") for i in find_all(lowered, word)
        )
        matches = {}
        for i in offsets:
            # the preposition is at most ~120 characters before the keyword
            for found in _HEADQUARTERS.finditer(self.text, max(0, i - 120), i + 130):
                if found.start("venue") <= i < found.end("venue") + 1:
                    matches[found.span("venue")] = found
        for match in matches.values():
            start, end = match.span("venue")
            if any(s < end and start < e for s, e in self.facts):
                continue  # a well-known venue ("UN Headquarters", "siège des Nations unies")
            before = max(0, start - 40)
            if _SEAT.search(self.text, before, match.start()):
                continue
            if _BECAUSE.search(self.text, max(0, start - 70), start):
                continue  # "moved online because of works at the Organization's headquarters"
            sentence = self.sentences.at(start)
            if sentence is None or not _EVENT.search(sentence.text):
                continue
            acronym = _ACRONYM_AFTER.match(self.text, end)
            if _NAMED_AFTER.match(self.text, acronym.end() if acronym else end):
                continue  # "au siège de l'OMC, au Centre William Rappard": the named venue
            body = match.group("body_en") or match.group("body_other")
            short = acronym.group(1) if acronym else body
            if short in _UNITED_NATIONS:  # "siège des Nations unies", "sede da ONU"
                short = "United Nations"
                end = max(end, _UN_TAIL.match(self.text, end).end())
            english = f"{short} headquarters"
            known = gazetteer.venue(english) or gazetteer.venue(self.text[start:end])
            if match.group("hq"):  # English: "AU headquarters"
                self.add(start, end, known.name if known else self.text[start:end])
            else:
                self._add_named(start, end, known.name if known else english)

    def _add_named(self, start: int, end: int, name_en: str) -> None:
        """A venue written in another language with its English name ("siège de l'UNESCO")."""
        sentence = self.sentences.sentence_text(start, end)
        attrs = {"name": self.text[start:end], "name_en": name_en}
        self.facts.setdefault(
            (start, end), Fact("venue", self.text[start:end], start, end, sentence, attrs)
        )

    def locatives(self) -> None:
        """Places introduced by "in", "at", "on the shores of" and the like."""
        language = self.sentences.language
        pattern = _locative_scans()[{"en": 0, "it": 2}.get(language, 1)]
        starts = sorted(i for phrase in _FOR_PHRASES for i in find_all(self.text, phrase))
        found = [*pattern.finditer(self.text), *matches_at(_FOR_LOCATIVE, self.text, starts)]
        for match in sorted(found, key=lambda m: m.start()):
            prep = match["prep"]
            if (
                prep.startswith(_ON_THE)
                and not prep.rstrip().endswith(" of")
                and not (_VENUE_HEAD.search(match["run"]))
            ):
                continue  # "on the Philippines' behalf": only a square or a venue
            start, end = match.span("run")
            before = max(0, match.start() - 40)
            window = self.text[before : match.start()].lower()
            if _SEAT_HINT.search(window) and _SEAT.search(self.text, before, match.start()):
                continue
            if window.rstrip().endswith(_SEATS) and not (
                _AT_HEADQUARTERS.search(self.text, max(0, match.start() - 80), match.start())
            ):
                continue  # "the Secretariat's headquarters in Lyon": a seat, not a venue
            last = window.rsplit(None, 1)[-1:]
            if last and last[0] in _TOPIC_BEFORE:
                continue  # "the situation in Gaza": the subject
            if _inside_name(self.text, match.start("run"), end) and not _VENUE_HEAD.search(
                match.group("run")
            ):
                continue
            self._locative(match, start, end)

    def _locative(self, match: re.Match[str], start: int, end: int) -> None:
        run = match.group("run")
        bare = _strip_possessive(run)
        capital = _CAPITAL.match(self.text, end)
        if capital and (gazetteer.country(bare) or gazetteer.demonym_country(bare)):
            city = gazetteer.city(capital.group("run"))
            if city:
                self.add(*capital.span("run"), city.name)
            return
        found = gazetteer.place(bare) if bare == run else None
        lower = _LOWER_WORD.match(self.text, end) if not found or found.kind == "country" else None
        if lower and gazetteer.country(f"{run} {lower[1]}"):
            # "en Guinée équatoriale": a country's name that goes on in lower case
            found, end = gazetteer.country(f"{run} {lower[1]}"), lower.end()
        owner = _OWNED_VENUE.match(run) if found is None else None
        if owner and gazetteer.city(owner.group("city")) and _VENUE_HEAD.search(owner["venue"]):
            # "Beijing's Great Hall of the People": the city, and its venue
            city_end = start + len(owner.group("city"))
            self.add(start, city_end, gazetteer.city(owner.group("city")).name)
            start += owner.start("venue")
            run = owner.group("venue")
        joined = _AND_HEAD.match(self.text, end) if found is None else None
        if joined and not _VENUE_HEAD.search(run) and _VENUE_HEAD.search(joined[0]):
            end = joined.end()  # "the Lakeside Convention and Exhibition Centre"
            run = self.text[start:end]
        if found is None:
            if run in ("Centre", "Center") and self.text.startswith(" for ", end):
                return  # "the Centre for Environmental Law": a body, "Centre" names nothing
            if _VENUE_HEAD.search(run) or _LAKE.match(run):
                end = self._venue_name_end(end)
                run = self.text[start:end]
                self.add(start, end, run)
                self._town_after(end)
                self._list_after(end, "city")
            elif (self._country_follows(end) and self._eventful(match)) or (
                (
                    self._strongly_placed(match)
                    or self._bare_romance_town(match)
                    or self._meeting_before(match, run)
                )
                and _looks_like_town(run)
            ):
                # "in Punta del Este, Uruguay", "held in Villers-Cotterêts": a town the
                # gazetteer does not know
                self.add(start, end, run)
                self._list_after(end, "city")
            return
        if found.kind == "country" and not self._eventful(match):
            return
        self.add(start, end, found.name)
        self._list_after(end, found.kind)

    def lowercase_heads(self) -> None:
        """ "à l'hôtel Radisson Blu de Dakar", "en el hotel Hilton de Lima": a venue whose
        head a Spanish, French or Portuguese text writes in lower case, and its town."""
        if self.sentences.language not in _ROMANCE or letter_runs(self.text).isdisjoint(
            _LOWER_HEADS
        ):
            return
        for word in _LOWER_HEADS:
            for i in find_all(self.lowered, word):
                match = _LOWER_HEAD_VENUE.search(self.text, max(0, i - 12), i + 160)
                if match is None or match.start("head") != i:
                    continue
                start, end = match.start("head"), match.end("run")
                run = match.group("run")
                for town in _DE_TOWN.finditer(run):  # "de Dakar", "de Viña del Mar"
                    found = gazetteer.city(run[town.start("town") :])
                    if found is not None:
                        end = match.start("run") + town.start()
                        self.add(match.start("run") + town.start("town"), match.end("run"),
                                 found.name)  # fmt: skip
                        break
                self.add(start, end, self.text[start:end])

    def _venue_name_end(self, end: int) -> int:
        """Where a venue's name ends when it goes on past its capitalised words: in lower
        case ("Palais des congrès de Montréal", "Centre international de conférences de
        Kintélé") or joined by "and" to a second head ("... Resort and Royal Beach
        Casino")."""
        romance = _ROMANCE_VENUE_TAIL.match(self.text, end)
        if romance:
            return romance.end()
        of_the = _OF_THE_TAIL.match(self.text, end)
        if of_the:  # "Great Hall of the People", "Hall of the Americas"
            return of_the.end()
        joined = _AND_VENUE.match(self.text, end)
        return joined.end() if joined else end

    def _town_after(self, end: int) -> None:
        """ "the Sheraton Conference Centre in Kololo": the place a venue is in."""
        town = _IN_TOWN.match(self.text, end)
        if town is None or _NAME_AFTER.match(self.text, town.end()):
            return
        run = _strip_possessive(town.group("run"))
        found = gazetteer.place(run)
        if found is None or found.kind == "city":
            self.add(town.start("run"), town.start("run") + len(run), found.name if found else run)
            self._list_after(town.end(), "city")

    def _bare_romance_town(self, match: re.Match[str]) -> bool:
        """ "la cumbre será en Puerto Iguazú", "le sommet à Saint-Malo": a town after a
        bare "en", "à" or "em" of a sentence about an event, in an article in Spanish,
        French or Portuguese."""
        if self.sentences.language not in _ROMANCE or match["prep"].split()[0] not in _BARE:
            return False
        before = self.lowered[max(0, match.start() - 24) : match.start()].split()
        return bool(before) and before[-1] in _BARE_TOWN_AFTER

    def _meeting_before(self, match: re.Match[str], run: str) -> bool:
        """ "to meet again in Cebu", "planned for May 3 and 4 in Montreux", "prévue en avril
        à Mahé": a meeting word among the few words before the town's preposition."""
        if run.isupper() or len(run.split()) > 3 or match["prep"].split()[0] not in _TOWN_PREPS:
            return False
        if gazetteer.demonym_country(run) or not _TOWN_ENDS.match(self.text, match.end()):
            return False  # "in Kyrgyz", "centrada en Inteligencia Artificial y ..."
        before = self.lowered[max(0, match.start() - 48) : match.start()].split()[-7:]
        return any(word.startswith(_MEETING_STEMS) for word in before)

    def _strongly_placed(self, match: re.Match[str]) -> bool:
        """ "held in", "se celebró en", "s'est tenu à" just before the place."""
        before = self.text[max(0, match.start() - 30) : match.start("prep") + len(match["prep"])]
        lowered = before.lower()
        if not any(stem in lowered for stem in _STRONG_STEMS):
            return False
        return _STRONG_PREP.search(before) is not None

    def hosts(self) -> None:
        """ "Brasília will host the meeting", "Nairobi acogerá la cumbre": a city that hosts."""
        if _HOSTING_WORDS.isdisjoint(letter_runs(self.text)):
            return  # (every match of _HOSTS holds one of them as a word)
        lowered = self.lowered
        offsets = [i for word in _HOST_HINTS for i in find_all(lowered, word)]
        if len(lowered) != len(self.text):
            offsets = [s.start for s in self.sentences] if offsets else []
        for low, high in self.sentences.runs_around(offsets):
            self._hosts_in(low, high)

    def _hosts_in(self, low: int, high: int) -> None:
        if not _HOSTS_QUICK.search(self.text, low, high):
            return
        for match in _HOSTS.finditer(self.text, low, high):
            run = match.group("run")
            found = gazetteer.city(run)
            if found is not None and not _NAME_BEFORE.search(
                self.text, max(0, match.start() - _REACH_BACK), match.start()
            ):
                self.add(match.start("run"), match.end("run"), found.name)

    def _place_at(self, following: re.Match[str]) -> tuple[gazetteer.Place | None, tuple[int, int]]:
        """The place a match of ``_LIST_NEXT`` names, and its span: after a comma, a
        country named with a conjunction ("Trinidad y Tobago") as a whole."""
        span = following.span("run")
        found = gazetteer.place(following.group("run"))
        lower = (
            _LOWER_WORD.match(self.text, span[1]) if not found or found.kind == "country" else None
        )
        if lower and gazetteer.country(f"{following['run']} {lower[1]}"):
            return gazetteer.country(f"{following['run']} {lower[1]}"), (span[0], lower.end())
        joined = _AND_NAME.match(self.text, span[1])
        if joined and "and" not in following["sep"]:
            longer = gazetteer.country(self.text[span[0] : joined.end()])
            if longer is not None:
                return longer, (span[0], joined.end())
        return found, span

    def _country_follows(self, end: int) -> bool:
        """Whether ", <country>" follows (and ends the clause) at ``end``."""
        following = _LIST_NEXT.match(self.text, end)
        if not following or "and" in following["sep"]:
            return False
        found, span = self._place_at(following)
        return (
            found is not None
            and found.kind == "country"
            and not _NAME_AFTER.match(self.text, span[1])
        )

    def online(self) -> None:
        """Meetings held online or in a hybrid format ("held online", "a hybrid meeting")."""
        text = self.text
        lowered = self.lowered
        if len(lowered) == len(text) and _ONLINE_WORDS.isdisjoint(letter_runs(text)):
            return  # (every match holds one of them as a word)
        if not any(hint in lowered for hint in _ONLINE_HINTS):
            return
        if len(lowered) != len(text):
            lowered = "".join(c if len(c.lower()) > 1 else c.lower() for c in text)
        english = self.sentences.language == "en"
        for word in _ONLINE_WHERE[:_ENGLISH_ONLINE] if english else _ONLINE_WHERE:
            for i in find_all(lowered, word):
                end = i + len(word)
                if (i and lowered[i - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                    continue
                before = lowered[max(0, i - 30) : i].split()[-2:]
                if any(word.startswith(_ONLINE_VERBS) for word in before) and (
                    _ONLINE_VERB_BEFORE.search(text, max(0, i - 40), i)
                ):
                    self._add_online(i, end)
        if not english:
            # "una reunión virtual", "uma reunião híbrida", "une réunion virtuelle": the
            # adjective is found first, then the noun before it
            for word in _ONLINE_KIND_AFTER_NOUN:
                for i in find_all(lowered, word):
                    match = _ONLINE_NOUN_BEFORE.search(text, max(0, i - 30), i + 12)
                    if match and match.start("kind") == i:
                        self._add_online(*match.span("kind"))
        for word in _ONLINE_KIND[:3] if english else _ONLINE_KIND:
            for i in find_all(lowered, word):
                end = i + len(word)
                if i and lowered[i - 1].isalnum():
                    continue
                if _ONLINE_NOUN_AFTER.match(text, end):
                    self._add_online(i, end)

    def _add_online(self, start: int, end: int) -> None:
        sentence = self.sentences.sentence_text(start, end)
        fact = Fact("venue", self.text[start:end], start, end, sentence, {"name": "online"})
        self.facts.setdefault((start, end), fact)

    def _eventful(self, match: re.Match[str]) -> bool:
        """Whether a country after this preposition is the place of an event."""
        before = self.text[max(0, match.start() - 30) : match.start("prep") + 3]
        if _STRONG_PREP.search(before):
            return True
        sentence = self.sentences.at(match.start())
        return bool(sentence and _EVENT.search(sentence.text))

    def _list_after(self, end: int, kind: str) -> None:
        """ "Hanoi, Vietnam", "Geneva and Vienna", "Kingstown, San Vicente y las Granadinas",
        "the Palais des Nations and the CICG": the places that follow a venue."""
        while following := _LIST_NEXT.match(self.text, end):
            found, span = self._place_at(following)
            is_comma_country = found and found.kind == "country" and "and" not in following["sep"]
            if not found or not (found.kind == kind or is_comma_country):
                if not found and kind == "venue" and _VENUE_HEAD.search(following["run"]):
                    self.add(*span, following["run"])  # "... and the Centre International ..."
                    end = span[1]
                    continue
                return
            self.add(*span, found.name)
            end = span[1]

    def datelines(self) -> None:
        """A dateline's place (and the country written after it: "BONN, Germany, June 26
        (IPS) —"), unless the venues of its own paragraph put the event in another country
        (a later paragraph's venue, such as the next meeting's, says nothing of it)."""
        line_starts = [0, *(i + 1 for i in find_all(self.text, "\n"))]
        for match in matches_at(_DATELINE, self.text, line_starts):
            run = match.group("run").split("/")[0].strip().rstrip(".")
            found = gazetteer.city(run) or gazetteer.country(run)
            if found is None:
                found = self._town_of_country(run, match.group("rest"))
            untitled = not match.group("titled") or match.group("agency")
            if not untitled and (found is None or not _titled_dateline(found, match["rest"])):
                continue
            if found is None or self._elsewhere(found, match.start(), match.end()):
                continue
            start = match.start("run") + len(match.group("run")) - len(match.group("run").lstrip())
            self.add(start, start + len(run), found.name)
            if found.kind != "city":
                continue
            if match.group("rest"):
                self._dateline_country(match.start("rest") + 1, match.group("rest")[1:], found)
            country = _BRACKETED_PLACE.match(self.text, start + len(run))
            if country:  # "SANTA MARTA (Colombia), 8 nov (EFE).-"
                self._dateline_country(country.start("name"), country.group("name"), found)

    @staticmethod
    def _town_of_country(run: str, rest: str | None) -> gazetteer.Place | None:
        """ "TROMSØ, Norway —": a town the gazetteer lacks, that the country after it vouches
        for (as a city of that country)."""
        country = gazetteer.country(rest[1:].split(",")[0].strip()) if rest else None
        if country is None or not _looks_like_town(run):
            return None
        name = run.title() if run.isupper() else run
        return gazetteer.Place(name, "city", country.country)

    def _elsewhere(self, found: gazetteer.Place, line_start: int, dateline_end: int) -> bool:
        """True when the venues of the dateline's paragraph lie in another country."""
        paragraph_end = self.text.find("\n", dateline_end)
        paragraph_end = len(self.text) if paragraph_end < 0 else paragraph_end
        facts = [
            f
            for (s, _), f in self.facts.items()
            if line_start <= s < paragraph_end and not self._other_meeting(s)
        ]
        names = {f.attrs["name"] for f in facts}
        if not names or found.name in names:
            return False
        others = {gazetteer.place(f.attrs.get("name_en") or f.attrs["name"]) for f in facts}
        countries = {p.country for p in others if p and p.country}
        return bool(countries) and found.country not in countries

    def _other_meeting(self, start: int) -> bool:
        """True for the venue of the next or the last meeting ("the next conference in
        Mongolia", "la próxima cumbre en ...", "la précédente réunion à ...")."""
        before = self.lowered[max(0, start - 45) : start]
        return any(word in before for word in _OTHER_MEETING)

    def _dateline_country(self, offset: int, rest: str, city: gazetteer.Place) -> None:
        """ "DURBAN, South Africa, July 18": the country after the dateline's city."""
        part = rest.split(",")[0]
        name = part.strip()
        found = gazetteer.country(name)
        if found is not None and found.country in {city.country, _PART_OF.get(city.country or "")}:
            start = offset + len(part) - len(part.lstrip())
            self.add(start, start + len(name), found.name)


def extract_venues(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """The venue facts of ``article``, ordered by position."""
    collector = _Collector(article, sentences)
    collector.markers()
    collector.known()
    collector.headquarters()
    collector.locatives()
    collector.lowercase_heads()
    collector.online()
    collector.hosts()
    collector.datelines()
    facts = sorted(collector.facts.values(), key=lambda fact: (fact.start, -fact.end))
    # "the WTO's Centre William Rappard headquarters": one venue, not also its first words
    kept = [f for i, f in enumerate(facts) if not (i and _same_start(f, facts[i - 1]))]
    return sorted(kept, key=lambda fact: (fact.start, fact.end))


def _same_start(fact: Fact, longer: Fact) -> bool:
    """Whether ``fact`` is the first words of the longer venue just before it in order."""
    return (
        longer.start == fact.start
        and fact.attrs["name"] != "online"
        and fact.text.rstrip("'’s") in longer.text
        and not longer.text.endswith(")")
    )
