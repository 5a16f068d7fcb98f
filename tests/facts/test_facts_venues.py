"""Venues: places where the events happen, not every place a text names."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from treatytui.corpus.article import Article, Block
from treatytui.facts.sentences import SentenceIndex
from treatytui.facts.venues import extract_venues

GOLD_DIR = Path(__file__).parent / "gold"


def _article(text: str, blocks: tuple[Block, ...] = ()) -> Article:
    return Article(id="test.txt", path="/tmp/test.txt", text=text, blocks=blocks)


def _venues(text: str) -> list[str]:
    article = _article(text)
    facts = extract_venues(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence
    return [fact.get("name") for fact in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty conference was held in Nairobi, Kenya, last week.", ["Nairobi", "Kenya"]),
        ("Ministers gathered in Geneva on Monday.", ["Geneva"]),
        ("The summit will take place in Kenya's capital Nairobi.", ["Nairobi"]),
        ("Talks opened in the Ugandan capital, Kampala, on Tuesday.", ["Kampala"]),
        ("Delegates met at the Palais des Nations to review the text.", ["Palais des Nations"]),
        (
            "A side event was held at the Vienna International Centre.",
            ["Vienna International Centre"],
        ),
        ("The forum met at the UN Office at Nairobi in March.", ["UN Office at Nairobi"]),
        (
            "Delegations met at Serena Beach Resort on the shores of Lake Malawi.",
            ["Serena Beach Resort", "Lake Malawi"],
        ),
        ("The ceremony took place in Ha Noi.", ["Hanoi"]),
        ("The signing ceremony was hosted in Viet Nam.", ["Vietnam"]),
        ("The negotiating session convened in Vienna and New York.", ["Vienna", "New York"]),
        ("Officials travelled to Addis Ababa for the meeting.", ["Addis Ababa"]),
    ],
)
def test_venue_phrases(text: str, expected: list[str]) -> None:
    assert _venues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Supporters call it the Nairobi Convention on data.",
        "The panel was titled 'The Road to Geneva'.",
        "The Kampala Times reported the vote.",
        "The Geneva Conventions protect civilians in war.",
        "The spirit of the Bandung Conference lives on.",
        "Kenya has joined the treaty, and Ghana commended Kenya for its role.",
        "The Communist Party of Vietnam issued a statement.",
        "The agency, based in Vienna, drafted the guide.",
        "Cybercrime in Nigeria rose sharply, police said.",
        "Ministers from Asia and Africa spoke about trade.",
        "Vietnam has invited every member state.",
    ],
)
def test_not_venues(text: str) -> None:
    assert _venues(text) == []


def test_marker_line_gives_every_part() -> None:
    text = "📍 Lakeside Conference Hall, Entebbe\nThe session opened with a minute of silence."
    assert _venues(text) == ["Lakeside Conference Hall", "Entebbe"]


def test_dateline_is_a_venue_when_the_event_is_there() -> None:
    assert _venues("NAIROBI — Delegates adopted the report on Friday.") == ["Nairobi"]
    text = "Hanoi, Oct 25 (VNA) – The signing ceremony opened in Hanoi on Saturday."
    assert _venues(text) == ["Hanoi", "Hanoi"]


def test_dateline_is_dropped_when_the_event_is_elsewhere() -> None:
    text = "MOSCOW, Oct 25 (TASS) - Russia signed the convention at a ceremony in Hanoi."
    assert _venues(text) == ["Hanoi"]


def test_one_fact_per_mention() -> None:
    text = "The meeting was held in Accra. Delegates left Accra after the session in Accra."
    assert _venues(text) == ["Accra", "Accra"]


def _gold(seed: str) -> dict:
    return yaml.safe_load((GOLD_DIR / f"{seed}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", sorted(p.stem for p in GOLD_DIR.glob("*.yaml")))
def test_seed_venues_match_gold(seed: str) -> None:
    from treatytui.config import seeds_dir

    path = seeds_dir() / f"{seed}.txt"
    text = path.read_text(encoding="utf-8")
    names = set(_venues(text))
    gold = _gold(seed).get("venues") or []
    required = {item["name"] for item in gold if not item.get("ambiguous")}
    allowed = {item["name"] for item in gold}
    assert required <= names
    assert names <= allowed
