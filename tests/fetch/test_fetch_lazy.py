"""The fetcher's heavy imports stay out of `search`, `facts` and the reader's start-up, and
the fetch package keeps to its layer (no Textual, no Whoosh, no search)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "treatytui"
HEAVY = ("feedparser", "urllib3", "trafilatura", "charset_normalizer", "lxml", "htmldate")


def imported_modules(path: Path) -> set[str]:
    """The absolute module names ``path`` imports (at any depth of its code)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m for m in sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return set(done.stdout.strip().splitlines()[-1].split())


@pytest.mark.parametrize(
    "code",
    [
        "from treatytui.cli import main; main(['search', '--index', INDEX, 'treaty'])",
        "from treatytui.cli import main; main(['facts', '--index', INDEX])",
        "from treatytui.cli import build_parser; build_parser()",
        "import treatytui.app.app",
        "import treatytui.fetch, treatytui.commands.fetching, treatytui.commands.feeds",
    ],
)
def test_heavy_imports_stay_out(code: str, built_seed_index: Path) -> None:
    loaded = loaded_after(f"INDEX = {str(built_seed_index)!r}\n{code}")
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)


def test_the_fetch_package_imports_no_ui_and_no_search() -> None:
    offenders = [
        f"{path.name} imports {name}"
        for path in sorted((PACKAGE / "fetch").rglob("*.py"))
        for name in imported_modules(path)
        if name.split(".")[0] in ("whoosh", "textual")
        or name.startswith(("treatytui.search", "treatytui.app", "treatytui.views"))
    ]
    assert not offenders
