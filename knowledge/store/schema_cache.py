"""A SQLite connection that reads its schema once per schema change, not once per row written.

sqlite-utils asks `sqlite_master` whether a table exists, and `PRAGMA table_info` for its columns, before every
insert, update and upsert (and lists the views on every `db.table(name)`): ~200 table lists for each document
ingested, ~0.1 ms each, more than the rows they precede. The schema only changes when migrations run (at
`Store.open`), so the answers are kept and read again only when SQLite's `schema_version` — one integer, bumped by
any CREATE, DROP or ALTER on this connection or another, and restored by a rollback — has moved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import sqlite_utils
from sqlite_utils.db import Column, Table

T = TypeVar("T")


class SchemaCachingDatabase(sqlite_utils.Database):
    """`sqlite_utils.Database` whose table names, view names and table columns are read once per schema version."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._schema_version: int | None = None
        self._schema: dict[tuple[object, ...], Any] = {}

    def schema_known(self, key: tuple[object, ...], read: Callable[[], T]) -> T:
        """`read()`'s answer for `key`, read again only after the schema changed."""
        version = self.conn.execute("PRAGMA schema_version").fetchone()[0]
        if version != self._schema_version:
            self._schema_version, self._schema = version, {}
        if key not in self._schema:
            self._schema[key] = read()
        return cast(T, self._schema[key])

    def table_names(self, fts4: bool = False, fts5: bool = False) -> list[str]:
        return list(
            self.schema_known(
                ("tables", fts4, fts5), lambda: super(SchemaCachingDatabase, self).table_names(fts4, fts5)
            )
        )

    def view_names(self) -> list[str]:
        return list(self.schema_known(("views",), lambda: super(SchemaCachingDatabase, self).view_names()))

    def table(self, table_name: str, **kwargs: Any) -> Table:
        if table_name in self.view_names():
            return super().table(table_name, **kwargs)  # sqlite-utils refuses it, as it always did
        kwargs.setdefault("strict", self.strict)
        return _SchemaCachingTable(self, table_name, **kwargs)


class _SchemaCachingTable(Table):
    @property
    def columns(self) -> list[Column]:
        db = cast(SchemaCachingDatabase, self.db)
        return list(db.schema_known(("columns", self.name), lambda: Table.columns.fget(self)))  # type: ignore[attr-defined]
