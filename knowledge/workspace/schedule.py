"""When digests are due: the most recent local occurrence of each subscription's time, in its own zone.

Only the latest occurrence counts, so after three days of downtime a channel gets one (late) digest, not three.
Local wall time is combined with the zone on each date, so 08:00 Europe/Berlin is 07:00 UTC in winter and
06:00 UTC in summer, and a DST change neither skips nor doubles a day. A time that does not exist on a
spring-forward day (02:30) is read with zoneinfo's fold rules, i.e. shifted by the gap, still once that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from knowledge.workspace.subscriptions import Subscription

LATE_AFTER = timedelta(minutes=30)


@dataclass(frozen=True)
class Occurrence:
    local_date: date
    scheduled_at: datetime  # UTC
    late: bool


def occurrence_on(sub: Subscription, day: date) -> datetime:
    hour, minute = (int(x) for x in sub.at_time.split(":"))
    local = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(sub.tz))
    return local.astimezone(UTC)


def latest_occurrence(sub: Subscription, now: datetime) -> Occurrence | None:
    """The last scheduled time at or before `now`, if the subscription already existed then."""
    zone = ZoneInfo(sub.tz)
    today = now.astimezone(zone).date()
    for day in (today, today - timedelta(days=1)):
        at = occurrence_on(sub, day)
        if at <= now:
            break
    else:
        return None
    if sub.created_at and at < datetime.fromisoformat(sub.created_at):
        return None  # subscribed after today's time: the first digest comes at the next occurrence
    return Occurrence(day, at, now - at > LATE_AFTER)


def next_occurrence(sub: Subscription, now: datetime) -> datetime:
    zone = ZoneInfo(sub.tz)
    day = now.astimezone(zone).date()
    for offset in range(3):
        at = occurrence_on(sub, day + timedelta(days=offset))
        if at > now:
            return at
    return occurrence_on(sub, day + timedelta(days=3))
