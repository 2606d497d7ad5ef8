"""The durable work queue's writer (`bot.durable.Inflight`): what is acknowledged is queued right after the ack,
once, and answered once; stopping queues and hands over everything submitted before it."""

from __future__ import annotations

import threading

from bot.deps import Deps
from bot.durable import Inflight
from knowledge.store.threads import ThreadStores
from knowledge.workspace.work import WorkItem


def test_work_submitted_in_a_burst_is_queued_once_answered_once_and_dropped_once_answered(tmp_path):
    answered: list[str] = []
    release = threading.Event()

    def answer(deps, client, item: WorkItem) -> None:
        release.wait(10)  # answers wait, so every item is still queued when the duplicates arrive
        answered.append(item.id)

    deps = Deps(stores=ThreadStores(tmp_path / "queue.db"), fetcher_factory=lambda: None)
    inflight = Inflight(deps, 15, None, {"command": answer})
    items = [WorkItem(f"command-{i}", "command", {"n": i}) for i in range(12)]
    try:
        for item in items + items[:4]:  # the first four twice: a duplicate is left to its first copy
            inflight.submit(item, None)
        inflight.stop()  # returns once everything submitted is queued and handed to the work pool
        queued = sorted(row["id"] for row in deps.stores.get().db["pending_work"].rows)
        assert queued == sorted(item.id for item in items)
        release.set()
        deps.work.shutdown(wait=True)
        assert answered and sorted(answered) == sorted(item.id for item in items)
        assert deps.stores.get().db["pending_work"].count == 0
    finally:
        release.set()
        deps.shutdown()


def test_work_submitted_after_stop_is_still_queued_and_answered(tmp_path):
    answered: list[str] = []
    deps = Deps(stores=ThreadStores(tmp_path / "queue.db"), fetcher_factory=lambda: None)
    inflight = Inflight(deps, 15, None, {"command": lambda d, c, item: answered.append(item.id)})
    try:
        inflight.stop()
        inflight.submit(WorkItem("command-late", "command", {}), None)
        deps.work.shutdown(wait=True)
        assert answered == ["command-late"]
    finally:
        deps.shutdown()
