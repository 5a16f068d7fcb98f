"""One bad file never ends the run: among good ones, it is skipped with its reason (or
indexed without its unusable metadata), in this process and in the worker pool."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from treatytui.cli import main
from treatytui.search import indexer, workers
from treatytui.search.indexer import refresh
from treatytui.search.searcher import Searcher

GOOD = 100


def _good_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(GOOD):
        (folder / f"{n:03d}.txt").write_text(f"Note {n}\nReport {n} on the Hanoi treaty.\n")
    return folder


def _nested_sidecar(folder: Path) -> str:
    (folder / "poison.txt").write_text("Poisoned tags\nThe Kampala meeting opened.\n")
    (folder / "poison.yaml").write_text("title: Nested\ntags: " + "[" * 50_000 + "\n")
    return "poison.txt"


def _indented_sidecar(folder: Path) -> str:
    (folder / "poison.txt").write_text("Poisoned tags\nThe Kampala meeting opened.\n")
    nested = "".join(" " * depth + f"k{depth}:\n" for depth in range(1200))
    (folder / "poison.yaml").write_text(f"title: Nested\n{nested}")
    return "poison.txt"


def _nested_front_matter(folder: Path) -> str:
    nested = "a: " + "{b: " * 30_000 + "c" + "}" * 30_000
    (folder / "poison.md").write_text(f"---\n{nested}\n---\nThe Kampala meeting opened.\n")
    return "poison.md"


def _undecodable_name(folder: Path) -> str:
    name = os.fsdecode(b"x\xff.txt")
    (folder / name).write_text("Strange name\nThe Kampala meeting opened.\n")
    return name


POISONS: dict[str, Callable[[Path], str]] = {
    "nested YAML sidecar": _nested_sidecar,
    "indented YAML sidecar": _indented_sidecar,
    "nested front matter": _nested_front_matter,
    "file name not UTF-8": _undecodable_name,
}


@pytest.fixture(params=["here", "pool"])
def where(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Index in this process, or in the worker pool."""
    if request.param == "pool":
        monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 1)
        return 2
    return 1


@pytest.mark.parametrize("poison", list(POISONS))
def test_one_poisoned_file_among_good_ones_is_still_indexed(
    tmp_path: Path, poison: str, where: int
) -> None:
    folder = _good_articles(tmp_path / "articles")
    name = POISONS[poison](folder)
    report = refresh(tmp_path / "ix", [folder], workers=where)
    assert report.total == GOOD + 1 and not report.skipped
    searcher = Searcher(tmp_path / "ix")
    assert searcher.search("Hanoi").total == GOOD
    hits = searcher.search("Kampala").hits
    assert len(hits) == 1
    if poison == "file name not UTF-8":
        assert hits[0].id == "articles/x\\xff.txt"
        assert hits[0].path.endswith("/articles/x\\xff.txt")
        # And the next refresh knows the file: nothing to do.
        assert refresh(tmp_path / "ix", [folder], workers=where).unchanged == GOOD + 1
    else:
        assert any("nested too deeply" in text for _path, text in report.warnings)
        assert Path(hits[0].path).name == name


def test_a_failure_in_one_file_is_its_skip_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: int
) -> None:
    folder = _good_articles(tmp_path / "articles")
    (folder / "poison.txt").write_text("Poisoned\nThe facts of this one break.\n")
    real_extract = indexer.extract

    def extract(article):  # a defect anywhere in the pipeline, on one file
        if article.id.endswith("poison.txt"):
            raise IndexError("list index out of range")
        return real_extract(article)

    monkeypatch.setattr(indexer, "extract", extract)
    report = refresh(tmp_path / "ix", [folder], workers=where)
    assert report.total == GOOD
    assert [(Path(path).name, reason) for path, reason in report.skipped] == [
        ("poison.txt", "could not index: IndexError: list index out of range")
    ]


