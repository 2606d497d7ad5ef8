"""What chat front ends remember: recent briefings per workspace (App Home) and Slack events already handled."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.store.db import Store


def record_event(store: Store, event_id: str, team_id: str | None, at: str) -> bool:
    """True when the event id was new and is now recorded; False when it was already there."""
    try:
        with store.transaction():
            store.db.execute(
                "INSERT INTO handled_events (event_id, team_id, at) VALUES (?, ?, ?)", [event_id, team_id, at]
            )
        return True
    except sqlite3.IntegrityError:
        return False


def insert_briefing_log(
    store: Store, team_id: str, user_id: str, channel_id: str, query: str, topic: str, at: str
) -> None:
    with store.transaction():
        store.db.table("briefing_log").insert(
            {"team_id": team_id, "user_id": user_id, "channel_id": channel_id, "query": query, "topic": topic, "at": at}
        )


def recent_briefings(store: Store, team_id: str, limit: int = 5) -> list[dict[str, Any]]:
    return list(
        store.db.query(
            "SELECT query, topic, user_id, at FROM briefing_log WHERE team_id = ? ORDER BY at DESC, id DESC LIMIT ?",
            [team_id, limit],
        )
    )
