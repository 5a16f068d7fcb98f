"""Nouns outside the count tables that a number counts, in en, es, fr and pt.

A count's noun need not be one of the tables' (``count_roles.UNITS_BY_LANGUAGE``): "14
working groups", "some 2,000 demonstrators", "1,250 alleged infringements", "45 000
demandes", "60 000 pêcheurs", "1.800 balsas", "46 integrantes". Such a noun is a plural
written in lower case right after the number (in English after up to three lower-case
modifiers: "40 side briefings"); Spanish, French and Portuguese put the noun first, and
after a number in millions "de" ("2,4 millones de dosis", "12 millions de Soudanais").

Never counted: what measures time, distance, weight, money, shares or votes ("three
days", "15,000 tonnes", "300 dollars", "two thirds", "140 votes", "20 abstentions"),
function words that end like plurals ("was", "más", "après"), and residents of a
place ("150 millones de habitantes": a population, not a count of the story).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# What a number after which a noun is no count measures (lower case, any language).
_MEASURES = """
years months weeks days hours minutes seconds decades centuries nights mornings evenings
weekends seasons quarters semesters generations times percent percentages points degrees
tonnes tons kilotonnes megatonnes kilometres kilometers kilos kilograms grams pounds miles
metres meters centimetres centimeters millimetres millimeters hectares acres litres liters
gallons barrels cubic square km kg mw gw kw megawatts gigawatts kilowatts watts volts
dollars euros cents pounds yen yuan pesos francs rupees reais rands shillings nairas
votes abstentions ballots seats thirds fifths halves sixths tenths others
inhabitants residents citizens millions billions thousands hundreds dozens pages words
lines steps levels goals stars
años meses semanas días dias horas minutos segundos décadas decadas siglos noches
veces grados toneladas kilómetros kilometros metros centímetros hectáreas hectareas
litros barriles kilogramos gramos millas dólares dolares euros pesos soles reales
votos abstenciones escaños escanos puntos partes tercios cuartos cuartas quintos quintas
habitantes ciudadanos millones miles cientos centenares decenas docenas páginas paginas
ans années annees mois jours heures semaines minutes secondes décennies decennies siècles
siecles nuits fois degrés degres tonnes kilomètres kilometres mètres metres hectares
litres barils grammes dollars euros francs voix abstentions sièges sieges points parties
tiers quarts habitants citoyens millions milliards milliers centaines dizaines pages
anos meses semanas dias horas minutos segundos décadas séculos seculos noites vezes graus
toneladas quilômetros quilómetros quilometros metros hectares litros barris quilos gramas
dólares dolares euros reais votos abstenções abstencoes cadeiras assentos pontos partes
terços tercos quartos habitantes cidadãos cidadaos milhões milhoes milhares centenas
dezenas páginas paginas
bilhões bilhoes bilhão billones milliards trillions trilhões
mars lunes martes miércoles miercoles jueves viernes
"""
# Words that end like plurals but are none, or that no count ends with.
_NOT_NOUNS = """
was has is its this his hers ours yours theirs us as yes does goes says makes takes comes
gives means whereas perhaps always sometimes afterwards towards besides thus plus minus
versus news series across unless less regardless nevertheless nonetheless whose
los las les nos sus tus mis unos unas ellos ellas estos estas esos esas aquellos aquellas
todos todas ambos ambas cuyos cuyas tras pues más mas menos antes después despues además
ademas apenas mientras entonces jamás quizás demás demas otros otras nuestros nuestras
des ses leurs nos vos tous toutes plus moins après apres depuis dans sous vers très tres
alors toujours jamais puis lors hors dès des près pres sans mais ceux celles autres
quelques plusieurs certains certaines nouveaux nouvelles
os as seus suas nossos nossas pelos pelas nos nas dos das todos todas ambos ambas mais
menos depois antes apenas após apos através atraves outros outras novos novas uns umas
alguns algumas vários varios várias varias
"""
_MEASURE_SET = frozenset(_MEASURES.split())
_NOT_NOUN_SET = frozenset(_NOT_NOUNS.split())
# English nouns that count people without a plural "-s".
_PLURALS_WITHOUT_S = frozenset({"people", "staff", "personnel", "children", "women", "men"})
# English words that end a count's noun phrase before its noun: no noun follows them.
_ENGLISH_STOPS = frozenset(
    """the a an of and or in on at to for by with from into onto over under than then that
    which who whom whose what when where while as per but nor so yet not no more most less
    least be been being is are was were will would can could shall should may might must
    do did does have had has having it they them their there these those this each every
    all both some any such other own same about after before between during against
    among through until since up down out off again further once here""".split()
)
# Words in English, before the noun, that say how many more, not what is counted.
_HOW_MANY_MORE = frozenset({"more", "additional", "further", "new", "other", "extra"})
# Spanish, French and Portuguese words allowed between the number and the noun.
_ROMANCE_BEFORE_NOUN = frozenset(
    """nuevos nuevas otros otras nouveaux nouvelles autres novos novas outros outras""".split()
)
_MILLIONS = re.compile(r"(?i:millions?|millones|millón|milhões|milhão|milliards?)$")
_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’-]*)")
_DE = re.compile(r"[ \t\u00a0]+(?i:de|d['’])(?=[\s\w])")
_ACCENTED_S = re.compile(r"[áéíóú]s$")
# How nouns of people end ("demonstrators", "pêcheurs", "integrantes", "activistas").
_PERSON_ENDINGS = (
    "ers", "ors", "ists", "ants", "ents", "ians", "ees", "ores", "istas", "antes", "entes",
    "eurs", "istes", "ants", "ents", "iens", "ianos", "ianas", "people", "staff", "personnel",
    "children", "women", "men", "adores", "adoras",
)  # fmt: skip

# Nouns of things that end like nouns of people ("agreements", "instrumentos").
_THING_ENDINGS = ("ments", "mentos", "mientos", "ements")

_ENGLISH_MODIFIERS = 3


class OpenUnit(NamedTuple):
    """A noun a number counts: where it ends, what it is (lower case) and its head noun."""

    end: int
    unit: str
    head: str


def _plural(word: str, language: str) -> bool:
    """Whether ``word`` (lower case) reads as a plural noun in ``language``."""
    if language == "en" and word in _PLURALS_WITHOUT_S:
        return True
    if word in _NOT_NOUN_SET or word in _MEASURE_SET or len(word) < 4:
        return False
    if language == "en":
        return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
    if language == "fr" and word.endswith("x") and word.endswith(("aux", "eux")):
        return True  # "travaux", "réseaux", "lieux"
    if not word.endswith("s") or word.endswith("ss"):
        return False
    if language == "fr":
        return not word.endswith("ées")  # "cinq présentées": a participle
    return not _ACCENTED_S.search(word)


def _blocked(word: str) -> bool:
    """Whether a count's noun phrase cannot run on through ``word``."""
    return word in _MEASURE_SET or word in _NOT_NOUN_SET


