"""Every stage of loading is linear in the size of its input, whatever the input's shape.

Each probe times a stage on an input and on four times that input (best of three, CPU
time): a linear stage takes about 4x as long, a quadratic one 16x. The bound (9x) is
loose, so that a busy machine does not fail the test and a quadratic stage still does.
The inputs are the shapes that were quadratic (benchmarks/bench_pathological.py measures
them at 1, 5 and 20 MB).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from treatytui.corpus.article import Article, Block
from treatytui.corpus.cleaning import clean
from treatytui.corpus.html_text import html_segments
from treatytui.corpus.loading import load_article
from treatytui.corpus.markdown_text import markdown_to_plain
from treatytui.facts import extract
from treatytui.facts.sentences import split_sentences

LINEAR_BOUND = 9.0


def _seconds(stage: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        stage(text)
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _facts(text: str) -> object:
    article = Article(
        id="a", path="/a", text=text, blocks=(Block("paragraph", 0, len(text)),), title="a"
    )
    return extract(article)


PROBES = {
    # one word per line: every line joins the paragraph before it
    "plain: word per line": (lambda t: clean(t), "convention\n", 40_000),
    # no space at all: glued sentence ends looked at the whole text around each
    "plain: glued, no spaces": (lambda t: clean(t), "signed.Hanoi", 20_000),
    "plain: unclosed image marks": (lambda t: clean(t), "![a ", 20_000),
    "markdown: marks that never close": (
        lambda t: markdown_to_plain(t),
        "**a [b ![c <!--d ~~e `f <http:g ",
        20_000,
    ),
    "html: tags that never close": (lambda t: html_segments("<p>" + t), "<a <!-- <![ ", 20_000),
    "html: deep nesting, stray end tags": (
        lambda t: html_segments(t + "</b>" * (len(t) // 10)),
        "<div>",
        20_000,
    ),
    "sentences: a run of full stops": (lambda t: split_sentences(t), ".", 40_000),
    "facts: titles and names": (_facts, "Ms. Jane ", 4_000),
    "facts: bracketed acronyms": (_facts, "(UNODC ", 8_000),
}


@pytest.mark.parametrize("name", PROBES)
def test_stage_is_linear(name: str) -> None:
    stage, unit, size = PROBES[name]
    small = _seconds(stage, _repeat(unit, size))
    large = _seconds(stage, _repeat(unit, 4 * size))
    assert large / small < LINEAR_BOUND, f"{name}: {small:.4f}s -> {large:.4f}s for 4x the input"


@pytest.mark.slow
def test_a_few_megabytes_of_one_word_per_line_load_and_extract(tmp_path: Path) -> None:
    """3 MB, the shape that took 20 s per 2.7 MB before and grew with the square."""
    path = tmp_path / "dump.txt"
    path.write_text(_repeat("signed the convention\nin hanoi\n", 3 * 1024 * 1024))
    started = time.monotonic()
    article = load_article(path)
    extract(article)
    assert len(article.text) > 2_000_000
    assert time.monotonic() - started < 120  # about 10 s here; quadratic took hours
