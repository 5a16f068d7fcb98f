"""A date in the URL (day or month precision) dates a plain-text article and anchors the
years of the dates its text gives without one."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def test_a_month_in_the_url_anchors_the_years_of_the_text(tmp_path: Path) -> None:
    from treatytui.corpus.loading import load_article
    from treatytui.facts.extractor import extract

    path = tmp_path / "a.txt"
    path.write_text(
        "URL: https://example.org/2022/03/talks-open\n\n"
        "Negotiators opened the second session in Vienna on 14 March.\n",
        encoding="utf-8",
    )
    article = load_article(path, tmp_path)
    assert article.published == date(2022, 3, 31)
    dates = [f.attrs["date_from"] for f in extract(article) if f.kind == "date"]
    assert dates == ["2022-03-14"]
