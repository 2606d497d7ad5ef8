"""What chat front ends remember: recent briefings per workspace (App Home) and Slack events already handled."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.store.db import Store


def record_event(store: Store, event_id: str, team_id: str | None, at: str) -> bool:
    """True when the event id was new and is now recorded; False when it was already there.

    The primary key decides, in the database, so it holds across replicas: of two processes inserting the same id
    at once, the second waits for the first to commit and then inserts nothing."""
    with store.transaction(urgent=True):  # a Slack ack waits on it
        cur = store.db.execute(
            "INSERT INTO handled_events (event_id, team_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [event_id, team_id, at],
        )
    return cur.rowcount == 1


def request_seen(store: Store, signature: str) -> bool:
    return store.db.execute("SELECT 1 FROM slack_requests WHERE signature = ?", [signature]).fetchone() is not None


def remember_request(store: Store, signature: str, at: str, forget_before: str | None = None) -> None:
    """Record an accepted request's signature; with `forget_before`, older signatures are dropped on the way (the
    timestamp check refuses those requests anyway)."""
    with store.transaction(urgent=True):  # a Slack ack waits on it
        store.db.execute(
            "INSERT INTO slack_requests (signature, at) VALUES (?, ?) ON CONFLICT DO NOTHING", [signature, at]
        )
        if forget_before:
            store.db.execute("DELETE FROM slack_requests WHERE at < ?", [forget_before])


def insert_briefing_log(
    store: Store, team_id: str, user_id: str, channel_id: str, query: str, topic: str, at: str
) -> None:
    # one plain statement: sqlite-utils' insert first reads the table's shape, which holds the write lock longer
    with store.transaction():
        store.db.execute(
            "INSERT INTO briefing_log (team_id, user_id, channel_id, query, topic, at) VALUES (?, ?, ?, ?, ?, ?)",
            [team_id, user_id, channel_id, query, topic, at],
        )


def recent_briefings(store: Store, team_id: str, limit: int = 5) -> list[dict[str, Any]]:
    return list(
        store.db.query(
            "SELECT query, topic, user_id, at FROM briefing_log WHERE team_id = ? ORDER BY at DESC, id DESC LIMIT ?",
            [team_id, limit],
        )
    )
