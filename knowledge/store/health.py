"""Whether the store can be reached, as one process sees it, so an outage costs one log line at its start and one
at its end instead of a traceback per request.

Which errors are an outage (`unavailable`): the server cannot be reached or dropped the connection (PostgreSQL),
or the file cannot be read or written (SQLite: disk I/O error, full disk, read-only file, locked past the busy
timeout). Those are the store's state, not a bug in the request that met them: every caller answers "try again in a
minute" and goes on; the next connection checked out (`ThreadStores.get`) notices the store is back. Anything else
(a bad SQL statement, a constraint) is a bug and keeps its traceback.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from typing import TYPE_CHECKING

from knowledge.store.errors import StoreError, StoreNotWritable, StoreUnreachable

if TYPE_CHECKING:
    from knowledge.store.db import Store

log = logging.getLogger("briefbot.store")


def unavailable(exc: BaseException) -> bool:
    """Whether `exc` says the store is unreachable or cannot be written right now (see the module docstring)."""
    if isinstance(exc, StoreUnreachable | StoreNotWritable):
        return True
    if isinstance(exc, StoreError):
        return False
    if isinstance(exc, sqlite3.OperationalError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency; without it there is no PostgreSQL store
        return False
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


def reason(exc: BaseException) -> str:
    """The first line of the error, which names the cause (a server's message, "disk I/O error", ...)."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class Outage:
    """The outage state of one store target in this process. Thread-safe; the first failure logs the start,
    the first success after it logs the end (with its length and how many operations met it)."""

    PROBE_EVERY = 1.0  # seconds between attempts to reach a store known to be down

    def __init__(self, target: str) -> None:
        self.target = target
        self.since: float | None = None
        self.failures = 0
        self._next_probe = 0.0
        self._last_failure = 0.0
        self._lock = threading.Lock()

    def may_probe(self) -> bool:
        """While the store is down, one caller a second may try it; the others are told at once that it is
        still down, so a store that does not answer at all (a partition: every attempt waits for its timeout)
        holds up one request a second, not every request."""
        now = time.monotonic()
        with self._lock:
            if self.since is None or now >= self._next_probe:
                self._next_probe = now + self.PROBE_EVERY
                return True
            return False

    @property
    def down(self) -> bool:
        return self.since is not None

    def failed(self, exc: BaseException) -> None:
        with self._lock:
            self.failures += 1
            self._last_failure = time.monotonic()
            if self.since is not None:
                return
            self.since = self._last_failure
        log.warning("briefing store %s unreachable: %s", self.target, reason(exc).removeprefix(self.target + ": "))

    def recovered(self, quiet: float = 0.0) -> None:
        """The store worked. `quiet`: seconds without a failure before that counts as the end (a SQLite file
        has no connection whose return would say so: a read-only file opens fine, and fails on each write)."""
        if self.since is None:  # the common case, without the lock
            return
        with self._lock:
            if self.since is None or time.monotonic() - self._last_failure < quiet:
                return
            took, failures = time.monotonic() - self.since, self.failures
            self.since, self.failures = None, 0
        log.warning(
            "briefing store %s reachable again after %.1f s (%d operations failed meanwhile)",
            self.target,
            took,
            failures,
        )


_outages: dict[str, Outage] = {}
_registry = threading.Lock()


def outage_for(target: str) -> Outage:
    """One `Outage` per target per process, shared by every pool of connections to it (the app's, the replay
    guard's, the scheduler's), so a process logs each outage once."""
    with _registry:
        if target not in _outages:
            _outages[target] = Outage(target)
        return _outages[target]


def check_reachable(store: Store) -> None:
    """The readiness probe's one cheap query: an indexed read of a table every store has; raises whatever the
    driver raises when the store is gone."""
    store.db.execute("SELECT 1 FROM documents LIMIT 1").fetchall()
