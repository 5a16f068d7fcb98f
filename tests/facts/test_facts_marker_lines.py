"""Emoji marker lines, as the cleaner labels them, give their facts."""

from __future__ import annotations

from pathlib import Path

from treatytui.corpus.loading import load_article
from treatytui.facts import extract


def test_where_and_when_lines_give_a_venue_and_a_date(tmp_path: Path) -> None:
    path = tmp_path / "summit.txt"
    path.write_text(
        "📍 Grand Riverside Hall, Montevideo\n🗓️ March 3-5, 2026\n"
        "Ministers will meet to review the first year of the treaty.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    facts = extract(article)
    venues = {f.get("name") for f in facts if f.kind == "venue" and f.start < 40}
    assert {"Montevideo"} <= venues
    dates = [f for f in facts if f.kind == "date"]
    assert dates[0].get("date_from") == "2026-03-03" and dates[0].get("date_to") == "2026-03-05"
    for fact in facts:
        assert article.text[fact.start : fact.end] == fact.text
