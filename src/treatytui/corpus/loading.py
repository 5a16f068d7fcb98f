"""Loading one article file: read, decode, metadata, clean."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import cast

from treatytui.corpus.article import Article, Metadata
from treatytui.corpus.cleaning import TextFormat, clean
from treatytui.corpus.discovery import FORMAT_BY_SUFFIX, sidecar_path
from treatytui.corpus.frontmatter import split_front_matter
from treatytui.corpus.header_lines import split_header_lines
from treatytui.corpus.inference import infer_metadata
from treatytui.corpus.metadata import Sidecar, merge_metadata, metadata_from_yaml, read_sidecar
from treatytui.corpus.reading import SkipFile, read_text

_HASH_CHARS = 32


def content_hash(raw: bytes, sidecar: bytes) -> str:
    """A fingerprint of an article file's bytes together with its sidecar's."""
    digest = hashlib.sha256(len(raw).to_bytes(8, "big"))
    digest.update(raw)
    digest.update(sidecar)
    return digest.hexdigest()[:_HASH_CHARS]


def article_id(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` in POSIX form; the file name without a root."""
    if root is not None:
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
        except ValueError:
            pass
    return path.name


def load_article(path: Path, root: Path | None = None) -> Article:
    """The article in ``path``; :class:`SkipFile` with a reason when it cannot be indexed.

    Metadata comes, field by field, from the sidecar ``NAME.yaml``, then the front matter,
    then header lines at the top of a ``.txt`` (``Title:``, ``Source:``, ``By …``), then
    the HTML head, then what the text itself says; the title falls back to the file
    name. Malformed metadata is ignored with a warning in ``Article.warnings``.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMAT_BY_SUFFIX:
        raise SkipFile(f"unsupported file type {suffix}" if suffix else "no file extension")
    fmt = cast(TextFormat, FORMAT_BY_SUFFIX[suffix])
    decoded, raw = read_text(path)

    warnings: list[str] = []
    body, front_metadata = decoded, Metadata()
    front = split_front_matter(decoded) if fmt != "html" else None
    if front is not None:
        body = front.body
        front_metadata, front_warnings = metadata_from_yaml(
            front.yaml, "front matter", front.first_line
        )
        warnings.extend(front_warnings)
    header = split_header_lines(body) if fmt == "text" else None
    if header is not None:
        body = header.body
        front_metadata = merge_metadata(front_metadata, header.metadata)
        warnings.extend(header.warnings)
    sidecar_file = sidecar_path(path)
    sidecar = read_sidecar(sidecar_file) if sidecar_file else Sidecar(Metadata(), b"")
    warnings.extend(sidecar.warnings)

    known = merge_metadata(sidecar.metadata, front_metadata)
    document = clean(body, fmt, title_hint=known.title)
    if not document.blocks:
        raise SkipFile("no text")
    known = merge_metadata(known, document.metadata)
    metadata = merge_metadata(known, infer_metadata(document, known.url))

    return Article(
        id=article_id(path, root),
        path=os.path.abspath(path),
        text=document.text,
        blocks=document.blocks,
        title=metadata.title or path.stem,
        source=metadata.source,
        url=metadata.url,
        published=metadata.published,
        authors=metadata.authors,
        tags=metadata.tags,
        content_hash=content_hash(raw, sidecar.raw),
        warnings=tuple(warnings),
    )
