"""This process's side of the durable work queue (`knowledge.workspace.work`): every acknowledged command and
mention is queued before its work starts and dropped once it is answered; a background thread renews the leases
of what this process holds and takes over what a dead process left (answered here, within a lease and a sweep).

A store that cannot be reached does not stop an answer: the work then runs unqueued (it would only be told
"store unreachable" anyway), and the outage is logged once by `ThreadStores.report`.

The acknowledgement does not wait for the store: `submit` hands the item to one writer thread and returns, and
the writer queues everything that arrived meanwhile in one transaction, then starts answering it. An ack that
waited for its queue row (as until 2026-12-07) spent its time not in SQLite (~0.5 ms a batch) but in getting the
interpreter lock back after each of the transaction's three blocking calls, behind every other thread of the
process (benchmarks/README.md, "ack path"). The price: a process killed in the milliseconds between an ack and
its batch's commit loses those commands (Slack does not resend an acknowledged command); from the commit on,
a dead process's work is taken over as before.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from knowledge.workspace.work import WorkItem, finish, queue_many, reclaim, renew

log = logging.getLogger("briefbot.work")
Handler = Callable[[Any, Any, WorkItem], None]  # (deps, Slack client, item): answers the request


class Inflight:
    """`deps`: the app's `bot.deps.Deps` (its stores, work pool and clock; typed loosely, as Deps holds this)."""

    def __init__(self, deps: Any, lease_seconds: float, client: Any, handlers: Mapping[str, Handler]) -> None:
        self.deps, self.client, self.handlers = deps, client, handlers
        self.lease = timedelta(seconds=lease_seconds)
        self._held: set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._incoming: queue.SimpleQueue[tuple[WorkItem, Any] | None] = queue.SimpleQueue()
        self._writing = True
        self._gate = threading.Lock()  # nothing is put after the writer's last item (`stop`)
        self._writer = threading.Thread(target=self._write_loop, name="briefbot-queue", daemon=True)
        self._writer.start()

    def _failed(self, exc: Exception, what: str) -> None:
        if not self.deps.stores.report(exc):
            log.exception("durable work: %s failed", what)

    def submit(self, item: WorkItem, client: Any) -> None:
        """Hand `item` to the writer and return at once: it is queued durably with whatever else arrives
        meanwhile, then answered on the work pool; a duplicate of queued work is left to its first copy. After
        `stop` the item is queued and handed over in the caller's thread."""
        with self._gate:
            if self._writing:
                self._incoming.put((item, client))
                return
        self._queue_batch([(item, client)])

    def _write_loop(self) -> None:
        while True:
            first = self._incoming.get()
            if first is None:
                return
            batch, last = [first], False
            while not last:
                try:
                    more = self._incoming.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    last = True
                else:
                    batch.append(more)
            self._queue_batch(batch)
            if last:
                return

    def _queue_batch(self, batch: list[tuple[WorkItem, Any]]) -> None:
        items = [item for item, _ in batch]
        try:
            fresh = queue_many(self.deps.stores.get(), items, self.deps.clock(), self.lease)
        except Exception as exc:
            self._failed(exc, "queueing")
            fresh = [True] * len(batch)
        started: set[str] = set()
        for (item, client), new in zip(batch, fresh, strict=True):
            if not new or item.id in started:
                continue
            started.add(item.id)
            with self._lock:
                self._held.add(item.id)
            self.deps.work.submit(self._run, item, client)

    def _run(self, item: WorkItem, client: Any) -> None:
        try:
            self.handlers[item.kind](self.deps, client, item)
        finally:
            with self._lock:
                self._held.discard(item.id)
            try:
                finish(self.deps.stores.get(), item.id)
            except Exception as exc:
                self._failed(exc, "finishing")

    def tick(self) -> int:
        """Renew our leases, take over expired work; how many items were taken over."""
        with self._lock:
            held = sorted(self._held)
        try:
            store = self.deps.stores.get()
            now = self.deps.clock()
            renew(store, held, now, self.lease)
            taken, dropped = reclaim(store, now, self.lease)
        except Exception as exc:
            self._failed(exc, "sweeping")
            return 0
        for item in dropped:
            log.warning("gave up on %s %s: taken over %d times without an answer", item.kind, item.id, item.attempts)
        for item in taken:
            if item.kind not in self.handlers:
                log.warning("durable work %s of unknown kind %r dropped", item.id, item.kind)
                continue
            log.info("taking over %s %s from a process that stopped (attempt %d)", item.kind, item.id, item.attempts)
            with self._lock:
                self._held.add(item.id)
            self.deps.work.submit(self._run, item, self.client)
        return len(taken)

    def start(self) -> None:
        """The background sweep, every third of a lease (so a lease is renewed twice before it could run out)."""
        every = self.lease.total_seconds() / 3

        def loop() -> None:
            while not self._stop.wait(every):
                self.tick()

        self._thread = threading.Thread(target=loop, name="briefbot-durable", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Queue and hand over what was submitted so far, then end the writer and the sweep."""
        with self._gate:
            writing, self._writing = self._writing, False
            if writing:
                self._incoming.put(None)
        if writing:
            self._writer.join(timeout=10)
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
