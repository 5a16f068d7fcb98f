"""Regular-expression alternations of many words, written as tries.

A flat alternation ``(?:countries|states|delegates|...)`` makes the engine try every word
at each place it is tried: a few hundred tests where a count's noun is looked for after a
number. The same words as a trie, ``(?:c(?:ountries|hefs...)|s(?:tates|...)|...)``, cost a
test per first letter, then follow one branch. The language is the same, and so is the
match: where one word is a prefix of another, the longer one is tried first, as in a flat
alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_END = ""  # the key of a trie node's "a word ends here"


def _emit(node: dict[str, dict], space: str) -> tuple[str, int]:
    """The pattern of the words below ``node``, and the length of the longest."""
    branches = []
    for key, child in node.items():
        if key != _END:
            pattern, depth = _emit(child, space)
            branches.append((depth + 1, (space if key == " " else re.escape(key)) + pattern))
    if not branches:
        return "", 0
    branches.sort(key=lambda branch: -branch[0])  # stable: longer words first
    depth = branches[0][0]
    ends_here = _END in node
    if len(branches) == 1 and not ends_here:
        return branches[0][1], depth
    body = "|".join(pattern for _, pattern in branches)
    group = branches[0][1] if len(branches) == 1 else f"(?:{body})"
    if ends_here:
        # optional, greedy: the longer word first, then the word that ends here
        return (f"(?:{group})?" if len(branches) == 1 else f"{group}?"), depth
    return group, depth


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex fragment (no groups) matching any of ``words``, as a trie; each space in a
    word stands for ``space``. Where a word is a prefix of another, the longer is tried
    first: the match is the one of the flat alternation sorted longest first."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for character in word:
            node = node.setdefault(character, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return f"(?:{_emit(root, space)[0]})"


class LazyPattern:
    """A regular expression compiled when first used (``search``, ``match``,
    ``finditer``): a pattern that most articles never need costs nothing at import."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def search(self, string: str, *bounds: int) -> re.Match[str] | None:
        """``re.Pattern.search``."""
        return self.compiled.search(string, *bounds)

    def match(self, string: str, *bounds: int) -> re.Match[str] | None:
        """``re.Pattern.match``."""
        return self.compiled.match(string, *bounds)

    def finditer(self, string: str, *bounds: int) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``."""
        return self.compiled.finditer(string, *bounds)
