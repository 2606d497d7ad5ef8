"""What can go wrong with the store itself, apart from the rows in it (kept apart so `db` and `health` share
them without importing each other)."""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database itself (unreadable, not SQLite, unreachable server, unknown URL scheme)."""


class StoreNotWritable(StoreError):
    """The store took no write: read-only file or database, full disk. The message names the cause (and the
    document, when one was being written)."""


class StoreUnreachable(StoreError):
    """The PostgreSQL server cannot be reached right now: a state that passes (`knowledge.store.health`), unlike a
    wrong URL or a database that is not briefbot's."""
