"""Fixtures for the app tests: a seed index built once, copied for each test; a temp config."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from treatytui.app.app import TreatyApp
from treatytui.app.settings import load_settings
from treatytui.config import seeds_dir

SIZE = (120, 36)


@pytest.fixture(scope="session")
def seed_index_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds indexed once per session."""
    from treatytui.search.indexer import refresh

    root = tmp_path_factory.mktemp("seed-index") / "index"
    refresh(root, [seeds_dir()])
    return root


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user config folder (TREATYTUI_CONFIG)."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("TREATYTUI_CONFIG", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


@pytest.fixture
def seed_index(seed_index_template: Path, tmp_path: Path) -> Path:
    """A private copy of the seed index."""
    root = tmp_path / "index"
    shutil.copytree(seed_index_template, root)
    return root


@pytest.fixture
def make_app(seed_index: Path, config_home: Path) -> Callable[..., TreatyApp]:
    """A factory of apps on the seed index with the temp config (no index polling)."""

    def make(**options: object) -> TreatyApp:
        index = options.pop("index_root", seed_index)
        options.setdefault("poll_seconds", 0)
        return TreatyApp(index, settings=load_settings(config_home), **options)  # type: ignore[arg-type]

    return make


async def settle(pilot) -> None:
    """Wait until every worker is done and the screen has caught up."""
    app = pilot.app
    quiet = 0
    for _ in range(50):  # a worker's message can start another worker: wait for two quiet rounds
        await pilot.pause()
        busy = any(not worker.is_finished for worker in app.workers)
        await app.workers.wait_for_complete()
        quiet = 0 if busy else quiet + 1
        if quiet >= 2:
            break
    await pilot.pause()


async def open_first(pilot, query: str) -> None:
    """Submit ``query`` in the search input, then open the first result."""
    await pilot.press(*query, "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def screen_text(app) -> str:
    """The screen as plain text (what a person would read)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)
