"""Schema migrations, recorded by name. Each function moves the schema one step; the `schema_migrations` table
holds the name of every step a store has applied, so a step is applied once whatever its position in the list,
each in its own transaction.

The same steps build a PostgreSQL store: they are written against sqlite-utils' table interface, which
`store.postgres` provides there too, and branch on `is_postgres(db)` only where the two must differ. Migrating a
PostgreSQL store holds an advisory lock, so two replicas starting at once migrate once (the second waits, then finds
nothing left to do). Stores made before steps were named kept a count (SQLite `PRAGMA user_version`, PostgreSQL a
one-row `schema_version` table): the first migration by name records the first that-many steps as applied.

Never edit or rename a migration that has shipped: add a new function at the end instead.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from knowledge.store import ledger
from knowledge.store.ledger import applied_migrations, is_postgres

MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = []


def migration(fn: Callable[[sqlite_utils.Database], None]) -> Callable[[sqlite_utils.Database], None]:
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_documents(db: sqlite_utils.Database) -> None:
    db.table("sources").create({"id": str, "name": str, "domain": str}, pk="id")
    db.table("documents").create(
        {
            "id": str,
            "url": str,
            "title": str,
            "source_id": str,
            "author": str,
            "published_at": str,
            "retrieved_at": str,
            "text": str,
            "language": str,
            "duplicate_of": str,
            "origin": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id"), ("duplicate_of", "documents", "id")],
    )
    db.table("documents").create_index(["url"], unique=False)
    db.table("documents").create_index(["published_at"])
    db.table("documents").create_index(["duplicate_of"])
    # MinHash band keys: two documents sharing a band are near-duplicate candidates, found by index, not by scan.
    db.table("document_bands").create(
        {"band": str, "document_id": str}, pk=("band", "document_id"), foreign_keys=[("document_id", "documents", "id")]
    )
    db.table("documents").enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)


@migration
def m002_knowledge(db: sqlite_utils.Database) -> None:
    db.table("entities").create(
        {"id": str, "name": str, "name_key": str, "type": str, "descriptions": str, "search_text": str}, pk="id"
    )
    db.table("entities").create_index(["name_key"])
    # Aliases map a normalized variant to a canonical name (and its entity once one exists), so shipped and
    # user-added variants work before any article names the entity; user-added ones survive re-extraction.
    db.table("aliases").create(
        {"key": str, "alias": str, "target": str, "entity_id": str, "origin": str},
        pk="key",
        foreign_keys=[("entity_id", "entities", "id")],
    )
    db.table("aliases").create_index(["entity_id"])
    db.table("mentions").create(
        {"id": int, "entity_id": str, "document_id": str, "start": int, "end": int, "text": str},
        pk="id",
        foreign_keys=[("entity_id", "entities", "id"), ("document_id", "documents", "id")],
    )
    db.table("mentions").create_index(["entity_id", "document_id"])
    db.table("mentions").create_index(["document_id"])
    db.table("events").create(
        {
            "id": str,
            "document_id": str,
            "what": str,
            "trigger": str,
            "date_start": str,
            "date_end": str,
            "date_precision": str,
            "date_text": str,
            "date_unresolved": int,
            "place_id": str,
            "place_text": str,
            "start": int,
            "end": int,
            "quote": str,
            "sort_date": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("place_id", "entities", "id")],
    )
    db.table("events").create_index(["document_id"])
    db.table("event_actors").create(
        {"event_id": str, "entity_id": str},
        pk=("event_id", "entity_id"),
        foreign_keys=[("event_id", "events", "id"), ("entity_id", "entities", "id")],
    )
    db.table("event_actors").create_index(["entity_id"])
    db.table("claims").create(
        {
            "id": str,
            "document_id": str,
            "speaker_entity_id": str,
            "speaker": str,
            "cue": str,
            "cue_lemma": str,
            "stance": str,
            "negated": int,
            "kind": str,
            "via": str,
            "parent_id": str,
            "start": int,
            "end": int,
            "quote": str,
            "context_start": int,
            "context_end": int,
            "sort_date": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("speaker_entity_id", "entities", "id"),
            ("parent_id", "claims", "id"),
        ],
    )
    db.table("claims").create_index(["document_id"])
    db.table("claims").create_index(["speaker_entity_id", "sort_date"])
    db.table("claim_about").create(
        {"claim_id": str, "entity_id": str},
        pk=("claim_id", "entity_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("entity_id", "entities", "id")],
    )
    db.table("claim_about").create_index(["entity_id"])
    db.table("disputes").create(
        {"claim_id": str, "other_claim_id": str, "kind": str, "score": float},
        pk=("claim_id", "other_claim_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("other_claim_id", "claims", "id")],
    )
    db.table("disputes").create_index(["other_claim_id"])
    db.table("claims").enable_fts(["quote", "speaker"], fts_version="FTS5", create_triggers=True)
    db.table("entities").enable_fts(["name", "search_text"], fts_version="FTS5", create_triggers=True)


@migration
def m003_shipped_aliases(db: sqlite_utils.Database) -> None:
    """Common transliteration variants, so "Tikhanovsky" finds Tsikhanouski before anyone teaches it."""
    import json
    from importlib import resources

    from knowledge.names import name_key

    rows = json.loads(resources.files("knowledge").joinpath("aliases.json").read_text(encoding="utf-8"))
    db.table("aliases").insert_all(
        (
            {
                "key": name_key(r["alias"]),
                "alias": r["alias"],
                "target": r["target"],
                "entity_id": None,
                "origin": "shipped",
            }
            for r in rows
        ),
        pk="key",
        ignore=True,
    )


@migration
def m004_activity(db: sqlite_utils.Database) -> None:
    """What chat front ends need to remember: recent briefings (App Home) and events already answered."""
    db.table("briefing_log").create(
        {"id": int, "team_id": str, "user_id": str, "channel_id": str, "query": str, "topic": str, "at": str},
        pk="id",
    )
    db.table("briefing_log").create_index(["team_id", "at"])
    # Slack retries an event it thinks was not acknowledged; the first delivery wins, by event id.
    db.table("handled_events").create({"event_id": str, "team_id": str, "at": str}, pk="event_id")


@migration
def m005_subscriptions_and_feeds(db: sqlite_utils.Database) -> None:
    """Daily digests per (workspace, channel, topic) and the feeds polled for new articles."""
    db.table("subscriptions").create(
        {
            "id": int,
            "team_id": str,
            "channel_id": str,
            "topic": str,
            "entity_id": str,
            "at_time": str,
            "tz": str,
            "created_by": str,
            "created_at": str,
            "status": str,
            "paused_reason": str,
            "post_empty": int,
            "last_sent_at": str,
        },
        pk="id",
    )
    db.table("subscriptions").create_index(["team_id", "channel_id", "topic"], unique=True)
    # One row per digest occurrence, written before sending: the exactly-once ledger.
    db.table("digests").create(
        {
            "id": int,
            "subscription_id": int,
            "team_id": str,
            "channel_id": str,
            "topic": str,
            "local_date": str,
            "status": str,
            "scheduled_at": str,
            "created_at": str,
            "sent_at": str,
            "ts": str,
            "late": int,
            "marker": str,
            "items": int,
            "since": str,
            "until": str,
            "attempts": int,
            "next_attempt_at": str,
            "error": str,
        },
        pk="id",
        foreign_keys=[("subscription_id", "subscriptions", "id")],
    )
    db.table("digests").create_index(["team_id", "channel_id", "topic", "local_date"], unique=True)
    db.table("digests").create_index(["status"])
    db.table("feeds").create(
        {
            "id": int,
            "team_id": str,
            "url": str,
            "added_by": str,
            "created_at": str,
            "etag": str,
            "last_modified": str,
            "next_poll_at": str,
            "failures": int,
            "last_error": str,
            "last_polled_at": str,
            "entries_seen": int,
        },
        pk="id",
    )
    db.table("feeds").create_index(["team_id", "url"], unique=True)


@migration
def m006_entity_timelines(db: sqlite_utils.Database) -> None:
    """Claims and events per entity, newest first, straight from an index: a popular name has hundreds of
    thousands of rows, and a briefing needs only the latest few hundred of them."""
    for table, key, source in (("claim_about", "claim_id", "claims"), ("event_actors", "event_id", "events")):
        db.execute(f"ALTER TABLE {table} ADD COLUMN sort_date TEXT")
        db.execute(f"UPDATE {table} SET sort_date = (SELECT sort_date FROM {source} WHERE id = {table}.{key})")
        db.execute(f"CREATE INDEX idx_{table}_timeline ON {table} (entity_id, sort_date)")
    db.execute("CREATE INDEX idx_events_place_timeline ON events (place_id, sort_date)")
    # Copies are rare; a partial index stays selective where the planner would otherwise scan every document.
    db.execute("CREATE INDEX idx_documents_copies ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL")


@migration
def m007_workspace_aliases(db: sqlite_utils.Database) -> None:
    """Aliases a Slack workspace adds for itself: they steer that workspace's topic lookups only, and never
    merge entities for everyone else."""
    db.table("team_aliases").create(
        {"team_id": str, "key": str, "alias": str, "target": str, "entity_id": str, "created_by": str},
        pk=("team_id", "key"),
    )


@migration
def m008_initialism_keys(db: sqlite_utils.Database) -> None:
    """Name keys now join dotted initials ("U.S." = "US"): recompute every stored key. Where two aliases now
    share a key, a user's alias wins over a shipped or extracted one, then the older over the newer."""
    from knowledge.names import name_key

    for eid, name in db.execute("SELECT id, name FROM entities").fetchall():
        db.execute("UPDATE entities SET name_key = ? WHERE id = ?", [name_key(name), eid])
    # Insertion order: SQLite's rowid. A PostgreSQL store reaches this step right after m001-m007 on an empty
    # database, holding only the shipped aliases, so its physical order (ctid) is their insertion order.
    rowid = "ctid" if is_postgres(db) else "rowid"
    for table, pk, first in (
        ("aliases", "key", f"origin = 'user' DESC, {rowid}"),
        ("team_aliases", ("team_id", "key"), rowid),
    ):
        rows = list(db.query(f"SELECT * FROM {table} ORDER BY {first}"))
        db.execute(f"DELETE FROM {table}")
        db.table(table).insert_all(({**r, "key": name_key(r["alias"])} for r in rows), pk=pk, ignore=True)


