"""The ledger of applied migrations, by name, on both backends, and the runner that applies the missing ones.

`migrations` holds the steps; this module knows how a store records them: a `schema_migrations` table of step names
(SQLite and PostgreSQL alike), each step applied in its own transaction and recorded in it, so a step is never
applied twice however the list grows. Stores made before steps were named kept only a count, which is read once to
record the first that-many steps.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Step = Callable[[sqlite_utils.Database], None]
Steps = list[Step]
MIGRATION_LOCK = 0x62726966  # advisory lock key ("brif") held while a PostgreSQL store migrates


def is_postgres(db: sqlite_utils.Database) -> bool:
    return getattr(db, "dialect", "sqlite") == "postgresql"


LEDGER = "schema_migrations"  # one row per applied migration, by its function's name


def _table_exists(db: sqlite_utils.Database, name: str) -> bool:
    if is_postgres(db):
        return db.execute("SELECT to_regclass(?)", [name]).fetchone()[0] is not None
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


def _legacy_version(db: sqlite_utils.Database) -> int:
    """How many migrations a store made before they were recorded by name had applied: SQLite kept the count in
    `PRAGMA user_version`, PostgreSQL in a one-row `schema_version` table. Read once, to fill the ledger."""
    if is_postgres(db):
        if not _table_exists(db, "schema_version"):
            return 0
        row = db.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def applied_migrations(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations this store has applied, in the order they were applied."""
    if not _table_exists(db, LEDGER):
        return []
    return [str(r[0]) for r in db.execute(f"SELECT name FROM {LEDGER} ORDER BY applied_order")]


def current_version(db: sqlite_utils.Database, steps: Steps) -> int:
    """How many of the known migrations the store has applied (all of them once `migrate` has run)."""
    known = {step.__name__ for step in steps}
    return len(known & set(applied_migrations(db)))


def _pending(db: sqlite_utils.Database, steps: Steps) -> Steps:
    done = set(applied_migrations(db))
    return [step for step in steps if step.__name__ not in done]


def _open_ledger(db: sqlite_utils.Database, steps: Steps) -> None:
    """Create the ledger if missing; a store from the positional scheme gets the names of the steps it had applied
    (the first `user_version` / `schema_version` of them), so it migrates on from where it stood. Call inside a
    write transaction."""
    if _table_exists(db, LEDGER):
        return
    db.execute(f"CREATE TABLE {LEDGER} (name TEXT PRIMARY KEY, applied_order INTEGER NOT NULL)")
    for n, step in enumerate(steps[: _legacy_version(db)], start=1):
        db.execute(f"INSERT INTO {LEDGER} (name, applied_order) VALUES (?, ?)", [step.__name__, n])


def _record(db: sqlite_utils.Database, step: Step) -> None:
    order = db.execute(f"SELECT COUNT(*) FROM {LEDGER}").fetchone()[0] + 1
    db.execute(f"INSERT INTO {LEDGER} (name, applied_order) VALUES (?, ?)", [step.__name__, order])


def migrate(db: sqlite_utils.Database, steps: Steps) -> int:
    """Apply every migration the store has not recorded yet; returns how many of the known ones it has applied.

    Each step runs in its own write transaction taken up front (BEGIN IMMEDIATE) and re-reads the ledger inside
    it, so two processes opening the same new file do not both apply a step.
    """
    if is_postgres(db):
        return _migrate_postgres(db, steps)
    if not _table_exists(db, LEDGER):
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            _open_ledger(db, steps)
        except BaseException:
            db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
    for step in _pending(db, steps):
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            if step.__name__ not in applied_migrations(db):
                step(db)
                _record(db, step)
        except BaseException:
            db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
    return current_version(db, steps)


def _migrate_postgres(db: sqlite_utils.Database, steps: Steps) -> int:
    if _table_exists(db, LEDGER) and not _pending(db, steps):
        return current_version(db, steps)  # the common case, every connection: no lock needed
    db.execute("SELECT pg_advisory_lock(?)", [MIGRATION_LOCK])
    try:
        with db.atomic():
            _open_ledger(db, steps)
        for step in _pending(db, steps):
            with db.atomic():
                step(db)
                _record(db, step)
    finally:
        db.execute("SELECT pg_advisory_unlock(?)", [MIGRATION_LOCK])
    return current_version(db, steps)