def open_unit(text: str, end: int, limit: int, language: str, number: str) -> OpenUnit | None:
    """The plural noun a number ending at ``text[end]`` counts, within ``text[:limit]``;
    None when the words after the number are no such noun."""
    if language == "en":
        return _english_unit(text, end, limit)
    position = end
    capital_allowed = False
    if _MILLIONS.search(number):  # "2,4 millones de dosis", "12 millions de Soudanais"
        glue = _DE.match(text, position, limit)
        if glue is None:
            return None
        position = glue.end()
        if text[position - 1] in "'’":
            position -= 1
            text_word = re.compile(r"['’]([^\W\d_][\w'’-]*)").match(text, position, limit)
            return _romance_head(text_word, language, capital_allowed=True)
        capital_allowed = True
    match = _WORD.match(text, position, limit)
    if match and match.group(1).lower() in _ROMANCE_BEFORE_NOUN:
        match = _WORD.match(text, match.end(), limit)
    return _romance_head(match, language, capital_allowed=capital_allowed)


def _romance_head(
    match: re.Match[str] | None, language: str, *, capital_allowed: bool
) -> OpenUnit | None:
    if match is None:
        return None
    word = match.group(1)
    if word[0].isupper() and not capital_allowed:
        return None
    lowered = word.lower()
    if "-" in lowered or not _plural(lowered, language):
        return None
    return OpenUnit(match.end(), lowered, lowered)


def _english_unit(text: str, end: int, limit: int) -> OpenUnit | None:
    words: list[str] = []
    position = end
    for _ in range(_ENGLISH_MODIFIERS + 1):
        match = _WORD.match(text, position, limit)
        if match is None:
            return None
        word = match.group(1)
        lowered = word.lower()
        if word[0].isupper() or lowered.endswith("-") or _blocked(lowered):
            return None
        if lowered in _ENGLISH_STOPS:
            if lowered not in ("and", "or") or not words:
                return None
            words.append(lowered)
            position = match.end()
            continue
        words.append(lowered)
        position = match.end()
        if _plural(lowered, "en"):
            while words and words[0] in _HOW_MANY_MORE:
                words.pop(0)
            return OpenUnit(position, " ".join(words), lowered)
    return None


def counts_people(head: str) -> bool:
    """Whether a noun outside the tables reads as one of people ("demonstrators")."""
    return head.endswith(_PERSON_ENDINGS) and not head.endswith(_THING_ENDINGS)
