"""Subscriptions: a channel follows a topic and gets a daily digest at a local time in an IANA time zone.

Times and zones are validated here, once, for every front end (slash command, button, CLI), with messages that
say what was wrong and what is accepted.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import process

from knowledge.brief.topic import resolve_topic
from knowledge.models import iso_utc
from knowledge.store import Store
from knowledge.store.subscriptions import (
    Subscription,
    delete_subscription,
    find_subscription,
    insert_subscription,
    list_subscriptions,
    update_subscription,
)

__all__ = [
    "DEFAULT_TIME",
    "Subscription",
    "SubscriptionError",
    "check_request",
    "list_subscriptions",
    "parse_time",
    "parse_zone",
    "pause",
    "subscribe",
    "unsubscribe",
]

DEFAULT_TIME = "08:00"
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$", re.I)


class SubscriptionError(ValueError):
    pass


def parse_time(value: str) -> str:
    m = _TIME.match(value.strip())
    if not m:
        raise SubscriptionError(f"time {value!r} is not HH:MM (24-hour, e.g. 08:30) or like 8am")
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise SubscriptionError(f"time {value!r}: the hour must be 1-12 with am/pm")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise SubscriptionError(f"time {value!r} is out of range (00:00-23:59)")
    return f"{hour:02d}:{minute:02d}"


def parse_zone(value: str) -> str:
    name = value.strip()
    try:
        ZoneInfo(name)
        return name
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "US" is a folder of zones, not a zone
        pass
    guesses = [g for g, score, _ in process.extract(name, sorted(available_timezones()), limit=3) if score >= 60]
    hint = f"; did you mean {', '.join(guesses)}?" if guesses else " (use an IANA name such as Europe/Berlin)"
    raise SubscriptionError(f"unknown time zone {value!r}{hint}")


def check_request(topic: str, at: str | None = None, tz: str | None = None) -> tuple[str, str, str]:
    """(topic, HH:MM, zone) once every part is valid; the same topic rules as a briefing ("the" or "?!" are not
    topics), and no filters: a digest is always what is new since the last one."""
    from knowledge.brief.query import QueryError, parse_query

    at_time = parse_time(at) if at else DEFAULT_TIME
    zone = parse_zone(tz) if tz else "UTC"
    topic = " ".join(topic.split())
    if not topic:
        raise SubscriptionError("which topic? e.g. `subscribe kellogg at 08:30 tz Europe/Berlin`")
    try:
        query = parse_query(topic)
    except QueryError as exc:
        raise SubscriptionError(str(exc).split(" — filters:")[0].split("; filters:")[0]) from None
    if query.since or query.outlet or query.limit:
        raise SubscriptionError(
            f"{topic!r}: a digest takes no filters (since:, from:, limit:); it always covers "
            "what is new since the last one"
        )
    return query.topic, at_time, zone


def subscribe(
    store: Store,
    team_id: str,
    channel_id: str,
    topic: str,
    at: str | None = None,
    tz: str | None = None,
    created_by: str | None = None,
    post_empty: bool | None = None,
    entity_id: str | None = None,
    now: datetime | None = None,
    default_tz: str | None = None,
) -> tuple[Subscription, bool]:
    """Returns (subscription, created). Subscribing again resumes a paused subscription and changes only what was
    given (a time, a zone, --always): a colleague's Follow click must not move the channel's digest to their own
    time zone. `default_tz` (the subscriber's own zone) applies to a new subscription only; a bad one is ignored."""
    topic, at_time, zone = check_request(topic, at, tz)
    if not tz and default_tz:
        with contextlib.suppress(SubscriptionError):  # a zone Slack reports but we cannot read leaves UTC
            zone = parse_zone(default_tz)
    resolution = resolve_topic(store, topic, entity_id, team_id)
    if resolution.kind == "ambiguous":
        names = ", ".join(c.name for c in resolution.choices)
        raise SubscriptionError(f"{topic!r} could mean {names}; subscribe to the full name")
    if resolution.kind == "entity" and resolution.entity:
        topic, entity_id = resolution.entity.name, resolution.entity.entity_id
    created = iso_utc(now or datetime.now(UTC))
    # Named lock: two replicas handling the same subscribe at once (a double click) update one row, not fail.
    with store.transaction(lock=f"subscription:{team_id}:{channel_id}:{topic.lower()}"):
        existing = _find(store, team_id, channel_id, topic)
        if existing:
            changes: dict[str, object] = {
                "status": "active",
                "paused_reason": None,
                "entity_id": entity_id or existing.entity_id,
            }
            if at:
                changes["at_time"] = at_time
            if tz:
                changes["tz"] = zone
            if post_empty is not None:
                changes["post_empty"] = int(post_empty)
            update_subscription(store, existing.id, changes)
            return _stored(store, team_id, channel_id, topic), False
        insert_subscription(
            store,
            {
                "team_id": team_id,
                "channel_id": channel_id,
                "topic": topic,
                "entity_id": entity_id,
                "at_time": at_time,
                "tz": zone,
                "created_by": created_by,
                "created_at": created,
                "status": "active",
                "paused_reason": None,
                "post_empty": int(bool(post_empty)),
                "last_sent_at": None,
            },
        )
    return _stored(store, team_id, channel_id, topic), True


def _find(store: Store, team_id: str, channel_id: str, topic: str) -> Subscription | None:
    return find_subscription(store, team_id, channel_id, topic)


def _stored(store: Store, team_id: str, channel_id: str, topic: str) -> Subscription:
    """The subscription just written in this transaction."""
    found = find_subscription(store, team_id, channel_id, topic)
    assert found is not None, (team_id, channel_id, topic)
    return found


def unsubscribe(store: Store, team_id: str, channel_id: str, topic: str) -> Subscription | None:
    found = _find(store, team_id, channel_id, topic)
    if found is None:
        resolution = resolve_topic(store, topic, team_id=team_id)
        if resolution.kind == "entity" and resolution.entity:
            found = _find(store, team_id, channel_id, resolution.entity.name)
    if found is None:
        return None
    with store.transaction():
        delete_subscription(store, found.id)
    return found


def pause(store: Store, subscription_id: int, reason: str) -> None:
    with store.transaction():
        update_subscription(store, subscription_id, {"status": "paused", "paused_reason": reason})
