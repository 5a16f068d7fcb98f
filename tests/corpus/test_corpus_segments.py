"""Telling bylines, update stamps, dates and emoji markers from story text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from treatytui.corpus.inference import shorten
from treatytui.corpus.segments import byline_names, classify, stamp_text, without_emoji_marker


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Times Reporters", ("Times Reporters",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By Ana de la Cruz, Lee Chen & Sam O’Neil", ("Ana de la Cruz", "Lee Chen", "Sam O’Neil")),
        ("BY JANE DOE", ("JANE DOE",)),
        ("By Jane Q. Doe Jr.", ("Jane Q. Doe Jr.",)),
        ("By The Numbers", None),
        ("By Monday.", None),
        ("By then the talks had ended", None),
        ("Bystanders Gathered Outside", None),
    ],
)
def test_byline_names(line: str, names: tuple[str, ...] | None) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("(Latest Update October 27, 2025)", "October 27, 2025"),
        ("(Updated: 10:30 GMT, 3 March 2025)", "10:30 GMT, 3 March 2025"),
        ("Published on Monday, 2025-03-03", "Monday, 2025-03-03"),
        ("Updated figures show 45 countries signed.", None),
        ("Published by the ministry in 2024", None),
    ],
)
def test_stamp_text(line: str, stamp: str | None) -> None:
    assert stamp_text(line) == stamp


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Jane Doe", "byline"),
        ("(Updated: March 3, 2025)", "meta"),
        ("Tuesday, 4 March 2025", "meta"),
        ("On March 4, 2025 the talks resumed.", "paragraph"),
        ("An ordinary sentence.", "paragraph"),
    ],
)
def test_classify(line: str, kind: str) -> None:
    assert classify(line) == kind


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("📍 Town Hall, Springfield", "Where: Town Hall, Springfield"),
        ("🗓️ June 1-3", "When: June 1-3"),
        ("⏰ 9:30 local time", "Time: 9:30 local time"),
        ("👩🏽‍💻 Coders meet", "Coders meet"),
        ("No marker here", None),
        ("📍", None),
    ],
)
def test_without_emoji_marker(line: str, rest: str | None) -> None:
    assert without_emoji_marker(line) == rest


def test_shorten() -> None:
    assert shorten("short") == "short"
    cut = shorten("word " * 40, 30)
    assert cut == "word word word word word word…"
    assert len(cut) <= 30


def test_corpus_never_imports_whoosh_or_textual() -> None:
    code = (
        "import sys, treatytui.corpus, treatytui.corpus.loading;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'whoosh', 'textual'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
