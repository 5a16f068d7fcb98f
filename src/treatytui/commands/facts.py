"""`treatytui facts [FILE...]`: the facts of article files, or of every indexed article."""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from treatytui.commands.common import (
    EXIT_ERROR,
    EXIT_NOTHING,
    EXIT_OK,
    fail,
    index_dir,
    stderr,
    stdout,
    unicode_output,
    write_stream,
    yaml_output,
)
from treatytui.commands.session import open_searcher
from treatytui.corpus.loading import load_article
from treatytui.corpus.reading import SkipFile
from treatytui.facts import article_facts_json, extract
from treatytui.facts.model import FACT_KINDS, KIND_TITLES, QUALIFIER_PHRASES, group_header
from treatytui.textsafety import one_line, visible
from treatytui.views.dates import fact_date_label
from treatytui.views.export import json_array

CSV_COLUMNS = ("path", "title", "published", "kind", "text", "start", "end", "sentence")


def _from_files(files: list[str], problems: list[str]) -> Iterator[dict[str, Any]]:
    for name in files:
        path = Path(name)
        try:
            article = load_article(path)
        except SkipFile as skip:
            problems.append(f"{name}: {skip.reason}")
            continue
        except OSError as error:
            problems.append(f"{name}: {error.strerror or error}")
            continue
        yield article_facts_json(article, extract(article), name)


def _from_index(args: argparse.Namespace) -> Iterator[dict[str, Any]] | None:
    """Every indexed article's facts, by id, read one article at a time as printed."""
    searcher = open_searcher(index_dir(args), stderr())
    if searcher is None:
        return None
    try:
        stored = searcher.stream_facts(by_id=True)  # reads on with the searcher closed
    finally:
        searcher.close()
    # The stored facts carry the title and date the contract needs; no text is read.
    return (article_facts_json(article, article.facts, article.id) for article in stored)


def describe(fact: dict[str, Any]) -> str:
    """A fact's value in words, for the table."""
    kind = fact["kind"]
    if kind == "date":
        if not fact.get("date_from"):  # year_known: false
            return fact_date_label(fact, fact["text"])
        end = f" – {fact['date_to']}" if fact.get("date_to") else ""
        return f"{fact['date_from']}{end} ({fact['precision']})"
    if kind == "count":
        qualifier = QUALIFIER_PHRASES.get(fact["qualifier"], "")
        return " ".join(p for p in (qualifier, str(fact["value"]), fact["unit"]) if p)
    if kind == "person":
        return f"{fact['name']} — {fact['role']}" if fact.get("role") else fact["name"]
    if kind == "organization":
        return f"{fact['name']} ({fact['acronym']})" if fact.get("acronym") else fact["name"]
    return str(fact.get("name", fact["text"]))


def _grouped(facts: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """Facts with the same value as one entry: the value and the distinct ways it is written."""
    groups: dict[str, list[str]] = {}
    for fact in facts:
        written = groups.setdefault(describe(fact), [])
        if fact["text"] not in written:
            written.append(fact["text"])
    return list(groups.items())


def _print_tables(documents: Iterable[dict[str, Any]]) -> None:
    out = stdout()
    for document in documents:
        heading = Text(one_line(document["title"] or "") or visible(document["path"]), style="bold")
        heading.append(f"  {visible(document['path'])}", style="dim")
        out.print(heading)
        for kind in FACT_KINDS:
            facts = [f for f in document["facts"] if f["kind"] == kind]
            if not facts:
                continue
            grouped = _grouped(facts)
            table = Table(
                title=group_header(kind, KIND_TITLES[kind], len(grouped), len(facts)),
                title_justify="left",
                show_header=False,
                box=None,
                padding=(0, 2),
            )
            table.add_column("value", ratio=3)
            table.add_column("as written", style="dim", ratio=2)
            for value, written in grouped:
                shown = [w for w in written if w != value]
                table.add_row(Text(one_line(value)), Text(one_line(" · ".join(shown))))
            out.print(table)
        out.print()


def _rows(documents: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for document in documents:
        for fact in document["facts"]:
            row = {
                "path": document["path"],
                "title": document["title"],
                "published": document["published"],
                "kind": fact["kind"],
                "text": fact["text"],
                "start": fact["span"][0],
                "end": fact["span"][1],
                "sentence": fact["sentence"],
            }
            row.update(
                {k: v for k, v in fact.items() if k not in ("kind", "text", "span", "sentence")}
            )
            yield row


def to_csv(documents: list[dict[str, Any]]) -> str:
    """One row per fact, the kind's own fields as extra columns."""
    rows = list(_rows(documents))
    extra = sorted({key for row in rows for key in row} - set(CSV_COLUMNS))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*CSV_COLUMNS, *extra], lineterminator="\n")
    writer.writeheader()
    # Text cells come from clean text; a path may hold anything a file name can.
    writer.writerows(
        {k: visible(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows
    )
    return buffer.getvalue()


def run_facts(args: argparse.Namespace) -> int:
    """Print the facts of ``args.files`` (or of the whole index).

    Exit status: 0 when some fact was printed, 1 when none, 2 when a file could not be read
    or there is no index.
    """
    output = args.format or ("json" if args.json else "table")
    problems: list[str] = []
    if args.files:
        stream: Iterator[dict[str, Any]] | None = _from_files(args.files, problems)
    else:
        stream = _from_index(args)
        if stream is None:
            return EXIT_ERROR
    found = False

    def noted(documents: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        nonlocal found
        for document in documents:
            found = found or bool(document["facts"])
            yield document

    documents = noted(stream)
    if output == "json":  # printed as read: an article at a time
        write_stream(json_array(documents, ascii_only=not unicode_output()))
    elif output == "yaml":
        yaml_output(list(documents))
    elif output == "csv":  # the columns are known once every fact has been seen
        print(to_csv(list(documents)), end="")
    else:
        _print_tables(documents)
    for problem in problems:
        fail(problem)
    if problems:
        return EXIT_ERROR
    return EXIT_OK if found else EXIT_NOTHING
