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
from collections.abc import Iterable

_END = ""  # the key of a trie node's "a word ends here"


def _depth(node: dict[str, dict]) -> int:
    """The length of the longest word below ``node``."""
    return max((1 + _depth(child) for key, child in node.items() if key != _END), default=0)


def _emit(node: dict[str, dict], space: str) -> str:
    keys = sorted((k for k in node if k != _END), key=lambda k: -_depth(node[k]))
    branches = [(space if key == " " else re.escape(key)) + _emit(node[key], space) for key in keys]
    if not branches:
        return ""
    ends_here = _END in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    group = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if ends_here:
        # optional, greedy: the longer word first, then the word that ends here
        return f"(?:{group})?" if len(branches) == 1 else f"{group}?"
    return group


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
    return f"(?:{_emit(root, space)})"
