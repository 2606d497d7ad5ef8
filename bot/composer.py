"""Where briefings are composed: `InProcess` (a few at a time in this process) or `WorkerProcesses` (a pool of
compose processes, what `briefbot serve` uses).

Why processes: composing is pure Python. In the serving process it holds the interpreter lock for tens of
milliseconds at a time, and every acknowledgement — which must reach Slack within 3 s, and which users feel as the
command's speed — waits for the lock behind it: with two briefings composed at once, acks at 20 concurrent
commands took p99 130-210 ms although their own work takes a few (benchmarks/serve.py, benchmarks/README.md). In
worker processes composing runs on other cores, under a lower scheduling priority (`COMPOSE_NICE`), and the
serving process only acknowledges, queues and delivers.

A worker process opens its own store connection (`ThreadStores`: checked before use, reopened after an outage).
A worker that dies (killed, out of memory) breaks the pool: the pool is replaced and the briefing composed once
more, so the user still gets an answer; the durable queue (`bot.durable`) covers the serving process dying.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
import time
import traceback
from abc import ABC, abstractmethod
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path

from bot.briefings import BriefingJob, answer_briefing
from bot.slack.messages import Reply
from knowledge.store import Store
from knowledge.store.errors import StoreUnreachable
from knowledge.store.health import reason, unavailable
from knowledge.store.threads import ThreadStores

log = logging.getLogger("briefbot.compose")

# Briefings composed at once in the serving process (`InProcess`). Under the interpreter lock two at a time deliver
# as many per second as eight, while every further one makes each acknowledgement wait longer (benchmarks/serve.py,
# 20 concurrent: 8 at once → ack p99 170-570 ms, 2 → 141-144 ms, 1 → 151-166 ms and a third fewer briefings/s).
COMPOSE_AT_ONCE = 2
# Scheduling priority of compose processes (added to the serving process's niceness): when cores are short, the
# operating system runs acknowledgements first and briefings a moment later, not the other way round.
COMPOSE_NICE = 5


class ComposeFailed(RuntimeError):
    """Composing failed in a worker process; the message carries the worker's traceback (for the log)."""


class Composer(ABC):
    """Composes one briefing job into its Slack reply. `store` is the caller's connection; an implementation may
    use its own (a worker process cannot share the caller's)."""

    @abstractmethod
    def reply(self, job: BriefingJob, store: Store) -> Reply: ...

    @abstractmethod
    def close(self) -> None:
        """Finish what is under way and release processes and connections."""


class InProcess(Composer):
    """Compose in the calling thread, at most `at_once` at a time (`BRIEFBOT_COMPOSE_PROCESSES=0`, the `worker`
    command's dependencies, tests that call the router directly)."""

    def __init__(self, at_once: int = COMPOSE_AT_ONCE) -> None:
        self._turns = threading.BoundedSemaphore(at_once)

    def reply(self, job: BriefingJob, store: Store) -> Reply:
        with self._turns:
            return answer_briefing(store, job)

    def close(self) -> None:
        """Nothing of its own to release: it composes on its callers' threads and connections."""


class WorkerProcesses(Composer):
    """`processes` compose processes on the store at `target`, started and ready before it returns, so the first
    briefing does not wait for one to import the engine."""

    def __init__(self, target: str | Path, processes: int) -> None:
        if processes < 1:
            raise ValueError("WorkerProcesses needs at least one process (use InProcess for none)")
        self.target, self.processes = str(target), processes
        self._lock = threading.Lock()
        self._closed = False
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        from bot.logs import configured_format

        verbose = logging.getLogger("briefbot").getEffectiveLevel() <= logging.INFO
        pool = ProcessPoolExecutor(
            self.processes,
            mp_context=_context(),
            initializer=_worker_start,
            initargs=(self.target, configured_format(), verbose),
        )
        # each submit with no idle worker spawns one: all start now, and are ready (the engine imported, logging set
        # up; each opens its store on its first job) before the app takes its first request; a worker that cannot
        # start fails start-up here
        pings = [pool.submit(_ping) for _ in range(self.processes)]
        for ping in pings:
            ping.result()
        return pool

    def reply(self, job: BriefingJob, store: Store) -> Reply:
        for attempt in (1, 2):
            pool = self._pool
            try:
                future: Future[Reply] = pool.submit(_compose, job)
                return future.result()
            except BrokenProcessPool:
                if self._closed:
                    raise
                self._replace(pool)
                log.warning("a compose process stopped while composing; started new ones (attempt %d of 2)", attempt)
        raise ComposeFailed("compose processes stopped twice while composing this briefing")

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken and not self._closed:  # the first thread to see it replaces it
                self._pool = self._start()
        broken.shutdown(wait=False, cancel_futures=True)

    def pids(self) -> list[int]:
        """The compose processes running now (for operators' tools and fault tests)."""
        return sorted(p.pid for p in getattr(self._pool, "_processes", {}).values() if p.pid is not None)

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True)


def _context() -> BaseContext:
    """Workers are forked from multiprocessing's fork server, a small single-threaded process that imported the
    engine once: a new or replacement worker starts in milliseconds instead of importing for a second. (Forking
    the serving process itself is unsafe: it runs threads.) Platforms without it spawn each worker afresh."""
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover - not on Linux or macOS
        return get_context("spawn")
    context = get_context("forkserver")
    context.set_forkserver_preload(["bot.composer", "knowledge.brief.compose"])
    return context


# ---- in the worker process -------------------------------------------------------------------------------------

_stores: ThreadStores | None = None


def _worker_start(target: str, log_format: str | None, verbose: bool) -> None:
    global _stores
    _exit_with_parent()
    if log_format is not None:
        from bot.logs import configure

        configure(verbose, log_format)
    with contextlib.suppress(OSError):  # a platform without priorities: compose at the same one
        os.nice(COMPOSE_NICE)
    _stores = ThreadStores(target)
    import knowledge.brief.compose  # noqa: F401  (imported now, not on the first user's briefing)


def _exit_with_parent() -> None:
    """A serving process that is killed cannot stop its workers, and they would wait for work for ever (each
    holds the work pipe's other end, so it never reports end of file): a worker leaves when its parent is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - always set in a spawned worker
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="briefbot-parent-watch", daemon=True).start()


def _ping() -> int:
    """Answered once this worker's initializer has run; it lingers a moment so each worker takes one ping rather
    than the first ready one taking them all."""
    time.sleep(0.1)
    return os.getpid()


def _compose(job: BriefingJob) -> Reply:
    """Errors cross back as exceptions the serving process reads like its own: an unreachable store as
    `StoreUnreachable` (the user is told to try again; the outage logged once), anything else as `ComposeFailed`
    with the worker's traceback (a driver's exception may not survive pickling)."""
    assert _stores is not None, "the pool's initializer opens the store"
    try:
        return answer_briefing(_stores.get(), job)
    except Exception as exc:
        if unavailable(exc):
            raise StoreUnreachable(reason(exc)) from None
        raise ComposeFailed(traceback.format_exc()) from None
