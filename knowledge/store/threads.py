"""One store connection per thread, for the threaded front ends (the Slack app's workers, the scheduler)."""

from __future__ import annotations

import threading
from pathlib import Path

from knowledge.store.db import Store


class ThreadStores:
    """One store connection per thread: SQLite connections must not cross threads, and WAL plus a busy timeout
    lets the Slack app's worker threads read and write the same file without "database is locked"."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.path)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close_all(self) -> None:
        with self._lock:
            for store in self._all:
                try:
                    store.close()
                except Exception:
                    pass
            self._all.clear()
