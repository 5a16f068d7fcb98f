"""The user's settings: a small YAML file in the config folder.

```yaml
theme: textual-dark        # any Textual theme name
sort: relevance            # relevance | newest | oldest (for typed queries)
facts_panel: true          # show the facts panel at start
keymap:                    # binding id: keys (comma-separated)
  viewer.next-hit: n,ctrl+n
collection:                # extra folders or files to index beside the seeds
  - ~/news/cybercrime
```

A malformed file is reported once (``Settings.problem``) and the defaults are used; a
theme change is written back, keeping the rest of the file, unless the file is malformed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treatytui.search.results import SORT_ORDERS

CONFIG_FILE = "config.yaml"
DEFAULT_THEME = "textual-dark"


@dataclass
class Settings:
    """What the user chose; the defaults when nothing (or nothing valid) was chosen."""

    theme: str = DEFAULT_THEME
    sort: str = "relevance"
    facts_panel: bool = True
    keymap: dict[str, str] = field(default_factory=dict)
    extra_paths: list[Path] = field(default_factory=list)
    path: Path | None = None
    problem: str | None = None
    """Why the file could not be used (shown once as a notification), or None."""


def config_file(folder: Path | None = None) -> Path:
    """The settings file in ``folder`` (the user's config folder by default)."""
    if folder is None:
        from treatytui.config import config_dir  # platformdirs: only when needed

        folder = config_dir()
    return folder / CONFIG_FILE


def _read(path: Path) -> tuple[dict[str, Any], str | None]:
    """The mapping in ``path`` (empty when missing) and the problem, if any."""
    import yaml  # only when there is a file to read

    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as error:
        return {}, f"cannot read {path}: {error}"
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return {}, f"{path} is not valid YAML{where}; using the defaults"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, f"{path} should be a mapping of settings; using the defaults"
    return data, None


def load_settings(folder: Path | None = None) -> Settings:
    """The settings in ``folder``; the defaults (with ``problem`` set) when malformed."""
    path = config_file(folder)
    data, problem = _read(path)
    settings = Settings(path=path, problem=problem)
    if problem:
        return settings
    wrong: list[str] = []
    theme = data.get("theme", settings.theme)
    if isinstance(theme, str) and theme.strip():
        settings.theme = theme.strip()
    else:
        wrong.append("theme")
    sort = data.get("sort", settings.sort)
    if sort in SORT_ORDERS:
        settings.sort = sort
    else:
        wrong.append("sort")
    facts_panel = data.get("facts_panel", settings.facts_panel)
    if isinstance(facts_panel, bool):
        settings.facts_panel = facts_panel
    else:
        wrong.append("facts_panel")
    keymap = data.get("keymap") or {}
    if isinstance(keymap, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in keymap.items()
    ):
        settings.keymap = {k: v.replace(" ", "") for k, v in keymap.items()}
    else:
        wrong.append("keymap")
    paths = data.get("collection") or []
    if isinstance(paths, str):
        paths = [paths]
    if isinstance(paths, list) and all(isinstance(p, str) for p in paths):
        settings.extra_paths = [Path(p).expanduser() for p in paths]
    else:
        wrong.append("collection")
    if wrong:
        settings.problem = f"{path}: ignored invalid {', '.join(wrong)}; using the defaults"
    return settings


def save_theme(settings: Settings, theme: str) -> str | None:
    """Remember ``theme`` in the settings file; returns a problem message or None."""
    settings.theme = theme
    path = settings.path or config_file()
    data, problem = _read(path)
    if problem:
        return problem  # never overwrite a file the user has to fix
    data["theme"] = theme
    import yaml

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".yaml.tmp")
        tmp.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
        tmp.replace(path)
    except OSError as error:
        return f"cannot save the theme in {path}: {error.strerror or error}"
    return None
