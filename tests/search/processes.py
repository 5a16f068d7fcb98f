"""Helpers for the real-process probes: a synthetic collection, the CLI as a process, and
finding the processes that belong to one index folder."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _synthetic():
    spec = importlib.util.spec_from_file_location(
        "treatytui_synthetic", ROOT / "benchmarks" / "synthetic.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_articles(folder: Path, numbers: range, *, words: int = 250, tag: str = "") -> None:
    """Synthetic articles ``numbers`` in ``folder``; ``tag`` is added to every body."""
    synthetic = _synthetic()
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        text = synthetic.article_text(n, words)
        if tag:
            text += f"Edition {tag}.\n"
        (folder / f"{n:06d}.txt").write_text(text, encoding="utf-8")


def index_command(index_root: Path, *args: str) -> list[str]:
    """The `treatytui index` command line for ``index_root``."""
    return [sys.executable, "-m", "treatytui", "--index", str(index_root), "index", *args]


def processes_mentioning(marker: str) -> list[int]:
    """The live processes whose command line contains ``marker`` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            cmdline = (Path("/proc") / entry / "cmdline").read_bytes()
            status = (Path("/proc") / entry / "status").read_text()
        except OSError:
            continue
        if "State:\tZ" in status:  # a zombie has exited; its parent only has to reap it
            continue
        if marker.encode() in cmdline:
            found.append(int(entry))
    return found


def wait_for_no_processes(marker: str, timeout: float) -> list[int]:
    """Wait up to ``timeout`` s for every process mentioning ``marker`` to end; the rest."""
    deadline = time.monotonic() + timeout
    while True:
        left = processes_mentioning(marker)
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.05)


def kill_all(pids: list[int]) -> None:
    """SIGKILL the given processes (the probe's own leftovers)."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)


def disk_use(folder: Path) -> int:
    """Bytes of the regular files under ``folder``."""
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(base, name)).st_size
    return total


def run(command: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess[str]:
    """Run ``command`` to the end and capture its output."""
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, **kwargs)
