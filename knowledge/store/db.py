"""The connection: a SQLite file (WAL, foreign keys on) or a PostgreSQL database, opened, migrated and wrapped in
transactions here.

`BRIEFBOT_DB` (or `--db`) names either a SQLite path or a `postgresql://` URL; any other `scheme://` is refused,
so a mistyped URL never silently becomes a local file named after it. A `Store` wraps one connection and must stay
in the thread that opened it; threaded callers (the Slack app's workers) open one store per thread with
`Store.open`. Every write of a document — the document, its mentions, events and claims — happens inside one
transaction, so a crash leaves either all of it or none of it.

Concurrency, the same guarantees on both: SQLite has one writer at a time (BEGIN IMMEDIATE). On PostgreSQL
writers run side by side, so a transaction that reads before it writes shared rows names a lock
(`transaction(lock=...)`, a transaction-scoped advisory lock): document writes take `KNOWLEDGE_LOCK`, because they
resolve and enrich entities every other document shares.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import sqlite_utils

from knowledge.store.documents import DocumentQueries
from knowledge.store.errors import StoreError as StoreError
from knowledge.store.errors import StoreNotWritable, StoreUnreachable
from knowledge.store.health import reason, unavailable
from knowledge.store.migrations import migrate
from knowledge.store.schema_cache import SchemaCachingDatabase
from knowledge.store.writers import queue_for

if TYPE_CHECKING:
    from knowledge.store.postgres import PgDatabase

KNOWLEDGE_LOCK = "knowledge"  # documents, entities, aliases: everything entity resolution reads and then writes
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
POSTGRES_SCHEMES = ("postgresql", "postgres")
BUSY_TIMEOUT = 30.0  # seconds a SQLite writer waits for the file's lock (other processes) or its turn (this one)


def is_database_error(exc: BaseException) -> bool:
    """Whether `exc` came from the database (unreachable, locked, full, refusing a write) rather than from our
    code meeting one odd document: a database error stops a batch after rolling back the document being written
    (the next one would meet it too), a bug met on one document costs only that document."""
    if isinstance(exc, StoreError | sqlite3.Error):
        return True
    if type(exc).__module__.startswith("psycopg"):
        import psycopg

        return isinstance(exc, psycopg.Error)
    return False


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def backend_of(target: str | Path) -> str:
    """ "sqlite" or "postgresql" for a `BRIEFBOT_DB` value; StoreError for any other URL scheme."""
    text = str(target)
    m = _SCHEME.match(text)
    if not m:
        return "sqlite"
    if m.group(1).lower() in POSTGRES_SCHEMES:
        return "postgresql"
    raise StoreError(
        f"{redact(text)}: unsupported database URL scheme {m.group(1)!r}; BRIEFBOT_DB takes a SQLite file path "
        "or a postgresql:// URL"
    )


class Store(DocumentQueries):
    def __init__(self, db: Any, path: Path | None = None, url: str | None = None):
        self.db = db
        self.path = path
        self.url = url
        self.dialect = "postgresql" if url else "sqlite"
        self.writers = queue_for(path) if path is not None and not url else None  # `knowledge.store.writers`

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @property
    def pg(self) -> PgDatabase:
        """The PostgreSQL connection wrapper, for the few things only PostgreSQL has (typed as what it is:
        `db` is declared as the sqlite-utils interface both backends provide)."""
        if not self.is_postgres:
            raise TypeError("not a PostgreSQL store")
        return cast("PgDatabase", self.db)

    @property
    def closed(self) -> bool:
        """Whether the connection is gone (PostgreSQL: closed, or broken by a lost server)."""
        return bool(self.pg.conn.closed) if self.is_postgres else False

    def check_writable(self) -> None:
        """`StoreNotWritable` naming the cause when the store cannot take a committed write (start-up check of
        `serve` and `worker`, so they stop with one line instead of answering "Sorry" to everyone)."""
        key = f"briefbot-write-check-{os.getpid()}"
        try:
            with self.transaction():  # one row written and removed again, both committed
                self.db.execute(
                    "INSERT INTO slack_requests (signature, at) VALUES (?, '0') ON CONFLICT DO NOTHING", [key]
                )
            with self.transaction():
                self.db.execute("DELETE FROM slack_requests WHERE signature = ?", [key])
        except Exception as exc:
            if not unavailable(exc):
                raise
            raise StoreNotWritable(
                f"{self.target}: the store cannot be written ({reason(exc)}): a read-only file or database, or a "
                "full disk?"
            ) from None

    def alive(self) -> bool:
        """Whether the connection still works, asked with one round trip (PostgreSQL; a SQLite file has no
        connection to lose). A restarted server leaves every open connection dead without a word: a connection
        is checked this way each time it is handed out, and a dead one is closed here."""
        if not self.is_postgres:
            return True
        if self.closed:
            return False
        import psycopg

        try:
            self.pg.conn.execute("SELECT 1")
        except psycopg.Error:
            with suppress(Exception):
                self.close()
            return False
        return True

    @property
    def target(self) -> str:
        """What this store was opened from (a path, or the URL with its password removed)."""
        return redact(self.url) if self.url else str(self.path)

    @classmethod
    def open(cls, target: str | Path, connect_timeout: int = 10) -> Store:
        """`connect_timeout`: seconds to wait for a PostgreSQL server (libpq counts 2 as its least)."""
        if backend_of(target) == "postgresql":
            return cls._open_postgres(str(target), connect_timeout)
        return cls._open_sqlite(Path(target))

    @classmethod
    def _open_sqlite(cls, path: Path) -> Store:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, check_same_thread=True)
            db = SchemaCachingDatabase(conn)  # the schema read once per change, not before every insert
            _wal(db)
            db.execute("PRAGMA foreign_keys=ON")
            db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
            db.execute("PRAGMA synchronous=NORMAL")
            migrate(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable briefbot database ({exc})") from exc
        return cls(db, path)

    @classmethod
    def _open_postgres(cls, url: str, connect_timeout: int = 10) -> Store:
        import psycopg

        from knowledge.store.postgres import PgDatabase

        try:
            db = PgDatabase.connect(url, connect_timeout)
        except psycopg.Error as exc:
            raise StoreUnreachable(f"{redact(url)}: cannot connect to PostgreSQL ({_first_line(exc)})") from None
        try:
            migrate(cast(sqlite_utils.Database, db))
        except psycopg.Error as exc:
            db.close()
            if isinstance(exc, psycopg.OperationalError):  # the server went away while we migrated
                raise StoreUnreachable(f"{redact(url)}: lost PostgreSQL ({_first_line(exc)})") from None
            raise StoreError(f"{redact(url)}: not a usable briefbot database ({_first_line(exc)})") from None
        return cls(cast(sqlite_utils.Database, db), url=url)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self, lock: str | None = None, *, urgent: bool = False) -> Iterator[None]:
        """A write transaction; nested use becomes a savepoint.

        SQLite: the write lock is taken up front (BEGIN IMMEDIATE). A deferred BEGIN that reads first and writes
        later fails at once with "database is locked" when another connection wrote in between; taking the lock
        first makes concurrent writers wait (busy timeout) instead. That one lock already serializes every
        writer, so `lock` adds nothing there; threads of this process wait their turn for it in arrival order
        (`knowledge.store.writers`) rather than race SQLite's polling busy handler, `urgent` ones (a Slack ack
        waits on them) first. PostgreSQL: `lock` names an advisory lock held until commit, which
        serializes the transactions that name it (and only those) across every process on the database.
        """
        if self.is_postgres:
            with self.pg.conn.transaction():
                if lock:
                    self.db.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", [lock])
                yield
            return
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        if self.writers is not None:
            self.writers.acquire(BUSY_TIMEOUT, urgent=urgent)
        try:
            self.db.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.db.conn.in_transaction:
                    self.db.conn.execute("ROLLBACK")
                raise
            else:
                self.db.conn.execute("COMMIT")
        finally:
            if self.writers is not None:
                self.writers.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _wal(db: sqlite_utils.Database, wait: float = 30.0) -> None:
    """Switch a file to WAL. On a brand-new file another process may be migrating it right now, and the switch
    does not wait for its lock the way statements do (no busy handler): retry for up to `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
