"""The timeline screen: every dated fact of the collection, one row per event."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from treatytui.app.screens.collection_view import CollectionViewScreen
from treatytui.textsafety import one_line
from treatytui.views.dates import DateRange
from treatytui.views.export import export_timeline
from treatytui.views.mentions import Mention
from treatytui.views.timeline import (
    TIMELINE_KINDS,
    TimelineFilter,
    TimelineRow,
    step_period,
)

DATE_WIDTH = 16


class TimelineScreen(CollectionViewScreen):
    """Date, number of articles and what was said; the sources of the row below."""

    VIEW_NAME = "timeline"
    KINDS = TIMELINE_KINDS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "jump('year', 1)", "Year", id="timeline.next-year",
                tooltip="Jump to the first event of the next year"),
        Binding("Y", "jump('year', -1)", "Prev year", show=False, id="timeline.prev-year",
                tooltip="Jump to the start of this year, then of the previous one"),
        Binding("m", "jump('month', 1)", "Month", id="timeline.next-month",
                tooltip="Jump to the first event of the next month"),
        Binding("M", "jump('month', -1)", "Prev month", show=False, id="timeline.prev-month",
                tooltip="Jump to the start of this month, then of the previous one"),
    ]  # fmt: skip

    def filtered(self, data: TimelineFilter, dates: DateRange, text: str) -> list[TimelineRow]:
        return data.apply(dates, text)

    def total_entries(self, data: TimelineFilter) -> int:
        return len(data.rows)

    def summary(self, shown: int, total: int) -> str:
        noun = "event" if total == 1 else "events"
        return f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}"

    def render_entry(self, entry: TimelineRow, width: int) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(entry.date_label.ljust(DATE_WIDTH), style="bold")
        count = entry.article_count
        line.append(f"{count:>2}× " if count > 1 else "    ", style="bold")
        line.append(one_line(entry.label))
        return line

    def mentions_of(self, entry: TimelineRow | None) -> Sequence[Mention]:
        return entry.mentions if entry is not None else ()

    def describe(self, entry: TimelineRow, selected: int) -> Text:
        count = entry.article_count
        text = Text(entry.date_label, style="bold")
        text.append(f" — {count} article{'s' if count != 1 else ''}", style="italic")
        if len(entry.mentions) > 1:
            text.append("  (←/→ choose, enter opens)", style="dim")
        for index, mention in enumerate(entry.mentions):
            mark = "▶ " if index == selected else "  "
            text.append(f"\n{mark}{mention.citation}", style="bold" if mark.strip() else "")
        chosen = entry.mentions[min(selected, len(entry.mentions) - 1)]
        text.append(f"\n{one_line(chosen.sentence)}", style="italic")
        return text

    def export_text(self, fmt: str) -> str:
        return export_timeline(self.entries, fmt)  # type: ignore[arg-type]

    def action_jump(self, unit: str, step: int) -> None:
        rows = self.rows
        if rows.rows:
            rows.cursor = step_period(rows.rows, rows.cursor, unit, step)