@pytest.mark.parametrize("crashes", [1, 2])
def test_a_file_that_kills_its_worker_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crashes: int
) -> None:
    # As a segfault or the out-of-memory killer would: the worker process just ends.
    folder = _good_articles(tmp_path / "articles")
    poisons = [f"{n * 37 + 5:03d}.txt" for n in range(crashes)]
    real_extract = indexer.extract

    def extract(article):
        if Path(article.id).name in poisons:
            os._exit(3)
        return real_extract(article)

    monkeypatch.setattr(indexer, "extract", extract)
    monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 1)
    report = refresh(tmp_path / "ix", [folder], workers=2)
    assert report.total == GOOD - crashes
    assert sorted((Path(path).name, reason) for path, reason in report.skipped) == [
        (name, "its worker process crashed on it") for name in poisons
    ]
    assert Searcher(tmp_path / "ix").search("Hanoi").total == GOOD - crashes


def test_workers_that_crash_on_every_file_stop_the_run_and_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _good_articles(tmp_path / "articles")
    refresh(tmp_path / "ix", [folder], workers=1)
    for n in range(GOOD):
        (folder / f"{n:03d}.txt").write_text(f"Note {n}\nRevised report on the Lima treaty.\n")
    monkeypatch.setattr(indexer, "extract", lambda article: os._exit(3))
    monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 1)
    with pytest.raises(indexer.IndexUnavailable, match="crashed on 4 files in a row"):
        refresh(tmp_path / "ix", [folder], workers=2)
    searcher = Searcher(tmp_path / "ix")
    assert searcher.count() == GOOD and searcher.search("Hanoi").total == GOOD


def test_a_file_over_its_time_budget_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: int
) -> None:
    folder = _good_articles(tmp_path / "articles")
    (folder / "slow.txt").write_text("Pathological\nCleaning this takes forever.\n")
    real_extract = indexer.extract

    def extract(article):
        if article.id.endswith("slow.txt"):
            while True:  # as a quadratic cleaning stage on a 20 MB file would
                time.sleep(0.01)
        return real_extract(article)

    monkeypatch.setattr(indexer, "extract", extract)
    monkeypatch.setattr(workers, "BUDGET_SECONDS", 0.5)
    started = time.monotonic()
    report = refresh(tmp_path / "ix", [folder], workers=where)
    assert time.monotonic() - started < 20
    assert report.total == GOOD
    assert [(Path(path).name, reason) for path, reason in report.skipped] == [
        ("slow.txt", "took longer than 0.5 s to read and clean — skipped")
    ]


def test_the_summary_shows_every_skip_reason_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _good_articles(tmp_path / "articles")
    _undecodable_name(folder)
    (folder / "report\x1b[31m.pdf").write_bytes(b"%PDF-1.4")
    assert main(["--index", str(tmp_path / "ix"), "index", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "Traceback" not in err
    assert "unsupported file type" in err


def test_off_the_main_thread_a_large_file_is_read_in_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reader refreshes in a thread, where no timer signal can stop a slow file: a large
    # file then goes to a worker process, which has its time budget.
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "large.txt").write_text("Large\n" + "The treaty was signed in Hanoi.\n" * 200)
    monkeypatch.setattr(indexer, "LARGE_FILE", 1000)
    pools: list[tuple[bool, int]] = []
    real_results_of = indexer.results_of

    def results_of(work, jobs, workers, *, parallel, on_crash):
        pools.append((parallel, workers))
        return real_results_of(work, jobs, workers, parallel=parallel, on_crash=on_crash)

    monkeypatch.setattr(indexer, "results_of", results_of)
    reports = []
    thread = threading.Thread(
        target=lambda: reports.append(refresh(tmp_path / "ix", [folder], workers=1))
    )
    thread.start()
    thread.join(60)
    assert reports and reports[0].total == 1
    assert pools == [(True, 1)]
    refresh(tmp_path / "ix", [folder], rebuild=True, workers=1)  # in the main thread: here
    assert pools[-1] == (False, 1)
