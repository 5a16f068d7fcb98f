"""Labels that say what they count: facts panel headers, one theme entry, the index folder."""

from __future__ import annotations

import re

from textual.command import CommandPalette
from textual.widgets import OptionList

from conftest import open_first, settle
from treatytui.app.factlabels import count_label
from treatytui.facts.model import Fact, group_header

SIZE = (120, 36)
HEADER = re.compile(
    r"^(\d+) (dates?|venues?|counts?|person|people|organisations?)"
    r"(?:, (\d+) mentions)?$"
)


def test_group_header_counts_rows_then_mentions() -> None:
    assert group_header("person", "People", 5, 13) == "5 people, 13 mentions"
    assert group_header("person", "People", 1, 1) == "1 person"
    assert group_header("count", "Counts", 3, 3) == "3 counts"
    assert group_header("organization", "Organisations", 2, 4) == "2 organisations, 4 mentions"


def _count(text: str, lang: str, **attrs: object) -> Fact:
    return Fact("count", text, 0, len(text), text, {"lang": lang, **attrs})


def test_count_labels_read_in_one_language() -> None:
    spanish = _count(
        "más de 900 delegados", "es", value=900, qualifier="more_than", unit="delegados"
    )
    assert count_label(spanish) == "más de 900 delegados"
    english = _count(
        "more than 1200 delegates", "en", value=1200, qualifier="more_than", unit="delegates"
    )
    assert count_label(english) == "more than 1,200 delegates"
    total = _count(
        "los 193 Estados miembros", "es", value=193, unit="estados miembros", role="total"
    )
    assert count_label(total) == "los 193 Estados miembros (in total)"


async def test_facts_panel_headers_count_the_rows_shown(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_first(pilot, "Thongloun")
        panel = app.main.facts_panel
        headers: list[tuple[str, int, int]] = []  # header, rows under it, their mentions
        for index in range(panel.option_count):
            option = panel.get_option_at_index(index)
            if option.id is None:
                headers.append((str(option.prompt), 0, 0))
            else:
                header, rows, mentions = headers[-1]
                entry = panel.entries[option.id]
                headers[-1] = (header, rows + 1, mentions + len(entry.facts))
        assert len(headers) >= 4
        with_mentions = 0
        for header, rows, mentions in headers:
            match = HEADER.match(header)
            assert match, header
            assert int(match[1]) == rows, header
            assert int(match[3] or rows) == mentions, header
            with_mentions += match[3] is not None
        assert with_mentions  # the seed names some people and organisations more than once


async def _palette_names(pilot) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause(0.5)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one("CommandList", OptionList)
    names = [
        str(options.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(options.option_count)
    ]
    await pilot.press("escape")
    await pilot.pause()
    return names


async def test_palette_has_one_theme_entry_and_says_where_the_index_is(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = await _palette_names(pilot)
        assert sum("theme" in name.lower() for name in names) == 1, names
        assert any("Where is the index" in name for name in names), names
        app.action_where()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(str(app.index_root.name) in m and "Index folder" in m for m in messages)


async def test_reader_points_at_an_index_elsewhere(make_app, seed_index, tmp_path, monkeypatch):
    (seed_index / "collection.json").write_text('{"paths": ["/srv/news"]}')
    monkeypatch.setattr("treatytui.config.known_index_dirs", lambda: [seed_index])
    app = make_app(index_root=tmp_path / "empty", refresh_index=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any(f"--index {seed_index}" in m for m in warnings), warnings
        assert "No index in" in str(app.main.search_pane.query_one("#search-status").render())
