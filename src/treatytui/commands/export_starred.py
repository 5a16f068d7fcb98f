"""`treatytui export starred --format yaml|json|csv|bibtex`: the starred articles as
citations (title, source, date, url), with their ids, paths and notes.

Read from the index as it is now (an edited article is cited as it reads today); a
starred article no longer in the index is named on stderr and left out. The most
recently starred first. CSV cells a spreadsheet would run as a formula get a leading
``'``; BibTeX escapes its special characters, so any title is one valid entry.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from treatytui.commands.common import (
    EXIT_ERROR,
    EXIT_NOTHING,
    EXIT_OK,
    index_dir,
    json_output,
    say,
    stderr,
    yaml_output,
)
from treatytui.commands.reading import open_state
from treatytui.commands.session import open_searcher
from treatytui.search.documents import IndexedArticle
from treatytui.state import ArticleState
from treatytui.textsafety import one_line, visible

COLUMNS = ("title", "source", "published", "url", "id", "path", "starred", "note")
_FORMULA_START = ("=", "+", "-", "@")
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_BIBTEX_ESCAPES = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def citation(article: IndexedArticle, state: ArticleState) -> dict[str, Any]:
    """One starred article as a record of :data:`COLUMNS` (text on one line)."""
    body = article.article
    starred = datetime.fromtimestamp(state.starred_at or 0, UTC)
    return {
        "title": one_line(body.title),
        "source": one_line(body.source) if body.source else None,
        "published": body.published.isoformat() if body.published else None,
        "url": one_line(body.url) if body.url else None,
        "id": visible(body.id),
        "path": visible(body.path),
        "starred": starred.isoformat(timespec="seconds"),
        "note": one_line(state.note) if state.note else None,
    }


def csv_text(records: list[dict[str, Any]]) -> str:
    """The records as CSV with a header line."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(
            {
                key: "'" + value
                if isinstance(value, str) and value.startswith(_FORMULA_START)
                else value
                for key, value in record.items()
            }
        )
    return out.getvalue()


def _bibtex_value(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m.group(1), "\\" + m.group(1)), text)


def _bibtex_key(record: dict[str, Any], taken: set[str]) -> str:
    words = re.findall(
        r"\w+", unicodedata.normalize("NFKD", record["title"]).encode("ascii", "ignore").decode()
    )
    source = re.sub(r"\W+", "", (record["source"] or "").split()[0] if record["source"] else "")
    year = (record["published"] or "")[:4] or "nd"
    base = (source or "article").lower() + year + (words[0].lower() if words else "")
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}{chr(ord('a') + (number - 2) % 26)}{(number - 2) // 26 or ''}"
    taken.add(key)
    return key


def bibtex_text(records: list[dict[str, Any]]) -> str:
    """The records as BibTeX ``@online`` entries (biblatex; ``@misc`` readers take them)."""
    taken: set[str] = set()
    entries = []
    for record in records:
        fields = [("title", "{" + _bibtex_value(record["title"]) + "}")]
        if record["source"]:
            fields.append(("organization", _bibtex_value(record["source"])))
        if record["published"]:
            fields.append(("date", record["published"]))
            fields.append(("year", record["published"][:4]))
        if record["url"]:
            fields.append(("url", record["url"].replace("{", "%7B").replace("}", "%7D")))
            fields.append(("urldate", record["starred"][:10]))
        if record["note"]:
            fields.append(("note", _bibtex_value(record["note"])))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@online{{{_bibtex_key(record, taken)},\n{body}\n}}\n")
    return "\n".join(entries)


def run_export(args: argparse.Namespace) -> int:
    """Print the starred articles: 0 when some are, 1 when none, 2 on an error."""
    state = open_state()
    if state is None:
        return EXIT_ERROR
    try:
        starred = state.starred()
    finally:
        state.close()
    if not starred:
        say(stderr(), "no starred articles (star one in the reader, or: treatytui mark --star ID)")
        return EXIT_NOTHING
    searcher = open_searcher(index_dir(args), stderr())
    if searcher is None:
        return EXIT_ERROR
    records = []
    try:
        for item in starred:
            article = searcher.article(item.id)
            if article is None:
                say(stderr(), f"treatytui: starred {visible(item.id)} is no longer in the index")
                continue
            records.append(citation(article, item))
    finally:
        searcher.close()
    if args.format == "json":
        json_output(records)
    elif args.format == "yaml":
        yaml_output(records)
    elif args.format == "csv":
        print(csv_text(records), end="")
    else:
        print(bibtex_text(records), end="")
    return EXIT_OK if records else EXIT_NOTHING
