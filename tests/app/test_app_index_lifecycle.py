"""The reader's index lifecycle, told by messages: a deleted index folder is said, not
silently rebuilt; progress reports replace each other in the queue."""

from __future__ import annotations

import shutil

from conftest import SIZE, settle
from treatytui.app.messages import IndexChanged, IndexProgress


async def test_a_deleted_index_folder_is_said_and_a_reindex_says_what_it_builds(
    make_app, seed_index
):
    app = make_app(poll_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.last_result.total == 2
        shutil.rmtree(seed_index)
        for _ in range(50):
            await pilot.pause(0.1)
            if any("was deleted" in n.message for n in app._notifications):
                break
        deleted = [n for n in app._notifications if "was deleted" in n.message]
        assert deleted and deleted[0].severity == "warning"
        assert seed_index.name in deleted[0].message
        assert app.main.last_result.total == 2  # what was open is still shown
        await pilot.press("ctrl+r")
        await settle(pilot)
        notices = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("the bundled seeds only" in m for m in notices), notices
        assert seed_index.exists()


def test_a_newer_progress_report_replaces_an_older_one_in_the_queue() -> None:
    older, newer = IndexProgress(1, 10), IndexProgress(2, 10)
    assert older.can_replace(newer)
    assert not older.can_replace(IndexChanged(3))
