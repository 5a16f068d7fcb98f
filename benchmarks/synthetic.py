"""A deterministic synthetic collection of treaty-news articles, for benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

COMMON = [
    "the",
    "convention",
    "treaty",
    "cybercrime",
    "states",
    "signed",
    "signing",
    "ceremony",
    "delegates",
    "countries",
    "government",
    "minister",
    "ministry",
    "international",
    "cooperation",
    "security",
    "digital",
    "evidence",
    "law",
    "crime",
    "framework",
    "president",
    "secretary",
    "general",
    "united",
    "nations",
    "office",
    "drugs",
    "assembly",
    "adopted",
    "ratification",
    "data",
    "privacy",
    "human",
    "rights",
    "experts",
    "session",
    "conference",
    "agreement",
    "national",
    "officials",
    "statement",
    "support",
    "technical",
    "assistance",
    "capacity",
    "building",
    "network",
    "information",
    "technology",
    "systems",
    "victims",
    "investigation",
    "police",
    "justice",
    "court",
    "reform",
    "vote",
    "members",
    "draft",
    "text",
    "article",
    "provisions",
    "protection",
    "journalists",
    "safeguards",
]
PLACES = [
    "Hanoi",
    "Kampala",
    "Vienna",
    "Geneva",
    "Nairobi",
    "Bangkok",
    "Jakarta",
    "Lima",
    "Dakar",
    "Oslo",
    "Vientiane",
]
PEOPLE = (
    "António Guterres",
    "Luong Cuong",
    "Ghada Waly",
    "Anita Among",
    "Le Anh Tuan",
)
MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()
SYLLABLES = [
    "ka",
    "ve",
    "ro",
    "mi",
    "tu",
    "sa",
    "ne",
    "lo",
    "pi",
    "da",
    "ri",
    "go",
    "be",
    "zu",
    "fa",
    "no",
    "te",
    "hu",
]


def _rare_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5)))


def article_text(n: int, words: int = 600) -> str:
    """Article number ``n``: a headline, then ~``words`` words of plausible prose."""
    rng = random.Random(n)
    place = rng.choice(PLACES)
    person = rng.choice(PEOPLE)
    lines = [f"{rng.choice(PLACES)} talks on the cybercrime convention, report {n}"]
    count = 0
    while count < words:
        sentence = [rng.choice(COMMON) for _ in range(rng.randint(8, 18))]
        if rng.random() < 0.15:
            sentence.append(_rare_word(rng))
        kind = rng.random()
        if kind < 0.1:
            sentence += [
                "held",
                "in",
                place,
                "on",
                rng.choice(MONTH_NAMES),
                str(rng.randint(1, 28)) + ",",
                str(rng.choice((2024, 2025))),
            ]
        elif kind < 0.2:
            sentence += ["with", "more", "than", str(rng.randint(10, 150)), "countries"]
        elif kind < 0.25:
            sentence += ["said", person]
        text = " ".join(sentence)
        lines.append(text[0].upper() + text[1:] + ".")
        count += len(sentence)
    return "\n".join(lines) + "\n"


def write_collection(folder: Path, count: int) -> Path:
    """Write ``count`` articles into ``folder`` (skipped when already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{count}"
    if marker.exists():
        return folder
    for n in range(count):
        (folder / f"{n:06d}.txt").write_text(article_text(n), encoding="utf-8")
    marker.write_text("ok")
    return folder
