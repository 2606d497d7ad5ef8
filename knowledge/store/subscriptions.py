"""Subscriptions: which channel follows which topic, when, in which zone; read and written as `Subscription`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.store.db import Store


@dataclass
class Subscription:
    id: int
    team_id: str
    channel_id: str
    topic: str
    entity_id: str | None
    at_time: str
    tz: str
    created_by: str | None
    status: str
    paused_reason: str | None
    post_empty: bool
    last_sent_at: str | None = None
    created_at: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Subscription:
        data: dict[str, Any] = {k: row.get(k) for k in cls.__dataclass_fields__}
        data["post_empty"] = bool(row.get("post_empty"))
        return cls(**data)


def find_subscription(store: Store, team_id: str, channel_id: str, topic: str) -> Subscription | None:
    """The channel's subscription to a topic, the topic compared case-insensitively."""
    rows = list(
        store.db.query(
            "SELECT * FROM subscriptions WHERE team_id = ? AND channel_id = ? AND lower(topic) = lower(?)",
            [team_id, channel_id, topic],
        )
    )
    return Subscription.from_row(rows[0]) if rows else None


def get_subscription(store: Store, subscription_id: int) -> Subscription:
    return Subscription.from_row(store.db.table("subscriptions").get(subscription_id))


def insert_subscription(store: Store, row: dict[str, Any]) -> None:
    store.db.table("subscriptions").insert(row)


def update_subscription(store: Store, subscription_id: int, changes: dict[str, Any]) -> None:
    store.db.table("subscriptions").update(subscription_id, changes)


def delete_subscription(store: Store, subscription_id: int) -> None:
    """Delete it; its digests stay in the ledger, detached."""
    store.db.execute("UPDATE digests SET subscription_id = NULL WHERE subscription_id = ?", [subscription_id])
    store.db.table("subscriptions").delete(subscription_id)


def list_subscriptions(store: Store, team_id: str | None = None, channel_id: str | None = None) -> list[Subscription]:
    clauses, params = [], []
    if team_id:
        clauses.append("team_id = ?")
        params.append(team_id)
    if channel_id:
        clauses.append("channel_id = ?")
        params.append(channel_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.db.query(f"SELECT * FROM subscriptions {where} ORDER BY team_id, channel_id, topic", params)
    return [Subscription.from_row(r) for r in rows]
