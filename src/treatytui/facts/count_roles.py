"""What a count counts: its nouns by language and kind, and its role in the text.

Roles (the ``role`` of a count fact):

- ``threshold``: what entry into force needs ("enters into force after the 31st
  ratification", "once 40 states have ratified", "31 ratifications are needed",
  "entrará en vigor cuando lo hayan ratificado 40 Estados");
- ``total``: a membership, a tally or a number of rounds ("the UN's 193 Member States",
  "the 166-member body", "became the 37th state to ratify", "ratifications now stand at
  23", "four rounds of talks", "el bloque está formado por 11 países");
- ``participants``: everything else (attendance, signing, speaking): "delegates from 60
  countries", "más de 60 países firmaron".

What a meeting produces or handles (documents, decisions, draft resolutions, pledges,
cases, projects, species, sites, agenda items: "adopted 22 decisions", "examinó 45
proyectos de resolución") is counted as a ``total``: a tally of the meeting's work, never
compared with attendance. So is a body's staff ("the unit has four employees").

The ordinals of ratification ("the 37th state to ratify") and tallies with the noun before
the number ("the number of members to 166") are found here too (``ordinal_counts``,
``tally_counts``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from treatytui.facts.alternation import LazyPattern, alternation
from treatytui.facts.model import Fact
from treatytui.facts.numbers import LANGUAGES, NUMBER_PATTERN, parse_number
from treatytui.facts.sentences import find_all
from treatytui.facts.words import letter_runs, lower_text

if TYPE_CHECKING:
    from treatytui.corpus.article import Article
    from treatytui.facts.sentences import SentenceIndex

Role = Literal["participants", "total", "threshold"]
UnitKind = Literal[
    "state",
    "member",
    "attendee",
    "person",
    "event",
    "ratification",
    "application",
    "partner",
    "item",
    "staff",
    "other",
]

# The nouns a count may count, by language ("" = several languages), "|"-separated.
UNITS_BY_LANGUAGE = {
    "en": """member states|member countries|member nations|member economies|states parties|
        states members|participating states|heads of state and government|heads of state|
        heads of government|heads of delegation|police chiefs|chiefs of police|
        civil society organisations|civil society organizations|
        countries and territories|countries|states|governments|economies|jurisdictions|
        members|delegates|delegations|attendees|observers|signatories|statements|speakers|
        presidents|representatives|ministers|officials|experts|negotiators|diplomats|
        envoys|journalists|parliamentarians|lawmakers|mayors|organisations|organizations|
        agencies|NGOs|parties|people|persons|rounds|ratifications|accessions|
        instruments of ratification|acceptances|applications|candidatures|
        allies|partners|territories|legislators|senators|heads|
        judges|candidates|employees|staff members|staffers|commissioners|scientists|researchers|
        donors|
        ships|vessels|fishing vessels|dialogue partners|observer states|
        documents|decisions|draft decisions|resolutions|draft resolutions|commitments|
        pledges|cases|projects|proposals|species|sites|agenda items|agreements|
        draft conventions|
        memoranda of understanding|memorandums of understanding|memoranda|memorandums|
        declarations|recommendations|amendments|chemicals|reports|complaints|nominations|
        missions|inspections""",
    "es": """estados miembros|países miembros|estados partes|estados parte|
        jefes de estado y de gobierno|jefes de estado|jefes de gobierno|países|naciones|
        estados|gobiernos|economías|miembros|delegados|delegadas|delegaciones|asistentes|
        observadores|signatarios|líderes|dirigentes|mandatarios|presidentes|ministros|
        ministras|cancilleres|representantes|funcionarios|expertos|negociadores|
        periodistas|organizaciones|ONG|partes|personas|rondas|sesiones|ratificaciones|
        aceptaciones|adhesiones|candidaturas|solicitudes|aliados|socios|territorios|
        diputados|senadores|defensores|
        jueces|juezas|candidatos|candidatas|empleados|comisionados|comisarios|científicos|
        donantes|proyectos de ley|proyectos de norma|
        investigadores|parlamentarios|buques|barcos|embarcaciones|socios de diálogo|
        estados observadores|documentos|decisiones|proyectos de decisión|
        proyectos de resolución|resoluciones|compromisos|promesas|casos|proyectos|
        proyectos de convenio|propuestas|especies|sitios|puntos del orden del día|acuerdos|
        memorandos de entendimiento|memorandos|declaraciones|recomendaciones|enmiendas|
        productos químicos|sustancias|informes|denuncias|misiones|inspecciones""",
    "fr": """états membres|pays membres|états parties|chefs d'état et de gouvernement|
        chefs d’état et de gouvernement|chefs d'état|chefs d’état|chefs de gouvernement|
        pays|états|gouvernements|économies|membres|délégués|déléguées|délégations|
        observateurs|signataires|dirigeants|présidents|ministres|représentants|
        responsables|négociateurs|journalistes|organisations|ONG|parties|personnes|
        cycles|ratifications|acceptations|adhésions|candidatures|alliés|
        partenaires|territoires|députés|sénateurs|défenseurs|
        chefs d'etat et de gouvernement|chefs d’etat et de gouvernement|
        chefs d'etat|chefs d’etat|etats membres|etats parties|etats|delegues|
        juges|candidats|candidates|employés|salariés|agents|commissaires|scientifiques|chercheurs|
        donateurs|bailleurs|projets de loi|
        parlementaires|navires|bateaux|partenaires de dialogue|états observateurs|
        documents|décisions|projets de décision|projets de résolution|résolutions|
        engagements|promesses|affaires|projets|projets de convention|propositions|espèces|sites|
        cas|
        points de l'ordre du jour|points de l’ordre du jour|accords|
        mémorandums d'entente|mémorandums d’entente|mémorandums|déclarations|
        recommandations|amendements|produits chimiques|substances|rapports|plaintes""",
    "pt": """estados-membros|estados membros|países-membros|países membros|estados partes|
        estados-partes|estados-parte|
        chefes de estado e de governo|chefes de estado|chefes de governo|países|nações|
        estados|governos|economias|membros|delegados|delegadas|delegações|observadores|
        signatários|líderes|dirigentes|presidentes|ministros|ministras|chanceleres|
        representantes|funcionários|especialistas|negociadores|jornalistas|organizações|
        ONGs|partes|pessoas|rodadas|rondas|sessões|ratificações|aceitações|adesões|
        candidaturas|aliados|parceiros|sócios|territórios|deputados|senadores|defensores|
        juízes|juízas|candidatos|candidatas|empregados|comissários|cientistas|doadores|
        projetos de lei|
        pesquisadores|investigadores|parlamentares|navios|embarcações|
        parceiros de diálogo|estados observadores|documentos|decisões|
        projetos de decisão|projetos de resolução|projectos de resolução|resoluções|
        compromissos|promessas|casos|processos|projetos|projectos|projetos de convenção|
        propostas|espécies|sítios|pontos da agenda|pontos da ordem do dia|itens da agenda|acordos|
        memorandos de entendimento|memorandos|declarações|recomendações|emendas|
        produtos químicos|substâncias|relatórios|denúncias|missões|inspeções|inspecções""",
    "en fr": "nations|participants|experts|sessions|leaders|ratifications|organisations|"
    "documents|décisions|résolutions|propositions|sites|recommandations|amendements|"
    "substances|missions|inspections",
    "es pt": "participantes|presidentes|representantes|candidatos|candidatas|documentos|"
    "compromisos|casos|especies|memorandos|investigadores",
}

_KIND_WORDS: dict[UnitKind, str] = {
    "member": """member states|member countries|member nations|member economies|members|
        states parties|states members|participating states|estados miembros|países miembros|
        estados partes|estados parte|estados-partes|estados-parte|miembros|états membres|
        pays membres|états parties|etats membres|etats parties|
        membres|estados-membros|estados membros|países-membros|países membros|membros""",
    "state": """countries|countries and territories|nations|states|governments|economies|
        jurisdictions|países|naciones|estados|gobiernos|economías|pays|états|etats|gouvernements|
        économies|nações|governos|economias|parties|partes|allies|territories|aliados|territorios|alliés|
        territoires|territórios|observer states|estados observadores|états observateurs|
        donors|donantes|donateurs|bailleurs|doadores""",
    "attendee": """delegates|delegations|participants|attendees|observers|signatories|
        statements|speakers|delegados|delegadas|delegaciones|participantes|asistentes|observadores|
        signatarios|délégués|déléguées|delegues|délégations|observateurs|signataires|delegações|
        signatários""",
    "event": "rounds|sessions|rondas|sesiones|cycles|rodadas|sessões",
    "application": """applications|solicitudes""",
    "other": "candidatures|candidaturas",
    "staff": """judges|candidates|employees|staff members|staffers|commissioners|comisionados|
        comisarios|commissaires|comissários|jueces|juezas|candidatos|
        candidatas|empleados|juges|candidats|candidates|employés|salariés|agents|juízes|
        juízas|empregados|funcionários""",
    "item": """proyectos de ley|proyectos de norma|projets de loi|projetos de lei|ships|
        vessels|fishing vessels|documents|decisions|draft decisions|resolutions|
        draft resolutions|draft conventions|commitments|pledges|cases|projects|proposals|
        species|sites|
        agenda items|agreements|memoranda of understanding|memorandums of understanding|
        memoranda|memorandums|declarations|recommendations|amendments|chemicals|reports|
        complaints|nominations|buques|barcos|embarcaciones|documentos|decisiones|
        proyectos de decisión|proyectos de resolución|resoluciones|compromisos|promesas|
        casos|proyectos|proyectos de convenio|propuestas|especies|sitios|
        puntos del orden del día|acuerdos|
        memorandos de entendimiento|memorandos|declaraciones|recomendaciones|enmiendas|
        productos químicos|sustancias|informes|denuncias|navires|bateaux|décisions|
        projets de décision|projets de résolution|résolutions|engagements|promesses|
        affaires|projets|projets de convention|cas|propositions|espèces|
        points de l'ordre du jour|accords|
        mémorandums d'entente|mémorandums|déclarations|recommandations|amendements|
        produits chimiques|substances|rapports|plaintes|navios|embarcações|decisões|
        projetos de decisão|projetos de resolução|projectos de resolução|resoluções|
        compromissos|promessas|processos|projetos|projectos|projetos de convenção|propostas|
        espécies|sítios|
        pontos da agenda|pontos da ordem do dia|itens da agenda|acordos|
        memorandos de entendimento|declarações|recomendações|emendas|produtos químicos|
        substâncias|relatórios|denúncias|missions|inspections|misiones|inspecciones|missões|
        inspeções|inspecções""",
    "partner": """partners|socios|partenaires|parceiros|sócios|dialogue partners|
        socios de diálogo|partenaires de dialogue|parceiros de diálogo""",
    "ratification": """ratifications|accessions|instruments of ratification|ratificaciones|
        ratificações|acceptances|aceptaciones|adhesiones|acceptations|adhésions|
        aceitações|adesões""",
}


def _fold_unit(unit: str) -> str:
    return " ".join(unit.lower().replace("’", "'").split())


@cache
def _unit_tables() -> tuple[dict[str, frozenset[str]], dict[str, UnitKind]]:
    langs: dict[str, set[str]] = {}
    for key, units in UNITS_BY_LANGUAGE.items():
        for unit in units.split("|"):
            if unit.strip():
                langs.setdefault(_fold_unit(unit), set()).update(key.split())
    kinds: dict[str, UnitKind] = {}
    for kind, units in _KIND_WORDS.items():
        for unit in units.split("|"):
            kinds.setdefault(_fold_unit(unit), kind)
    return {u: frozenset(ls) for u, ls in langs.items()}, kinds


def all_units() -> list[str]:
    """Every count noun, longest first (for a pattern)."""
    forms = {u.strip() for units in UNITS_BY_LANGUAGE.values() for u in units.split("|")}
    return sorted((u for u in forms if u), key=len, reverse=True)


@lru_cache(maxsize=8)
def unit_first_words(language: str) -> tuple[str, ...]:
    """The first words (lower case) of the count nouns of ``language`` (all languages for
    another one), sorted."""
    units = [
        unit.strip()
        for key, forms in UNITS_BY_LANGUAGE.items()
        if language not in LANGUAGES or language in key.split()
        for unit in forms.split("|")
        if unit.strip()
    ]
    return tuple(sorted({u.split()[0].split("-")[0].lower() for u in units}))


@lru_cache(maxsize=1024)
def unit_languages(unit: str) -> frozenset[str]:
    """The languages a count noun belongs to."""
    return _unit_tables()[0].get(_fold_unit(unit), LANGUAGES)


@lru_cache(maxsize=1024)
def unit_kind(unit: str) -> UnitKind:
    """What a count noun counts: states, members, attendees, persons, rounds..."""
    return _unit_tables()[1].get(_fold_unit(unit), "person" if _is_person(unit) else "other")


_NON_PERSON = frozenset({"organisations", "organizations", "agencies", "ngos", "ong", "ongs",
                         "organizaciones", "organizações", "civil society organisations",
                         "civil society organizations"})  # fmt: skip


def _is_person(unit: str) -> bool:
    return _fold_unit(unit) not in _NON_PERSON


_BARE_MEMBERS = frozenset({"members", "miembros", "membres", "membros"})


def is_bare_members(unit: str) -> bool:
    """True for "members" alone (not "member states")."""
    return _fold_unit(unit) in _BARE_MEMBERS


def needs_context(kind: UnitKind) -> bool:
    """Whether a count of this kind needs a meeting or a signing in its sentence."""
    return kind in ("person", "application", "partner", "staff")


# Beginnings of words of meetings, signings and attendance, searched as one trie (whose
# cost hardly grows with the number of words).
_PARTICIPATION_WORDS = """
attend particip gather join presen regist delegat sign conven arriv travel expected invited
summit conference meeting session ceremon talks forum assembl plenary congress welcom
represent hosted addressed dinner panel committee commission jury
asist reun reún congreg firm lleg acud viaj esperad invitad cumbre conferencia sesión
comité comisión comissão jurado
ceremonia foro asamblea encuentro acredit
assist réuni rassembl attendu invité sommet conférence réunion séance cérémonie assemblée
présen accrédit rencontr déplac compar estuvieron estiveram
assin cheg convidad cúpula conferência sessão cerimônia cerimónia fórum assembleia
credenciad compareceram inscri registrad
"""
_PARTICIPATION_PHRASES = (
    "took part", "take part", "taking part", "turn out", "turned out", "brought together",
    "bring together", "brings together", "bringing together",
)  # fmt: skip
_PARTICIPATION = re.compile(
    rf"(?i:{alternation([*_PARTICIPATION_WORDS.split(), *_PARTICIPATION_PHRASES])}"
    r"|\b(?:meet|spoke|round)|\b(?:met|drew)\b)"
)


def has_participation(sentence: str) -> bool:
    """True when a sentence speaks of a meeting, a signing or an attendance."""
    return _PARTICIPATION.search(sentence) is not None


# A body's judges, candidates and staff are counted in a sentence of a meeting, or of the
# body's seats, elections and work: "must elect six judges", "19 candidates are competing
# for the seats", "31 cases were now before the judges".
_STAFF_CONTEXT = LazyPattern(
    "(?i:"
    + alternation(
        """elect elig élu élir eleg candida vote votar voter seat escaño siège assento
        cadeira compet court cour corte tribunal bench secretariat secretaría secrétariat
        secretariado registr unit unidad unité unidade organi commission comisión comissão
        sanction""".split()
    )
    + ")"
)


def has_context(kind: UnitKind, sentence: str) -> bool:
    """Whether a count of ``kind`` that ``needs_context`` has it in ``sentence``."""
    if has_participation(sentence):
        return True
    return kind == "staff" and _STAFF_CONTEXT.search(sentence) is not None


# "the two leaders": a reference to people already named, not a count.
_ANAPHORA_WORDS = """the these those both los las estos estas esos esas ambos ambas les ces os
as estes estas esses essas"""
_ANAPHORA_BEFORE = re.compile(rf"(?i:\b{alternation(_ANAPHORA_WORDS.split())}\s+)$")
_ANAPHORA_LIMIT = 3


def is_anaphoric(text: str, start: int, value: int, qualifier: str) -> bool:
    """True for "the two leaders", "les deux dirigeants", "os dois líderes"."""
    if value > _ANAPHORA_LIMIT or qualifier != "exact":
        return False
    return _ANAPHORA_BEFORE.search(text, max(0, start - 10), start) is not None


# -- roles -----------------------------------------------------------------------------

_RATIFICATION_PHRASES = (
    "ratif", "accession", "acced", "entry into force", "enter into force", "enters into force",
    "entered into force", "in vigor", "en vigueur", "em vigor", "adhesi", "adhési", "adesão",
)  # fmt: skip
_RATIFICATION = re.compile(rf"(?i:{alternation(_RATIFICATION_PHRASES)}|\bdeposit)")
_RATIFICATION_REACH = 32
# What every match of _RATIFICATION holds (lower case): a cheap test before the pattern.
_RATIFICATION_NEAR = re.compile(
    alternation(("ratif", "accession", "acced", "deposit", "force", "vigor", "vigueur", "adhes",
                 "adhés", "adesão"))
)  # fmt: skip
_THRESHOLD_WORDS = (
    "once", "after", "upon", "following", "unless", "when", "need", "needs", "needed", "must",
    "minimum", "threshold", "cuando", "tras", "después de", "una vez", "hasta que", "requiere",
    "necesita", "mínimo", "lorsque", "quand", "après", "dès que", "une fois", "nécessite",
    "seuil", "após", "quando", "assim que", "exige", "requer",
)  # fmt: skip
_THRESHOLD_BEFORE = re.compile(
    rf"(?i:\b(?:{alternation(_THRESHOLD_WORDS)}|until(?!\s+now)|requir\w*|depois\s+d[aeo]s?)\b)"
)
_THRESHOLD_BEFORE_REACH = 45
_THRESHOLD_AFTER = re.compile(
    r"(?i:^[^.;]{0,25}?\b(?:are|is|were|be)?\s*(?:needed|required|necessary|necesari|"
    r"requeridas|nécessaires|requises|necessárias|exigidas))"
)
_TOTAL_WORDS = (
    "its", "their", "all", "all the", "sus", "todos los", "ses", "leurs", "tous les", "seus",
    "suas", "todos os", "whose", "cuyos", "cuyas", "cujos", "cujas", "dont les", "has", "have",
    "had", "has only", "only has", "count", "counts", "comprise", "comprises", "employs",
    "emplea", "emploie", "emprega", "compte que", "ne compte que", "cuenta con solo",
    "conta com apenas", "tem", "têm", "tiene", "tienen", "comprising", "number", "numbers",
    "total", "totals", "formed by", "made up of", "composed of", "cuenta con", "contaba con",
    "formado por", "integrado por", "compuesto por", "compte", "regroupe", "composé de",
    "composée de", "formé de", "formée de", "conta com", "composto por", "formada por", "reúne",
    "réunit",
)  # fmt: skip
_TOTAL_BEFORE = re.compile(rf"(?i:(?:['’]s|\b{alternation(_TOTAL_WORDS)})\s+(?:now\s+)?$)")
# What the text before a total ends with (case-folded, white space left out): a cheap
# test before the pattern.
_TOTAL_ENDINGS = ("'s", "’s", "now", *{phrase.split()[-1] for phrase in _TOTAL_WORDS})
_DEFINITE_WORDS = ("the", "los", "las", "les", "des", "os", "as", "dos", "das", "del", "de los",
                   "de las")  # fmt: skip
_DEFINITE_BEFORE = re.compile(rf"(?i:\b{alternation(_DEFINITE_WORDS)}\s+$)")
_DEFINITE_ENDINGS = tuple({phrase.split()[-1] for phrase in _DEFINITE_WORDS})


# "The bank, with 10 members, ...": the members of the body the clause is about.
_WITH_BEFORE = re.compile(r"(?i:,\s*(?:with|con|com|avec)\s+(?:only\s+|solo\s+|apenas\s+)?$)")


def role_of(
    text: str,
    start: int,
    end: int,
    kind: UnitKind,
    bounds: tuple[int, int],
    *,
    whole_of_part: bool = False,
    bare_members: bool = False,
) -> Role | None:
    """The role of the count at ``text[start:end]`` in the sentence ``text[slice(*bounds)]``;
    None when it is no count."""
    low, high = bounds
    if kind == "item":
        return "total"  # "adopted 22 decisions": the meeting's work, not its attendance
    before = text[max(low, start - _THRESHOLD_BEFORE_REACH) : start]
    near = text[max(low, start - _RATIFICATION_REACH) : min(high, end + _RATIFICATION_REACH)]
    if kind == "ratification" or (
        _RATIFICATION_NEAR.search(near.lower()) and _RATIFICATION.search(near)
    ):
        after = text[end : min(high, end + 40)]
        if _THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(after):
            return "threshold"
        return "total"
    if kind == "event" or whole_of_part:
        return "total"
    if kind not in ("member", "state", "staff"):
        return None if bare_members else "participants"
    short = text[max(low, start - 30) : start]
    tail = short.rstrip().casefold()
    if tail.endswith(_TOTAL_ENDINGS) and _TOTAL_BEFORE.search(short):
        return "total"
    if kind == "member" and tail.endswith(_DEFINITE_ENDINGS) and _DEFINITE_BEFORE.search(short):
        return "total"
    if bare_members:
        # "12 members": of what is not said; "the bank, with 10 members": the body's
        return "total" if _WITH_BEFORE.search(short) else None
    return "participants"


# -- ordinals of ratification ------------------------------------------------------------

_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3, "tercera": 3, "terceiro": 3,
    "terceira": 3, "cuarto": 4, "cuarta": 4, "quarto": 4, "quarta": 4, "quinto": 5,
    "quinta": 5, "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7, "sétimo": 7,
    "sétima": 7, "octavo": 8, "octava": 8, "oitavo": 8, "oitava": 8, "noveno": 9,
    "novena": 9, "nono": 9, "nona": 9, "décimo": 10, "décima": 10,
    "deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
    "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
    "dixième": 10, "vingtième": 20, "trentième": 30, "quarantième": 40,
    "cinquantième": 50, "soixantième": 60,
}  # fmt: skip
_EN_UNIT_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINAL = (
    r"(?P<ord>[0-9]{1,3}(?:st|nd|rd|th|º|ª|\.º|\.ª|°|e|er|ème|eme)"
    rf"|(?:{_TENS})-(?:{'|'.join(_EN_UNIT_ORDINALS)})"
    rf"|{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))})"
)
_ORDINAL_NOUNS = {
    "state": "states", "country": "countries", "nation": "nations", "party": "parties",
    "member": "members", "member state": "member states", "member country": "member countries",
    "member nation": "member nations", "signatory": "signatories",
    "ratification": "ratifications", "accession": "accessions",
    "instrument of ratification": "instruments of ratification",
    "estado": "estados", "país": "países", "ratificación": "ratificaciones",
    "état": "états", "pays": "pays", "ratificação": "ratificações",
}  # fmt: skip
_ORDINAL_COUNT = LazyPattern(
    rf"(?i:(?:\b(?:the|la|el|le|a|o|its|sa|su|sua)|['’]s)\s+{_ORDINAL}\s+"
    rf"(?P<noun>{'|'.join(sorted(map(re.escape, _ORDINAL_NOUNS), key=len, reverse=True))}))"
    r"(?![\w-])"
)
_RATIFICATION_HINTS = ("ratif", "accession", "acced", "adhesi", "adhési", "adesão", "vigor",
                       "vigueur", "into force", "in force", "th member", "st member", "nd member",
                       "rd member")  # fmt: skip


_RATIFICATION_SCAN = re.compile("(?i:" + "|".join(_RATIFICATION_HINTS) + ")")


def _sentence_runs(sentences: SentenceIndex, offsets: list[int]) -> list[tuple[int, int]]:
    """The (start, end) of each distinct sentence holding one of ``offsets``."""
    runs = set()
    for offset in offsets:
        span = sentences.span_at(offset)
        if span is not None:
            runs.add(span)
    return sorted(runs)


# Every English ordinal holds one of these: a cheap test of a window before the pattern.
_ENGLISH_ORDINAL_HINT = re.compile(
    r"[0-9](?:st|nd|rd|th)|first|second|third|[fxnher]th\b|ieth|fifth|twelfth"
)
_ORDINAL_BEFORE_HINT = 60  # "the 37th state to ratify": the ordinal is close to the hint
_ORDINAL_AFTER_HINT = 40


def _windows(sentences: SentenceIndex, offsets: list[int]) -> list[tuple[int, int]]:
    """Merged windows around ``offsets``, each within its sentence."""
    windows: list[tuple[int, int]] = []
    for offset in sorted(offsets):
        span = sentences.span_at(offset)
        if span is None:
            continue
        low = max(span[0], offset - _ORDINAL_BEFORE_HINT)
        high = min(span[1], offset + _ORDINAL_AFTER_HINT)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _ordinal_value(text: str) -> int | None:
    lowered = text.lower()
    if lowered[0].isdigit():
        return int(re.match(r"[0-9]+", lowered).group())  # type: ignore[union-attr]
    if "-" in lowered:
        tens, unit = lowered.split("-", 1)
        values = dict(zip(_TENS.split("|"), range(20, 100, 10), strict=True))
        return values[tens] + _EN_UNIT_ORDINALS[unit]
    return _ORDINAL_WORDS.get(lowered)


# What an ordinal count holds, as runs of letters of the lower-cased text: one of its
# nouns' first words and an ordinal word, a tens word and a unit ordinal ("twenty-first"),
# or the letters after an ordinal's digits ("37th", "1er", "1º"); "°" is no letter.
_ORDINAL_NOUN_WORDS = frozenset(noun.split()[0] for noun in _ORDINAL_NOUNS)
_ORDINAL_WORD_SET = frozenset(_ORDINAL_WORDS)
_TENS_WORDS = frozenset(_TENS.split("|"))
_DIGIT_ORDINAL_LETTERS = frozenset("st nd rd th º ª e er ème eme".split())
_DIGIT_ORDINAL = re.compile(r"[0-9](?i:st|nd|rd|th|º|ª|\.º|\.ª|°|e|er|ème|eme)")


def _may_hold_ordinal_count(text: str) -> bool:
    """False when ``text`` lacks a word every ordinal count needs (set lookups, mostly)."""
    words = letter_runs(text)
    if words.isdisjoint(_ORDINAL_NOUN_WORDS):
        return False
    if not words.isdisjoint(_ORDINAL_WORD_SET):
        return True
    if not words.isdisjoint(_TENS_WORDS) and not words.isdisjoint(_EN_UNIT_ORDINALS):
        return True
    return (not words.isdisjoint(_DIGIT_ORDINAL_LETTERS) or "°" in text) and bool(
        _DIGIT_ORDINAL.search(text)
    )


def ordinal_counts(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """ "became the 37th state to ratify" (total), "after the 60th ratification" (threshold)."""
    text = article.text
    if not _may_hold_ordinal_count(text):
        return []
    lowered = lower_text(text)
    offsets = [i for hint in _RATIFICATION_HINTS for i in find_all(lowered, hint)]
    if len(lowered) != len(text):  # lower() moved some offsets: a pattern finds them
        offsets = [m.start() for m in _RATIFICATION_SCAN.finditer(text)]
    facts = []
    english = sentences.language == "en"
    for run_start, run_end in _windows(sentences, offsets):
        window = lowered[run_start:run_end]
        if english and not _ENGLISH_ORDINAL_HINT.search(window):
            continue
        for match in _ORDINAL_COUNT.finditer(text, run_start, run_end):
            value = _ordinal_value(match.group("ord"))
            if value is None or value < 2:
                continue
            start, end = match.start("ord"), match.end("noun")
            noun = " ".join(match.group("noun").lower().split())
            sentence = sentences.at(start)
            bounds = (sentence.start, sentence.end) if sentence else (start, end)
            role = role_of(text, start, end, "ratification", bounds)
            attrs = {
                "value": value,
                "qualifier": "exact",
                "unit": _ORDINAL_NOUNS[noun],
                "role": role,
            }
            facts.append(
                Fact(
                    "count", text[start:end], start, end, sentences.sentence_text(start, end), attrs
                )
            )
    return facts


# -- tallies with the noun first -----------------------------------------------------------

_TALLY_NOUNS = (
    "ratifications|accessions|signatures|signatories|states parties|parties|members|"
    "member states|instruments of ratification"
)
# Nouns a tally names only after "the number of" ("the number of ratifying states to 180").
_NUMBER_OF_NOUNS = (
    "ratifying states|ratifying countries|states|countries|acceptances|dialogue partners|"
    "partners|observer states|observers|associate members|judges|species|sites"
)
_TALLY = LazyPattern(
    rf"(?i:\b(?P<unit>{_TALLY_NOUNS})\s+(?:\w+\s+){{0,2}}?(?:now\s+)?"
    r"(?:stands?|stood|standing|rose|rises|risen|reached|reaches|totals?|totall?ed|"
    r"climbed|numbers?|has\s+(?:reached|risen|climbed)|have\s+(?:reached|risen|climbed))\s+"
    rf"(?:at\s+|to\s+)?)(?P<num>{NUMBER_PATTERN})"
    r"|(?i:\b(?:number|total|tally|count)\s+of\s+(?:its\s+|their\s+|the\s+)?"
    rf"(?P<unit2>{_TALLY_NOUNS}|{_NUMBER_OF_NOUNS})(?:\s+[\w-]+){{0,4}}?\s+(?:to|at)\s+)"
    rf"(?P<num2>{NUMBER_PATTERN})"
)
_MEMBER_ADJECTIVE = LazyPattern(rf"(?P<num>{NUMBER_PATTERN})-(?i:member|nation|country)\b")
_TALLY_NOUN_HINTS = ("ratification", "accession", "signat", "parties", "members", "number of")
_TALLY_HINTS = ("stand", "stood", "rose", "rise", "risen", "reach", "total", "climb",
                "number", "tally", "count")  # fmt: skip


# Words a tally needs (runs of letters of the lower-cased text): its verb, or the noun of
# "the number of"; and the noun of "the 193-member body".
_TALLY_WORDS = frozenset(
    "stand stands stood standing rose rises risen reached reaches total totals totaled "
    "totalled climbed number numbers tally count".split()
)
_MEMBER_ADJECTIVE_WORDS = frozenset({"member", "nation", "country"})


def tally_counts(article: Article, sentences: SentenceIndex) -> list[Fact]:
    """ "ratifications now stand at 23", "the number of members to 166", "the 193-member"."""
    text = article.text
    words = letter_runs(text)
    facts: list[Fact] = []
    if words.isdisjoint(_TALLY_WORDS) and words.isdisjoint(_MEMBER_ADJECTIVE_WORDS):
        return facts
    lowered = lower_text(text)
    if not words.isdisjoint(_MEMBER_ADJECTIVE_WORDS) and (
        "-member" in lowered or "-nation" in lowered or "-country" in lowered
    ):
        for match in _MEMBER_ADJECTIVE.finditer(text):
            value = parse_number(match.group("num"))
            if value is None or value < 2 or (match.group("num")[0].isalpha() and value < 3):
                continue
            if match.start() and (
                text[match.start() - 1].isalnum() or text[match.start() - 1] in "$€£-"
            ):
                continue
            start, end = match.span()
            unit = match.group()[len(match.group("num")) + 1 :].lower()
            attrs = {"value": value, "qualifier": "exact", "unit": f"{unit}s", "role": "total"}
            if unit == "member":
                attrs["unit"] = "members"
            facts.append(
                Fact(
                    "count", text[start:end], start, end, sentences.sentence_text(start, end), attrs
                )
            )
    if words.isdisjoint(_TALLY_WORDS):
        return facts
    nouns = [i for noun in _TALLY_NOUN_HINTS for i in find_all(lowered, noun)]
    runs = _sentence_runs(sentences, nouns) if len(lowered) == len(text) else [(0, len(text))]
    for run_start, run_end in runs:
        run = lowered[run_start:run_end]
        if not any(hint in run for hint in _TALLY_HINTS):
            continue
        for match in _TALLY.finditer(text, run_start, run_end):
            group = "num" if match.group("num") else "num2"
            value = parse_number(match.group(group))
            unit = (match.group("unit") or match.group("unit2") or "").lower()
            if value is None or value < 2 or (len(match.group(group)) == 4 and value > 1900):
                continue
            start, end = match.span()
            span = sentences.span_at(start)
            if span is None or end > span[1]:
                continue
            attrs = {
                "value": value,
                "qualifier": "exact",
                "unit": " ".join(unit.split()),
                "role": "total",
            }
            facts.append(
                Fact(
                    "count", text[start:end], start, end, sentences.sentence_text(start, end), attrs
                )
            )
    return facts
