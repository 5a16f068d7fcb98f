"""`treatytui where`: where the index, the collection, the config and the seeds are."""

from __future__ import annotations

import argparse
import sys

from treatytui.commands.common import EXIT_OK, say, stdout
from treatytui.config import (
    choose_index_dir,
    config_dir,
    display_path,
    holds_index,
    other_index_hint,
    remembered_paths,
    seeds_dir,
)
from treatytui.search.location import IndexLocation
from treatytui.search.manifest import article_count
from treatytui.textsafety import one_line


def _article_count(location: IndexLocation) -> int | None:
    """How many articles the live index holds, from its manifest (no Whoosh needed)."""
    live = location.live_generation()
    return article_count(live) if live is not None else None


def where_lines(option: str | None) -> list[str]:
    """The lines `treatytui where` prints."""
    choice = choose_index_dir(option)
    root = choice.path
    if holds_index(root):
        count = _article_count(IndexLocation(root))
        state = f"{count} articles" if count is not None else "an index"
    else:
        state = "no index yet (the first command builds it)"
    lines = [f"index:       {display_path(root)} ({choice.reason}) — {state}"]
    paths = remembered_paths(root)
    lines.append(
        "collection:  the bundled seeds" + "".join(f"\n             {one_line(p)}" for p in paths)
    )
    config = config_dir() / "config.yaml"
    exists = "" if config.is_file() else " (not there: the defaults are used)"
    lines.append(f"config:      {display_path(config)}{exists}")
    lines.append(f"seeds:       {display_path(seeds_dir())}")
    hint = other_index_hint(root)
    if hint:
        lines.append(f"note:        {hint}")
    return lines


def run_where(args: argparse.Namespace) -> int:
    """Print where things live; 0."""
    sys.stdout.flush()
    console = stdout()
    for line in where_lines(getattr(args, "index", None)):
        say(console, line)
    return EXIT_OK
