"""A shared index: the files follow the umask, so another user can search what one user
(or cron) indexed. The second user is real: a process running under another uid."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import stat
import sys
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from treatytui.search.indexer import refresh
from treatytui.search.location import MANIFEST

OTHER_UID = 65534  # nobody


@contextlib.contextmanager
def _umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def _modes(folder: Path) -> dict[str, int]:
    return {
        str(path.relative_to(folder)): stat.S_IMODE(path.stat().st_mode)
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.mark.parametrize(("mask", "readable"), [(0o022, True), (0o077, False)])
def test_index_files_follow_the_umask(
    collection_dir: Path, tmp_path: Path, mask: int, readable: bool
) -> None:
    with _umask(mask):
        refresh(tmp_path / "ix", [collection_dir], workers=1)
    modes = _modes(tmp_path / "ix")
    assert "CURRENT" in modes
    assert any(name.endswith(MANIFEST) for name in modes)
    assert any(name.endswith("schema.json") for name in modes)
    for name, mode in modes.items():
        if name.endswith("WRITELOCK"):  # Whoosh's, empty
            continue
        assert bool(mode & stat.S_IROTH) == readable, f"{name}: {oct(mode)}"
        assert not mode & stat.S_IWOTH, f"{name}: {oct(mode)}"


def _as_other_user(argv: list[str]) -> tuple[int, str, str]:
    """Run the command line in a forked process that has become another user.

    The child needs nothing more from the disk than the index: this Python lives under
    /root, which the other user cannot enter, so everything is imported before the switch.
    """
    from treatytui.cli import main

    # The same command as this user first, so that every module it needs is loaded.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(argv)

    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the other user
        code = 99
        try:
            os.close(out_r)
            os.close(err_r)
            sys.stdout = open(out_w, "w", encoding="utf-8")  # noqa: SIM115
            sys.stderr = open(err_w, "w", encoding="utf-8")  # noqa: SIM115
            os.setgroups([])
            os.setgid(OTHER_UID)
            os.setuid(OTHER_UID)
            code = main(argv)
        except BaseException:  # reported to the parent, whatever it is
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    os.close(out_w)
    os.close(err_w)
    with open(out_r, encoding="utf-8") as out, open(err_r, encoding="utf-8") as err:
        stdout, stderr = out.read(), err.read()
    _pid, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), stdout, stderr


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's private (0700) temporary folders, that others may enter."""
    folder = Path(tempfile.mkdtemp(prefix="treatytui-shared-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="acting as a second user needs root (CI runs as root)",
)
def test_another_user_can_search_a_shared_index(collection_dir: Path, shared_folder: Path) -> None:
    articles = shared_folder / "articles"
    shutil.copytree(collection_dir, articles)
    index_root = shared_folder / "ix"
    with _umask(0o022):
        refresh(index_root, [articles], workers=1)
        from treatytui.collection import Collection

        collection = Collection.load(index_root)
        collection.add([articles])
        collection.save()
    code, stdout, stderr = _as_other_user(["--index", str(index_root), "search", "--json", "Hanoi"])
    assert code == 0, stderr
    hits = json.loads(stdout)
    assert len(hits) >= 2 and all(hit["path"].startswith(str(articles)) for hit in hits)
    # What the other user sees is the collection as indexed, not "no index yet".
    assert "No index" not in stderr