@migration
def m009_claim_fragments(db: sqlite_utils.Database) -> None:
    """A quote split around its cue keeps its pieces, so a briefing can show the speaker's words without the
    "X said" between them (the citation still covers the whole passage). Old claims get theirs on re-extraction."""
    db.table("claims").add_column("fragments", str)


@migration
def m010_shared_deployments(db: sqlite_utils.Database) -> None:
    """What several processes on one database need: request signatures already accepted (replay protection that
    holds across replicas, not per process). On PostgreSQL also pg_trgm, whose trigram index serves the substring
    search of event text (on SQLite that search is an `instr` scan)."""
    db.table("slack_requests").create({"signature": str, "at": str}, pk="signature")
    db.table("slack_requests").create_index(["at"])
    if is_postgres(db):
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        db.execute("CREATE INDEX idx_events_quote_trgm ON events USING gin (lower(quote) gin_trgm_ops)")


@migration
def m011_slack_installations(db: sqlite_utils.Database) -> None:
    """Multi-workspace installs kept in the store itself, so every replica sees a workspace installed through any
    of them (on SQLite slack_sdk's own file beside the store still serves a single process)."""
    db.table("slack_installations").create(
        {"kind": str, "enterprise_id": str, "team_id": str, "user_id": str, "installed_at": float, "data": str},
        pk=("kind", "enterprise_id", "team_id", "user_id"),
    )
    db.table("slack_oauth_states").create({"state": str, "expires_at": float}, pk="state")


@migration
def m012_pending_work(db: sqlite_utils.Database) -> None:
    """Requests acknowledged but not yet answered, so another replica (or the next start) finishes them."""
    table = db.table("pending_work")
    table.create({"id": str, "kind": str, "payload": str, "lease_until": str, "attempts": int}, pk="id")
    table.create_index(["lease_until"])


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every migration the store has not recorded yet; returns how many of them it has applied (all)."""
    return ledger.migrate(db, MIGRATIONS)


def current_version(db: sqlite_utils.Database) -> int:
    """How many of the migrations below the store has applied."""
    return ledger.current_version(db, MIGRATIONS)


__all__ = ["MIGRATIONS", "applied_migrations", "current_version", "is_postgres", "migrate", "migration"]
