"""The layers import only downwards (the contracts in pyproject.toml, checked by
import-linter), and the light commands stay light."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "treatytui"


def test_import_contracts_are_kept() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.fail("lint-imports is missing: pip install -e '.[test]'")
    run = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_facts_of_a_file_never_loads_whoosh_or_textual(tmp_path: Path) -> None:
    """`treatytui facts FILE` reads the file itself: no index, so no Whoosh (nor Textual)."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Treaty signed in Hanoi\nDelegates met in Hanoi on October 25, 2025.\n", "utf-8"
    )
    code = (
        "import sys\n"
        "from treatytui.cli import main\n"
        f"status = main(['facts', {str(article)!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('whoosh', 'textual'))\n"
        "print('LOADED', heavy, status)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    assert "Hanoi" in run.stdout  # it did find the facts
    assert "LOADED [] 0" in run.stdout


def _calls(path: Path, name: str) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == name
    ]


def test_workers_post_messages_instead_of_calling_into_widgets() -> None:
    """No worker hands a widget method to ``call_from_thread``: they post messages."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / "app").rglob("*.py"))
        for line in _calls(path, "call_from_thread")
    ]
    assert not offenders


def test_no_import_cycles_in_the_app() -> None:
    """The reader's modules import each other in one direction only (also for type hints):
    the app, its screens, the palette and the dialogs no longer form a circle."""
    import grimp

    graph = grimp.build_graph("treatytui")
    modules = sorted(m for m in graph.modules if m.startswith("treatytui.app"))
    cycles = sorted(
        f"{importer} <-> {imported}"
        for importer in modules
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported.startswith("treatytui.app")
        and graph.chain_exists(importer=imported, imported=importer)
    )
    assert not cycles
