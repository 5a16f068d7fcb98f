"""Seeded, grammar-aware generation of hostile queries (shared by the fuzz test and
``benchmarks/bench_query_fuzz.py``).

Each query mixes the pieces of the query language in valid and invalid ways: fields that
exist, that are stored only, that do not exist; operators in odd places; quotes, deep or
unbalanced parentheses, ranges, wildcards, fuzzy ``~N``, boosts; unicode, control
characters, very long and repeated words.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from treatytui.search.schema import NAMED_FIELDS

WORDS = [
    "convention",
    "treaty",
    "cybercrime",
    "hanoi",
    "kampala",
    "kam",
    "kampal",
    "munyonyo",
    "vienna",
    "guterres",
    "signed",
    "signing",
    "security",
    "human",
    "rights",
    "states",
    "delegates",
    "ceremony",
    "inter",
    "international",
    "vientiane",
    "geneva",
    "laos",
    "the",
    "and",
    "of",
    "a",
    "to",
    "us",
    "may",
    "2025",
    "110",
    "kaveromi",
    "tusane",
]
# The fields the query language names, then aliases, other fields and odd cases.
SEARCHABLE_FIELDS = [
    *NAMED_FIELDS,
    "date",
    "author",
    "by",
    "org",
    "organisation",
    "place",
    "tag",
    "id",
    "path",
    "body",
    "TITLE",
    "Venue",
]
OTHER_FIELDS = [
    "text",
    "url",
    "meta",
    "facts",
    "blocks",
    "body_sequence",
    "foo",
    "x",
    "ñ",
    "日本",
    "a1",
    "_",
    "http",
    "note",
    "",
]
OPERATORS = ["AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "and", "or", "not", "-", "+", "&&", "||"]
ODD_CHARACTERS = [
    "\x00",
    "\x1b",
    "\x1b[2J",
    "\x7f",
    "\u009b",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\t",
    "\n",
    "\r",
    "\\",
    ":",
    "::",
    "^",
    "~",
    "*",
    "?",
    "'",
    "`",
    "<",
    ">",
    "=",
    "<=",
    ">=",
    "!",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    '"',
    "/",
    "%",
    "$",
    "#",
    "@",
    "|",
    "&",
]
UNICODE_WORDS = [
    "António",
    "Ωμέγα",
    "中文",
    "日本語",
    "Привет",
    "مرحبا",
    "שלום",
    "🙂",
    "👩🏽‍💻",
    "é",
    "e\u0301",
    "ǅ",
    "ﬁ",
    "İstanbul",
    "straße",
    "ʼ",
    "１２３",
    "Ⅻ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\U0010ffff",
]


class QueryGenerator:
    """Hostile queries from one seed: the same seed gives the same queries."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def queries(self, count: int) -> Iterator[str]:
        """``count`` queries."""
        for _ in range(count):
            yield self.query()

    def query(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.06:
            return self.pathological()
        if kind < 0.12:
            return "".join(rng.choice(ODD_CHARACTERS + WORDS) for _ in range(rng.randint(1, 12)))
        return self.clauses(depth=0)

    # -- pieces -------------------------------------------------------------------------
    def clauses(self, depth: int) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randint(1, 5 if depth < 2 else 2)):
            if parts and rng.random() < 0.35:
                parts.append(rng.choice(OPERATORS))
            parts.append(self.clause(depth))
        if rng.random() < 0.1:
            parts.insert(0, rng.choice(OPERATORS))
        if rng.random() < 0.1:
            parts.append(rng.choice(OPERATORS))
        return rng.choice([" ", " ", "  ", "\t"]).join(parts)

    def clause(self, depth: int) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            return self.word()
        if roll < 0.45:
            return f"{self.field()}:{self.value(depth)}"
        if roll < 0.55:
            return self.phrase()
        if roll < 0.63:
            return self.wildcard()
        if roll < 0.7:
            return self.fuzzy()
        if roll < 0.77:
            return self.range()
        if roll < 0.85 and depth < 3:
            open_, close = "(", ")"
            if rng.random() < 0.15:
                close = ""
            elif rng.random() < 0.1:
                open_ = ""
            return f"{open_}{self.clauses(depth + 1)}{close}"
        if roll < 0.9:
            return f"{self.word()}^{rng.choice(['2', '0', '-1', '1e308', '', 'x', '0.5'])}"
        return rng.choice(UNICODE_WORDS + ODD_CHARACTERS)

    def word(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.7:
            word = rng.choice(WORDS)
            return word.capitalize() if rng.random() < 0.3 else word
        if roll < 0.85:
            letters = "abcdefghijklmnopqrstuvwxyz"
            return "".join(rng.choice(letters) for _ in range(rng.randint(1, 14)))
        if roll < 0.95:
            return rng.choice(UNICODE_WORDS)
        return rng.choice(WORDS) + rng.choice(ODD_CHARACTERS) + rng.choice(WORDS)

    def field(self) -> str:
        rng = self.rng
        return rng.choice(SEARCHABLE_FIELDS if rng.random() < 0.6 else OTHER_FIELDS)

    def value(self, depth: int) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return self.word()
        if roll < 0.55:
            return self.phrase()
        if roll < 0.65:
            return self.range()
        if roll < 0.72:
            return self.wildcard()
        if roll < 0.8:
            return rng.choice(
                [
                    "2025",
                    "2025-10",
                    "2025-13",
                    "[2025-09 to 2025-10]",
                    ">2025",
                    "<=2024-02-30",
                    "[to]",
                    "[2025 to",
                    "0000",
                    "99999",
                ]
            )
        if roll < 0.87 and depth < 3:
            return f"({self.clauses(depth + 1)})"
        return rng.choice(["", '""', "*", "?", ":", "-", "~"])

    def phrase(self) -> str:
        rng = self.rng
        words = " ".join(self.word() for _ in range(rng.randint(0, 4)))
        suffix = rng.choice(["", "", f"~{rng.randint(-1, 50)}", "~", "~x"])
        end = '"' if rng.random() < 0.9 else ""
        return f'"{words}{end}{suffix}'

    def wildcard(self) -> str:
        rng = self.rng
        word = rng.choice([*WORDS, "ka", "ve", "a", "", "zz"])
        return rng.choice(
            [
                f"{word}*",
                f"*{word}",
                f"*{word}*",
                f"{word[:2]}?{word[2:]}",
                f"{word}**",
                "*",
                "?",
                f"{word[:1]}*{word[1:2]}*{word[2:3]}*{word[3:]}*",
                "*a*a*a*a*a*a*b",
                f"{word}*{word}?",
            ]
        )

    def fuzzy(self) -> str:
        rng = self.rng
        return f"{self.word()}~{rng.choice(['', '1', '2', '3', '9', '100', '-1', '0', 'x'])}"

    def range(self) -> str:
        rng = self.rng
        low = rng.choice(["a", "2024", "kam", "", "*", "zz", "0"])
        high = rng.choice(["z", "2026", "kampala", "", "*", "a", "9"])
        open_, close = rng.choice(["[]", "{}", "[}", "{]", "[[", "]["])
        joiner = rng.choice([" TO ", " to ", " ", " TO", "TO "])
        return f"{open_}{low}{joiner}{high}{close}"

    def pathological(self) -> str:
        rng = self.rng
        roll = rng.randrange(12)
        word = rng.choice(WORDS)
        if roll == 0:
            depth = rng.choice([50, 200, 1000, 3000])
            return "(" * depth + word + ")" * depth
        if roll == 1:
            return " ".join([word] * rng.choice([30, 100, 500]))
        if roll == 2:
            return word * rng.choice([3, 20, 100, 1000])
        if roll == 3:
            return rng.choice("zqxa") * rng.choice([20, 60, 300])
        if roll == 4:
            return " OR ".join(rng.choice(WORDS) + "*" for _ in range(rng.choice([10, 60, 200])))
        if roll == 5:
            return " ".join(f"{rng.choice(WORDS)}~2" for _ in range(rng.choice([10, 50])))
        if roll == 6:
            return "NOT " * rng.choice([2, 50, 500]) + word
        if roll == 7:
            return '"' + " ".join(rng.choice(WORDS) for _ in range(rng.choice([20, 200]))) + '"'
        if roll == 8:
            return "-" * rng.choice([2, 100]) + word
        if roll == 9:
            return " ".join(
                f"{rng.choice(SEARCHABLE_FIELDS)}:{rng.choice(WORDS)}"
                for _ in range(rng.choice([20, 100]))
            )
        if roll == 10:
            return "".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.choice([5, 50, 500])))
        return "x" * rng.choice([1000, 10_000, 100_000])
