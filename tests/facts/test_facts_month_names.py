"""Month names have one home, ``corpus/calendar_names.py``, that every date reader uses."""

from __future__ import annotations

import ast
from pathlib import Path

from treatytui.corpus import calendar_names
from treatytui.corpus.dates import MONTHS
from treatytui.facts import datelanguages, datepatterns

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "treatytui"
_FULL_NAMES = {
    form.lower()
    for months in calendar_names.MONTHS_BY_LANGUAGE.values()
    for forms in months
    for form in forms
    if len(form) > 4
}


def _string_constants(path: Path) -> list[str]:
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    ]  # fmt: skip


def test_no_other_module_spells_out_month_names() -> None:
    home = PACKAGE / "corpus" / "calendar_names.py"
    offenders = [
        f"{path.relative_to(PACKAGE)}: {value!r}"
        for layer in ("corpus", "facts")
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        if path != home
        for value in _string_constants(path)
        if value.lower() in _FULL_NAMES
    ]
    assert not offenders


def test_the_readers_take_their_months_from_the_table() -> None:
    assert MONTHS["sept"] == 9 and MONTHS["january"] == 1 and len(MONTHS) == 24
    assert datepatterns.month_number("Sept.") == 9
    for code, months in calendar_names.MONTHS_BY_LANGUAGE.items():
        if code != "en":
            assert datelanguages.LANGUAGES[code].months is months
            assert datelanguages.month_number(code, months[11][0].upper()) == 12
