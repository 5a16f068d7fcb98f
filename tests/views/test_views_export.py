"""Exporting a timeline or a figures view as CSV, YAML and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from views_articles import article, count, dated, load_test_articles

from treatytui.views.export import (
    FIGURE_COLUMNS,
    TIMELINE_COLUMNS,
    export_figures,
    export_timeline,
    format_for,
)
from treatytui.views.figures import FigureGroup, build_figures
from treatytui.views.timeline import TimelineRow, build_timeline


@pytest.fixture
def views(collection_dir: Path) -> tuple[list[TimelineRow], list[FigureGroup]]:
    articles = load_test_articles(collection_dir)
    return build_timeline(articles), build_figures(articles)


def test_timeline_json_and_yaml_nest_the_mentions(views) -> None:
    rows, _groups = views
    from_json = json.loads(export_timeline(rows, "json"))
    assert from_json == yaml.safe_load(export_timeline(rows, "yaml"))
    assert len(from_json) == len(rows)
    signing = next(r for r in from_json if r["date"] == "25 Oct 2025")
    assert signing["date_from"] == "2025-10-25" and signing["date_to"] is None
    assert signing["articles"] == 3 and len(signing["mentions"]) == 3
    mention = signing["mentions"][0]
    assert set(mention) == set(TIMELINE_COLUMNS[6:])
    assert mention["published"] == "2025-10-25" and mention["source"] == "Mekong Wire"


def test_timeline_csv_has_one_line_per_mention(views) -> None:
    rows, _groups = views
    lines = list(csv.DictReader(io.StringIO(export_timeline(rows, "csv"))))
    assert len(lines) == sum(len(row.mentions) for row in rows)
    assert list(lines[0]) == list(TIMELINE_COLUMNS)
    ceremony = [line for line in lines if line["date"] == "25–26 Oct 2025"]
    assert {line["date_to"] for line in ceremony} == {"2025-10-26"}
    assert len(ceremony) == 3


def test_figures_in_every_format(views) -> None:
    _rows, groups = views
    records = json.loads(export_figures(groups, "json"))
    assert records == yaml.safe_load(export_figures(groups, "yaml"))
    signed = records[0]
    assert (signed["unit"], signed["verb"], signed["disagreements"]) == ("countries", "signed", 3)
    assert signed["figures"][0]["value"] == 68 and signed["figures"][0]["disagrees"] is True
    lines = list(csv.DictReader(io.StringIO(export_figures(groups, "csv"))))
    assert list(lines[0]) == list(FIGURE_COLUMNS)
    assert len(lines) == sum(len(g.figures) for g in groups)
    assert lines[0]["label"] == "68 countries" and lines[0]["disagrees"] == "True"


def test_text_is_one_line_without_controls_and_no_formulas_in_csv() -> None:
    sentence = '=HYPERLINK("x") 30 countries\x1b[2J signed\non 2 May 2025.'
    articles = [
        article(
            "evil",
            count("30 countries", sentence, 30, "countries"),
            dated("2 May 2025", sentence, "2025-05-02"),
        )
    ]
    for text in (export_timeline(build_timeline(articles), "csv"),
                 export_figures(build_figures(articles), "csv")):  # fmt: skip
        assert "\x1b" not in text
        line = next(csv.DictReader(io.StringIO(text)))
        assert line["sentence"].startswith("'=HYPERLINK")
        assert "\n" not in line["sentence"]
    assert "\x1b" not in export_timeline(build_timeline(articles), "yaml")


def test_format_from_the_file_name() -> None:
    assert format_for(Path("out/timeline.CSV")) == "csv"
    assert format_for(Path("figures.yml")) == "yaml"
    assert format_for(Path("figures.json")) == "json"
    with pytest.raises(ValueError, match="unknown file type"):
        format_for(Path("figures.xlsx"))


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        export_timeline([], "xml")  # type: ignore[arg-type]
