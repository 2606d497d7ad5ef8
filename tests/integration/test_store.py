"""The store over a real SQLite file (and, where it says so, PostgreSQL): schema upgrades, idempotency, near-duplicates, atomic writes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import pytest
import sqlite_utils

from knowledge.ingest.pipeline import ingest
from knowledge.models import DocumentInput, content_hash
from knowledge.store import Store, StoreError
from knowledge.store.migrations import MIGRATIONS, applied_migrations, current_version, migrate

ARTICLE = (
    "The harbour authority of Lindenport announced on Monday that the old ferry terminal will close for repairs. "
    "Officials said the work would take six weeks and cost about two million euros. Commuters will use a temporary "
    "pier on the north bank while engineers replace the rusted pilings that have held the terminal since 1962. "
    "Local traders worry that fewer visitors will reach the market square during the closure."
)


def doc(text: str = ARTICLE, **meta) -> DocumentInput:
    meta.setdefault("outlet", "Lindenport Courier")
    meta.setdefault("published_at", datetime(2025, 5, 5, 8, tzinfo=UTC))
    return DocumentInput(text=text, **meta)


def run(store: Store, *inputs: DocumentInput):
    return ingest(store, [(f"input-{i}", inp) for i, inp in enumerate(inputs)], extract=False)


def test_a_new_file_gets_the_latest_schema_with_wal_and_foreign_keys(tmp_path):
    with Store.open(tmp_path / "new.db") as store:
        assert current_version(store.db) == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"documents_fts", "claims_fts", "entities_fts"} <= set(store.db.table_names())


def test_an_older_schema_is_upgraded_in_place_keeping_its_documents(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db["documents"].insert({"id": "abc", "text": "kept across the upgrade", "language": "en"})
    db.close()
    with Store.open(path) as store:
        assert current_version(store.db) == len(MIGRATIONS)
        assert store.get_document("abc").text == "kept across the upgrade"
        assert store.stats()["aliases"] > 0  # the shipped-aliases migration ran on the old file


def test_keys_stored_before_initials_were_joined_are_recomputed_keeping_the_users_alias(tmp_path):
    path = tmp_path / "v7.db"
    db = sqlite_utils.Database(path)
    for step in MIGRATIONS[:7]:
        step(db)
    db.execute("PRAGMA user_version = 7")
    db["entities"].insert({"id": "e1", "name": "U.S.", "name_key": "u s", "type": "GPE"})
    db["aliases"].insert_all(
        [
            {"key": "u s a", "alias": "U.S.A.", "target": "U.S.", "entity_id": "e1", "origin": "extracted"},
            {"key": "usa", "alias": "USA", "target": "United States", "entity_id": None, "origin": "user"},
        ]
    )
    db.close()
    with Store.open(path) as store:
        assert store.db.execute("SELECT name_key FROM entities WHERE id = 'e1'").fetchone()[0] == "us"
        rows = store.db.execute("SELECT alias, target FROM aliases WHERE key = 'usa'").fetchall()
        assert rows == [("USA", "United States")]
        assert not store.db.execute("SELECT 1 FROM aliases WHERE key = 'u s a'").fetchone()


def test_migrating_twice_changes_nothing(tmp_path):
    with Store.open(tmp_path / "x.db") as store:
        before = store.stats()
        assert migrate(store.db) == len(MIGRATIONS)
        assert store.stats() == before


def test_a_file_that_is_not_sqlite_is_a_clear_store_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable briefbot database"):
        Store.open(bad)


def test_ingesting_the_same_article_twice_stores_it_once_and_says_so(store):
    first = run(store, doc())
    second = run(store, doc())
    assert [r.status for r in first.results] == ["stored"]
    assert [r.status for r in second.results] == ["exists"]
    assert store.stats()["documents"] == 1


def test_the_same_text_with_other_whitespace_is_the_same_article(store):
    run(store, doc())
    again = run(store, doc(text="  " + ARTICLE.replace(". ", ".\n\n")))
    assert again.results[0].status == "exists"


def test_a_known_url_is_not_stored_again_even_if_its_text_changed(store):
    run(store, doc(url="https://courier.example/ferry"))
    again = run(
        store, doc(text=ARTICLE + " Update: the council approved the budget.", url="https://courier.example/ferry")
    )
    assert again.results[0].status == "exists"
    assert store.stats()["documents"] == 1


def test_a_syndicated_copy_is_recorded_as_a_duplicate_of_the_original(store):
    run(store, doc(outlet="Lindenport Courier"))
    copy = ARTICLE.replace("Local traders worry", "Shop owners worry") + " This story first ran in the Courier."
    result = run(store, doc(text=copy, outlet="Coastal Wire", url="https://wire.example/ferry")).results[0]
    assert result.status == "duplicate"
    assert result.duplicate_of == content_hash(ARTICLE)
    assert store.get_document(result.document_id).duplicate_of == content_hash(ARTICLE)
    assert store.stats()["duplicates"] == 1


def test_a_different_story_by_the_same_outlet_is_not_a_duplicate(store):
    run(store, doc())
    other = (
        "Lindenport's football club signed a new goalkeeper on Friday, the club said in a statement. The player, "
        "who spent five seasons abroad, joins on a two-year contract and will wear the number one shirt this season."
    )
    assert run(store, doc(text=other)).results[0].status == "stored"


def test_duplicates_inside_one_batch_are_caught(store):
    copy = ARTICLE.replace("six weeks", "six full weeks")
    report = run(store, doc(), doc(text=copy, outlet="Coastal Wire"))
    assert [r.status for r in report.results] == ["stored", "duplicate"]


def test_a_crash_in_the_middle_of_a_document_leaves_no_partial_rows(tmp_path):
    """A separate process dies (os._exit) while writing the document's mentions; nothing of it survives."""
    path = tmp_path / "crash.db"
    Store.open(path).close()
    script = textwrap.dedent(
        f"""
        import os
        from knowledge.store import Store
        from knowledge.models import DocumentInput
        from knowledge.extract.analysis import Analysis, LocalEntity
        from knowledge.extract.persist.writer import write_analysis
        store = Store.open({str(path)!r})
        store.db.conn.create_function("crash", 0, lambda: os._exit(3))
        store.db.execute("CREATE TEMP TRIGGER boom BEFORE INSERT ON mentions BEGIN SELECT crash(); END")
        text = {ARTICLE!r}
        with store.db.atomic():
            d = store.insert_document(DocumentInput(text=text, outlet="Courier"), ["0:x"], None)
            write_analysis(store, d, Analysis(entities=[LocalEntity("Lindenport", "GPE", [(4, 14)])]))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    with Store.open(path) as store:
        stats = store.stats()
    assert stats["documents"] == 0 and stats["sources"] == 0 and stats["entities"] == 0 and stats["mentions"] == 0


def test_a_failed_write_rolls_back_the_whole_document(store):
    """A write that fails half-way (here: the band rows, after the document row) leaves nothing behind."""
    if store.is_postgres:
        import psycopg

        store.db.execute(
            "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
        )
        store.db.execute("CREATE TRIGGER boom BEFORE INSERT ON document_bands FOR EACH ROW EXECUTE FUNCTION boom()")
        failure: type[Exception] = psycopg.errors.RaiseException
    else:
        store.db.execute(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON document_bands BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
        failure = sqlite3.IntegrityError
    with pytest.raises(failure):
        run(store, doc())
    assert store.stats()["documents"] == 0
    store.db.execute("DROP TRIGGER boom" + (" ON document_bands" if store.is_postgres else ""))
    assert run(store, doc()).results[0].status == "stored"


@pytest.mark.parametrize("url", ["mysql://u@db/briefbot", "postgres+foo://u@db/briefbot", "sqlite+pysqlite://x"])
def test_a_database_url_of_another_scheme_is_refused_and_creates_no_file(url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="unsupported database URL scheme"):
        Store.open(url)
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_postgresql_server_is_a_clear_error_that_hides_the_password(tmp_path, monkeypatch):
    from tests.pgcluster import _free_port

    monkeypatch.chdir(tmp_path)
    url = f"postgresql://briefbot:hunter2@127.0.0.1:{_free_port()}/briefbot"
    with pytest.raises(StoreError) as err:
        Store.open(url)
    assert "cannot connect to PostgreSQL" in str(err.value) and "hunter2" not in str(err.value)
    assert "briefbot:***@127.0.0.1" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_postgresql_records_every_migration_by_name_and_a_reopen_migrates_nothing(pg_url):
    with Store.open(pg_url) as store:
        assert current_version(store.db) == len(MIGRATIONS)
        assert applied_migrations(store.db) == [step.__name__ for step in MIGRATIONS]
        assert {"documents_fts", "claims_fts", "entities_fts", "idx_events_quote_trgm"} <= set(store.db.index_names())
        assert migrate(store.db) == len(MIGRATIONS)


def test_a_sqlite_store_from_the_numbered_scheme_records_its_steps_by_name_and_migrates_on(tmp_path):
    path = tmp_path / "numbered.db"
    db = sqlite_utils.Database(path)
    for step in MIGRATIONS[:5]:
        step(db)
    db.execute("PRAGMA user_version = 5")
    db["documents"].insert({"id": "abc", "text": "kept across the upgrade", "language": "en"})
    db.close()
    with Store.open(path) as store:
        names = applied_migrations(store.db)
        assert names == [step.__name__ for step in MIGRATIONS]  # the five it had, then the rest, each once
        assert store.get_document("abc").text == "kept across the upgrade"
        assert store.db.execute("SELECT COUNT(*) FROM subscriptions").fetchone() == (0,)  # m005 was not re-run


def test_a_postgresql_store_from_the_numbered_scheme_records_its_steps_by_name_and_migrates_on(pg_url):
    from knowledge.store.postgres import PgDatabase

    db = PgDatabase.connect(pg_url)
    with db.atomic():
        for step in MIGRATIONS[:7]:
            step(db)
        db.execute("CREATE TABLE schema_version (version BIGINT NOT NULL)")
        db.execute("INSERT INTO schema_version (version) VALUES (7)")
        db.execute("INSERT INTO sources (id, name) VALUES ('s1', 'Lindenport Courier')")
    db.close()
    with Store.open(pg_url) as store:
        assert applied_migrations(store.db) == [step.__name__ for step in MIGRATIONS]
        assert store.db.execute("SELECT name FROM sources").fetchall() == [("Lindenport Courier",)]
        assert "slack_installations" in store.db.table_names()  # a step after the seventh ran
        assert migrate(store.db) == len(MIGRATIONS)


def test_a_migration_is_known_by_its_name_not_its_place_in_the_list(tmp_path, monkeypatch):
    from knowledge.store import migrations

    with Store.open(tmp_path / "named.db") as store:
        ran = []

        def m999_late_fix(db):
            ran.append(True)

        # a new step, and the list reordered: only the step never applied runs, once
        monkeypatch.setattr(migrations, "MIGRATIONS", [m999_late_fix, *reversed(MIGRATIONS)])
        assert migrate(store.db) == len(MIGRATIONS) + 1
        assert migrate(store.db) == len(MIGRATIONS) + 1
        assert ran == [True]
        assert applied_migrations(store.db)[-1] == "m999_late_fix"
