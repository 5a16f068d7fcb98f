"""The collection views' rows, stored beside the index: read in order, a group at a time.

A timeline must list events in date order and a figures view group by group; built from
the stored facts, both had to read every article first (37 s at 100,000 articles before
the first byte of ``timeline --json``, and the whole collection's facts in memory). Here
each article's dated mentions and figures (``viewrows``) are written once, when it is
indexed, into a SQLite database in the generation's folder, with an index on what each
view is read in: the timeline reads its dates oldest first and the mentions of one day
range at a time, the figures view one group at a time in the order it lists them.

The content words that are too common to tell events apart are counted as rows change
(per word: the mentions of a date value stated more than once that hold it), so that a
timeline of the whole collection knows them before its first row. A refresh counts only
the words of the mentions it adds and removes (a date value's other mentions are read only
when it goes from one mention to more, or back); the figures of a changed group and date
are marked again from the two highest lows and two lowest highs of their bounds, found by
index, and those that cross them: a refresh of one article reads a few rows, not the
collection's (at 100,000 articles the undated figures of one group are a quarter of a
million).

The database is stamped, in the transaction that changes it, with the Whoosh generation
it describes, just after Whoosh's commit (like the manifest). A reader uses it only when
the stamp matches the index it reads (and this module's ``VERSION``); otherwise the views
are built from the stored facts as before, and the next refresh fills it again from the
index. WAL journal: a reader (a ``timeline --json | less`` left open) never blocks a
refresh, and reads the state it began with.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import resource
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, ParamSpec, TypeVar

from treatytui.search.location import VIEW_ROWS, IndexLocation, create_file
from treatytui.search.shared_sqlite import connect_for_reading
from treatytui.search.viewrows import (
    FIGURE_KINDS,
    TIMELINE_KINDS,
    content_words,
    covered_days,
    dated_mentions,
    figure_bounds,
    figure_fields,
)

if TYPE_CHECKING:
    from treatytui.search.documents import ArticleFacts

VERSION = 3  # of what the rows hold and how they are derived: bump when either changes
VIEW_KINDS = TIMELINE_KINDS | FIGURE_KINDS

_SCHEMA = """
CREATE TABLE IF NOT EXISTS stamp (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    generation INTEGER NOT NULL,
    version INTEGER NOT NULL,
    shared INTEGER NOT NULL  -- dated mentions whose date value has more than one
);
CREATE TABLE IF NOT EXISTS articles (
    number INTEGER PRIMARY KEY,  -- in the order they were indexed (the index's order)
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    source TEXT,
    published INTEGER NOT NULL,  -- a day number, 0: none
    url TEXT
);
CREATE TABLE IF NOT EXISTS dates (
    key INTEGER PRIMARY KEY,
    date_from INTEGER NOT NULL,
    date_to INTEGER NOT NULL,  -- 0: the same day as date_from
    precision TEXT NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    UNIQUE (date_from, date_to, precision)
);
CREATE INDEX IF NOT EXISTS dates_order ON dates (first, last DESC);
CREATE TABLE IF NOT EXISTS dated (
    article INTEGER NOT NULL,
    position INTEGER NOT NULL,
    key INTEGER NOT NULL,
    start INTEGER NOT NULL,
    stop INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    venues TEXT NOT NULL,  -- a JSON list
    words TEXT NOT NULL,  -- space-separated
    PRIMARY KEY (article, position)
);
CREATE INDEX IF NOT EXISTS dated_key ON dated (key, article, position);
CREATE TABLE IF NOT EXISTS words (
    word TEXT PRIMARY KEY,
    shared INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS figures (
    number INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    unit TEXT NOT NULL,
    verb TEXT NOT NULL,
    undated INTEGER NOT NULL,
    date_from INTEGER NOT NULL,
    date_to INTEGER NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    value REAL NOT NULL,
    value_to REAL,
    qualifier TEXT NOT NULL,
    written_unit TEXT NOT NULL,
    precision TEXT NOT NULL,
    dated_by TEXT NOT NULL,
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    stop INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    disagrees INTEGER NOT NULL DEFAULT 0,  -- meets no other figure of its group and date
    low REAL NOT NULL,  -- the values it allows (``figure_bounds``)
    high REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS figures_article ON figures (article);
CREATE INDEX IF NOT EXISTS figures_low ON figures (role, unit, verb, date_from, date_to, low);
CREATE INDEX IF NOT EXISTS figures_high ON figures (role, unit, verb, date_from, date_to, high);
CREATE INDEX IF NOT EXISTS figures_marked ON figures (role, unit, verb, date_from, date_to)
    WHERE disagrees = 1;
CREATE INDEX IF NOT EXISTS figures_order ON figures
    (role, unit, verb, undated, date_from, value, article_id, start, article, position);
"""
_MAX_VARIABLES = 500  # ids a statement names at once


def _day(value: date | None) -> int:
    return value.toordinal() if value else 0


class Cited(NamedTuple):
    """An article as a view cites it."""

    id: str
    title: str
    source: str | None
    published: date | None
    url: str | None


def _cited(row: tuple[Any, ...]) -> Cited:
    number_id, title, source, published, url = row
    return Cited(number_id, title, source, date.fromordinal(published) if published else None, url)


class DatedRow(NamedTuple):
    """A stored dated mention, with its article."""

    order: tuple[int, int]  # (article, position): the order the index lists them in
    date_from: date
    date_to: date | None
    precision: str
    article: Cited
    start: int
    end: int
    text: str
    sentence: str
    venues: tuple[str, ...]
    words: tuple[str, ...]


class FigureRow(NamedTuple):
    """A stored figure, with its article."""

    number: int
    value: float
    value_to: float | None
    strings: tuple[str, str, str, str, str, str, str]  # as ``figure_fields`` gives them
    date_from: date | None
    date_to: date | None
    article: Cited
    start: int
    end: int
    text: str
    sentence: str
    disagrees: bool  # with another figure of the whole collection (group, date)


_SQLITE_IOERR, _SQLITE_FULL = 10, 13
P = ParamSpec("P")
R = TypeVar("R")


def _os_error(error: sqlite3.Error) -> OSError | None:
    """The OS error a failed write of SQLite's stands for, when it is a want of room: the
    disk (SQLITE_FULL), or a write past the file-size limit (``ulimit -f``: SQLite says
    only "disk I/O error"), so that the indexer says so as for its other files."""
    code = getattr(error, "sqlite_errorcode", None)
    if code == _SQLITE_FULL:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    limited = resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY
    if code is not None and code & 0xFF == _SQLITE_IOERR and limited:
        return OSError(errno.EFBIG, os.strerror(errno.EFBIG))
    return None


def _writing(method: Callable[P, R]) -> Callable[P, R]:
    """``method``, with a want of room raised as the ``OSError`` it is."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except sqlite3.OperationalError as error:
            cause = _os_error(error)
            if cause is None:
                raise
            raise cause from error

    return wrapped


def _connect(path: Path) -> sqlite3.Connection:
    create_file(path)
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        # The stamp only: the other tables are made by a writer that finds the stamp is
        # not its own (those of an earlier version may not take this version's indexes).
        connection.execute(_SCHEMA.split(";\n", 1)[0])
    except BaseException:
        connection.close()
        raise
    return connection


class _KeyChange:
    """What a transaction did to the mentions of one date value: how many it had before,
    and (when it had more than one, so that they counted) the words of those added less
    those removed; None: count them anew at commit (it had one or none: a few rows)."""

    __slots__ = ("before", "words")

    def __init__(self, before: int) -> None:
        self.before = before
        self.words: Counter[str] | None = Counter() if before >= 2 else None


_BUCKET = "role = ? AND unit = ? AND verb = ? AND date_from = ? AND date_to = ?"


class ViewRowsWriter:
    """The view rows of one generation, changed as its articles are (one transaction a
    refresh, committed with the Whoosh generation it describes)."""

    @_writing
    def __init__(self, folder: Path, generation: int) -> None:
        """Open (or create) the rows of ``folder``; ``stale`` when they do not describe
        Whoosh generation ``generation`` (they are then emptied: fill them with
        ``put`` for every article of the index)."""
        path = folder / VIEW_ROWS
        try:
            self._db = _connect(path)
            row = self._db.execute("SELECT generation, version FROM stamp").fetchone()
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError:  # not a database: made anew
            with contextlib.suppress(OSError):
                path.unlink()
            self._db = _connect(path)
            row = None
        self._db.execute("BEGIN IMMEDIATE")
        self.stale = row is None or tuple(row) != (generation, VERSION)
        if self.stale:  # made anew (an earlier version's tables may differ), in this transaction
            for table in ("stamp", "articles", "dates", "dated", "words", "figures"):
                self._db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _SCHEMA.split(";\n"):
                if statement.strip():
                    self._db.execute(statement)
        self._changes: dict[int, _KeyChange] = {}  # by date key, since the last commit
        self._empty = self.stale  # nothing to look up before the first rows
        self._buckets: set[tuple[object, ...]] = set()  # (group, date) of changed figures

    @_writing
    def put(self, article: ArticleFacts) -> None:
        """Store ``article``'s rows (in place of those of the article with its id)."""
        if not self._empty:
            self.remove(article.id)
        db = self._db
        number = db.execute(
            "INSERT INTO articles (id, title, source, published, url) VALUES (?, ?, ?, ?, ?)",
            (article.id, article.title, article.source, _day(article.published), article.url),
        ).lastrowid
        facts = article.facts
        dated = []
        for mention in dated_mentions([f for f in facts if f.kind in TIMELINE_KINDS]):
            fact = mention.fact
            words = " ".join(content_words(fact.sentence, fact.text))
            key = self._key(mention.date_from, mention.date_to, mention.precision, words)
            venues = json.dumps(sorted(mention.venues), ensure_ascii=False)
            dated.append((number, mention.position, key, fact.start, fact.end, fact.text,
                          fact.sentence, venues, words))  # fmt: skip
        if dated:
            db.executemany("INSERT INTO dated VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", dated)
        counts = [(i, f) for i, f in enumerate(facts) if f.kind == "count"]
        if counts:
            dates = [f for f in facts if f.kind == "date"]
            rows = []
            for position, count in counts:
                fields = figure_fields(article, count, dates)
                if fields is not None:
                    rows.append(self._figure(number, position, article.id, fields, count))
                    self._buckets.add((*rows[-1][2:5], rows[-1][6], rows[-1][7]))
            db.executemany(
                "INSERT INTO figures (article, position, role, unit, verb, undated, date_from,"
                " date_to, first, last, value, value_to, qualifier, written_unit, precision,"
                " dated_by, article_id, start, stop, text, sentence, low, high) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    @staticmethod
    def _figure(number: int, position: int, doc_id: str, fields: tuple, count: Any) -> tuple:
        value, value_to, strings, start, end = fields
        qualifier, unit, written_unit, verb, precision, dated_by, role = strings
        first, last = covered_days(start, end, precision) if start else (None, None)
        return (number, position, role, unit, verb, int(start is None), _day(start), _day(end),
                _day(first), _day(last), value, value_to, qualifier, written_unit, precision,
                dated_by, doc_id, count.start, count.end, count.text, count.sentence,
                *figure_bounds(value, value_to, qualifier))  # fmt: skip

    def _change(self, key: int, mentions: int) -> _KeyChange:
        """What this transaction did to date value ``key`` (which had ``mentions`` when
        it began, if this is its first change)."""
        change = self._changes.get(key)
        if change is None:
            change = self._changes[key] = _KeyChange(mentions)
        return change

    def _key(self, date_from: date, date_to: date | None, precision: str, words: str) -> int:
        """The key of a date value (made when new), one mention (of ``words``) more."""
        db = self._db
        values = (date_from.toordinal(), _day(date_to), precision)
        found = db.execute(
            "SELECT key, mentions FROM dates WHERE date_from = ? AND date_to = ? AND precision = ?",
            values,
        ).fetchone()
        if found is None:
            first, last = covered_days(date_from, date_to, precision)
            key = db.execute(
                "INSERT INTO dates (date_from, date_to, precision, first, last, mentions)"
                " VALUES (?, ?, ?, ?, ?, 0)",
                (*values, first.toordinal(), last.toordinal()),
            ).lastrowid
            mentions = 0
        else:
            key, mentions = found
        counted = self._change(key, mentions).words
        if counted is not None:
            counted.update(words.split())
        db.execute("UPDATE dates SET mentions = mentions + 1 WHERE key = ?", (key,))
        return key

    def _contribution(self, key: int) -> Counter[str] | None:
        """What the mentions of date value ``key`` add to the word counts (None: nothing,
        one mention or none); the number of mentions under the key ``""``."""
        rows = self._db.execute("SELECT words FROM dated WHERE key = ?", (key,)).fetchall()
        if len(rows) < 2:
            return None
        counted: Counter[str] = Counter(word for (words,) in rows for word in words.split())
        counted[""] = len(rows)
        return counted

    def _word_change(self, key: int, change: _KeyChange) -> Counter[str]:
        """How the word counts (and, under ``""``, the mentions counted) change with what
        this transaction did to date value ``key``."""
        if change.words is None:  # it had one mention or none: those it has now
            return self._contribution(key) or Counter()
        (now,) = self._db.execute("SELECT mentions FROM dates WHERE key = ?", (key,)).fetchone()
        if now >= 2:  # counted before and now: what was added less what was removed
            delta = Counter(change.words)
            delta[""] = now - change.before
            return delta
        # Counted before, no longer: what it held then (what is left, less what was added
        # and with what was removed) goes.
        before: Counter[str] = Counter()
        for (words,) in self._db.execute("SELECT words FROM dated WHERE key = ?", (key,)):
            before.update(words.split())
        before.subtract(change.words)
        before[""] = change.before
        gone: Counter[str] = Counter()
        gone.subtract(before)
        return gone

    def _mark(self, bucket: tuple[object, ...]) -> None:
        """Mark again the figures of one group and date that disagree, as ``disagreeing``
        finds them (a figure whose range ends below the others' highest low, or begins
        above their lowest high): only the figures that cross the highest low or the
        lowest high of all can, and those are found by index."""
        db = self._db
        lows = db.execute(
            f"SELECT number, low FROM figures WHERE {_BUCKET} ORDER BY low DESC LIMIT 2", bucket
        ).fetchall()
        marks: set[int] = set()
        if len(lows) == 2:
            highs = db.execute(
                f"SELECT number, high FROM figures WHERE {_BUCKET} ORDER BY high LIMIT 2", bucket
            ).fetchall()
            (top, top_low), (_top, next_low) = lows
            (bottom, bottom_high), (_bottom, next_high) = highs
            crossing = set(db.execute(
                f"SELECT number, low, high FROM figures WHERE {_BUCKET} AND high < ?",
                (*bucket, top_low)))  # fmt: skip
            crossing.update(db.execute(
                f"SELECT number, low, high FROM figures WHERE {_BUCKET} AND low > ?",
                (*bucket, bottom_high)))  # fmt: skip
            for number, low, high in crossing:  # (the others' bounds: its own left out)
                others_low = next_low if number == top else top_low
                others_high = next_high if number == bottom else bottom_high
                if high < others_low or low > others_high:
                    marks.add(number)
        marked = {number for (number,) in db.execute(
            f"SELECT number FROM figures WHERE {_BUCKET} AND disagrees = 1", bucket)}  # fmt: skip
        changed = [(1, n) for n in marks - marked] + [(0, n) for n in marked - marks]
        db.executemany("UPDATE figures SET disagrees = ? WHERE number = ?", changed)

    @_writing
    def remove(self, article_id: str) -> None:
        """Drop the rows of the article with this id (if any)."""
        db = self._db
        found = db.execute("SELECT number FROM articles WHERE id = ?", (article_id,)).fetchone()
        if found is None:
            return
        number = found[0]
        for key, words, mentions in db.execute(
            "SELECT m.key, m.words, d.mentions FROM dated m JOIN dates d ON d.key = m.key"
            " WHERE m.article = ?",
            (number,),
        ).fetchall():
            counted = self._change(key, mentions).words
            if counted is not None:
                counted.subtract(words.split())
            db.execute("UPDATE dates SET mentions = mentions - 1 WHERE key = ?", (key,))
        db.execute("DELETE FROM dated WHERE article = ?", (number,))
        self._buckets.update(db.execute(
            "SELECT role, unit, verb, date_from, date_to FROM figures WHERE article = ?",
            (number,)))  # fmt: skip
        db.execute("DELETE FROM figures WHERE article = ?", (number,))
        db.execute("DELETE FROM articles WHERE number = ?", (number,))

    @_writing
    def commit(self, generation: int) -> None:
        """Count the changed words, stamp the rows with Whoosh generation ``generation``
        and commit."""
        db = self._db
        delta: Counter[str] = Counter()
        for key, change in self._changes.items():
            delta.update(self._word_change(key, change))
        shared = delta.pop("", 0)
        changes = [(word, n) for word, n in delta.items() if n]
        db.executemany(
            "INSERT INTO words VALUES (?, ?) ON CONFLICT (word) DO UPDATE"
            " SET shared = shared + excluded.shared",
            changes,
        )
        db.execute("DELETE FROM words WHERE shared <= 0")
        for bucket in self._buckets:
            self._mark(bucket)
        self._buckets = set()
        db.execute("DELETE FROM dates WHERE mentions <= 0")
        total = db.execute("SELECT shared FROM stamp").fetchone()
        db.execute(
            "INSERT OR REPLACE INTO stamp VALUES (1, ?, ?, ?)",
            (generation, VERSION, (total[0] if total else 0) + shared),
        )
        db.execute("COMMIT")
        self._changes = {}
        self.filled()  # (rows now to replace, if the writer goes on)
        db.execute("BEGIN IMMEDIATE")

    def filled(self) -> None:
        """Say that the rows are no longer empty: an article put from now on may have
        rows already (looked up and replaced)."""
        self._empty = False

    def close(self) -> None:
        """Close, dropping what was not committed."""
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("ROLLBACK")
        self._db.close()


def whoosh_generation(folder: Path) -> int | None:
    """The latest Whoosh generation in ``folder`` (None: no index there)."""
    from whoosh.filedb.filestore import FileStorage

    from treatytui.search.location import WHOOSH_INDEX_NAME

    try:
        return FileStorage(str(folder)).open_index(WHOOSH_INDEX_NAME).latest_generation()
    except Exception:  # (Whoosh raises many kinds: any of them means none to read)
        return None


def stored_view_facts(fields: dict[str, Any]) -> ArticleFacts:
    """What the views read of a document's fields (as written or as stored)."""
    from treatytui.search.documents import stored_facts

    return stored_facts(fields, VIEW_KINDS)


def fill_from_index(writer: ViewRowsWriter, index: Any) -> None:
    """``put`` every article of the Whoosh ``index`` (in its order), from its stored facts;
    the writer then replaces the rows of an article put again (one the refresh changes)."""
    with index.reader() as reader:
        for _number, fields in reader.iter_docs():
            writer.put(stored_view_facts(fields))
    writer.filled()


class ViewRows:
    """The stored rows of the live index, read in one snapshot (``open`` or None)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._cited: dict[int, Cited] = {}

    @classmethod
    def open(cls, index_root: Path) -> ViewRows | None:
        """The rows of the live generation of the index in ``index_root``, when they
        describe it as it is now; None otherwise (build the views from the facts)."""
        folder = IndexLocation(index_root).live_generation()
        if folder is None or not (folder / VIEW_ROWS).is_file():
            return None
        generation = whoosh_generation(folder)
        try:
            db = connect_for_reading(folder / VIEW_ROWS)
        except (sqlite3.Error, OSError, ValueError):
            return None
        try:
            db.execute("PRAGMA query_only = 1")
            db.execute("BEGIN")
            stamp = db.execute("SELECT generation, version FROM stamp").fetchone()
        except sqlite3.Error:
            db.close()
            return None
        if stamp is None or tuple(stamp) != (generation, VERSION):
            db.close()
            return None
        return cls(db)

    def close(self) -> None:
        """End the snapshot."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def article_count(self) -> int:
        """How many articles the index holds."""
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def all_ids(self) -> list[str]:
        """The ids of every article."""
        return [doc_id for (doc_id,) in self._db.execute("SELECT id FROM articles")]

    def article_numbers(self, ids: Iterable[str]) -> set[int]:
        """The numbers of the articles with these ids."""
        wanted = set(ids)
        return {n for n, doc_id in self._db.execute("SELECT number, id FROM articles")
                if doc_id in wanted}  # fmt: skip

    # -- the timeline ---------------------------------------------------------------------
    def common_words(
        self, fraction: float, minimum: int, articles: set[int] | None = None
    ) -> frozenset[str]:
        """The content words held by more than ``fraction`` of the dated mentions whose
        date value has more than one (of ``articles``, or all), once they are at least
        ``minimum``."""
        if articles is None:
            (total,) = self._db.execute("SELECT shared FROM stamp").fetchone()
            if total < minimum:
                return frozenset()
            found = self._db.execute("SELECT word FROM words WHERE shared > ?", (fraction * total,))
            return frozenset(word for (word,) in found)
        firsts: dict[int, str | None] = {}  # per key: the first mention's words, None: more
        counted: Counter[str] = Counter()
        total = 0
        for key, article, words in self._db.execute("SELECT key, article, words FROM dated"):
            if article not in articles:
                continue
            if key not in firsts:
                firsts[key] = words
                continue
            earlier = firsts[key]
            if earlier is not None:
                counted.update(earlier.split())
                total += 1
                firsts[key] = None
            counted.update(words.split())
            total += 1
        if total < minimum:
            return frozenset()
        return frozenset(word for word, n in counted.items() if n > fraction * total)

    def dated(
        self, low: date | None = None, high: date | None = None, articles: set[int] | None = None
    ) -> Iterator[DatedRow]:
        """The dated mentions (of ``articles``, or all) whose days meet ``low``..``high``,
        by first day, then last day latest first; in the index's order for each date."""
        where, values = [], []
        if low is not None:
            where.append("d.last >= ?")
            values.append(low.toordinal())
        if high is not None:
            where.append("d.first <= ?")
            values.append(high.toordinal())
        query = (
            "SELECT d.date_from, d.date_to, d.precision, m.article, m.position, m.start,"
            " m.stop, m.text, m.sentence, m.venues, m.words, a.id, a.title, a.source,"
            " a.published, a.url FROM dates d CROSS JOIN dated m ON m.key = d.key"
            " CROSS JOIN articles a ON a.number = m.article"  # (CROSS: in this order)
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.first, d.last DESC, d.key, m.article, m.position"
        )
        for row in self._db.execute(query, values):
            (date_from, date_to, precision, article, position, start, end, text, sentence,
             venues, words) = row[:11]  # fmt: skip
            if articles is not None and article not in articles:
                continue
            cited = self._cited_article(article, row[11:])
            yield DatedRow(
                (article, position),
                date.fromordinal(date_from),
                date.fromordinal(date_to) if date_to else None,
                precision,
                cited,
                start,
                end,
                text,
                sentence,
                tuple(json.loads(venues)) if venues != "[]" else (),
                tuple(words.split()),
            )

    def _cited_article(self, article: int, columns: tuple[Any, ...]) -> Cited:
        """The cited article ``article`` from its row's article columns, made once (a few
        thousand kept: rows come grouped by date or group, not by article)."""
        cited = self._cited.get(article)
        if cited is None:
            if len(self._cited) > 4096:
                self._cited.clear()
            cited = self._cited[article] = _cited(columns)
        return cited

    # -- figures --------------------------------------------------------------------------
    def figure_groups(self) -> list[tuple[str, str, str]]:
        """The (role, unit, verb) of every group of figures."""
        return [tuple(row) for row in self._db.execute(
            "SELECT DISTINCT role, unit, verb FROM figures ORDER BY role, unit, verb")]  # fmt: skip

    def figures(
        self, group: tuple[str, str, str], articles: set[int] | None = None
    ) -> Iterator[FigureRow]:
        """The figures of ``group`` (of ``articles``, or all), in the order a figures view
        lists them: dated ones by date, then value, article id and place in the text."""
        rows = self._db.execute(
            "SELECT f.number, value, value_to, qualifier, unit, written_unit, verb, precision,"
            " disagrees,"
            " dated_by, role, undated, date_from, date_to, article, start, stop, text, sentence,"
            " a.id, a.title, a.source, a.published, a.url"
            " FROM figures f CROSS JOIN articles a ON a.number = f.article"
            " WHERE role = ? AND unit = ? AND verb = ?"
            " ORDER BY undated, date_from, value, article_id, start, article, position",
            group,
        )
        for row in rows:
            (number, value, value_to, qualifier, unit, written_unit, verb, precision,
             disagrees, dated_by, role, undated, date_from, date_to, article, start, end,
             text, sentence) = row[:19]  # fmt: skip
            if articles is not None and article not in articles:
                continue
            cited = self._cited_article(article, row[19:])
            yield FigureRow(
                number,
                value,
                value_to,
                (qualifier, unit, written_unit, verb, precision, dated_by, role),
                None if undated else date.fromordinal(date_from),
                date.fromordinal(date_to) if date_to else None,
                cited,
                start,
                end,
                text,
                sentence,
                bool(disagrees),
            )

    def figure_counts(self, group: tuple[str, str, str]) -> tuple[int, int]:
        """How many figures ``group`` has, and how many of them disagree (all articles)."""
        count, marked = self._db.execute(
            "SELECT COUNT(*), TOTAL(disagrees) FROM figures"
            " WHERE role = ? AND unit = ? AND verb = ?",
            group,
        ).fetchone()
        return count, int(marked)

    def figure_bounds(
        self, group: tuple[str, str, str], articles: set[int] | None = None
    ) -> Iterator[tuple[int, int, int, float, float | None, str]]:
        """(number, date from, date to, value, value to, qualifier) of ``group``'s figures:
        what their disagreements are found from."""
        rows = self._db.execute(
            "SELECT number, date_from, date_to, value, value_to, qualifier, article"
            " FROM figures WHERE role = ? AND unit = ? AND verb = ?",
            group,
        )
        for *fields, article in rows:
            if articles is None or article in articles:
                yield tuple(fields)  # type: ignore[misc]
