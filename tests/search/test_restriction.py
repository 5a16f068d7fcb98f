"""Article ids to document numbers, both ways of finding them, and deleted documents."""

from __future__ import annotations

import shutil
from pathlib import Path

from treatytui.search.indexer import refresh
from treatytui.search.restriction import ArticleNumbers, _look_up
from treatytui.search.searcher import Searcher
from treatytui.state import IdRestriction


def test_looking_up_a_few_ids_agrees_with_the_whole_map(seed_index: Path) -> None:
    searcher = Searcher(seed_index)
    try:
        reader = searcher._whoosh.reader()
        numbers = ArticleNumbers().numbers(reader)
        assert len(numbers) == reader.doc_count() > 3
        for article_id, docnum in numbers.items():
            assert _look_up(reader, [article_id]) == [docnum]
            assert searcher._whoosh.stored_fields(docnum)["id"] == article_id
        assert _look_up(reader, ["no/such.txt"]) == []
    finally:
        searcher.close()


def test_an_edited_article_is_found_in_its_new_segment(
    collection_dir: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    refresh(index, [collection_dir], workers=1)
    edited = collection_dir / "hanoi-signing.txt"
    article_id = f"{collection_dir.name}/hanoi-signing.txt"
    edited.write_text(edited.read_text() + "\nA paragraph added later about Hanoi.\n")
    refresh(index, [collection_dir], workers=1)  # the old document is deleted, not gone
    searcher = Searcher(index)
    try:
        reader = searcher._whoosh.reader()
        (docnum,) = _look_up(reader, [article_id])
        assert ArticleNumbers().numbers(reader)[article_id] == docnum
        assert searcher._whoosh.stored_fields(docnum)["id"] == article_id
        only = searcher.search("Hanoi", ids=IdRestriction(keep=frozenset({article_id})))
        assert [hit.id for hit in only.hits] == [article_id] and only.total == 1
    finally:
        searcher.close()
    shutil.rmtree(index)
