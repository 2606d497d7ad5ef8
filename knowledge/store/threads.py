"""One store connection per thread, for the threaded front ends (the Slack app's workers, the scheduler)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from knowledge.store.db import Store, backend_of


class ThreadStores:
    """One store connection per thread: SQLite connections must not cross threads, and WAL plus a busy timeout
    lets the Slack app's worker threads read and write the same file without "database is locked".

    The HTTP server runs each request on a new thread. A finished thread's SQLite store is closed; its
    PostgreSQL store (a server connection, costly to open and limited in number) is kept idle and handed to the
    next new thread instead, so a busy replica holds about as many connections as it runs threads at once."""

    def __init__(self, path: str | Path):
        self.path = path  # a SQLite path or a postgresql:// URL, as `Store.open` takes it
        self._reuse = backend_of(path) == "postgresql"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[tuple[threading.Thread, Store]] = []
        self._idle: list[Store] = []

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            with self._lock:
                self._reap()
                store = self._idle.pop() if self._idle else None
            if store is None:
                store = Store.open(self.path)
            self._local.store = store
            with self._lock:
                self._all.append((threading.current_thread(), store))
        return store

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
