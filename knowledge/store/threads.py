"""One store connection per thread, for the threaded front ends (the Slack app's workers, the scheduler)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from knowledge.store.db import Store, backend_of, redact
from knowledge.store.errors import StoreUnreachable
from knowledge.store.health import outage_for, unavailable


class ThreadStores:
    """One store connection per thread: SQLite connections must not cross threads, and WAL plus a busy timeout
    lets the Slack app's worker threads read and write the same file without "database is locked".

    The HTTP server runs each request on a new thread. A finished thread's SQLite store is closed; its
    PostgreSQL store (a server connection, costly to open and limited in number) is kept idle and handed to the
    next new thread instead, so a busy replica holds about as many connections as it runs threads at once.

    Connections heal: each one handed out is checked first (`Store.alive`, one round trip on PostgreSQL) and
    replaced when the server dropped it, so the first request after an outage already works. Failures that mean
    the store is unreachable go to this target's `Outage` (`report`): one log line when it starts, one when the
    next connection handed out works again (a SQLite file, which has no connection to lose: after `SQLITE_QUIET`
    seconds without a failure)."""

    def __init__(self, path: str | Path):
        self.path = path  # a SQLite path or a postgresql:// URL, as `Store.open` takes it
        self._reuse = backend_of(path) == "postgresql"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[tuple[threading.Thread, Store]] = []
        self._idle: list[Store] = []
        self.outage = outage_for(redact(str(path)))

    CONNECT_TIMEOUT = 2  # seconds a new connection may take: well inside Slack's 3 s for an acknowledgement
    SQLITE_QUIET = 10.0  # seconds without a failed write before a SQLite store's outage counts as over

    def get(self) -> Store:
        """This thread's store, checked; `StoreUnreachable` (reported to the outage) when none can be opened.
        While the store is known to be down, only one caller a second actually tries it (`Outage.may_probe`)."""
        if self._reuse and self.outage.down and not self.outage.may_probe():
            exc = StoreUnreachable(f"{self.outage.target}: still unreachable")
            self.report(exc)
            raise exc
        store: Store | None = getattr(self._local, "store", None)
        if store is not None and not store.alive():
            self._forget(store)
            store = None
        while store is None:
            with self._lock:
                self._reap()
                store = self._idle.pop() if self._idle else None
            if store is not None and not store.alive():
                store = None  # closed by alive(); try the next idle one
                continue
            if store is None:
                try:
                    store = Store.open(self.path, connect_timeout=self.CONNECT_TIMEOUT)
                except Exception as exc:
                    self.report(exc)
                    raise
            self._local.store = store
            with self._lock:
                self._all.append((threading.current_thread(), store))
        self.outage.recovered(0.0 if self._reuse else self.SQLITE_QUIET)
        return store

    def report(self, exc: BaseException) -> bool:
        """True when `exc` means the store is unreachable (logged once per outage, no traceback); False for any
        other error, which the caller handles as the bug it is."""
        if not unavailable(exc):
            return False
        self.outage.failed(exc)
        return True

    def ready(self) -> tuple[bool, str]:
        """For a readiness probe: (True, "ok") when a checked connection is at hand, else (False, the reason)."""
        try:
            self.get()
        except Exception as exc:
            if not self.report(exc):
                raise
            return False, f"briefing store unreachable: {exc}"
        return True, "ok"

    def _forget(self, store: Store) -> None:
        self._local.store = None
        with self._lock:
            self._all = [(t, s) for t, s in self._all if s is not store]

    def _reap(self) -> None:
        alive = []
        for thread, store in self._all:
            if thread.is_alive():
                alive.append((thread, store))
            elif self._reuse and not store.closed:
                self._idle.append(store)
            else:
                with contextlib.suppress(Exception):  # SQLite refuses a close from another thread; GC closes it
                    store.close()
        self._all = alive

    def close_all(self) -> None:
        with self._lock:
            for store in [s for _, s in self._all] + self._idle:
                with contextlib.suppress(Exception):
                    store.close()
            self._all.clear()
            self._idle.clear()
