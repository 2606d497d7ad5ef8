"""PostgreSQL behind the small part of sqlite-utils' interface the store uses, so one set of store code and
migrations runs on both backends.

What differs is kept here, in one place:
- placeholders: the store writes SQLite's `?` and `:name`; psycopg wants `%s` and `%(name)s` (and a literal `%`
  doubled). `translate` rewrites them outside string literals and quoted names, once per distinct statement.
- table helpers (`insert`, `insert_all`, `upsert`, `update`, `get`, ...) are written as plain SQL with
  `ON CONFLICT`, which is what sqlite-utils' `ignore=True` and `upsert` mean.
- schema: Python types map to TEXT / BIGINT / DOUBLE PRECISION; an integer primary key is an identity column
  (SQLite's rowid alias); `enable_fts` becomes an expression GIN index over `to_tsvector('simple', ...)` rather
  than a shadow table, so `SELECT *` never carries a tsvector.

The connection is in autocommit mode: a read outside `transaction()` is its own statement and never leaves a
session idle in a transaction, holding locks, between two Slack requests.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from sqlite_utils.db import NotFoundError

# The text search configuration: no stemming and no stop words, like FTS5's unicode61 tokenizer.
TS_CONFIG = "simple"
# Columns each full-text index covers: the columns of SQLite's FTS5 tables (migrations m001, m002).
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("title", "text"),
    "claims": ("quote", "speaker"),
    "entities": ("name", "search_text"),
}

# INTEGER, not BIGINT, for plain integers: offsets, counts and flags fit, and substr() takes integer positions.
# Integer primary keys are BIGINT identities (SQLite's 64-bit rowid).
_TYPES = {str: "TEXT", int: "INTEGER", float: "DOUBLE PRECISION", bytes: "BYTEA", bool: "INTEGER"}
Params = Sequence[Any] | dict[str, Any] | None
Key = str | Sequence[str] | None  # a primary key: one column or several

_TOKEN = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|::|:[A-Za-z_][A-Za-z0-9_]*|\?|%""")


@functools.lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    """SQLite parameter style to psycopg's, leaving string literals, quoted names and `::` casts alone."""

    def swap(m: re.Match[str]) -> str:
        tok: str = m.group(0)
        if tok == "?":
            return "%s"
        if tok == "%":
            return "%%"
        if tok.startswith(":") and tok != "::":
            return f"%({tok[1:]})s"
        if tok.startswith("'"):
            return tok.replace("%", "%%")
        return tok

    return _TOKEN.sub(swap, sql)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def fts_document(table: str, alias: str = "") -> str:
    """The tsvector expression a table's full-text index is built on; a query repeats it exactly (with its
    table alias) so the planner uses the index."""
    prefix = f"{alias}." if alias else ""
    parts = " || ' ' || ".join(f"coalesce({prefix}{quote(c)}, '')" for c in FTS_COLUMNS[table])
    return f"to_tsvector('{TS_CONFIG}', {parts})"


_FTS5_TERM = re.compile(r'^"?([^"*\s]+)"?(\*?)$')


def fts5_to_tsquery(match: str) -> str | None:
    """The FTS5 queries topic and entity resolution build (prefix terms such as `"kell"*` or `kell*`, joined by
    AND or OR) as `to_tsquery` text; None when nothing in it can match (FTS5's `""`)."""
    out: list[str] = []
    for token in match.split():
        if token in ("AND", "OR"):
            if out and out[-1] not in ("&", "|"):
                out.append("&" if token == "AND" else "|")
            continue
        m = _FTS5_TERM.match(token)
        word = "".join(c for c in (m.group(1) if m else "") if c.isalnum())
        if not word:
            continue
        out.append(f"'{word}'" + (":*" if m and m.group(2) else ""))
    while out and out[-1] in ("&", "|"):
        out.pop()
    return " ".join(out) or None


