"""The durable work queue's writer (`bot.durable.Inflight`): what is acknowledged is queued right after the ack,
once, and answered once; stopping queues and hands over everything submitted before it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

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


def open_files(path: Path) -> int:
    """How many descriptors of this process are open on `path` (each SQLite connection holds one)."""
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if os.path.realpath(fd) == str(path.resolve()))


def queued(db: Path) -> int:
    look = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM pending_work')"
    out = subprocess.run([sys.executable, "-c", look + ".fetchone()[0])", str(db)], capture_output=True, text=True)
    return int(out.stdout)


def test_answered_work_is_dropped_from_the_queue_by_its_writer_not_by_the_threads_that_answer(tmp_path):
    answered: list[str] = []
    release, all_answered = threading.Event(), threading.Event()
    items = [WorkItem(f"command-{i}", "command", {"n": i}) for i in range(12)]

    def answer(deps, client, item: WorkItem) -> None:
        release.wait(10)  # every answer starts before any ends: the pool runs one per thread
        answered.append(item.id)
        if len(answered) == len(items):
            all_answered.set()

    db = tmp_path / "queue.db"
    deps = Deps(stores=ThreadStores(db), fetcher_factory=lambda: None)
    inflight = Inflight(deps, 15, None, {"command": answer})
    try:
        for item in items:
            inflight.submit(item, None)
        release.set()
        assert all_answered.wait(10)
        for _ in range(100):  # until every answered item is dropped (looked at from another process: SQLite
            if queued(db) == 0:  # keeps a closed connection's descriptor while another one in the process is open)
                break
            time.sleep(0.05)
        # the work pool's threads (still alive) never opened a store connection: only the writer did
        assert open_files(db) == 1
    finally:
        release.set()
        deps.shutdown()
