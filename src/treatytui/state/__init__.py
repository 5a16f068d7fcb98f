"""Each user's reading state: read/unread, stars, notes, query history, saved searches.

Pure Python on the standard library's ``sqlite3`` (no Whoosh, no Textual): one database
per user in ``$XDG_STATE_HOME/treatytui/state.sqlite3`` (``TREATYTUI_STATE`` overrides),
never beside the index, so a shared read-only index serves each user with their own state.

Keys. An article is known by its id — the path of its file within its collection folder,
as ``corpus.loading.article_id`` makes it — and its content hash (the file's bytes and
its sidecar's). The id decides: an edited article (same id, new hash) keeps its star, note
and read mark, and re-indexing (same ids) changes nothing. An article whose id is gone is
looked for by its hash: :meth:`ReadingState.reconcile` moves the state of a file renamed,
or of a collection moved to another folder, to the one present article with the same
content that has no state yet (a copy beside the original does not inherit it).

The API, in short::

    with ReadingState.open() as state:          # StateError (StateBusy, StateUnavailable)
        key = ArticleKey(article.id, article.content_hash)
        state.set_read(key); state.toggle_starred(key); state.set_note(key, "follow up")
        state.get(key).starred; state.states(ids)  # {id: ArticleState} of touched ones
        state.read_ids(); state.starred_ids(); state.noted_ids(); state.starred()
        state.reconcile({id: hash for every indexed article})  # after (re)indexing
        state.remember_query("venue:Hanoi"); state.history()   # newest first, capped
        state.save_search("hanoi", "venue:Hanoi"); state.saved_searches()
    rest, wanted = split_state_filters("convention is:unread -is:starred")
    restriction = wanted.restriction(state)     # IdRestriction(keep=..., drop=...) or None
    searcher.search(rest, ids=restriction)      # every match passes the filter

Several processes of one user may use it at once (WAL, ``BEGIN IMMEDIATE`` for every
change, a busy timeout); an unreadable file is moved aside, never overwritten
(``state.recovered`` says where); a file the user cannot write is opened read-only.
"""

from treatytui.state.filters import IdRestriction, StateFilter, split_state_filters
from treatytui.state.location import state_dir, state_file
from treatytui.state.model import (
    ArticleKey,
    ArticleState,
    SavedSearch,
    StateBusy,
    StateError,
    StateUnavailable,
)
from treatytui.state.store import ReadingState

__all__ = [
    "ArticleKey",
    "ArticleState",
    "IdRestriction",
    "ReadingState",
    "SavedSearch",
    "StateBusy",
    "StateError",
    "StateFilter",
    "StateUnavailable",
    "split_state_filters",
    "state_dir",
    "state_file",
]
