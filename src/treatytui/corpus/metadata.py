"""Article metadata from YAML (front matter or a sidecar ``NAME.yaml``) and merging it.

YAML is always read with ``yaml.safe_load``. Bad metadata never stops an article from
loading: it is ignored, with a warning that says where and why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from treatytui.corpus.article import Metadata
from treatytui.corpus.dates import parse_date
from treatytui.corpus.mojibake import repair_mojibake
from treatytui.corpus.reading import SkipFile, decode_text, read_bytes
from treatytui.corpus.sanitize import strip_controls

MAX_SIDECAR_BYTES = 1024 * 1024
MAX_YAML_DEPTH = 100
_BRACKETS = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
_SPACE = re.compile(r"\s+")
_TAG_SEPARATOR = re.compile(r"\s*[,;]\s*")
_KEY_ALIASES = {"date": "published", "author": "authors", "keywords": "tags"}


@dataclass(frozen=True, slots=True)
class Sidecar:
    """A sidecar file's metadata, its raw bytes (for the content hash) and any warnings."""

    metadata: Metadata
    raw: bytes
    warnings: tuple[str, ...] = ()


def _nested_too_deeply(source: str) -> bool:
    """True when ``source`` nests brackets or indentation far deeper than metadata ever
    does: PyYAML would spend seconds before failing with RecursionError."""
    depth = 0
    for bracket in _BRACKETS.findall(source):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        if depth > MAX_YAML_DEPTH:
            return True
    return any(len(indent) > 4 * MAX_YAML_DEPTH for indent in _INDENT.findall(source))


def load_yaml_mapping(
    source: str, label: str, first_line: int = 1
) -> tuple[Mapping[object, object], list[str]]:
    """The mapping a YAML document holds, or an empty one and a warning.

    ``label`` names the document in warnings; ``first_line`` is its line in the file.
    """
    if _nested_too_deeply(source):
        return {}, [f"{label}: YAML nested too deeply — ignored"]
    try:
        data = yaml.safe_load(source)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" (line {mark.line + first_line})" if mark is not None else ""
        unsafe = isinstance(error, yaml.constructor.ConstructorError)
        problem = "unsupported YAML tag" if unsafe else "malformed YAML"
        return {}, [f"{label}: {problem}{where} — ignored"]
    except yaml.YAMLError:
        return {}, [f"{label}: malformed YAML — ignored"]
    except RecursionError:  # thousands of nested brackets or mappings
        return {}, [f"{label}: YAML nested too deeply — ignored"]
    if data is None:
        return {}, []
    if not isinstance(data, Mapping):
        return {}, [f"{label}: not a mapping of fields — ignored"]
    return data, []


def _text(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    cleaned = _SPACE.sub(" ", repair_mojibake(strip_controls(str(value)))).strip()
    return cleaned or None


def _texts(value: object, split: re.Pattern[str] | None) -> tuple[str, ...] | None:
    if isinstance(value, str) and split is not None:
        value = split.split(value)
    items = value if isinstance(value, list | tuple) else [value]
    texts = [_text(item) for item in items]
    if any(text is None and item is not None for text, item in zip(texts, items, strict=True)):
        return None
    return tuple(dict.fromkeys(text for text in texts if text))


def _describe(value: object) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:39] + "…")
    return f"a {type(value).__name__} value"


def metadata_from_mapping(data: Mapping[object, object], label: str) -> tuple[Metadata, list[str]]:
    """Metadata from the fields of a YAML mapping; unusable values are ignored with a warning.

    Keys are case-insensitive; ``date``, ``author`` and ``keywords`` are read as
    ``published``, ``authors`` and ``tags``. Unknown keys are ignored.
    """
    values: dict[str, object] = {}
    warnings: list[str] = []
    for raw_key, value in data.items():
        key = str(raw_key).strip().lower()
        key = _KEY_ALIASES.get(key, key)
        if value is None or key in values:
            continue
        parsed: object
        if key in ("title", "source", "url"):
            parsed = _text(value)
        elif key == "published":
            parsed = parse_date(value)
        elif key == "authors":
            parsed = _texts(value, None)
        elif key == "tags":
            parsed = _texts(value, _TAG_SEPARATOR)
        else:
            continue
        if parsed is None:
            warnings.append(f"{label}: {key}: cannot read {_describe(value)} — ignored")
        else:
            values[key] = parsed
    return Metadata(**values), warnings


def metadata_from_yaml(source: str, label: str, first_line: int = 1) -> tuple[Metadata, list[str]]:
    """Metadata from a YAML document (see :func:`load_yaml_mapping`)."""
    data, warnings = load_yaml_mapping(source, label, first_line)
    metadata, field_warnings = metadata_from_mapping(data, label)
    return metadata, warnings + field_warnings


def read_sidecar(path: Path) -> Sidecar:
    """The metadata in the sidecar file at ``path``; an unreadable one gives a warning."""
    label = f"sidecar {path.name}"
    try:
        raw = read_bytes(path, MAX_SIDECAR_BYTES)
    except SkipFile as skip:
        return Sidecar(Metadata(), b"", (f"{label}: {skip.reason} — ignored",))
    try:
        source = decode_text(raw)
    except SkipFile as skip:
        if skip.reason == "empty file":
            return Sidecar(Metadata(), raw)
        return Sidecar(Metadata(), raw, (f"{label}: {skip.reason} — ignored",))
    metadata, warnings = metadata_from_yaml(source, label)
    return Sidecar(metadata, raw, tuple(warnings))


def merge_metadata(*layers: Metadata) -> Metadata:
    """Field by field, the value of the first layer that has one."""
    merged = {
        field.name: next((value for layer in layers if (value := getattr(layer, field.name))), None)
        for field in fields(Metadata)
    }
    return Metadata(**{name: value for name, value in merged.items() if value is not None})
