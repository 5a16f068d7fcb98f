"""Titles before names in Spanish, French and Portuguese: "el ministro de Exteriores, Juan
Pérez", "la ministre française Claire Dubois", "o presidente Luiz Inácio Lula da Silva".

A title is a lower-case head ("ministro", "présidente", "secretário") with the article or
preposition before it and what qualifies it after: adjectives ("française", "general",
"adjunto") and prepositional phrases ("de Relaciones Exteriores de Colombia", "da África do
Sul", "de l'ONU"). The name follows a comma, or directly the head and its adjectives; a
name glued to a prepositional phrase ("de l'ONU Jan Eliasson") is the last two to four
capitalised words of the run. ``titles_before_names`` returns (name start, role) pairs for
the name parser to read; people.py turns them into mentions.
"""

from __future__ import annotations

import re
from functools import cache

from treatytui.facts import gazetteer
from treatytui.facts.sentences import matches_at

_HEADS = """
presidente presidenta vicepresidente vicepresidenta ministro ministra viceministro
viceministra canciller secretario secretaria subsecretario subsecretaria director directora
embajador embajadora portavoz vocero vocera rey reina príncipe jefe jefa alcalde alcaldesa
gobernador gobernadora comisario comisaria relator relatora representante enviado enviada
mandatario mandataria fiscal juez jueza diputado diputada senador senadora negociador
negociadora coordinador coordinadora homólogo homóloga titular vicecanciller vicecancillera
cancillera subdirector subdirectora mediador mediadora diplomático diplomática consejero
consejera
président présidente vice-président vice-présidente ministre secrétaire sous-secrétaire
directeur directrice ambassadeur ambassadrice porte-parole roi reine prince chef cheffe maire
gouverneur commissaire rapporteur rapporteuse représentant représentante envoyé envoyée
chancelier chancelière procureur procureure juge député députée sénateur sénatrice
négociateur négociatrice coordinateur coordinatrice homologue émir sous-directeur
sous-directrice médiateur médiatrice diplomate conseiller conseillère
vice-presidente secretário secretária subsecretário diretor diretora embaixador embaixadora
porta-voz rei rainha chefe prefeito prefeita governador governadora comissário comissária
chanceler procurador procuradora juiz juíza deputado deputada negociadora coordenador
subdiretor subdiretora diplomata conselheiro conselheira
coordenadora primeiro-ministro primeira-ministra secretário-geral secretária-geral
diretor-geral diretora-geral secretário-executivo secretária-executiva negociador-chefe
negociadora-chefe chefe-negociador
"""
# Professions that describe a person before a nationality and the name ("el activista
# colombiano Juan Ruiz", "l'économiste sénégalaise Awa Ndiaye", "a advogada brasileira Ana
# Ferreira"): read with the nationalities (not title heads: each head costs a scan)
_PROFESSIONS = """
activista ativista activiste militante economista économiste abogado abogada advogado
advogada avocat avocate jurista juriste investigador investigadora pesquisador pesquisadora
chercheur chercheuse científico científica cientista scientifique experto experta perito
especialista spécialiste analista analyste periodista jornalista journaliste profesor
profesora professor professora professeur professeure académico académica académique
ambientalista ecologista écologiste bióloga biólogo biologiste consultor consultora
consultant consultante sociólogo socióloga sociologue politólogo politóloga politologue
dirigente líder leader defensora defensor escritor escritora écrivain écrivaine médico médica
médecin epidemiólogo epidemióloga epidemiologista épidémiologiste ingeniero ingeniera
engenheiro engenheira ingénieur ingénieure empresario empresaria empresário empresária
lideresa pescador pescadora pêcheur cacique
"""
_MORE_HEADS = """
expresidente expresidenta exministro exministra excanciller exsecretario exsecretaria
ex-presidente ex-presidenta ex-ministro ex-ministra ex-président ex-présidente ex-ministre
ex-chanceler
anfitrión anfitriona anfitrião anfitriã diretor-executivo diretora-executiva
diretor-presidente diretora-presidente vice-ministro
vice-ministra vice-governador vice-governadora vice-prefeito vice-prefeita ministro-chefe
ministra-chefe secretário-adjunto secretária-adjunta director-general directora-general
"""
# Heads of two words: "primer ministro", "premier ministre", "alto representante".
_TWO_WORD_HEADS = """
primer ministro|primera ministra|premier ministre|première ministre|alto representante|
alta representante|haut représentant|haute représentante|alto comisionado|alta comisionada|
haut-commissaire|alto comissário|chef de l'État|chef de l’État|jefe de Estado|chefe de Estado|
chefe da diplomacia|jefe de la diplomacia|chef de la diplomatie|négociateur en chef|
négociatrice en chef|jefe negociador|jefa negociadora
"""
_BEFORE_HEAD = re.compile(
    r"(?:\b(?:el|la|los|las|del|al|le|les|du|au|aux|o|a|os|as|do|da|pelo|pela|ao|à|su|sa|"
    r"son|seu|sua|nuevo|nueva|nouveau|nouvelle|novo|nova|ex|ancien|ancienne|"
    r"cuyo|cuya|cujo|cuja|nuestro|nuestra|nosso|nossa|notre|leur)\s+|\bl['’]|"
    r"\bd['’])$",
    re.IGNORECASE,
)
_PREPOSITIONS = frozenset(
    "de del du des da do das dos d l la le les el los las para pour en em à au aux y e et "
    "of".split()
)
# Lower-case words that end a title: a verb or a conjunction, never an adjective.
_STOP = frozenset(
    """que qui quien quem y e et ou o a en em no na se ha han a été fue foi es est é era
    dijo disse a dit afirmó afirmou declaró declarou said ont sont son são ne n pas não no
    con com avec por par pelo pela para pour sobre sur entre tras après após durante pendant
    cuando quand quando como comme ya déjà já también aussi também este esta ce cette""".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w’'\-.]*|[,;:()\"“”«»]|\S")
_MAX_WORDS = 12  # how far a title may run after its head
_MAX_ADJECTIVES = 3


@cache
def _head_forms() -> list[str]:
    """Every head in lower case and capitalised, longest first."""
    heads = [h for h in _HEADS.split()]
    heads += _MORE_HEADS.split()
    heads += [h.strip() for h in _TWO_WORD_HEADS.split("|") if h.strip()]
    return sorted({f for h in heads for f in (h, h[0].upper() + h[1:])}, key=len, reverse=True)


@cache
def _head_pattern() -> re.Pattern[str]:
    alternatives = [f[0] + re.escape(f[1:]).replace(r"\ ", r"\s+") for f in _head_forms()]
    return re.compile(rf"{gazetteer.at_word_start(alternatives)}(?![\w-])")


@cache
def _head_starts() -> gazetteer.WordStarts:
    """Where a head may begin: the heads' pattern is tried there only."""
    return gazetteer.WordStarts(_head_forms())


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_place_or_body(word: str) -> bool:
    bare = re.sub(r"^[ld]['’]", "", word.strip("."))
    return gazetteer.place(bare) is not None or (bare.isupper() and len(bare) > 1)


# "la colombiana Paula Andrea Restrepo Gil", "l'Angolais João Lourenço": an article, a
# nationality (lower case; capitalised in French) and a name of two capitalised words or
# more. The name's first capital is found first (after the end of a nationality: one
# look-behind for each ending), then the article and the nationality before it.
_NATIONALITY_ENDINGS = (
    "ano ana eño eña ense ês esa ais aise ois oise ien ienne ino ina eiro eira".split()
)
_AFTER_NATIONALITY = re.compile(
    r"[A-ZÀ-Þ](?:" + "|".join(rf"(?<={e} .)" for e in _NATIONALITY_ENDINGS) + ")"
    r"(?=[\w’'\-]+\s(?:(?:de|da|do|dos|das|del|van|von|la|le)\s)*[A-ZÀ-Þ])"
)
_ARTICLE_AND_NATIONALITY = re.compile(
    r"(?:\b(?:el|la|le|o|a)\s|\bl['’])"
    r"(?:[a-zà-ÿ]{3,}|[A-ZÀ-Þ][a-zà-ÿ]{3,}(?<=ais|ois|ien|nne|ise|ise))\s\Z"
)


def nationalities_before_names(text: str) -> list[int]:
    """Offsets of the names that an article and a nationality introduce (es/fr/pt)."""
    return [
        m.start()
        for m in _AFTER_NATIONALITY.finditer(text)
        if _ARTICLE_AND_NATIONALITY.search(text, max(0, m.start() - 24), m.start())
        or _profession_before(text, m.start())
    ]


_ARTICLE_PROFESSION_NATIONALITY = re.compile(
    r"(?:\b(?:[Ee]l|[Ll]a|[Ll]e|[Oo]|[Aa])\s|\b[Ll]['’])(?P<job>[a-zà-ÿ\-]{4,})\s"
    r"(?:[a-zà-ÿ\-]{3,}|[A-ZÀ-Þ][a-zà-ÿ]{3,}(?<=ais|ois|ien|nne|ise))\s\Z"
)


def _profession_before(text: str, start: int) -> bool:
    """Whether an article, a profession and a nationality end at ``start`` ("el activista
    colombiano ", "l'économiste sénégalaise ")."""
    match = _ARTICLE_PROFESSION_NATIONALITY.search(text, max(0, start - 48), start)
    return match is not None and match.group("job") in _profession_words()


@cache
def _profession_words() -> frozenset[str]:
    return frozenset(_PROFESSIONS.split()) | frozenset(_HEADS.split())


def titles_after_names(text: str) -> list[tuple[int, str]]:
    """(offset of the comma after a name, the title) for each es/fr/pt title that follows a
    name in apposition: "Ilham Aliyev, président de l'Azerbaïdjan, a déclaré"."""
    return romance_titles(text)[1]


def _title_after_name(text: str, head: re.Match[str]) -> tuple[int, str] | None:
    start = head.start()
    comma = _APPOSITION_BEFORE_HEAD.search(text, max(0, start - 6), start)
    if comma is None:
        return None
    end = text.find(",", head.end(), head.end() + 80)
    if end < 0 or "\n" in text[start:end] or "." in text[start:end].replace("’", ""):
        return None
    return comma.start(), " ".join(text[start:end].split())


_APPOSITION_BEFORE_HEAD = re.compile(r", (?:(?:el|la|le|l['’]|o|a) ?)?\Z")


def titles_before_names(text: str) -> list[tuple[int, str]]:
    """(offset where a name may start, the title before it) for each es/fr/pt title."""
    return romance_titles(text)[0]


def romance_titles(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The titles of ``titles_before_names`` and of ``titles_after_names``, in one pass."""
    found, after = [], []
    for head in matches_at(_head_pattern(), text, _head_starts().starts(text)):
        if "," in text[max(0, head.start() - 6) : head.start()]:
            apposition = _title_after_name(text, head)
            if apposition is not None:
                after.append(apposition)
        before = _BEFORE_HEAD.search(text, max(0, head.start() - 12), head.start())
        role_start = head.start()
        if before is None and not (head.start() == 0 or text[head.start() - 1] in '\n"“«'):
            continue
        candidate = _name_after(text, head.end())
        if candidate is not None:
            offset, role_end = candidate
            found.append((offset, " ".join(text[role_start:role_end].split())))
    return found, after


def _name_after(text: str, start: int) -> tuple[int, int] | None:
    """(where the name starts, where the title ends) after a head ending at ``start``."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, start + 200)]
    tokens = tokens[: _MAX_WORDS + 4]
    adjectives = 0
    after_preposition = False
    i = 0
    while i < len(tokens):
        t_start, _, word = tokens[i]
        if "\n" in text[start:t_start]:
            return None
        lower = word.lower().rstrip("'’")
        if word == ",":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt and _capitalised(nxt[2]):
                listed = _listed_ministry_end(tokens, i + 1)
                if listed is not None:
                    # "ministra do Mar, Águas Interiores e Pescas, Lídia ...": the title
                    # goes on to the comma after its last "e"
                    i = listed
                    continue
                return nxt[0], tokens[i - 1][1] if i else start
            # "la ministra de Medio Ambiente, la chilena ..." and other forms: no name here
            return None
        if _capitalised(word) and word in _CAPITALISED_QUALIFIERS and not after_preposition:
            adjectives += 1  # "le Secrétaire Général, Alain Berset": a title's adjective
            i += 1
            continue
        if _capitalised(word):
            run = _capitalised_run(tokens, i)
            if not after_preposition and run == i and _capitalised_adjective(tokens, i):
                adjectives += 1  # "el Secretario General Iberoamericano, Andrés Castellanos"
                i += 1
                continue
            if not after_preposition:
                return t_start, tokens[i - 1][1] if i else start
            if _posting_place(tokens, run + 1):
                i = run + 2  # "el embajador de Argentina en Ecuador, Eduardo Ferrari"
                continue
            glued = _glued_name(tokens, i, run)
            if glued is not None:
                return glued  # "el ministro de Defensa Ernesto Prieto firmó": a verb next
            if _complement_goes_on(tokens, run + 1):
                i, after_preposition = run + 1, False
                continue
            if _conjoined_portfolio(tokens, run + 1, i):
                i = run + 2  # "ministro do Trabalho e Emprego, ...": the title goes on
                continue
            return _split_run(tokens, i, run)
        if lower in _PREPOSITIONS or word in ("l'", "l’", "d'", "d’"):
            after_preposition = True
        elif lower.startswith(("l'", "l’", "d'", "d’")) and _capitalised(word[2:]):
            # "de l'ONU Jan Eliasson": the elided article glued to a name
            run = _capitalised_run(tokens, i)
            if _complement_goes_on(tokens, run + 1):
                i, after_preposition = run + 1, False
                continue
            return _split_run(tokens, i, run) if run > i else None
        elif lower in _STOP or not word[0].isalpha() or adjectives >= _MAX_ADJECTIVES:
            return None
        else:
            adjectives += 1  # "française", "general", "adjunto", "indiano"
            after_preposition = False
            if lower in _ORGANISATION_NOUNS:
                after_preposition = True  # "de la organización Greenpeace Andino, ..."
        i += 1
    return None


# Adjectives of titles, capitalised in some styles ("Secrétaire Général", "Director
# General", "Secretário Executivo"): never a name's first word after a head
_CAPITALISED_QUALIFIERS = frozenset(
    """General Général Générale Geral Adjunto Adjunta Adjoint Adjointe Ejecutivo Ejecutiva
    Exécutif Exécutive Executivo Executiva Permanente Gerente Interino Interina Intérimaire
    Especial Spécial Spéciale Principal Principale Delegado Delegada Délégué Déléguée""".split()
)


def _listed_ministry_end(tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """The index of the comma that ends a list of portfolios starting at token ``i``
    ("Águas Interiores e Pescas,"), or None when the run at ``i`` is no such list."""
    from treatytui.facts.people_names import words

    run = _capitalised_run(tokens, i)
    if run + 2 < len(tokens) and tokens[run + 1][2] in ("e", "y", "et", "and"):
        end = _capitalised_run(tokens, run + 2) if _capitalised(tokens[run + 2][2]) else None
        if end is not None and end + 1 < len(tokens) and tokens[end + 1][2] == ",":
            portfolio = words("not_names") | _PORTFOLIOS
            if any(t[2] in portfolio for t in tokens[i : end + 1]):
                return end + 1  # (two people after a title stay two people)
    return None


# Portfolio words of ministers' titles that the name lists do not hold
_PORTFOLIOS = frozenset(
    """Águas Aguas Agua Pescas Pesca Pêche Pêches Mar Mer Mares Interiores Océans Oceanos
    Recursos Hídricos Turismo Transportes Obras Vivienda Habitação Logement Minas Mines
    Hidrocarburos Pesquerías Comunicaciones Comunicações Deportes Desporto Juventude Juventud
    Jeunesse Mujer Mujeres Mulheres Femmes Familia Família Famille Trabajo Emprego Emploi""".split()
)


def portfolio_words() -> frozenset[str]:
    """Portfolio words of ministers' titles that the name lists do not hold."""
    return _PORTFOLIOS


def _glued_name(
    tokens: list[tuple[int, int, str]], first: int, last: int
) -> tuple[int, int] | None:
    """The name of ``_split_run`` when the run of capitals is a portfolio and a name and a
    lower-case word follows it ("de Defensa Ernesto Prieto firmó"): that word is no part of
    the title then."""
    from treatytui.facts.people_names import words

    if last + 1 >= len(tokens) or last - first < 2 or tokens[first][2] not in words("not_names"):
        return None
    nxt = tokens[last + 1][2]
    if not nxt[0].isalpha() or _capitalised(nxt):
        return None
    return _split_run(tokens, first, last)


# Nouns before an organisation's name: the capitals after them are that name
_ORGANISATION_NOUNS = frozenset(
    """organización organização organisation organisme organismo empresa entreprise
    entidad entidade fundación fundação fondation ong red rede réseau coalición coalizão
    coalition plataforma plateforme movimiento movimento mouvement agencia agência agence
    institución instituição institution asociación associação association grupo groupe
    consorcio consórcio campaña campanha campagne alianza aliança alliance""".split()
)
# Endings of capitalised adjectives of place ("Iberoamericano", "Africana", "Européen")
_ADJECTIVE_ENDINGS = (
    "ano ana eño eña ense ino ina eo ea ico ica ês esa ais aise ois oise ien ienne eiro "
    "eira".split()
)


def _capitalised_adjective(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the one capitalised word at token ``i``, before a comma and a capital, is an
    adjective of the title ("Secretario General Iberoamericano, Andrés ...")."""
    if i + 2 >= len(tokens) or tokens[i + 1][2] != "," or not _capitalised(tokens[i + 2][2]):
        return False
    return tokens[i][2].endswith(tuple(_ADJECTIVE_ENDINGS))


def _posting_place(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token ``i`` is "en", "em", "au", "à", "in" before a place: an ambassador's
    posting ("embajador de Argentina en Ecuador", "ambassadeur de France au Maroc")."""
    if i + 1 >= len(tokens) or tokens[i][2] not in ("en", "em", "au", "à", "in", "na", "no"):
        return False
    return gazetteer.place(tokens[i + 1][2]) is not None


def _conjoined_portfolio(tokens: list[tuple[int, int, str]], i: int, run_start: int) -> bool:
    """Whether token ``i`` is "y", "e", "et" or "and" before a portfolio word, or after a
    run of them from ``run_start`` ("Trabajo y Seguridad Social", "Trabalho e Emprego",
    "Meio Ambiente e Mudança do Clima"): the title goes on after it."""
    from treatytui.facts.people_names import words

    if i + 1 >= len(tokens) or tokens[i][2] not in ("y", "e", "et", "and"):
        return False
    portfolio = words("not_names") | _PORTFOLIOS
    if not _capitalised(tokens[i + 1][2]):
        return False
    return tokens[i + 1][2] in portfolio or all(t[2] in portfolio for t in tokens[run_start:i])


def _complement_goes_on(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the title goes on at token ``i``: a comma, a preposition or an adjective
    ("de Relaciones Exteriores, ...", "des Affaires étrangères")."""
    if i >= len(tokens):
        return False
    word = tokens[i][2]
    lower = word.lower()
    if word == ",":
        return True
    return word[0].isalpha() and not _capitalised(word) and lower not in _STOP


def _capitalised_run(tokens: list[tuple[int, int, str]], i: int) -> int:
    """The index of the last token of the run of capitalised words (and particles) at ``i``."""
    j = i
    while j + 1 < len(tokens):
        word = tokens[j + 1][2]
        if _capitalised(word) or (
            word in ("de", "da", "do", "dos", "das", "del", "van", "von", "der", "la", "los")
            and j + 2 < len(tokens)
            and _capitalised(tokens[j + 2][2])
        ):
            j += 1
        else:
            break
    return j


def _split_run(tokens: list[tuple[int, int, str]], first: int, last: int) -> tuple[int, int] | None:
    """Where a name starts in a run that begins with the end of a title ("ONU Jan
    Eliasson"): after the run's places, bodies and ministry words, two words or more."""
    from treatytui.facts.people_names import words

    ministry = words("not_names")
    k = first
    while k <= last and (
        _is_place_or_body(tokens[k][2])
        or re.sub(r"^[ld]['’]", "", tokens[k][2].strip(".")) in ministry
    ):
        k += 1
    capitals = sum(1 for t in tokens[k : last + 1] if _capitalised(t[2]))
    if k == first or k > last or capitals < 2:
        return None
    return tokens[k][0], tokens[k - 1][1]
