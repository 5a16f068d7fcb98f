"""Pathological files through load + clean + extract: time and peak memory per file.

    python benchmarks/bench_pathological.py                      # 1, 5 and 20 MB, every shape
    python benchmarks/bench_pathological.py --sizes 1 --shapes word-per-line deep-html
    python benchmarks/bench_pathological.py --timeout 60         # give up on a file after 60 s

Each shape is a file no article looks like but a collection may well hold (a log dump, a
table exported as text, generated HTML); the largest size is the indexer's 20 MB cap. Each
file is loaded (read, decode, clean, infer metadata) and its facts extracted in a process
of its own, so that the peak RSS reported (``VmHWM``) is that file's alone; the baseline
is the same process's RSS after the imports, before the file is read, and "load MB" the
peak when the article is loaded and cleaned, before its facts are extracted.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

MB = 1024 * 1024
WORDS = (
    "the convention against cybercrime was signed in hanoi by delegates of more than "
    "sixty states while the secretary general spoke of cooperation evidence and rights"
).split()
CAPITALISED = "Hanoi Kampala Guterres Thongloun United Nations Office Convention Laos".split()


def _repeat(unit: Callable[[random.Random], str], size: int) -> str:
    """Units from ``unit`` until ``size`` characters (all ASCII, so bytes), cut to size."""
    rng = random.Random(size)
    parts: list[str] = []
    total = 0
    while total < size:
        part = unit(rng)
        parts.append(part)
        total += len(part)
    return "".join(parts)[:size]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 18))
    return words[0].capitalize() + " " + " ".join(words[1:]) + ". "


def no_newline(size: int) -> str:
    """Prose with full stops and no line break at all: one paragraph of ``size`` bytes."""
    return _repeat(_sentence, size)


def glued(size: int) -> str:
    """Neither spaces nor line breaks: words glued by full stops ("signed.Hanoi.the")."""
    return _repeat(lambda rng: rng.choice(WORDS) + "." + rng.choice(CAPITALISED), size)


def word_per_line(size: int) -> str:
    """One lowercase word per line: every line joins the one before it."""
    return _repeat(lambda rng: rng.choice(WORDS) + "\n", size)


def no_sentence_ends(size: int) -> str:
    """Log-like lines of lowercase words, none ending a sentence."""
    return _repeat(lambda rng: " ".join(rng.choices(WORDS, k=rng.randint(4, 12))) + "\n", size)


def table(size: int) -> str:
    """A table exported as text: bordered rows of cells, numbers and names."""

    def row(rng: random.Random) -> str:
        cells = [rng.choice(CAPITALISED), str(rng.randint(1, 99999)), rng.choice(WORDS)]
        border = "+" + "+".join("-" * 12 for _ in cells) + "+\n"
        return border + "| " + " | ".join(f"{cell:<10}" for cell in cells) + " |\n"

    return _repeat(row, size)


def deep_html(size: int) -> str:
    """HTML nested as deep as it goes: a quarter of the file opening tags, then text."""
    depth = size // 4 // len("<div><span>")
    opening = "<div><span>" * depth
    closing = "</span></div>" * depth
    body = no_newline(max(0, size - len(opening) - len(closing) - 40))
    return f"<html><body>{opening}<p>{body}</p>{closing}</body></html>"[:size]


def digits_and_capitals(size: int) -> str:
    """Long runs of digits, of capitalised words and of punctuation, on long lines."""

    def run(rng: random.Random) -> str:
        kind = rng.randrange(4)
        if kind == 0:
            return "".join(rng.choices("0123456789", k=20000)) + " "
        if kind == 1:
            return " ".join(rng.choices(CAPITALISED, k=3000)) + " "
        if kind == 2:
            return rng.choice(".!?,;:-") * 5000 + " "
        return "1,000,000 " * 500 + "\n"

    return _repeat(run, size)


def markdown_marks(size: int) -> str:
    """Markdown whose marks never close: ``**``, ``[``, ``<!--``, ``~~``, backticks."""
    marks = ("**", "[", "![", "<!--", "~~", "`", "_", "*", "<a ")
    return _repeat(lambda rng: rng.choice(marks) + rng.choice(WORDS) + " ", size)


SHAPES: dict[str, tuple[Callable[[int], str], str]] = {
    "no-newline": (no_newline, ".txt"),
    "glued": (glued, ".txt"),
    "word-per-line": (word_per_line, ".txt"),
    "no-sentence-ends": (no_sentence_ends, ".txt"),
    "table": (table, ".txt"),
    "deep-html": (deep_html, ".html"),
    "digits-capitals": (digits_and_capitals, ".txt"),
    "markdown-marks": (markdown_marks, ".md"),
}


def _rss_mb() -> float:
    """This process's peak RSS: VmHWM (``ru_maxrss`` keeps the forking parent's peak)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    return int(kilobytes) / 1024


def measure_one(path: Path) -> dict[str, float]:
    """Load and extract one file in this process: seconds per stage and RSS in MB."""
    from treatytui.corpus.loading import load_article
    from treatytui.facts import extract
    from treatytui.facts.extractor import extractors

    extractors()  # the patterns compile before the clock starts
    baseline = _rss_mb()
    started = time.perf_counter()
    article = load_article(path)
    loaded = time.perf_counter()
    load_peak = _rss_mb()
    facts = extract(article)
    done = time.perf_counter()
    return {
        "load_s": loaded - started,
        "extract_s": done - loaded,
        "total_s": done - started,
        "facts": len(facts),
        "baseline_mb": baseline,
        "load_peak_mb": load_peak,
        "peak_mb": _rss_mb(),
    }


def run_one(path: Path, timeout: float) -> dict[str, float] | None:
    """``measure_one`` in a process of its own; None when it ran past ``timeout``."""
    command = [sys.executable, __file__, "--one", str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="in MB")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=300, help="seconds per file")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure_one(args.one)))
        return

    print(
        f"{'shape':<18}{'MB':>5}{'load s':>9}{'extract s':>11}{'total s':>9}"
        f"{'facts':>8}{'base MB':>9}{'load MB':>9}{'peak MB':>9}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name in args.shapes:
            make, suffix = SHAPES[name]
            for size in args.sizes:
                path = Path(folder) / f"{name}-{size:g}{suffix}"
                path.write_text(make(int(size * MB)), encoding="utf-8")
                result = run_one(path, args.timeout)
                path.unlink()
                if result is None:
                    print(f"{name:<18}{size:>5g}   (over {args.timeout:g} s, stopped)", flush=True)
                    continue
                print(
                    f"{name:<18}{size:>5g}{result['load_s']:>9.2f}{result['extract_s']:>11.2f}"
                    f"{result['total_s']:>9.2f}{result['facts']:>8.0f}"
                    f"{result['baseline_mb']:>9.0f}{result['load_peak_mb']:>9.0f}"
                    f"{result['peak_mb']:>9.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
