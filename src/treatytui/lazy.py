"""Package exports that load their module on first use (PEP 562), so importing a package
costs nothing until one of its names is needed."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(
    package: str, homes: dict[str, str], namespace: dict[str, object]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: ``homes`` maps each public name
    to the module that defines it; a loaded name is kept in ``namespace``."""

    def __getattr__(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes})

    return __getattr__, __dir__
