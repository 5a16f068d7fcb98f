"""`treatytui mark ARTICLE...`: mark articles read or unread, star them, keep a note.

For scripts and tests: ``treatytui search -n 20 venue:Hanoi | treatytui mark --read -``
marks every hit read (``-`` reads one article a line, the first tab-separated field, so
piped ``search`` output works). With no change asked for, prints each article's state:
``id<TAB>read|unread<TAB>starred|-<TAB>note``.
"""

from __future__ import annotations

import argparse
import sys

from treatytui.commands.common import EXIT_ERROR, EXIT_OK, fail, index_dir, stderr
from treatytui.commands.reading import open_state, resolve_article
from treatytui.commands.session import open_searcher
from treatytui.state import ArticleKey, StateError
from treatytui.textsafety import one_line, visible


def _names(args: argparse.Namespace) -> list[str]:
    names: list[str] = []
    for name in args.articles:
        if name == "-":
            names += [line.split("\t")[0] for line in sys.stdin.read().splitlines() if line]
        else:
            names.append(name)
    return names


def run_mark(args: argparse.Namespace) -> int:
    """Change (or print) the state of each article; 2 when one is not in the index."""
    searcher = open_searcher(index_dir(args), stderr())
    if searcher is None:
        return EXIT_ERROR
    state = open_state()
    if state is None:
        searcher.close()
        return EXIT_ERROR
    status = EXIT_OK
    try:
        for name in _names(args):
            found = resolve_article(searcher, name)
            article = searcher.article(found) if found else None
            if article is None:
                status = fail(f"{name}: not an indexed article (an id or a file's path)")
                continue
            key = ArticleKey(article.article.id, article.article.content_hash)
            if args.read is not None:
                state.set_read(key, args.read)
            if args.star is not None:
                state.set_starred(key, args.star)
            if args.note is not None:
                state.set_note(key, args.note)
            if args.read is None and args.star is None and args.note is None:
                now = state.get(key)
                print(
                    "\t".join(
                        (
                            visible(now.id),
                            "read" if now.read else "unread",
                            "starred" if now.starred else "-",
                            one_line(now.note),
                        )
                    )
                )
    except (StateError, ValueError) as error:
        return fail(str(error))
    finally:
        state.close()
        searcher.close()
    return status
