"""Query hits stand out: WCAG contrast in the default theme, and style without colour."""

from __future__ import annotations

from rich.color import Color
from tests.app.conftest import SIZE, open_first, settle
from textual.color import Color as TextualColor

from treatytui.app.settings import DEFAULT_THEME

BLACK = TextualColor(0, 0, 0)

MINIMUM = 4.5  # WCAG AA for text


def luminance(color: Color) -> float:
    """WCAG relative luminance of an RGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: Color, other: Color) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_hits_meet_wcag_contrast_in_the_default_theme(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == DEFAULT_THEME
        await open_first(pilot, "hanoi")
        viewer = app.main.viewer
        assert viewer.query_hits
        page = viewer.rich_style
        hit = viewer.get_component_rich_style("article-viewer--hit")
        sentence = viewer.get_component_rich_style("article-viewer--sentence")
        assert hit.color and hit.bgcolor and page.bgcolor and sentence.bgcolor
        # The hit's text is readable on it, and the hit stands out from the page and from
        # a selected sentence around it (today: 1.9:1 and 1.5:1).
        assert contrast(hit.color, hit.bgcolor) >= MINIMUM
        assert contrast(hit.bgcolor, page.bgcolor) >= MINIMUM
        assert contrast(hit.bgcolor, sentence.bgcolor) >= MINIMUM


async def test_hits_stay_visible_without_colour(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_first(pilot, "hanoi")
        viewer = app.main.viewer
        start, end = viewer.query_hits[0]
        word = viewer.indexed.article.text[start:end]
        viewer.scroll_to_offset(start)  # in view, not the current hit
        await pilot.pause()
        assert viewer.current_hit is None
        # What the terminal gets, after the no-colour filter: the hit's cells are styled
        # by attribute (reverse or underline), the text around them is not.
        styled = plain = False
        for y in range(viewer.scrollable_content_region.height):
            segments = list(viewer.render_line(y))
            for line_filter in app.get_line_filters():
                segments = line_filter.apply(segments, BLACK)
            for segment in segments:
                style = segment.style
                assert style is None or (style.color is None and style.bgcolor is None)
                marked = style is not None and bool(style.reverse or style.underline)
                if word.lower() in segment.text.lower():
                    styled = styled or marked
                elif segment.text.strip() and not marked:
                    plain = True
        assert styled and plain
