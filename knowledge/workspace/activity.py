"""Small records the chat front ends keep: recent briefings per workspace and events already handled."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.store import Store
from knowledge.store.activity import insert_briefing_log, recent_briefings, record_event

__all__ = ["claim_event", "log_briefing", "recent_briefings"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def claim_event(store: Store, event_id: str, team_id: str | None) -> bool:
    """True the first time an event id is seen; False for Slack's retries of it (and any other repeat)."""
    return record_event(store, event_id, team_id, _now())


def log_briefing(store: Store, team_id: str, user_id: str, channel_id: str, query: str, topic: str) -> None:
    insert_briefing_log(store, team_id, user_id, channel_id, query, topic, _now())
