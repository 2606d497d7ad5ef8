"""Where briefings are composed: `InProcess` (a few at a time in this process) or `WorkerProcesses` (a pool of
compose processes, what `briefbot serve` uses).

Why processes: composing is pure Python. In the serving process it holds the interpreter lock for tens of
milliseconds at a time, and every acknowledgement — which must reach Slack within 3 s, and which users feel as the
command's speed — waits for the lock behind it: with two briefings composed at once, acks at 20 concurrent
commands took p99 130-210 ms although their own work takes a few (benchmarks/serve.py, benchmarks/README.md). In
worker processes composing runs on other cores, under a lower scheduling priority (`COMPOSE_NICE`), and the
serving process only acknowledges, queues and delivers.

A worker process opens its own store connection (`ThreadStores`: checked before use, reopened after an outage).
A worker that dies (killed, out of memory) is replaced and the briefing composed once more by the new one, so the
user still gets an answer; the durable queue (`bot.durable`) covers the serving process dying.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import threading
import time
import traceback
from abc import ABC, abstractmethod
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from bot.briefings import BriefingJob, compose_and_deliver
from bot.delivery import DeliveryFailed
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
# A compose process imports the engine before it says it is ready: seconds allowed for that (a cold disk is slow).
START_SECONDS = 60.0
# On shutdown: seconds a briefing under way may take to finish before its process is stopped.
CLOSE_SECONDS = 30.0


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
            return compose_and_deliver(store, job)

    def close(self) -> None:
        """Nothing of its own to release: it composes on its callers' threads and connections."""


class WorkerProcesses(Composer):
    """`processes` compose processes on the store at `target`, started and ready before it returns, so the first
    briefing does not wait for one to import the engine.

    Each worker has its own pipe, and a caller's thread takes an idle worker, sends the job and blocks reading the
    answer, the interpreter lock released. (concurrent.futures' ProcessPoolExecutor did the same through a manager
    thread and a feeder thread that woke for every job and rebuilt a selector over every pipe each time: under
    load that thread held the serving process's lock for three quarters of its busy time, the time every
    acknowledgement waits for — measured with py-spy --gil on benchmarks/serve.py, benchmarks/README.md.)"""

    def __init__(self, target: str | Path, processes: int) -> None:
        if processes < 1:
            raise ValueError("WorkerProcesses needs at least one process (use InProcess for none)")
        self.target, self.processes = str(target), processes
        self._context = _context()
        self._lock = threading.Lock()
        self._closed = False
        self._idle: queue.SimpleQueue[_Worker | None] = queue.SimpleQueue()
        self._workers = [self._spawn() for _ in range(processes)]  # all start at once, then each is awaited
        try:
            for worker in self._workers:
                _await_ready(worker)
                self._idle.put(worker)
        except ComposeFailed:  # one failed to start: the others are stopped too, not left waiting for work
            for worker in self._workers:
                worker.stop()
            raise

    def _spawn(self) -> _Worker:
        from bot.logs import configured_format

        verbose = logging.getLogger("briefbot").getEffectiveLevel() <= logging.INFO
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_serve_jobs,
            args=(theirs, self.target, configured_format(), verbose),
            name="briefbot-compose",
            daemon=True,
        )
        process.start()
        theirs.close()  # the worker's end lives in the worker: its death then reads as end of file here
        return _Worker(process, ours)

    def reply(self, job: BriefingJob, store: Store) -> Reply:
        for attempt in (1, 2):
            worker = self._idle.get()  # waits while every worker is busy
            if worker is None:  # closed: wake the next waiter too
                self._idle.put(None)
                raise ComposeFailed("the compose processes are shut down")
            try:
                worker.conn.send(job)
                outcome = worker.conn.recv().unpack()
            except (EOFError, OSError):
                self._idle.put(self._replace(worker))
                log.warning("a compose process stopped while composing; started a new one (attempt %d of 2)", attempt)
                continue
            except BaseException:  # e.g. a job or answer that would not (un)pickle: the pipe's state is unknown
                self._idle.put(self._replace(worker))
                raise
            self._idle.put(worker)
            if isinstance(outcome, Exception):
                raise outcome
            return outcome
        raise ComposeFailed("compose processes stopped twice while composing this briefing")

    def _replace(self, dead: _Worker) -> _Worker | None:
        """A new worker in the dead one's place (None once closed). A worker that cannot start leaves the dead one
        in its slot, so the next job tries again rather than the pool shrinking for ever."""
        dead.stop()
        if self._closed:
            return None
        try:
            fresh = self._spawn()
            _await_ready(fresh)
        except Exception:
            log.exception("a compose process could not be started again; the next briefing will try")
            return dead
        with self._lock:
            self._workers = [fresh if w is dead else w for w in self._workers]
        return fresh

    def pids(self) -> list[int]:
        """The compose processes running now (for operators' tools and fault tests)."""
        with self._lock:
            return sorted(w.process.pid for w in self._workers if w.process.pid is not None and w.process.is_alive())

    def close(self) -> None:
        """Let briefings under way finish (up to `CLOSE_SECONDS`), then stop every worker."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            workers = list(self._workers)
        deadline = time.monotonic() + CLOSE_SECONDS
        for _ in workers:
            try:
                self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                log.warning("shutdown: a briefing was still composing after %s s; stopping its process", CLOSE_SECONDS)
                break
        for worker in workers:
            worker.stop()
        self._idle.put(None)  # any caller still waiting for a worker is told they are gone


@dataclass
class _Outcome:
    """A job's answer (or the exception it raised) and the log lines the compose process wrote meanwhile."""

    answer: Reply | Exception
    lines: list[logging.LogRecord]

    def unpack(self) -> Reply | Exception:
        """The lines written here, through this process's loggers (in order, as they were written), then the
        answer."""
        for line in self.lines:
            logging.getLogger(line.name).handle(line)
        return self.answer


