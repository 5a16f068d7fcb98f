"""The layers import only downwards: corpus/facts → search → app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "treatytui"
FORBIDDEN = {
    "corpus": ("whoosh", "textual", "treatytui.search", "treatytui.app", "treatytui.facts"),
    "facts": ("whoosh", "textual", "treatytui.search", "treatytui.app"),
    "search": ("textual", "treatytui.app"),
    "views": ("whoosh", "textual", "treatytui.app"),
    "commands": ("textual", "treatytui.app.app", "treatytui.app.screens"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downwards(layer: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imported_modules(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                if layer == "commands" and path.name == "reader.py" and name == "treatytui.app":
                    continue  # the one place that opens the reader, lazily
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders
