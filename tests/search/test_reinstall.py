"""After a reinstall into another environment the seeds are found by id, not by an old path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from treatytui.collection import Collection, is_bundled_seeds
from treatytui.config import seeds_dir
from treatytui.search.indexer import refresh
from treatytui.search.searcher import Searcher


def _install(base: Path, env: str) -> Path:
    """A copy of the seeds where an installed package keeps them."""
    folder = base / env / "lib" / "python3.12" / "site-packages" / "treatytui" / "seeds"
    shutil.copytree(seeds_dir(), folder)
    return folder


def test_moved_seeds_keep_their_ids_and_get_the_new_paths(tmp_path: Path) -> None:
    old = _install(tmp_path, "venv-a")
    index = tmp_path / "index"
    refresh(index, [old], workers=1)
    shutil.rmtree(tmp_path / "venv-a")  # the old environment is deleted
    new = _install(tmp_path, "venv-b")
    report = refresh(index, [new], workers=1)
    assert not report.added and not report.removed  # the same articles, by id
    searcher = Searcher(index)
    try:
        hits = searcher.search("hanoi").hits
    finally:
        searcher.close()
    assert hits and all(Path(hit.path).parent == new for hit in hits)
    assert all(hit.id.startswith("seeds/") for hit in hits)
    assert refresh(index, [new], workers=1).unchanged == len(list(new.glob("*.txt")))


def test_collection_never_remembers_the_bundled_seeds_by_path(tmp_path: Path) -> None:
    stale = tmp_path / "gone" / "lib" / "python3.12" / "site-packages" / "treatytui" / "seeds"
    news = tmp_path / "news"
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "collection.json").write_text(
        json.dumps({"paths": [str(stale), str(news)], "include_seeds": True})
    )
    collection = Collection.load(tmp_path / "index")
    assert collection.roots() == [seeds_dir(), news]
    collection.add([seeds_dir()])
    collection.save()
    saved = json.loads((tmp_path / "index" / "collection.json").read_text())
    assert saved["paths"] == [str(news)] and saved["include_seeds"] is True


def test_what_counts_as_the_bundled_seeds(tmp_path: Path) -> None:
    assert is_bundled_seeds(seeds_dir())
    assert is_bundled_seeds(Path("/opt/v/lib/python3.11/site-packages/treatytui/seeds"))
    assert not is_bundled_seeds(tmp_path / "treatytui" / "seeds")  # a user's own folder
    assert not is_bundled_seeds(tmp_path / "seeds")
