"""Moving a whole store to another backend (`briefbot migrate-store`): SQLite to PostgreSQL, or back.

Every table is copied row for row, ids included, so document ids, claim ids and citation offsets stay what they
were: a briefing on the new store cites the same spans. The copy is one transaction on the target; it refuses a
target that holds anything beyond the schema's shipped aliases, and checks every table's row count before it
commits, so a failed or interrupted run leaves the target as empty as it found it and can simply be run again.
The source is only read (after `Store.open` brought it to the current schema, as any command would).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.store.db import Store

# Parents before children, so every foreign key points at a row already copied.
TABLES = [
    "sources",
    "documents",
    "document_bands",
    "entities",
    "aliases",
    "team_aliases",
    "mentions",
    "events",
    "event_actors",
    "claims",
    "claim_about",
    "disputes",
    "briefing_log",
    "handled_events",
    "subscriptions",
    "digests",
    "feeds",
    "slack_requests",
    "slack_installations",
    "slack_oauth_states",
    "pending_work",
]
# Rows must come in an order that satisfies the table's own foreign keys: originals before their copies.
_ORDER = {"documents": "duplicate_of IS NOT NULL, id"}
_IDENTITY = {"mentions", "briefing_log", "subscriptions", "digests", "feeds"}  # integer keys the database assigns


class CopyError(Exception):
    """The target store cannot take the copy (not empty, or a row count differs after copying); nothing was kept."""


def _columns(store: Store, table: str) -> list[str]:
    if store.is_postgres:
        return list(store.pg.columns(table))
    return [c.name for c in store.db.table(table).columns]


def _rows(store: Store, table: str, columns: list[str]) -> Iterator[dict[str, Any]]:
    cols = ", ".join(f'"{c}"' for c in columns)
    order = _ORDER.get(table, "rowid" if not store.is_postgres else "1")
    yield from store.db.query(f"SELECT {cols} FROM {table} ORDER BY {order}")


def occupied(store: Store) -> dict[str, int]:
    """Tables of a would-be target that already hold rows (shipped aliases do not count)."""
    out = {}
    for table in TABLES:
        where = "origin != 'shipped'" if table == "aliases" else "1 = 1"
        n = int(store.db.table(table).count_where(where))
        if n:
            out[table] = n
    return out


def _copy_table(source: Store, target: Store, table: str) -> int:
    wanted = set(_columns(target, table))
    columns = [c for c in _columns(source, table) if c in wanted]
    parents: list[tuple[str, str]] = []
    count = 0

    def rows() -> Iterator[dict[str, Any]]:
        nonlocal count
        for row in _rows(source, table, columns):
            if table == "claims" and row.get("parent_id"):
                parents.append((row["id"], row["parent_id"]))  # may point at a claim copied later
                row = {**row, "parent_id": None}
            count += 1
            yield row

    target.db.table(table).insert_all(rows(), batch_size=2000)
    for claim_id, parent_id in parents:
        target.db.execute("UPDATE claims SET parent_id = ? WHERE id = ?", [parent_id, claim_id])
    if target.is_postgres and table in _IDENTITY:
        target.db.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {table}"
        )
    have = int(target.db.table(table).count)
    if have != count:
        raise CopyError(f"{table}: copied {count} rows but the target holds {have}")
    return count


def copy_store(source: Store, target: Store, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every table of `source` into the empty `target`; returns rows per table."""
    busy = occupied(target)
    if busy:
        listed = ", ".join(f"{t} ({n})" for t, n in busy.items())
        raise CopyError(f"{target.target} is not empty: {listed}; migrate-store only fills a new store")
    copied: dict[str, int] = {}
    with target.transaction():
        target.db.execute("DELETE FROM aliases")  # the shipped ones come again, with the source's own rows
        for table in TABLES:
            copied[table] = _copy_table(source, target, table)
            if progress:
                progress(table, copied[table])
    return copied
