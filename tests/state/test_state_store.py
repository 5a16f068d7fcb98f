"""The reading-state database: marks, stars, notes, history, saved searches, recovery."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from treatytui.state import (
    ArticleKey,
    ReadingState,
    StateBusy,
    StateUnavailable,
    state_file,
)
from treatytui.state.store import HISTORY_LIMIT, NOTE_LIMIT


@pytest.fixture
def state(tmp_path: Path) -> ReadingState:
    with ReadingState.open(tmp_path / "state.sqlite3") as opened:
        yield opened


A = ArticleKey("news/a.txt", "hash-a")
B = ArticleKey("news/b.txt", "hash-b")


def test_the_state_file_is_in_the_per_user_state_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "st"))
    monkeypatch.delenv("TREATYTUI_STATE", raising=False)
    assert state_file() == tmp_path / "st" / "treatytui" / "state.sqlite3"
    with ReadingState.open() as opened:
        opened.set_read(A)
    assert (tmp_path / "st" / "treatytui" / "state.sqlite3").is_file()
    monkeypatch.setenv("TREATYTUI_STATE", str(tmp_path / "other.db"))
    assert state_file() == tmp_path / "other.db"


def test_a_fresh_article_is_unread_unstarred_without_a_note(state: ReadingState) -> None:
    article = state.get(A)
    assert (article.read, article.starred, article.note) == (False, False, "")


def test_read_star_and_note_are_kept_across_opening_again(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with ReadingState.open(path) as first:
        first.set_read(A)
        assert first.toggle_starred(B) is True
        first.set_note(A, "  ask the ministry  ")
    with ReadingState.open(path) as again:
        assert again.get(A).read and not again.get(A).starred
        assert again.get(B).starred and not again.get(B).read
        assert again.get(A).note == "ask the ministry"
        assert again.read_ids() == {A.id}
        assert again.starred_ids() == {B.id}
        assert again.noted_ids() == {A.id}
        assert set(again.states([A.id, B.id, "never"])) == {A.id, B.id}


def test_toggles_flip_and_untouched_articles_take_no_room(state: ReadingState) -> None:
    assert state.toggle_read(A) is True
    assert state.toggle_read(A) is False
    assert state.toggle_starred(A) is True
    state.set_starred(A, False)
    state.set_note(A, "x")
    state.set_note(A, "")
    assert state._rows("SELECT count(*) FROM articles")[0][0] == 0


def test_first_read_time_is_kept(state: ReadingState) -> None:
    state.set_read(A)
    first = state.get(A).read_at
    state.set_read(A)
    assert state.get(A).read_at == first


def test_a_note_is_short(state: ReadingState) -> None:
    with pytest.raises(ValueError, match="at most"):
        state.set_note(A, "x" * (NOTE_LIMIT + 1))
    assert state.get(A).note == ""


def test_an_edited_article_keeps_its_star_and_note(state: ReadingState) -> None:
    state.set_starred(A)
    state.set_note(A, "keep")
    edited = ArticleKey(A.id, "hash-after-edit")
    assert state.get(edited).starred and state.get(edited).note == "keep"
    state.set_read(edited)
    assert state.get(A).hash == "hash-after-edit"  # the hash follows the content


def test_reconcile_follows_a_moved_article_by_its_hash(state: ReadingState) -> None:
    state.set_starred(A)
    state.set_note(A, "moved with it")
    moved = state.reconcile({"archive/a.txt": A.hash, "news/b.txt": B.hash})
    assert moved == {A.id: "archive/a.txt"}
    after = state.get("archive/a.txt")
    assert after.starred and after.note == "moved with it"
    assert not state.get(A.id).starred
    assert state.reconcile({"archive/a.txt": A.hash}) == {}  # present: nothing to do


def test_reconcile_leaves_copies_and_present_articles_alone(state: ReadingState) -> None:
    state.set_starred(A)
    # The original is still there: a copy with the same bytes does not take its star.
    assert state.reconcile({A.id: A.hash, "copy/a.txt": A.hash}) == {}
    # Gone, but two candidates: which one is the article cannot be told.
    assert state.reconcile({"x/a.txt": A.hash, "y/a.txt": A.hash}) == {}
    assert state.starred_ids() == {A.id}


def test_history_is_newest_first_deduplicated_and_capped(state: ReadingState) -> None:
    for query in ("hanoi", "venue:Kampala", "hanoi", "  venue:Kampala ", "", "   "):
        state.remember_query(query)
    assert state.history() == ["venue:Kampala", "hanoi"]
    for number in range(HISTORY_LIMIT + 20):
        state.remember_query(f"q{number}")
    history = state.history()
    assert len(history) == HISTORY_LIMIT
    assert history[0] == f"q{HISTORY_LIMIT + 19}" and "hanoi" not in history


def test_saved_searches_by_name(state: ReadingState) -> None:
    state.save_search("hanoi", "venue:Hanoi  signing")
    state.save_search("kampala", "venue:Kampala")
    state.save_search("hanoi", "venue:Hanoi")  # replaced
    assert [(s.name, s.query) for s in state.saved_searches()] == [
        ("hanoi", "venue:Hanoi"),
        ("kampala", "venue:Kampala"),
    ]
    assert state.saved_search(" hanoi ").query == "venue:Hanoi"
    assert state.delete_search("kampala") and not state.delete_search("kampala")
    assert state.saved_search("kampala") is None
    for bad in ("", "   ", "x" * 65, "a\x1bb"):
        with pytest.raises(ValueError):
            state.save_search(bad, "q")


def test_a_corrupt_file_is_moved_aside_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    garbage = b"this is not a database, but it is the user's file\n" * 100
    path.write_bytes(garbage)
    with ReadingState.open(path) as state:
        assert state.recovered is not None and state.recovered.read_bytes() == garbage
        assert state.recovered.name.startswith("state.sqlite3.corrupt-")
        state.set_starred(A)
    with ReadingState.open(path) as again:
        assert again.recovered is None and again.starred_ids() == {A.id}


def test_a_damaged_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with ReadingState.open(path) as state:
        for number in range(300):
            state.set_note(ArticleKey(f"n/{number}.txt"), "note " * 50)
    data = bytearray(path.read_bytes())
    data[8192 : 8192 + 4096] = b"\xff" * 4096  # scribble over the third page
    path.write_bytes(bytes(data))
    with ReadingState.open(path) as state:
        assert state.recovered is not None
        assert state.recovered.read_bytes() == bytes(data)


def test_a_newer_schema_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    with pytest.raises(StateUnavailable, match="newer treatytui"):
        ReadingState.open(path)
    assert path.read_bytes() == before


def test_a_locked_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    ReadingState.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process in the middle of a write
    try:
        state = ReadingState.open(path, timeout=0.1)  # (WAL: reading goes on)
        with pytest.raises(StateBusy, match="locked by another process"):
            state.set_starred(A)
        state.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with ReadingState.open(path) as state:
        state.set_starred(A)  # nothing was left half-written
        assert state.starred_ids() == {A.id}


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anything")
def test_a_read_only_state_can_be_read_but_not_changed(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "state.sqlite3"
    with ReadingState.open(path) as state:
        state.set_starred(A)
    path.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with ReadingState.open(path) as state:
            assert state.read_only and state.starred_ids() == {A.id}
            with pytest.raises(StateUnavailable, match="read-only"):
                state.set_starred(B)
    finally:
        folder.chmod(stat.S_IRWXU)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_state_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StateUnavailable, match="cannot create the state folder"):
        ReadingState.open(blocker / "sub" / "state.sqlite3")


def test_reconcile_after_indexing_looks_only_at_what_left(state: ReadingState) -> None:
    state.set_starred(A)
    state.set_starred(B)
    # Indexing added a copy of A and removed B: only B may move, and it has no candidate.
    assert state.reconcile({"copy/a.txt": A.hash}, gone={B.id}) == {}
    assert state.reconcile({"renamed/b.txt": B.hash}, gone={B.id}) == {B.id: "renamed/b.txt"}
    assert state.starred_ids() == {A.id, "renamed/b.txt"}


def test_a_write_that_fails_is_a_state_error_and_changes_nothing(state: ReadingState) -> None:
    state.set_starred(A)
    state._db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON history BEGIN "
        "SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    with pytest.raises(StateUnavailable, match="disk is full"):
        state.remember_query("hanoi")
    assert state.history() == [] and state.starred_ids() == {A.id}
    state.set_note(A, "still writable")  # the connection is usable after it
    assert state.get(A).note == "still writable"


def test_a_state_that_cannot_be_written_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(The same as the chmod test above, for root, to whom every file is writable.)"""
    path = tmp_path / "state.sqlite3"
    with ReadingState.open(path) as state:
        state.set_starred(A)
        state.save_search("s", "q")
    monkeypatch.setattr("treatytui.state.store._writable", lambda _path: False)
    before = path.read_bytes()
    with ReadingState.open(path) as state:
        assert state.read_only and state.starred_ids() == {A.id}
        assert [s.name for s in state.saved_searches()] == ["s"]
        for change in (lambda: state.set_read(B), lambda: state.remember_query("x")):
            with pytest.raises(StateUnavailable, match="read-only"):
                change()
    assert path.read_bytes() == before
