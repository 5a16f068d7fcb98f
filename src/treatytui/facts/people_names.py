"""Reading titles and personal names off a tokenised text (the parser behind people.py).

``NameParser.titled_mentions`` finds every title (an office such as "Foreign Vice-Minister",
a rank such as "General", an honorific such as "Mr") and the name it introduces, directly
("President Luong Cuong") or after a comma ("Speaker of Uganda's Parliament, Anita Annet
Among"), or the name it follows in apposition ("Ghada Waly, Executive Director of UNODC").
The vocabulary lives in ``data/people_words.txt``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from treatytui.facts import gazetteer
from treatytui.facts.words import letter_runs

TitleKind = Literal["head", "rank", "honorific"]

# A token: an abbreviated title with its full stop ("Mr.", "H.E."), initials ("U.N."), a
# word, a number or any other single character. This is
#   \b(?:Mrs?|Ms|Dr|Prof|Lt|Gen|Col|Maj|Capt|Brig|Mme|Hon|H\.E)\.|\b(?:[A-Z]\.){2,}
#   |[^\W\d_][\w’'\-]*|\d+|[^\w\s]
# written to consume the first character before telling the cases apart (with look-behinds),
# so that the pattern starts with a character set and runs about twice as fast.
_TOKEN = re.compile(
    r"[^\s_](?:(?<=[^\W\d_A-Z])[\w’'\-]*"
    r"|(?<=[A-Z])(?:(?<!\w.)(?:(?<=M)(?:rs?|s|aj|me)|(?<=D)r|(?<=P)rof|(?<=L)t|(?<=G)en"
    r"|(?<=C)(?:ol|apt)|(?<=B)rig|(?<=H)(?:on|\.E))\.|(?<!\w.)\.(?:[A-Z]\.)+"
    r"|(?<!\w.)\.(?=[ \xa0][A-ZÀ-Þ])|[\w’'\-]*)"
    r"|(?<=\d)\d*|(?<=[^\w\s]))"
)
# (Only white space and underscores lie between tokens: every other character starts one.)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_INITIAL = re.compile(r"[A-Z]\.")
# A surname with its particle glued on: "al-Harthy", "el-Sisi", "d'Argent", "l'Estrange"
_GLUED_PARTICLE = re.compile(
    r"(?:al|el|as|ash|ad|ar|at|az)-[A-ZÀ-Þ][\w’'\-]+|[dl]['’][A-ZÀ-Þ][\w’'\-]+"
)
_MAX_NAME_WORDS = 5  # "Luiz Inácio Lula da Silva", "Thani bin Ahmed Al Zeyoudi"


@cache
def _acronyms() -> frozenset[str]:
    """The acronyms of well-known bodies: never a surname in capitals."""
    return frozenset(b.acronym.upper() for b in gazetteer.bodies() if b.acronym)


_APPOSITION_GLUE = frozenset(
    ["the", "a", "an", "its", "his", "her", "who", "is", "was", "also", "serves", "as", "currently"]
)
_ORG_GLUE = frozenset(["of", "and", "on", "for", "the"])
# Malay honorifics of two words: "Tan Sri", "Puan Sri", "Datuk Seri" ("Datuk" is listed)
# The number after a monarch's or a pope's name ("I", "V" and "X" are left out: a pronoun,
# initials, a platform)
_REGNAL_NUMBERS = frozenset("II III IV VI VII VIII IX XI XII XIII XIV XV XVI".split())
# Endings of capitalised adjectives of place in Spanish and Portuguese ("Iberoamericano")
_ADJECTIVE_ENDINGS = ("ano", "ana", "ense", "ino", "ina", "eo", "ea", "ico", "ica")
# A nickname in quotes inside a name: 'Maria Aparecida "Cida" dos Reis Faria'
_OPENING_QUOTES = frozenset('"“«')
_CLOSING_QUOTES = frozenset('"”»')
_NICKNAME = re.compile(r' ["“«][^"”»]*["”»](?= )')
_MALAY_FIRST_WORDS = frozenset(["Tan", "Puan"])
_MALAY_SECOND_WORDS = frozenset(["Seri", "Sri"])
_MALAY_BEFORE_SECOND = _MALAY_FIRST_WORDS | {"Datuk", "Dato", "Dato'", "Dato’", "Datin", "Toh"}
_MAX_ROLE_MODIFIERS = 8


@dataclass(slots=True)
class Mention:
    """A name as written, with the title that came with it (``office`` or ``rank``)."""

    start: int
    end: int
    name: str
    office: str | None = None
    rank: str | None = None
    titled: bool = True
    credit: bool = False
    headline: bool = False


@cache
def words(section: str) -> frozenset[str]:
    """One word list of ``data/people_words.txt``."""
    return gazetteer.word_sets("people_words.txt")[section]


@cache
def titles() -> frozenset[str]:
    """Every word that may be or end a title: offices, ranks and honorifics."""
    return words("heads") | words("lowercase_heads") | words("ranks") | words("honorifics")


def title_offsets(text: str) -> list[int]:
    """Every place where a title may be (and a few more): a cheap scan that tells which
    sentences are worth tokenising.

    A capitalised title counts where it is a whole token ("Dr" in "Dr. Amina Yusuf", not
    in "Drugs"): its first run of letters is then a whole run of the text's
    (``letter_runs``), so only the titles whose first run the text has are looked for.
    """
    found = _capitalised_title_offsets(text)
    lowercase = _lowercase_trigger()
    return found + [i for i in _after_lowercase_heads(text) if lowercase.match(text, i)]


def _capitalised_title_offsets(text: str) -> list[int]:
    """Where a capitalised title is a whole token of ``text`` (after no letter, and
    before no character that goes on a token), and after its stop when ". " follows it
    ("la Sra. Carmen Quiroga": a stop may end a sentence there; the name is next)."""
    found = []
    by_prefix = _capitalised_titles()
    for run in by_prefix.keys() & letter_runs(text):
        for prefix, forms in by_prefix[run]:
            i = text.find(prefix)
            while i >= 0:
                if not i or not _letter_like(text[i - 1]):
                    for form in forms:
                        end = i + len(form)
                        if text.startswith(form, i) and not _goes_on_token(text, end):
                            found.append(i)
                            if text.startswith(". ", end):
                                found.append(end + 2)
                i = text.find(prefix, i + 1)
    return found


def _letter_like(char: str) -> bool:
    r"""What ``[^\W\d_]`` matches: a character that a token never starts after."""
    return char.isalnum() and not char.isdecimal() and char != "_"


def _goes_on_token(text: str, index: int) -> bool:
    r"""True when ``text[index]`` would go on the token before it (``[\w’'\-]``)."""
    return index < len(text) and (text[index].isalnum() or text[index] in "_’'-")


@cache
def _capitalised_titles() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The capitalised titles by the lower-cased first run of letters of each: (the run
    as written, the titles starting with it). ("M." keeps its stop, other titles lose
    theirs: the stop is a token of its own, or glued to the title's.)"""
    capitalised = titles() - words("lowercase_heads")
    forms = {w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in capitalised}
    by_prefix: dict[str, set[str]] = {}
    for form in forms:
        run = _LETTER_RUN.match(form)
        if run is None:
            continue  # (a title starts with a letter)
        by_prefix.setdefault(run.group(), set()).add(form)
    by_run: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for prefix, group in sorted(by_prefix.items()):
        by_run.setdefault(prefix.lower(), []).append((prefix, tuple(sorted(group))))
    return by_run


_LETTER_RUN = re.compile(r"[^\W\d_]+")


@cache
def _lowercase_head_starts() -> tuple[gazetteer.WordStarts, dict[str, tuple[str, ...]]]:
    """Where a lower-case head may begin, and the heads by their first word."""
    by_first: dict[str, list[str]] = {}
    for head in words("lowercase_heads"):
        by_first.setdefault(head.split(" ")[0], []).append(head)
    index = gazetteer.WordStarts(words("lowercase_heads"))
    return index, {first: tuple(heads) for first, heads in by_first.items()}


def _after_lowercase_heads(text: str) -> list[int]:
    """The places, in order, one or two characters after a lower-case head (after its
    space, or its comma and space): where the lower-case trigger may match."""
    index, by_first = _lowercase_head_starts()
    found = set()
    for start, first in index.hits(text):
        for head in by_first[first]:
            if text.startswith(head, start):
                end = start + len(head)
                found.add(end + 1 if text[end : end + 2] != ", " else end + 2)
    return sorted(found)


@cache
def title_trigger() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A pattern of the capitalised titles (anywhere, as written), and the lower-case
    trigger of ``title_offsets``."""
    by_first: dict[str, list[str]] = {}
    capitalised = titles() - words("lowercase_heads")
    # ("M." keeps its stop: a bare "M" would be any word's first letter)
    forms = {w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in capitalised}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(re.escape(form[1:]))
    # Grouped by first letter: the engine compares a capital with each group's letter only.
    grouped = "|".join(f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in by_first.items())
    return re.compile(grouped), _lowercase_trigger()


@cache
def _lowercase_trigger() -> re.Pattern[str]:
    """A capital after a lower-case title and a space, or a comma and a space ("analyst
    Jonah Pike", "the committee's chairperson, Ann Lee"): found from the capital, looking
    back (the pattern starts with letters, so the engine skips ahead to those)."""
    behind = _after_any(words("lowercase_heads"), r"[ \xa0].")
    behind_comma = _after_any(words("lowercase_heads"), ", .")
    return re.compile(
        rf"[{gazetteer.UPPER}](?:(?<=[a-z][ \xa0].)(?:{behind})|(?<=[a-z], .)(?:{behind_comma}))"
    )


def _after_any(heads: Iterable[str], tail: str) -> str:
    """``(?<=\bhead{tail})|...`` for every head (``tail`` of a fixed width), grouped by the
    heads' last letter, which one look-behind tests first: a capital after no head costs a
    test per letter, not one per head. (The look-behinds match nothing, so their order
    does not matter.)"""
    by_last: dict[str, list[str]] = {}
    for head in sorted(heads):
        by_last.setdefault(head[-1], []).append(head)
    groups = []
    for last, group in by_last.items():
        each = "|".join(rf"(?<=\b{re.escape(head)}{tail})" for head in group)
        groups.append(rf"(?<={re.escape(last)}{tail})(?:{each})")
    return "|".join(groups)


_POSSESSIVE_ENDS = ("'s", "’s", "'", "’")


def _strip_possessive(word: str) -> str:
    """``word`` without a final "'s" or "'" (what ``_POSSESSIVE`` removes), told by
    ``endswith`` where no line break can bring in the pattern's other end ("$" before one)."""
    if "\n" in word:
        return _POSSESSIVE.sub("", word)
    if not word.endswith(_POSSESSIVE_ENDS):
        return word
    return word[:-2] if word.endswith(("'s", "’s")) else word[:-1]


def _is_headline(line: str) -> bool:
    """True for a line in Title Case (a headline), where capitals say nothing."""
    if line.rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    long_words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", line) if len(w) > 3]
    capitals = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 4 and capitals / len(long_words) > 0.7


class NameParser:
    """Finds titles and names in one text."""

    def __init__(self, text: str, windows: Iterable[tuple[int, int]] | None = None) -> None:
        """Tokenise ``text``, or only its ``windows`` ((start, end) runs of whole sentences,
        which must hold every title and every name asked about)."""
        self.text = text
        self._headlines: dict[int, bool] = {}  # line start: whether the line is a headline
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._name_ends: dict[int, int | None] = {}
        find = text.find
        for start, end in [(0, len(text))] if windows is None else windows:
            # Only white space and underscores lie between tokens, and no token starts with
            # one: each token is where the text next holds it (no match object per token).
            tokens = _TOKEN.findall(text, start, end)
            at = start
            for token in tokens:
                at = find(token, at)
                self.starts.append(at)
                at += len(token)
                self.ends.append(at)
            self.words += tokens

    # -- token predicates ---------------------------------------------------------------
    def _word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def _cap(self, i: int) -> bool:
        word = self._word(i)
        return bool(word) and word[0].isalpha() and word[0].isupper()

    def _joined(self, i: int) -> bool:
        """True when token ``i`` follows token ``i - 1`` after exactly one space."""
        if not 0 < i < len(self.words):
            return False
        return self.starts[i] - self.ends[i - 1] == 1 and self.text[self.ends[i - 1]] in " \xa0"

    def _kind(self, i: int) -> TitleKind | None:
        word = self._word(i)
        if word in _MALAY_SECOND_WORDS or word in _MALAY_FIRST_WORDS:
            return self._malay_honorific(i)
        if word == "Sr":  # "Sr. Julio Benítez", not "Ferdinand Marcos Sr."
            return "honorific" if self._stop_then_name(i) else None
        if word == "General" and self._joined(i) and self._word(i - 1) in words("before_general"):
            return "head"
        if word in words("heads"):
            return "head"
        if word in words("lowercase_heads"):
            # "analyst Jonah Pike", "the committee's chairperson, Ann Lee": a title only
            # right before a capitalised word, or a comma and one; never the end of a
            # compound ("the 15-member Caribbean Community")
            if i > 0 and self._word(i - 1) == "-" and self.starts[i] == self.ends[i - 1]:
                return None
            if self._joined(i + 1) and self._cap(i + 1):
                return "head"
            comma = self._word(i + 1) == "," and self._joined(i + 2) and self._cap(i + 2)
            return "head" if comma and self.starts[i + 1] == self.ends[i] else None
        if word in words("ranks"):
            return "rank"
        if word in words("honorifics"):
            return "honorific"
        return None

    def _stop_then_name(self, i: int) -> bool:
        """True when token ``i`` has a stop glued on and a capitalised word after it."""
        return (
            self._word(i + 1) == "."
            and self.starts[i + 1] == self.ends[i]
            and self._joined(i + 2)
            and self._cap(i + 2)
        )

    def _malay_honorific(self, i: int) -> TitleKind | None:
        """ "Seri"/"Sri" after "Datuk", "Tan", "Puan" ("Tan Sri", "Datuk Seri"), and "Tan"
        or "Puan" before one: honorifics (a bare "Tan" is a surname, "Sri Lanka" a place)."""
        word = self._word(i)
        if word in _MALAY_FIRST_WORDS:
            second = self._word(i + 1) in _MALAY_SECOND_WORDS and self._joined(i + 1)
            return "honorific" if second else None
        before = self._word(i - 1)
        return "honorific" if self._joined(i) and before in _MALAY_BEFORE_SECOND else None

    def _name_word(self, i: int, first: bool) -> bool:
        word = _strip_possessive(self._word(i))
        if not first and word in _REGNAL_NUMBERS and self._joined(i):
            return True  # "Felipe VI", "Carlos III"
        if not first and (self._inner_capitals(i, word) or _GLUED_PARTICLE.fullmatch(word)):
            return True
        if first and _INITIAL.fullmatch(word):
            # "R. K. Venkataraman", "S. Jaishankar": initials open the name
            return self._initials_then_name(i)
        if not self._cap(i) or len(word) < 2 or word.isupper() or self._kind(i):
            return False
        if word[1] in "'’" and word[2:3].islower():
            return False  # "L'ambassadeur Omar Hilale": an article and a noun
        if word in words("not_names") or word in words("modifiers"):
            return False
        if first and word in words("function_words"):
            surname = word in words("vietnamese_surnames")
            return surname and self._joined(i + 1) and self._cap(i + 1)
        # ("Mauricio" is Mauritius in Spanish, and a first name: only a country's English
        # name or alias rules a word out)
        english_country = gazetteer.country(word) is not None and gazetteer.foreign(word) is None
        if english_country and not first and not (self._joined(i + 1) and self._cap(i + 1)):
            return True  # a surname that is a country's name, last: "Luís Montenegro"
        return not english_country and gazetteer.demonym_country(word) is None

    def _initials_then_name(self, i: int) -> bool:
        """True when initials at token ``i`` lead, joined, to a capitalised word."""
        k = i
        while _INITIAL.fullmatch(self._word(k)) and self._joined(k + 1):
            k += 1
        return k > i and self._cap(k) and not self._word(k).isupper()

    def _inner_capitals(self, i: int, word: str) -> bool:
        """A middle initial ("T." in "Maria T. Okonkwo") before a joined capitalised word,
        or a surname in capitals ("ZARIŅŠ" in "Pēteris ZARIŅŠ"), after a first name."""
        if _INITIAL.fullmatch(word):
            return self._joined(i + 1) and self._cap(i + 1)
        if len(word) < 3 or not word.isupper() or not word.replace("-", "").isalpha():
            return False
        back = i - 1
        while (
            back > 0
            and self._joined(back)
            and (
                self._word(back).lower() in words("particles")
                or _INITIAL.fullmatch(self._word(back))
            )
        ):
            back -= 1  # "Renate VAN DER HEIJDEN", "Lamia B. EL-ASSAAD": the first name first
        previous = self._word(back)
        return (
            self._joined(i)
            and previous[:1].isupper()
            and not previous.isupper()
            and word not in _acronyms()
            and gazetteer.place(word) is None
        )

    # -- names --------------------------------------------------------------------------
    def _particles_after(self, k: int) -> int:
        """How many particles ("de los", "van der", "dos") join token ``k`` to a next word."""
        n = 0
        while n < 2 and self._joined(k + 1 + n) and self._is_particle(k + 1 + n):
            n += 1
        if self._word(k + 1) == "y" and (n == 2 or (self._joined(k + 3) and self._cap(k + 3))):
            return 0  # "Gabriel Boric y el Presidente Lula", "Ana Ruiz y Pedro Lima": two names
        return n if n and self._joined(k + 1 + n) and self._cap(k + 1 + n) else 0

    def _is_particle(self, k: int) -> bool:
        """A particle ("van", "dos"), or one in capitals before a surname in capitals
        ("VAN DER HEIJDEN")."""
        word = self._word(k)
        if word in words("particles"):
            return True
        if not word.isupper() or word.lower() not in words("particles"):
            return False
        nxt = k + 1
        while self._word(nxt).lower() in words("particles") and self._word(nxt).isupper():
            nxt += 1
        return len(self._word(nxt)) > 2 and self._word(nxt).isupper()

    def _abbreviated_saint(self, k: int) -> bool:
        """ "St." or "Ste." glued to a capitalised word: "Anneliese St. Hill-Gordon"."""
        return (
            self._word(k) in ("St", "Ste")
            and self._word(k + 1) == "."
            and self.starts[k + 1] == self.ends[k]
            and self._joined(k + 2)
            and self._cap(k + 2)
        )

    def _name_end(self, i: int) -> int | None:
        """The index of the last token of the name starting at token ``i``, if any (read
        once for each token: titles and patterns ask again for the same names)."""
        try:
            return self._name_ends[i]
        except KeyError:
            end = self._name_ends[i] = self._read_name_end(i)
            return end

    def _read_name_end(self, i: int) -> int | None:
        count, k, last = 0, i, None
        while self._name_word(k, first=count == 0):
            count, last = count + 1, k
            if count > _MAX_NAME_WORDS:
                return None  # not a name: no need to read the rest of the capitals
            if count > 1 and self._word(k) in _REGNAL_NUMBERS:
                break  # the number ends the name ("Carlos III del Reino Unido")
            if _strip_possessive(self._word(k)) != self._word(k):
                break
            if particles := self._particles_after(k):
                k += particles + 1
            elif self._joined(k + 1) and (
                self._cap(k + 1) or _GLUED_PARTICLE.fullmatch(self._word(k + 1))
            ):
                k += 1
            elif count > 1 and self._abbreviated_saint(k):
                k += 2
            elif nickname := self._nickname_after(k):
                k = nickname  # 'Maria Aparecida "Cida" dos Reis Faria'
            else:
                break
        if (
            last is None
            or count > _MAX_NAME_WORDS
            or (last == k and self._joined(k + 1) and self._cap(k + 1))
        ):
            return None
        if count == 1 and gazetteer.place(_strip_possessive(self._word(last))):
            return None
        if last != k and self._cap(k) and self._kind(k) != "honorific":
            return None  # ("Julio Benítez y la Sra. Carmen Quiroga": two names)
        return last

    def _nickname_after(self, k: int) -> int:
        """The index of the name word after a nickname in quotes that follows token ``k``
        ('Maria Aparecida "Cida" dos Reis Faria'), or 0 when there is none."""
        if self._word(k + 1) not in _OPENING_QUOTES or not self._joined(k + 1):
            return 0
        close = k + 3
        if close >= len(self.words):
            return 0
        glued = self.starts[k + 2] == self.ends[k + 1] and self.starts[close] == self.ends[k + 2]
        if not (glued and self._cap(k + 2) and self._word(close) in _CLOSING_QUOTES):
            return 0
        if particles := self._particles_after(close):
            return close + particles + 1
        return close + 1 if self._joined(close + 1) and self._cap(close + 1) else 0

    def _mention(self, first: int, last: int, **kwargs: object) -> Mention:
        start, end = self.starts[first], self.ends[last]
        if self.words[last] in ("Jr", "Sr") and self.text[end : end + 1] == ".":
            end += 1  # "Ferdinand Marcos Jr."
        name = _strip_possessive(self.text[start:end])
        end = start + len(name)
        if any(quote in name for quote in _OPENING_QUOTES):
            name = _NICKNAME.sub("", name)  # the name without its nickname
        return Mention(start, end, name, headline=self._on_headline(start), **kwargs)  # type: ignore[arg-type]

    def _on_headline(self, offset: int) -> bool:
        """Whether the line holding ``offset`` is a headline (once a line: a text of one
        long line holds many names)."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        known = self._headlines.get(line_start)
        if known is None:
            line_end = self.text.find("\n", line_start)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            known = self._headlines[line_start] = _is_headline(line)
        return known

    def name_at(self, offset: int, credit: bool = False) -> Mention | None:
        """The untitled name starting at ``offset`` (after any sentence-initial word)."""
        i = bisect_left(self.starts, offset)
        if i == len(self.starts) or self.starts[i] != offset:
            return None
        while self._word(i) in words("function_words") and self._joined(i + 1):
            i += 1
        # "Dra. Ana López", "Dr Amina Yusuf": the honorific is not part of the name
        while self._kind(i) == "honorific" and (self._joined(i + 1) or self._stop_then_name(i)):
            i += 1 if self._joined(i + 1) else 2
        last = self._name_end(i)
        return self._mention(i, last, titled=False, credit=credit) if last is not None else None

    # -- titles -------------------------------------------------------------------------
    def titled_mentions(self) -> list[Mention]:
        """Every name that a title introduces or follows."""
        title_words = titles()
        found, resume = [], 0
        for i in [i for i, word in enumerate(self.words) if word in title_words]:
            if i >= resume and self._kind(i):
                mention, resume = self._title_at(i)
                if mention:
                    found.append(mention)
        return found

    def _role_start(self, i: int) -> int:
        """Extend a title backwards over its modifiers ("Vietnam's Foreign Vice-")."""
        limit = i - _MAX_ROLE_MODIFIERS  # a run of capitals before every title: read a few
        while self._joined(i) and i > limit:
            prev = self._word(i - 1)
            if self._cap(i - 1) and prev not in words("function_words"):
                i -= 1
            elif prev in words("lowercase_modifiers"):
                return i - 1
            elif prev == "and" and self._word(i - 2) in words("modifiers") and self._joined(i - 1):
                i -= 2
            else:
                break
        return i

    def _org_end(self, k: int) -> int:
        """The last token of the organisation named from token ``k`` ("of the ...")."""
        last = k
        while True:
            if self._kind(k) in ("rank", "honorific") or self._name_here(k):
                return last
            last = k
            nxt = k + 1
            while self._word(nxt) in _ORG_GLUE and self._joined(nxt):
                nxt += 1
            if not (self._joined(nxt) and self._cap(nxt)):
                return last
            k = nxt

    def _name_here(self, k: int) -> bool:
        """A Vietnamese name glued to an organisation ("Minister of Public Security To Lam")."""
        if self._word(k) not in words("vietnamese_surnames") or not self._joined(k):
            return False
        end = self._name_end(k)
        return end is not None and end > k

    def _title_end(self, i: int) -> int:
        """Extend a title forwards: "Prime Minister and Minister of Public Security"."""
        j, after_org = i, False
        while True:
            kind = self._kind(j + 1) if self._joined(j + 1) and self._cap(j + 1) else None
            if kind == "head" or (kind and not after_org):
                j, after_org = j + 1, False
            elif self._word(j + 1) == "and" and self._joined(j + 2) and self._head_within(j + 2):
                j, after_org = self._head_within(j + 2), False
            elif self._word(j + 1) in ("of", "for", "on") and self._joined(j + 1):
                k = j + 2 + (self._word(j + 2) == "the")
                if not (self._joined(k) and self._cap(k)) or self._name_here(k):
                    return j
                j, after_org = self._org_end(k), True
            elif after_org and self._acronym_in_brackets(j + 1):
                j += 3
            else:
                return j

    def _acronym_in_brackets(self, k: int) -> bool:
        """True for "(AALCO)" at token ``k``."""
        inner = self._word(k + 1)
        return self._word(k) == "(" and inner.isupper() and self._word(k + 2) == ")"

    def _head_within(self, k: int) -> int:
        """The index of a head among the next few joined capitalised words (0 if none)."""
        for step in range(4):
            if not (self._cap(k + step) and (step == 0 or self._joined(k + step))):
                return 0
            if self._kind(k + step) == "head":
                return k + step
        return 0

    def _title_at(self, i: int) -> tuple[Mention | None, int]:
        """The mention a title at token ``i`` gives, and the index to continue from."""
        first, last = self._role_start(i), self._title_end(i)
        trim = last  # ("Prime Minister Datuk Seri Anwar Ibrahim": the honorifics leave the role)
        while trim > i and self._kind(trim) == "honorific":
            trim -= 1
        role = self.text[self.starts[first] : self.ends[trim]]
        kinds = {self._kind(k) for k in range(i, last + 1)}
        office = role if "head" in kinds else None
        rank = role if office is None and "rank" in kinds else None
        p = last + 1
        if self._kind(last) == "honorific" and self._stop_then_name(last):
            p += 1  # "Sra. Carmen Quiroga": the stop after an honorific
        split = self._name_inside_title(i, last) if office else None
        if split is not None:
            # "Minister for Economic Cooperation Lena Hartmann": the name ends the title
            role = self.text[self.starts[first] : self.ends[split - 1]]
            return self._mention(split, last, office=role, rank=rank), last + 1
        if self._word(p) == "," and self._cap(p + 1) and office:
            p += 1
        elif not self._joined(p):
            return self._apposition(first, last, office), last + 1
        while office and self._kind(p) in ("rank", "honorific") and self._joined(p + 1):
            rank = self._word(p) if self._kind(p) == "rank" else rank
            p += 1
        end = self._name_end(p)
        if end == p and self._word(p).endswith(_ADJECTIVE_ENDINGS) and self._word(p + 1) == ",":
            # "El Secretario General Iberoamericano, Andrés Castellanos": an adjective
            after = self._name_end(p + 2) if self._cap(p + 2) else None
            if after is not None and after > p + 2:
                return self._mention(p + 2, after, office=office, rank=rank), after + 1
        if end is not None and end == p and self._word(last) in words("lowercase_heads"):
            end = None  # "official Xinhua": a lower-case title needs a name of two words
        if end is None:
            return self._apposition(first, last, office), last + 1
        return self._mention(p, end, office=office, rank=rank), end + 1

    def _name_inside_title(self, i: int, last: int) -> int | None:
        """The first token of a name of two words or more that ends a title's organisation
        ("Economic Cooperation Lena Hartmann"), when no name follows the title."""
        if self._joined(last + 1) and self._cap(last + 1):
            return None
        for s in range(i + 2, last):
            if self._word(s - 1) in _ORG_GLUE or not self._cap(s):
                continue
            if self._name_end(s) == last and sum(self._cap(k) for k in range(s, last + 1)) >= 2:
                return s
        return None

    def _apposition(self, first: int, last: int, office: str | None) -> Mention | None:
        """ "Ghada Waly, Executive Director of UNODC,": the name before a title."""
        if office is None or (self._cap(last + 1) and self._joined(last + 1)):
            return None
        k = first - 1
        while self._word(k) in _APPOSITION_GLUE:
            k -= 1
        if self._word(k) != ",":
            return None
        end, start = k - 1, k - 1
        while (
            start > end - _MAX_NAME_WORDS
            and self._joined(start)
            and self._name_word(start - 1, first=False)
        ):
            start -= 1
        if self._name_end(start) != end:
            return None
        return self._mention(start, end, office=office)
