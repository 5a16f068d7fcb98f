"""`is:unread`, `is:starred`, `has:note` in a query, and the search restricted by them."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatytui.search.searcher import Searcher
from treatytui.state import ArticleKey, IdRestriction, ReadingState, split_state_filters


@pytest.mark.parametrize(
    ("query", "rest", "conditions"),
    [
        ("convention", "convention", ()),
        ("is:unread", "", (("read", False),)),
        ("convention is:unread", "convention", (("read", False),)),
        ("IS:STARRED hanoi", "hanoi", (("starred", True),)),
        ("-is:starred has:note", "", (("starred", False), ("note", True))),
        ("NOT has:note venue:Hanoi", "venue:Hanoi", (("note", False),)),
        ("is:read is:read", "", (("read", True),)),
        ('"is:unread" hanoi', '"is:unread" hanoi', ()),  # in quotes: text
        ('"a b" is:starred "c', '"a b" "c', (("starred", True),)),
        ("this:unread is:unreadx xis:unread", "this:unread is:unreadx xis:unread", ()),
        ("convention  is:unread   OR  x", "convention OR x", (("read", False),)),
    ],
)
def test_split_state_filters(query: str, rest: str, conditions: tuple) -> None:
    found_rest, found = split_state_filters(query)
    assert found_rest == rest
    assert found.conditions == conditions
    assert bool(found) == bool(conditions)


def test_restriction_from_the_state(tmp_path: Path) -> None:
    with ReadingState.open(tmp_path / "s.db") as state:
        for name in ("a", "b", "c"):
            state.set_read(ArticleKey(name))
        state.set_starred(ArticleKey("b"))
        state.set_starred(ArticleKey("x"))
        state.set_note(ArticleKey("c"), "n")

        def allowed(query: str, ids: str = "abcxy") -> set[str]:
            restriction = split_state_filters(query)[1].restriction(state)
            assert restriction is not None
            return {i for i in ids if restriction.allows(i)}

        assert split_state_filters("plain")[1].restriction(state) is None
        assert allowed("is:unread") == {"x", "y"}
        assert allowed("is:read") == {"a", "b", "c"}
        assert allowed("is:starred") == {"b", "x"}
        assert allowed("is:starred is:unread") == {"x"}
        assert allowed("-is:starred") == {"a", "c", "y"}
        assert allowed("has:note") == {"c"}
        assert allowed("is:read -has:note -is:starred") == {"a"}


def _all_ids(searcher: Searcher, query: str, sort: str = "relevance") -> list[str]:
    return [h.id for h in searcher.search(query, limit=1000, sort=sort).hits]


@pytest.mark.parametrize("query", ["", "convention", "Hanoi OR Kampala", "convention -Laos"])
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_restricted_search_is_the_full_search_filtered(
    seed_index: Path, query: str, sort: str
) -> None:
    searcher = Searcher(seed_index)
    try:
        every = _all_ids(searcher, query, sort)
        assert len(every) >= 3
        chosen = frozenset(every[::2])
        for restriction in (
            IdRestriction(keep=chosen),
            IdRestriction(drop=chosen),
            IdRestriction(drop=frozenset(every[:1])),  # drops less than half
            IdRestriction(keep=chosen, drop=frozenset(every[:1])),
            IdRestriction(keep=frozenset({"no/such.txt"})),
        ):
            result = searcher.search(query, limit=1000, sort=sort, ids=restriction)
            expected = [i for i in every if restriction.allows(i)]
            assert [h.id for h in result.hits] == expected
            assert result.total == len(expected)
            if query and sort == "relevance":  # scores as without the filter
                plain = {h.id: h.score for h in searcher.search(query, limit=1000).hits}
                assert all(h.score == pytest.approx(plain[h.id]) for h in result.hits)
        top = searcher.search(query, limit=2, sort=sort, ids=IdRestriction(drop=chosen))
        assert [h.id for h in top.hits] == [i for i in every if i not in chosen][:2]
        assert top.total == len(every) - len(chosen)
    finally:
        searcher.close()


def test_the_state_package_stays_pure() -> None:
    """No Whoosh, no Textual, nothing above it: the app, views and commands use it."""
    import ast

    package = Path(__file__).resolve().parents[2] / "src" / "treatytui" / "state"
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not name.startswith(
                    (
                        "whoosh",
                        "textual",
                        "treatytui.search",
                        "treatytui.app",
                        "treatytui.views",
                        "treatytui.commands",
                    )
                ), (path.name, name)
