"""`treatytui facts` on Spanish, French and Portuguese articles: dates, years, `lang`, and
the contract's new keys in every output format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from treatytui.cli import main

ARTICLES = {
    "cumbre.txt": (
        "Cumbre de cancilleres en Santo Domingo\n\n"
        "SANTO DOMINGO, 20 may (EFE).- Los cancilleres de los países del continente se "
        "reunirán el 10 de junio de 2025 en Santo Domingo, informó la Cancillería.\n\n"
        "La sesión preparatoria se celebró el pasado 12 de abril en Washington.\n",
        "2025-05-20",
        "es",
        [("2025-05-20", None), ("2025-06-10", None), ("2025-04-12", None)],
    ),
    "sommet.txt": (
        "Les ministres réunis à Paris\n\n"
        "PARIS, 12 septembre (AFP) - Les ministres des pays membres se retrouveront du 3 au "
        "5 novembre à Paris, a annoncé l'organisation.\n\n"
        "Une première réunion s'est tenue le 17 juin à Séville.\n",
        "2025-09-12",
        "fr",
        [("2025-09-12", None), ("2025-11-03", "2025-11-05"), ("2025-06-17", None)],
    ),
    "cimeira.txt": (
        "Lisboa acolhe a conferência dos oceanos\n\n"
        "Os ministros do Mar dos países reúnem-se de 3 a 5 de março em Lisboa, anunciou o "
        "Governo.\n\n"
        "A conferência anterior realizou-se a 14 de novembro em Díli, e a próxima ronda está "
        "marcada para o fim de agosto.\n",
        "2025-02-20",
        "pt",
        [("2025-03-03", "2025-03-05"), ("2024-11-14", None), ("2025-08-01", None)],
    ),
}


@pytest.fixture
def article_files(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, (text, published, _, _) in ARTICLES.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        path.with_suffix(".yaml").write_text(f"published: {published}\n", encoding="utf-8")
        paths[name] = path
    return paths


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_facts_json_of_an_article_in_another_language(
    name: str, article_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["facts", "--json", str(article_files[name])]) == 0
    (document,) = json.loads(capsys.readouterr().out)
    _, _, lang, expected = ARTICLES[name]
    dates = [f for f in document["facts"] if f["kind"] == "date"]
    assert [(f["date_from"], f["date_to"]) for f in dates] == expected
    assert {f["lang"] for f in document["facts"]} == {lang}


@pytest.fixture
def yearless_file(tmp_path: Path) -> Path:
    path = tmp_path / "expertos.txt"
    path.write_text(
        "Expertos de los países debatieron el 8 de febrero las reglas del tratado.\n",
        encoding="utf-8",
    )
    return path


def test_yearless_dates_in_json_yaml_and_csv(
    yearless_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["facts", "--json", str(yearless_file)]) == 0
    (document,) = json.loads(capsys.readouterr().out)
    (date_fact,) = [f for f in document["facts"] if f["kind"] == "date"]
    assert date_fact["date_from"] is None and date_fact["date_to"] is None
    assert (date_fact["year_known"], date_fact["month"], date_fact["day"]) == (False, 2, 8)
    assert date_fact["lang"] == "es"

    assert main(["facts", "--format", "yaml", str(yearless_file)]) == 0
    (from_yaml,) = yaml.safe_load(capsys.readouterr().out)
    assert [f for f in from_yaml["facts"] if f["kind"] == "date"] == [date_fact]

    assert main(["facts", "--format", "csv", str(yearless_file)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    (row,) = [r for r in rows if r["kind"] == "date"]
    assert (row["year_known"], row["month"], row["day"], row["lang"]) == ("False", "2", "8", "es")

    assert main(["facts", str(yearless_file)]) == 0
    assert "8 Feb (year not stated)" in capsys.readouterr().out
