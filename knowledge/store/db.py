"""The connection: one SQLite file (WAL, foreign keys on), opened, migrated and wrapped in transactions here.

A `Store` wraps one connection and must stay in the thread that opened it; threaded callers (the Slack app's
workers) open one store per thread with `Store.open`. Every write of a document — the document, its mentions,
events and claims — happens inside one transaction, so a crash leaves either all of it or none of it.

Dialect-specific here: the PRAGMAs of `open` and `BEGIN IMMEDIATE` in `transaction`. A second backend replaces
this module and the table modules' SQL; callers only ever see `Store` and the typed functions beside it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from knowledge.store.documents import DocumentQueries
from knowledge.store.migrations import migrate


class StoreError(Exception):
    """A problem with the database file itself (unreadable, not SQLite, newer schema)."""


class Store(DocumentQueries):
    def __init__(self, db: sqlite_utils.Database, path: Path | None = None):
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(path), timeout=30, check_same_thread=True)
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=30000")
            db.execute("PRAGMA synchronous=NORMAL")
            migrate(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable briefbot database ({exc})") from exc
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        A deferred BEGIN that reads first and writes later fails at once with "database is locked" when another
        connection wrote in between; taking the lock first makes concurrent writers wait (busy timeout) instead.
        Nested use becomes a savepoint.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise
        else:
            self.db.conn.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
