"""Aliases (global: shipped, extracted, user-added) and a workspace's own aliases; merging two entities into one.

Written in SQL both backends share (`ON CONFLICT DO NOTHING` where SQLite would say `INSERT OR IGNORE`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from knowledge.names import name_key
from knowledge.store.entities import entity_by_key

if TYPE_CHECKING:
    from knowledge.store.db import Store


class AliasRow(TypedDict):
    key: str  # the variant's name key
    alias: str
    target: str
    entity_id: str | None
    origin: str  # "shipped" | "extracted" | "user"


class TeamAliasRow(TypedDict):
    team_id: str
    key: str
    alias: str
    target: str
    entity_id: str | None
    created_by: str | None


def alias_by_key(store: Store, key: str) -> dict[str, Any] | None:
    rows = list(store.db.query("SELECT * FROM aliases WHERE key = ?", [key]))
    return rows[0] if rows else None


def alias_entity(store: Store, key: str) -> str | None:
    """The entity an alias with this key points at, if it points at one."""
    row = store.db.execute("SELECT entity_id FROM aliases WHERE key = ? AND entity_id IS NOT NULL", [key]).fetchone()
    return str(row[0]) if row else None


def alias_entity_ids(store: Store, key: str) -> list[str]:
    rows = store.db.execute("SELECT entity_id FROM aliases WHERE key = ? AND entity_id IS NOT NULL", [key])
    return [r[0] for r in rows]


def aliases_of(store: Store, entity_id: str, ordered: bool = False) -> list[str]:
    """Every alias pointing at an entity (ordered by origin, then alias, when asked)."""
    order = " ORDER BY origin, alias" if ordered else ""
    return [r[0] for r in store.db.execute(f"SELECT alias FROM aliases WHERE entity_id = ?{order}", [entity_id])]


def add_extracted(store: Store, row: AliasRow) -> None:
    """An alias seen in an article; an alias already stored under the key (a user's, say) wins."""
    store.db.table("aliases").insert(dict(row), pk="key", ignore=True)


def upsert_alias(store: Store, row: AliasRow) -> None:
    store.db.table("aliases").upsert(dict(row), pk="key")


def list_aliases(store: Store, origin: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE origin = ?", [origin]) if origin else ("", [])
    return list(
        store.db.query(f"SELECT alias, target, entity_id, origin FROM aliases {where} ORDER BY target, alias", params)
    )


def merge_entities(store: Store, source_id: str, target_id: str) -> None:
    """Move everything that points at `source_id` to `target_id`, then drop the source entity."""
    db = store.db
    db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [target_id, source_id])
    db.execute("UPDATE claims SET speaker_entity_id = ? WHERE speaker_entity_id = ?", [target_id, source_id])
    db.execute("UPDATE events SET place_id = ? WHERE place_id = ?", [target_id, source_id])
    for table, key in (("event_actors", "event_id"), ("claim_about", "claim_id")):
        db.execute(
            f"INSERT INTO {table} ({key}, entity_id) SELECT {key}, ? FROM {table} WHERE entity_id = ? "
            "ON CONFLICT DO NOTHING",
            [target_id, source_id],
        )
        db.execute(f"DELETE FROM {table} WHERE entity_id = ?", [source_id])
    db.execute("UPDATE aliases SET entity_id = ? WHERE entity_id = ?", [target_id, source_id])
    db.execute("DELETE FROM entities WHERE id = ?", [source_id])


def upsert_team_alias(store: Store, row: TeamAliasRow) -> None:
    store.db.table("team_aliases").upsert(dict(row), pk=("team_id", "key"))


def team_alias(store: Store, team_id: str, key: str) -> tuple[str | None, str] | None:
    """(entity id or None, target name) of a workspace's alias with this key."""
    row = store.db.execute(
        "SELECT entity_id, target FROM team_aliases WHERE team_id = ? AND key = ?", [team_id, key]
    ).fetchone()
    return (row[0], row[1]) if row else None


def entity_for_name(store: Store, name: str) -> str | None:
    """The entity a typed name means: one with that name key, else the target of a global alias with it."""
    key = name_key(name)
    return entity_by_key(store, key) or alias_entity(store, key)


def team_alias_entity(store: Store, team_id: str, query: str) -> str | None:
    """The entity a workspace's own alias for `query` points to: a read the briefing needs, so it sits in the
    store rather than in `workspace`, which is above `brief`."""
    found = team_alias(store, team_id, name_key(query))
    if not found:
        return None
    entity_id, target = found
    return entity_id or entity_for_name(store, target)
