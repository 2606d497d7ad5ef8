"""`briefbot migrate-store`: an existing SQLite store moved to PostgreSQL, whole, once, verifiably."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from bot.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)
from knowledge.brief.compose import compose
from knowledge.brief.query import parse_query
from knowledge.render.jsonview import render_json
from knowledge.store import Store
from knowledge.workspace.aliases import add_alias
from knowledge.workspace.subscriptions import list_subscriptions, subscribe

NOW = datetime(2025, 6, 25, 8, tzinfo=UTC)


def migrate(*args: str):
    return CliRunner().invoke(app, ["migrate-store", *args], catch_exceptions=False)


def said(result) -> str:
    return " ".join(result.output.split())  # the console wraps long lines


def briefing(store: Store, topic: str) -> dict:
    out = json.loads(render_json(compose(store, parse_query(topic), now=NOW)))
    out.pop("generated_at", None)
    return out


@pytest.fixture
def sqlite_demo(demo_db, tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(demo_db, path)
    with Store.open(path) as s:
        subscribe(s, "T1", "C1", "kellogg", at="08:30", now=NOW)
        add_alias(s, "Kellog", "Keith Kellogg")
    return path


def test_a_sqlite_store_moved_to_postgresql_briefs_the_same_with_the_same_citations(sqlite_demo, pg_url):
    result = migrate(str(sqlite_demo), pg_url)
    assert result.exit_code == 0, result.output
    assert "copied" in result.output and "***" not in pg_url
    with Store.open(sqlite_demo) as old, Store.open(pg_url) as new:
        assert new.stats() == old.stats()
        for topic in ("kellogg", "lukashenko", "ceasefire"):
            assert briefing(new, topic) == briefing(old, topic)
        assert [s.topic for s in list_subscriptions(new)] == ["Keith Kellogg"]
        # New rows get fresh ids after the copied ones (the identity sequences were moved on).
        subscribe(new, "T1", "C2", "witkoff", now=NOW)
        assert sorted(s.id for s in list_subscriptions(new)) == [1, 2]


def test_migrate_store_refuses_a_target_that_already_holds_data(sqlite_demo, pg_url):
    assert migrate(str(sqlite_demo), pg_url).exit_code == 0
    again = migrate(str(sqlite_demo), pg_url)
    assert again.exit_code == 1
    assert "is not empty" in said(again) and "documents" in said(again)


def test_a_copy_that_fails_half_way_leaves_the_target_empty_and_can_be_run_again(sqlite_demo, pg_url):
    with Store.open(pg_url) as target:
        target.db.execute(
            "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
        )
        target.db.execute("CREATE TRIGGER boom BEFORE INSERT ON claim_about FOR EACH ROW EXECUTE FUNCTION boom()")
    with pytest.raises(Exception, match="disk full"):
        migrate(str(sqlite_demo), pg_url)
    with Store.open(pg_url) as target:
        assert target.stats()["documents"] == 0 and target.stats()["claims"] == 0
        assert target.db["aliases"].count > 0  # the shipped aliases are back: the whole copy was rolled back
        target.db.execute("DROP TRIGGER boom ON claim_about")
    assert migrate(str(sqlite_demo), pg_url).exit_code == 0


def test_migrate_store_names_a_missing_source_and_a_bad_target_scheme(tmp_path, sqlite_demo):
    missing = migrate(str(tmp_path / "nope.db"), "postgresql://127.0.0.1:1/x")
    assert missing.exit_code == 1 and "no such SQLite file" in said(missing)
    bad = migrate(str(sqlite_demo), "mysql://user:secret@db/briefbot")
    assert bad.exit_code == 1 and "unsupported database URL scheme 'mysql'" in said(bad)
    assert "secret" not in bad.output
