"""The figures screen: participant counts compared across outlets, disagreements marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from treatytui.app.screens.collection_view import CollectionViewScreen
from treatytui.textsafety import one_line
from treatytui.views.dates import DateRange
from treatytui.views.export import export_figures
from treatytui.views.figures import (
    FIGURE_KINDS,
    Figure,
    FigureEntries,
    FigureGroup,
    filter_figures,
)
from treatytui.views.mentions import Mention

Entry = FigureGroup | Figure
DISAGREES = "≠"  # marks a figure that disagrees (a sign, not only a colour)


class FiguresScreen(CollectionViewScreen):
    """A heading per quantity (unit · verb), then every figure reported: date, value, source."""

    VIEW_NAME = "figures"
    KINDS = FIGURE_KINDS

    def filtered(self, data: list[FigureGroup], dates: DateRange, text: str) -> FigureEntries:
        return FigureEntries(filter_figures(data, dates, text))

    def total_entries(self, data: list[FigureGroup]) -> int:
        return sum(len(group.figures) for group in data)

    def summary(self, shown: int, total: int) -> str:
        entries = self.entries
        figures = (
            entries.figure_count
            if isinstance(entries, FigureEntries)
            else sum(1 for entry in entries if isinstance(entry, Figure))
        )
        noun = "figure" if total == 1 else "figures"
        return f"{total:,} {noun}" if figures == total else f"{figures:,} of {total:,} {noun}"

    def is_heading(self, entry: Entry) -> bool:
        return isinstance(entry, FigureGroup)

    def render_entry(self, entry: Entry, width: int) -> Text:
        if isinstance(entry, FigureGroup):
            line = Text(entry.title, style="bold underline")
            if entry.disagreements:
                line.append(f"  {DISAGREES} {entry.disagreements} disagree", style="bold")
            return line
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"  {entry.date_label or 'undated':<15}")
        line.append(f"{DISAGREES} " if entry.disagrees else "  ", style="bold")
        line.append(f"{entry.label:<26}", style="bold" if entry.disagrees else "")
        source = entry.mention.source or entry.mention.title or entry.mention.article_id
        line.append(one_line(source), style="italic")
        return line

    def mentions_of(self, entry: Entry | None) -> Sequence[Mention]:
        return (entry.mention,) if isinstance(entry, Figure) else ()

    def describe(self, entry: Entry, selected: int) -> Text:
        if isinstance(entry, FigureGroup):
            figures = len(entry.figures)
            text = Text(entry.title, style="bold")
            text.append(f" — {figures} figure{'s' if figures != 1 else ''} reported")
            if entry.disagreements:
                text.append(
                    f"\n{DISAGREES} {entry.disagreements} disagree with another figure of "
                    "the same date"
                )
            return text
        text = Text(entry.label, style="bold")
        if entry.disagrees:
            text.append(f"  {DISAGREES} disagrees with another report of this date", style="bold")
        dated = {"sentence": "date in the sentence", "published": "publication date"}
        if entry.dated_by:
            text.append(f"\n{entry.date_label} ({dated[entry.dated_by]})", style="italic")
        text.append(f"\n{entry.mention.citation}")
        text.append(f"\n{one_line(entry.mention.sentence)}", style="italic")
        return text

    def export_text(self, fmt: str) -> str:
        entries = self.entries
        groups = (
            entries.groups
            if isinstance(entries, FigureEntries)
            else [entry for entry in entries if isinstance(entry, FigureGroup)]
        )
        return export_figures(groups, fmt)  # type: ignore[arg-type]
