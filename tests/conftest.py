"""Fixtures shared by the whole suite: a small test collection and a seed index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from treatytui.config import seeds_dir

# A small collection written for the tests: several articles on the same events,
# including disagreeing figures and the same event reported twice.
TEST_ARTICLES = {
    "hanoi-signing.txt": """Dozens of states sign cybercrime treaty in Hanoi
Representatives of 72 countries signed the convention in Hanoi, Vietnam, on October 25, 2025.
The signing ceremony took place at the National Convention Center and was opened by the host.
Officials said the treaty would enter into force after ratification by forty states.
By Staff Writers
(Latest Update October 26, 2025)
""",
    "hanoi-preview.md": """---
title: Hanoi prepares to host the treaty ceremony
source: Capital Daily
published: 2025-09-20
url: https://example.org/2025/09/20/hanoi-prepares
authors: [Mai Tran]
tags: [treaty, preview]
---
Organisers expect more than 100 countries at the signing ceremony on October 25-26 in Hanoi.
The ministry said nearly 60 countries had confirmed ministerial attendance.
Kampala hosted a preparatory session in September.
""",
    "geneva-talks.html": """<html><head><title>Rights groups criticise the convention</title>
<meta property="og:site_name" content="Geneva Wire">
<meta property="article:published_time" content="2025-11-03T09:00:00Z"></head>
<body><nav>Menu Home About</nav><h1>Rights groups criticise the convention</h1>
<p>Human rights groups meeting in Geneva said the treaty lacks safeguards for journalists.</p>
<p>Only 65 countries signed in Hanoi, the groups said, fewer than the organisers had hoped.</p>
<figure><figcaption>Delegates at the Palais des Nations.</figcaption></figure>
</body></html>
""",
    "nested/unodc-briefing.txt": """UNODC briefs member states on implementation
The United Nations Office on Drugs and Crime (UNODC) briefed member states in Vienna
on December 2, 2025.
Executive Director Ghada Waly said technical assistance would begin in 2026.
""",
}


def write_collection(folder: Path) -> Path:
    """Write the test articles under ``folder``; returns the folder."""
    for name, text in TEST_ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def no_user_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's own index folders stay out of the tests: private per-user data and state
    folders (also for the subprocesses), and no checkout index to point at ("note: …")."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # reading state too
    monkeypatch.setattr("treatytui.config.known_index_dirs", lambda: [])


@pytest.fixture
def collection_dir(tmp_path: Path) -> Path:
    """A fresh copy of the test collection."""
    return write_collection(tmp_path / "articles")


@pytest.fixture(scope="session")
def built_seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the bundled seeds and the test collection, built once per session."""
    from treatytui.search.indexer import refresh

    base = tmp_path_factory.mktemp("seed-index")
    articles = write_collection(base / "articles")
    index_root = base / "index"
    refresh(index_root, [seeds_dir(), articles], workers=1)
    return index_root


@pytest.fixture
def seed_index(built_seed_index: Path, tmp_path: Path) -> Path:
    """A private copy of the session's seed index (safe to change)."""
    target = tmp_path / "index"
    shutil.copytree(built_seed_index, target)
    return target


@pytest.fixture
def seeds() -> Path:
    """The bundled seed folder."""
    return seeds_dir()
