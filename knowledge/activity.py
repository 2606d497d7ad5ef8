"""Small records the chat front ends keep: recent briefings per workspace and events already handled."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from knowledge.store import Store


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def claim_event(store: Store, event_id: str, team_id: str | None) -> bool:
    """True the first time an event id is seen; False for Slack's retries of it (and any other repeat)."""
    try:
        with store.transaction():
            store.db.execute(
                "INSERT INTO handled_events (event_id, team_id, at) VALUES (?, ?, ?)", [event_id, team_id, _now()]
            )
        return True
    except sqlite3.IntegrityError:
        return False


def log_briefing(store: Store, team_id: str, user_id: str, channel_id: str, query: str, topic: str) -> None:
    with store.transaction():
        store.db["briefing_log"].insert(
            {
                "team_id": team_id,
                "user_id": user_id,
                "channel_id": channel_id,
                "query": query,
                "topic": topic,
                "at": _now(),
            }
        )


def recent_briefings(store: Store, team_id: str, limit: int = 5) -> list[dict]:
    return list(
        store.db.query(
            "SELECT query, topic, user_id, at FROM briefing_log WHERE team_id = ? ORDER BY at DESC, id DESC LIMIT ?",
            [team_id, limit],
        )
    )