@dataclass
class _Worker:
    """One compose process and the serving process's end of its pipe."""

    process: BaseProcess
    conn: Connection

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)  # "no more jobs"; a dead worker's pipe refuses it
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


def _await_ready(worker: _Worker) -> None:
    """A worker says it is ready once its engine is imported; one that dies or hangs while starting fails here."""
    if not worker.conn.poll(START_SECONDS):
        worker.stop()
        raise ComposeFailed(f"a compose process was not ready within {START_SECONDS} s")
    try:
        worker.conn.recv()
    except EOFError:
        worker.stop()
        raise ComposeFailed(f"a compose process exited while starting (exit code {worker.process.exitcode})") from None


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


_lines: _Lines | None = None


def _worker_start(target: str, log_format: str | None, verbose: bool) -> None:
    global _stores, _lines
    _exit_with_parent()
    from bot.logs import configure

    configure(verbose, log_format or "text")  # the serving process's levels; its handler is replaced next
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    _lines = _Lines()
    root.addHandler(_lines)
    with contextlib.suppress(OSError):  # a platform without priorities: compose at the same one
        os.nice(COMPOSE_NICE)
    _stores = ThreadStores(target)
    import knowledge.brief.compose  # noqa: F401  (imported now, not on the first user's briefing)
    from knowledge.heap import settle

    settle()


def _exit_with_parent() -> None:
    """A serving process that is killed cannot stop its workers. A worker waiting for a job sees its pipe close,
    but one composing would finish first, and a copy of the pipe held elsewhere (the fork server) could keep it
    open: a worker leaves as soon as its parent is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - always set in a spawned worker
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="briefbot-parent-watch", daemon=True).start()


def _serve_jobs(conn: Connection, target: str, log_format: str | None, verbose: bool) -> None:
    """A worker's life: start, say so, then answer jobs one at a time until told to stop or the pipe closes. An
    error crosses back as the exception object (`_compose`), so one bad briefing never ends the worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the serving process stops us
    _worker_start(target, log_format, verbose)
    conn.send(os.getpid())
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            outcome: Reply | Exception = _compose(job)
        except (StoreUnreachable, ComposeFailed, DeliveryFailed) as exc:
            outcome = exc
        lines = _lines.take() if _lines is not None else []
        try:
            conn.send(_Outcome(outcome, lines))
        except (EOFError, OSError):
            return  # the serving process is gone
        except Exception:  # an answer that will not pickle: say so rather than die and be retried
            conn.send(_Outcome(ComposeFailed(traceback.format_exc()), lines))


def _compose(job: BriefingJob) -> Reply:
    """Errors cross back as exceptions the serving process reads like its own: an unreachable store as
    `StoreUnreachable` (the user is told to try again; the outage logged once), a post Slack refused for good as
    `DeliveryFailed`, anything else as `ComposeFailed` with the worker's traceback (a driver's exception may not
    survive pickling)."""
    assert _stores is not None, "the pool's initializer opens the store"
    try:
        return compose_and_deliver(_stores.get(), job)
    except DeliveryFailed:
        raise  # Slack refused the answer for good: logged where it failed, the caller says nothing more
    except Exception as exc:
        if unavailable(exc):
            raise StoreUnreachable(reason(exc)) from None
        raise ComposeFailed(traceback.format_exc()) from None


class _Lines(logging.Handler):
    """A compose process's log lines, kept until its job's outcome goes back with them (`_Outcome`): the serving
    process writes them through its own logging, so an operator reads one stream and a failed post to Slack is
    one line there like any other. Store outage lines are left out: the serving process owns the outage's state
    and logs it when the `StoreUnreachable` crosses back (one line per outage, not one per process)."""

    def __init__(self) -> None:
        super().__init__()
        self._kept: list[logging.LogRecord] = []
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "briefbot.store":
            return
        line = logging.makeLogRecord(record.__dict__)
        line.msg, line.args = record.getMessage(), None  # arguments may not pickle; the text does
        if record.exc_info:
            line.exc_text = logging.Formatter().formatException(record.exc_info)
        line.exc_info = None
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line.fields = {
                k: v if isinstance(v, str | int | float | bool | None) else str(v) for k, v in fields.items()
            }
        with self._guard:
            self._kept.append(line)

    def take(self) -> list[logging.LogRecord]:
        with self._guard:
            kept, self._kept = self._kept, []
        return kept
