"""The SQLite store reads its schema once per change: rows written after the first never ask for it again, and a
table or column added (here, by another connection, or undone by a rollback) is seen as it is."""

from __future__ import annotations

import sqlite3

import pytest

from knowledge.store import Store


@pytest.fixture
def sqlite_store(tmp_path):
    with Store.open(tmp_path / "briefbot.db") as s:
        yield s


def _schema_reads(store, write) -> list[str]:
    seen: list[str] = []
    with store.db.tracer(lambda sql, params: seen.append(sql)):
        write()
    return [sql for sql in seen if "sqlite_master" in sql or "table_info" in sql]


def test_rows_written_after_the_first_never_read_the_schema_again(sqlite_store):
    table = "sources"
    # sqlite-utils probes SQLite's features with a throwaway table on its first upsert (a schema change itself)
    for n in range(2):
        sqlite_store.db.table(table).upsert({"id": f"w{n}", "name": "Harbor Ledger", "domain": "ledger.test"}, pk="id")
    for n in range(1, 4):
        row = {"id": f"s{n}", "name": f"Outlet {n}", "domain": f"o{n}.test"}
        assert _schema_reads(sqlite_store, lambda r=row: sqlite_store.db.table(table).upsert(r, pk="id")) == []
    assert sqlite_store.db.table(table).count == 5


def test_a_table_or_column_added_on_this_or_another_connection_is_seen(sqlite_store, tmp_path):
    db = sqlite_store.db
    assert "extra_here" not in db.table_names()
    db.execute("CREATE TABLE extra_here (id TEXT PRIMARY KEY)")
    assert "extra_here" in db.table_names()
    other = sqlite3.connect(tmp_path / "briefbot.db")
    other.execute("CREATE TABLE extra_there (id TEXT PRIMARY KEY)")
    other.execute("ALTER TABLE extra_here ADD COLUMN note TEXT")
    other.commit()
    other.close()
    assert "extra_there" in db.table_names()
    assert [c.name for c in db.table("extra_here").columns] == ["id", "note"]
    db.table("extra_here").insert({"id": "a", "note": "seen"}, pk="id")
    assert db.table("extra_here").get("a")["note"] == "seen"


def test_a_table_created_in_a_rolled_back_transaction_is_not_listed(sqlite_store):
    db = sqlite_store.db
    db.table_names()
    with pytest.raises(RuntimeError), sqlite_store.transaction():
        db.execute("CREATE TABLE undone (id TEXT)")
        assert "undone" in db.table_names()
        raise RuntimeError("roll back")
    assert "undone" not in db.table_names()
    db.table("undone").insert({"id": "x", "n": 1})  # sqlite-utils creates it afresh
    assert db.table("undone").count == 1
