"""User-managed aliases: teach the store that two spellings are one entity, merging what was split before."""

from __future__ import annotations

from knowledge.names import name_key
from knowledge.store import Store


class AliasError(ValueError):
    pass


def _entity_for(store: Store, name: str) -> str | None:
    key = name_key(name)
    row = store.db.execute("SELECT id FROM entities WHERE name_key = ? LIMIT 1", [key]).fetchone()
    if row:
        return row[0]
    row = store.db.execute("SELECT entity_id FROM aliases WHERE key = ? AND entity_id IS NOT NULL", [key]).fetchone()
    return row[0] if row else None


def merge_entities(store: Store, source_id: str, target_id: str) -> None:
    """Move everything that points at `source_id` to `target_id`, then drop the source entity."""
    db = store.db
    db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [target_id, source_id])
    db.execute("UPDATE claims SET speaker_entity_id = ? WHERE speaker_entity_id = ?", [target_id, source_id])
    db.execute("UPDATE events SET place_id = ? WHERE place_id = ?", [target_id, source_id])
    for table, key in (("event_actors", "event_id"), ("claim_about", "claim_id")):
        db.execute(
            f"INSERT OR IGNORE INTO {table} ({key}, entity_id) SELECT {key}, ? FROM {table} WHERE entity_id = ?",
            [target_id, source_id],
        )
        db.execute(f"DELETE FROM {table} WHERE entity_id = ?", [source_id])
    db.execute("UPDATE aliases SET entity_id = ? WHERE entity_id = ?", [target_id, source_id])
    db.execute("DELETE FROM entities WHERE id = ?", [source_id])


MAX_NAME = 200  # characters; the longest real names and titles are well under it


def _check_pair(variant: str, target: str) -> None:
    if not name_key(variant) or not name_key(target):
        raise AliasError("both the variant and the name need letters or digits")
    if max(len(variant), len(target)) > MAX_NAME:
        raise AliasError(f"a name is at most {MAX_NAME} characters")
    if name_key(variant) == name_key(target):
        raise AliasError(f"{variant!r} and {target!r} are already the same name")


def add_alias(store: Store, variant: str, target: str) -> str:
    """Returns a one-line description of what changed."""
    _check_pair(variant, target)
    with store.transaction():
        target_id = _entity_for(store, target)
        variant_id = _entity_for(store, variant)
        merged = ""
        if target_id and variant_id and variant_id != target_id:
            merge_entities(store, variant_id, target_id)
            merged = " (merged the two entities)"
        elif variant_id and not target_id:
            store.db["entities"].update(variant_id, {"name": target, "name_key": name_key(target)})
            merged = " (renamed the entity)"
        store.db["aliases"].upsert(
            {
                "key": name_key(variant),
                "alias": variant,
                "target": target,
                "entity_id": target_id or variant_id,
                "origin": "user",
            },
            pk="key",
        )
    return f"{variant} → {target}{merged}"


def list_aliases(store: Store, origin: str | None = None) -> list[dict]:
    where, params = ("WHERE origin = ?", [origin]) if origin else ("", [])
    return list(
        store.db.query(f"SELECT alias, target, entity_id, origin FROM aliases {where} ORDER BY target, alias", params)
    )


def add_team_alias(store: Store, team_id: str, variant: str, target: str, created_by: str | None = None) -> str:
    """A workspace's own alias: `variant` means `target` in that workspace's briefings and subscriptions."""
    _check_pair(variant, target)
    entity_id = _entity_for(store, target)
    with store.transaction():
        store.db["team_aliases"].upsert(
            {
                "team_id": team_id,
                "key": name_key(variant),
                "alias": variant,
                "target": target,
                "entity_id": entity_id,
                "created_by": created_by,
            },
            pk=("team_id", "key"),
        )
    known = "" if entity_id else " (no articles name it yet; it will apply once they do)"
    return f"{variant} → {target} in this workspace{known}"


def team_alias_entity(store: Store, team_id: str, query: str) -> str | None:
    row = store.db.execute(
        "SELECT entity_id, target FROM team_aliases WHERE team_id = ? AND key = ?", [team_id, name_key(query)]
    ).fetchone()
    if not row:
        return None
    return row[0] or _entity_for(store, row[1])
