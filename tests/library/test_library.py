"""The headless Library: open, build when missing, refresh with progress, notice changes
by other processes (and a deleted folder), facts and view data built once per version."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from treatytui.collection import Collection
from treatytui.library import VIEWS, Library, LibraryUnavailable
from treatytui.library.views import ViewCache
from treatytui.search.documents import ArticleFacts
from treatytui.search.indexer import refresh


def _index_with(root: Path, folder: Path) -> None:
    """Remember ``folder`` beside the index in ``root`` and index it (as `treatytui index`)."""
    collection = Collection.load(root)
    collection.add([folder])
    collection.save()
    refresh(root, collection.roots())


def test_open_finds_no_index_and_open_or_build_builds_it(tmp_path: Path) -> None:
    library = Library(tmp_path / "index")
    assert not library.exists() and not library.open()
    assert library.searcher is None and library.facts() == [] and library.count() == 0
    heard: list[str] = []
    searcher = library.open_or_build(say=heard.append)
    assert searcher is library.searcher and library.exists()
    assert heard and "the bundled seeds only" in heard[0]
    assert library.search("hanoi").total >= 1
    library.close()
    assert library.searcher is None


def test_open_or_build_says_why_it_cannot(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(LibraryUnavailable, match="cannot write"):
        Library(blocker / "index").open_or_build()


def test_refresh_reports_progress_and_moves_the_searcher_on(
    tmp_path: Path, collection_dir: Path
) -> None:
    root = tmp_path / "index"
    _index_with(root, collection_dir)
    with Library(root) as library:
        assert library.open()
        before = library.count()
        timeline, articles = library.view_data("timeline")
        assert articles == before
        assert library.view_data("timeline")[0] is timeline  # built once per version
        (collection_dir / "new.txt").write_text(
            "Delegates met in Vienna\nThe talks opened in Vienna on March 3, 2026.\n",
            encoding="utf-8",
        )
        progress: list[tuple[int, int]] = []
        outcome = library.refresh(lambda done, total: progress.append((done, total)))
        assert outcome.changed and outcome.report is not None and not outcome.busy
        assert progress and progress[-1] == (1, 1)
        assert library.count() == before + 1 and library.version == 1
        assert not library.view_ready("timeline")
        rebuilt, articles = library.view_data("timeline")
        assert rebuilt is not timeline and articles == before + 1
        assert library.refresh().changed is False  # nothing new: nothing moves


def test_poll_sees_another_process_change_and_a_deleted_folder(
    tmp_path: Path, collection_dir: Path
) -> None:
    root = tmp_path / "index"
    _index_with(root, collection_dir)
    library = Library(root)
    assert library.open() and library.poll() is None
    count = library.count()
    shutil.copy(collection_dir / "hanoi-signing.txt", collection_dir / "copy.txt")
    refresh(root, Collection.load(root).roots())  # another process
    change = library.poll()
    assert change is not None and change.kind == "updated" and change.total == count + 1
    assert library.version == 1
    shutil.rmtree(root)
    change = library.poll()
    assert change is not None and change.kind == "deleted"
    assert library.poll() is None  # said once
    assert library.search("hanoi").total >= 1  # what was open is still shown
    outcome = library.refresh()
    assert outcome.built_from_nothing and "bundled seeds only" in outcome.built_from_nothing
    library.close()


def test_watch_yields_changes_until_stopped(tmp_path: Path, collection_dir: Path) -> None:
    root = tmp_path / "index"
    _index_with(root, collection_dir)
    library = Library(root)
    library.open()
    stop = threading.Event()
    shutil.copy(collection_dir / "hanoi-signing.txt", collection_dir / "copy.txt")
    refresh(root, Collection.load(root).roots())
    changes = library.watch(every=0.01, stop=stop)
    assert next(changes).kind == "updated"
    stop.set()
    assert list(changes) == []
    library.close()


def test_view_cache_keeps_no_build_begun_before_a_change(built_seed_index: Path) -> None:
    with Library(built_seed_index) as library:
        library.open()
        cache = ViewCache()
        spec = VIEWS["figures"]
        calls: list[int] = []

        def facts(query: None, kinds: object) -> list[ArticleFacts]:
            calls.append(cache.version)
            if len(calls) == 1:
                cache.invalidate()  # the index moves on while this build reads its facts
            return library.facts(query, kinds)  # type: ignore[arg-type]

        first = cache.get(spec, facts)
        assert first[1] == library.count()
        assert not cache.cached("figures")  # handed to its caller, but not kept
        second = cache.get(spec, facts)
        assert cache.cached("figures") and cache.get(spec, facts) is second
        assert len(calls) == 2
