"""User-managed aliases: teach the store that two spellings are one entity, merging what was split before."""

from __future__ import annotations

from knowledge.names import name_key
from knowledge.store import KNOWLEDGE_LOCK, Store
from knowledge.store.aliases import (
    entity_for_name,
    list_aliases,
    merge_entities,
    team_alias_entity,
    upsert_alias,
    upsert_team_alias,
)
from knowledge.store.entities import update_entity

__all__ = ["AliasError", "add_alias", "add_team_alias", "list_aliases", "merge_entities", "team_alias_entity"]


class AliasError(ValueError):
    pass


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
    with store.transaction(lock=KNOWLEDGE_LOCK):  # merging entities must not interleave with a document's writes
        target_id = entity_for_name(store, target)
        variant_id = entity_for_name(store, variant)
        merged = ""
        if target_id and variant_id and variant_id != target_id:
            merge_entities(store, variant_id, target_id)
            merged = " (merged the two entities)"
        elif variant_id and not target_id:
            update_entity(store, variant_id, {"name": target, "name_key": name_key(target)})
            merged = " (renamed the entity)"
        upsert_alias(
            store,
            {
                "key": name_key(variant),
                "alias": variant,
                "target": target,
                "entity_id": target_id or variant_id,
                "origin": "user",
            },
        )
    return f"{variant} → {target}{merged}"


def add_team_alias(store: Store, team_id: str, variant: str, target: str, created_by: str | None = None) -> str:
    """A workspace's own alias: `variant` means `target` in that workspace's briefings and subscriptions."""
    _check_pair(variant, target)
    entity_id = entity_for_name(store, target)
    with store.transaction():
        upsert_team_alias(
            store,
            {
                "team_id": team_id,
                "key": name_key(variant),
                "alias": variant,
                "target": target,
                "entity_id": entity_id,
                "created_by": created_by,
            },
        )
    known = "" if entity_id else " (no articles name it yet; it will apply once they do)"
    return f"{variant} → {target} in this workspace{known}"