class Cursor:
    """What callers read from `execute`: rows as tuples, `rowcount`, and iteration."""

    def __init__(self, cur: psycopg.Cursor[Any]):
        self._cur = cur
        self.rowcount = cur.rowcount
        self.description = cur.description

    def fetchone(self) -> Any:
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self) -> list[Any]:
        return self._cur.fetchall() if self._cur.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PgDatabase:
    dialect = "postgresql"

    def __init__(self, conn: psycopg.Connection[Any]):
        self.conn = conn
        self._pks: dict[str, list[str]] = {}

    @classmethod
    def connect(cls, url: str) -> PgDatabase:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10, application_name="briefbot")
        return cls(conn)

    def close(self) -> None:
        self.conn.close()

    # ---- statements ----------------------------------------------------------------------------------------

    def execute(self, sql: str, params: Params = None) -> Cursor:
        args = dict(params) if isinstance(params, dict) else tuple(params or ())
        cur = self.conn.cursor()
        cur.execute(translate(sql), args)
        return Cursor(cur)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(translate(sql), list(rows))

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Plain inserts of many rows through COPY: the same result as INSERTs (a conflict is an error, in the
        caller's transaction), several times faster for a document's mentions or a whole store's tables."""
        names = ", ".join(quote(c) for c in columns)
        with self.conn.cursor() as cur, cur.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d.name for d in cur.description or []]
        for row in cur.fetchall():
            yield dict(zip(names, row))

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A transaction, or a savepoint inside one (psycopg nests them)."""
        with self.conn.transaction():
            yield

    def __getitem__(self, name: str) -> PgTable:
        return PgTable(self, name)

    def table(self, name: str) -> PgTable:
        return PgTable(self, name)

    def table_names(self) -> list[str]:
        return [
            r[0]
            for r in self.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
            )
        ]

    def index_names(self) -> list[str]:
        return [
            r[0]
            for r in self.execute(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
            )
        ]

    def primary_key(self, table: str) -> list[str]:
        if table not in self._pks:
            rows = self.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(?) AND i.indisprimary "
                "ORDER BY array_position(i.indkey, a.attnum)",
                [quote(table)],
            ).fetchall()
            self._pks[table] = [r[0] for r in rows]
        return self._pks[table]

    def columns(self, table: str) -> list[str]:
        return [
            r[0]
            for r in self.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = ? ORDER BY ordinal_position",
                [table],
            )
        ]


def _pk_list(pk: Key) -> list[str]:
    if pk is None:
        return []
    return [pk] if isinstance(pk, str) else list(pk)


class PgTable:
    def __init__(self, db: PgDatabase, name: str):
        self.db, self.name = db, name

    # ---- schema ----------------------------------------------------------------------------------------

    def create(
        self,
        columns: dict[str, Any],
        pk: str | Sequence[str] | None = None,
        foreign_keys: Sequence[tuple[str, str, str]] = (),
    ) -> PgTable:
        pks = _pk_list(pk)
        defs = []
        for col, typ in columns.items():
            sql_type = _TYPES.get(typ, "TEXT")
            if pks == [col] and typ is int:
                defs.append(f"{quote(col)} BIGINT GENERATED BY DEFAULT AS IDENTITY")
            else:
                defs.append(f"{quote(col)} {sql_type}" + (" NOT NULL" if col in pks else ""))
        if pks:
            defs.append(f"PRIMARY KEY ({', '.join(quote(c) for c in pks)})")
        for col, other, other_col in foreign_keys:
            # Checked per statement, as SQLite checks them with foreign_keys=ON.
            defs.append(f"FOREIGN KEY ({quote(col)}) REFERENCES {quote(other)} ({quote(other_col)})")
        self.db.execute(f"CREATE TABLE {quote(self.name)} ({', '.join(defs)})")
        self.db._pks.pop(self.name, None)
        return self

    def create_index(self, columns: Sequence[str], unique: bool = False, index_name: str | None = None) -> None:
        name = index_name or f"idx_{self.name}_{'_'.join(columns)}"
        cols = ", ".join(quote(c) for c in columns)
        self.db.execute(f"CREATE {'UNIQUE ' if unique else ''}INDEX {quote(name)} ON {quote(self.name)} ({cols})")

    def enable_fts(self, columns: Sequence[str], **_: Any) -> None:
        if tuple(columns) != FTS_COLUMNS.get(self.name):
            raise ValueError(f"{self.name}: full-text columns {columns} differ from FTS_COLUMNS")
        self.db.execute(
            f"CREATE INDEX {quote(self.name + '_fts')} ON {quote(self.name)} USING gin ({fts_document(self.name)})"
        )

    def add_column(self, name: str, typ: type = str) -> None:
        self.db.execute(f"ALTER TABLE {quote(self.name)} ADD COLUMN {quote(name)} {_TYPES.get(typ, 'TEXT')}")

    # ---- rows ------------------------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return int(self.db.execute(f"SELECT COUNT(*) FROM {quote(self.name)}").fetchone()[0])

    def count_where(self, where: str, params: Params = None) -> int:
        return int(self.db.execute(f"SELECT COUNT(*) FROM {quote(self.name)} WHERE {where}", params).fetchone()[0])

    def _insert_sql(self, cols: Sequence[str], conflict: str) -> str:
        names = ", ".join(quote(c) for c in cols)
        marks = ", ".join("?" for _ in cols)
        return f"INSERT INTO {quote(self.name)} ({names}) VALUES ({marks}){conflict}"

    def _conflict(self, cols: Sequence[str], pk: Key, ignore: bool, replace: bool, upsert: bool) -> str:
        if ignore:
            return " ON CONFLICT DO NOTHING"
        if replace or upsert:
            keys = _pk_list(pk) or self.db.primary_key(self.name)
            rest = [c for c in cols if c not in keys]
            target = ", ".join(quote(k) for k in keys)
            if not rest:
                return f" ON CONFLICT ({target}) DO NOTHING"
            sets = ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in rest)
            return f" ON CONFLICT ({target}) DO UPDATE SET {sets}"
        return ""

    def insert(
        self, row: dict[str, Any], pk: Key = None, ignore: bool = False, replace: bool = False, **_: Any
    ) -> PgTable:
        cols = list(row)
        sql = self._insert_sql(cols, self._conflict(cols, pk, ignore, replace, False))
        self.db.execute(sql, [row[c] for c in cols])
        return self

    def insert_all(
        self,
        rows: Iterable[dict[str, Any]],
        pk: Key = None,
        ignore: bool = False,
        replace: bool = False,
        batch_size: int = 1000,
        **_: Any,
    ) -> PgTable:
        """Rows grouped by their column set, each group sent with executemany (one round trip per batch)."""
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                self._write(batch, pk, ignore, replace)
                batch = []
        if batch:
            self._write(batch, pk, ignore, replace)
        return self

    def _write(self, rows: list[dict[str, Any]], pk: Key, ignore: bool, replace: bool, upsert: bool = False) -> None:
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(tuple(row), []).append(row)
        for cols, group in groups.items():
            if not (ignore or replace or upsert):
                self.db.copy_rows(self.name, cols, ([r[c] for c in cols] for r in group))
                continue
            sql = self._insert_sql(cols, self._conflict(cols, pk, ignore, replace, upsert))
            self.db.executemany(sql, [[r[c] for c in cols] for r in group])

    def upsert(self, row: dict[str, Any], pk: Key = None, **_: Any) -> PgTable:
        """Insert, or update only the given columns of the row with this key (sqlite-utils' upsert)."""
        self._write([row], pk, False, False, upsert=True)
        return self

    def _key_where(self, pk_value: Any) -> tuple[str, list[Any]]:
        keys = self.db.primary_key(self.name)
        values = list(pk_value) if isinstance(pk_value, (list, tuple)) else [pk_value]
        if len(keys) != len(values):
            raise ValueError(f"{self.name}: primary key is {keys}, got {values!r}")
        return " AND ".join(f"{quote(k)} = ?" for k in keys), values

    def get(self, pk_value: Any) -> dict[str, Any]:
        where, values = self._key_where(pk_value)
        rows = list(self.db.query(f"SELECT * FROM {quote(self.name)} WHERE {where}", values))
        if not rows:
            raise NotFoundError(f"{self.name}: no row with key {pk_value!r}")
        return rows[0]

    def update(self, pk_value: Any, updates: dict[str, Any] | None = None, **_: Any) -> PgTable:
        if not updates:
            return self
        where, values = self._key_where(pk_value)
        sets = ", ".join(f"{quote(c)} = ?" for c in updates)
        self.db.execute(f"UPDATE {quote(self.name)} SET {sets} WHERE {where}", [*updates.values(), *values])
        return self

    def delete(self, pk_value: Any) -> PgTable:
        where, values = self._key_where(pk_value)
        self.db.execute(f"DELETE FROM {quote(self.name)} WHERE {where}", values)
        return self
