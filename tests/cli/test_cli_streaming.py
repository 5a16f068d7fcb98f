"""`facts --json`, `timeline --json` and `figures --json` write their output as they read:
the first piece is written before the second article (or row) is read, and the whole is
the same JSON array as before."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from treatytui.cli import main
from treatytui.search.searcher import Searcher
from treatytui.textsafety import json_text
from treatytui.views.export import json_array, stream_figures, stream_timeline, yaml_list
from treatytui.views.figures import build_figures
from treatytui.views.timeline import build_timeline


class Counting:
    """An iterable that notes how many of its items have been read."""

    def __init__(self, items: Any) -> None:
        self.items = items
        self.read = 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.read += 1
            yield item


@pytest.mark.parametrize("items", [[], [{"a": [1, 2], "b": "x\ny\u2028"}], [{"a": 1}, {"b": {}}]])
def test_json_array_is_the_json_of_the_list(items: list[Any]) -> None:
    assert "".join(json_array(items)) == json_text(items) + "\n"
    assert "".join(json_array(items, ascii_only=True)) == json_text(items, ascii_only=True) + "\n"


def test_json_array_writes_the_first_item_before_reading_the_second() -> None:
    items = Counting({"n": n} for n in range(100))
    pieces = json_array(items)
    first = next(pieces)
    assert items.read == 1 and first.startswith("[")
    assert json.loads(first + "".join(pieces)) == [{"n": n} for n in range(100)]


def test_exports_stream_a_row_at_a_time(collection_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "views"))
    from views_articles import load_test_articles

    articles = load_test_articles(collection_dir)
    rows, groups = build_timeline(articles), build_figures(articles)
    for stream, entries in ((stream_timeline, rows), (stream_figures, groups)):
        for fmt in ("json", "yaml", "csv"):
            counted = Counting(entries)
            pieces = stream(counted, fmt)  # type: ignore[operator]
            next(pieces)
            assert counted.read <= 1, (stream.__name__, fmt)
            list(pieces)
            assert counted.read == len(entries)
    assert "".join(yaml_list([])) == "[]\n"


def test_facts_json_of_the_index_is_written_as_it_is_read(
    seed_index: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_when_written: list[int] = []
    counter: list[Counting] = []
    original = Searcher.stream_facts

    def counted(self: Searcher, *args: Any, **kwargs: Any) -> Counting:
        counter.append(Counting(original(self, *args, **kwargs)))
        return counter[0]

    import treatytui.commands.common as common

    written = common.sys.stdout.write

    def write(text: str) -> int:
        read_when_written.append(counter[0].read if counter else 0)
        return written(text)

    monkeypatch.setattr(Searcher, "stream_facts", counted)
    monkeypatch.setattr(common.sys.stdout, "write", write)
    assert main(["--index", str(seed_index), "facts", "--json"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert read_when_written[0] == 1  # the first article, printed before the second is read
    assert counter[0].read == len(documents) > 1
    ids = [document["path"] for document in documents]
    assert ids == sorted(ids)
    searcher = Searcher(seed_index)
    try:
        expected = sorted(original(searcher), key=lambda article: article.id)
    finally:
        searcher.close()
    assert ids == [article.id for article in expected]


def test_a_long_list_inside_an_item_is_written_as_it_is_read() -> None:
    # A figures group of 100,000 figures, a timeline row of many mentions: one item of
    # the array, written a figure at a time.
    inner = Counting({"figure": n, "nested": {"k": [n]}} for n in range(50))
    pieces = json_array([{"unit": "countries", "figures": iter(inner), "n": 2}])
    text = ""
    while inner.read < 2:
        text += next(pieces)
    assert inner.read == 2
    text += "".join(pieces)
    expected = [{"unit": "countries", "figures": [
        {"figure": n, "nested": {"k": [n]}} for n in range(50)], "n": 2}]  # fmt: skip
    assert text == json_text(expected) + "\n"
