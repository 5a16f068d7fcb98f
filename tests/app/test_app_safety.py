"""Article text is data: markup and terminal escapes show literally and do nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import screen_text, settle
from treatytui.app.text import visible, wrap_offsets
from treatytui.corpus.article import Article, Block
from treatytui.search.documents import IndexedArticle

EVIL = (
    "---\n"
    'title: "Evil [bold red]X[/] title \\e[2J"\n'
    'source: "[link=file:///etc/passwd]x[/link]"\n'
    "published: 2025-10-01\n"
    "---\n"
    "Markup [bold red]X[/] and a link [link=file:///etc/passwd]x[/link] in the body.\n\n"
    "A clipboard grab \x1b]52;c;ZXZpbA==\x07 and a screen clear \x1b[2J here, cybercrime.\n"
)


@pytest.fixture
def evil_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "evil.txt").write_text(EVIL, encoding="utf-8")
    return folder


def _segments(app):
    for strip in app.screen._compositor.render_strips():
        yield from strip


async def test_markup_and_escapes_in_an_article_show_literally(make_app, config_home, evil_folder):
    (config_home / "config.yaml").write_text(f"collection:\n  - {evil_folder}\n")
    app = make_app()  # indexes the evil article on start (seeds + the extra folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"cybercrime")
        await settle(pilot)
        results = app.main.search_pane.results
        index = next(i for i, h in enumerate(results.hits) if h.id.endswith("evil.txt"))
        results.highlighted = index
        results.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.viewer.indexed.article.id.endswith("evil.txt")
        text = screen_text(app)
        assert "Evil [bold red]X[/] title" in text
        assert "[link=file:///etc/passwd]x[/link]" in text
        assert "Markup [bold red]X[/] and a link" in text
        for segment in _segments(app):
            assert "\x1b" not in segment.text and "\x07" not in segment.text
            assert segment.style is None or not segment.style.link
        # The OSC 52 in the article never reached the clipboard.
        assert app.clipboard == ""


async def test_control_characters_reaching_the_viewer_are_shown_visibly(make_app):
    body = "Grab \x1b]52;c;ZXZpbA==\x07 clear \x1b[2J [red]x[/red] end."
    article = Article(
        id="raw.txt",
        path="/raw.txt",
        text=body,
        blocks=(Block("paragraph", 0, len(body)),),
        title="Raw \x1b[31mred\x1b[0m [b]title[/b]",
        source="\x9b31m src",
    )
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.main.viewer.show(IndexedArticle(article, ()), [(0, 4)])
        await pilot.pause()
        for segment in _segments(app):
            assert not any(0x00 <= ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in segment.text)
        text = screen_text(app)
        assert "␛]52;c;ZXZpbA==␇" in text and "␛[2J" in text and "[red]x[/red]" in text
        assert "Raw red [b]title[/b]" in text


def test_visible_keeps_offsets():
    raw = "a\x1b[2Jb\x07c\x9bd"
    shown = visible(raw)
    assert len(shown) == len(raw) and shown == "a␛[2Jb␇c�d"


def test_wrap_offsets_break_on_spaces_and_fold_long_words():
    text = "the quick brown fox " + "x" * 25
    starts = wrap_offsets(text, 10)
    lines = [text[a:b].rstrip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    assert lines[:2] == ["the quick", "brown fox"]
    assert all(len(line) <= 10 for line in lines)
    assert "".join(lines[2:]) == "x" * 25
