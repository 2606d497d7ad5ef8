"""The digest ledger: exactly one digest per (workspace, channel, topic, local date).

Protocol (chosen: a stable idempotency marker checked against channel history):
1. `claim_due` inserts a `pending` row before anything is sent. The unique index on (team, channel, topic,
   local date) means only one scheduler process wins; the row carries a lease (`next_attempt_at`) and a marker.
2. The sender posts the message with the marker in its metadata and records its ts on the row, still `pending`;
   then the details go into its thread, each with a marker of its own (`<marker>-d<n>`); then the row is `sent`.
3. A row still `pending` after its lease expired means a sender crashed (or a detail could not be posted). The
   next run re-claims it (one process wins the conditional UPDATE), takes the top's ts from the row or looks for
   the marker in the channel's recent history, posts the top only if it is not there, and then only the details
   whose markers are not in its thread. So a crash never produces two messages and never loses the digest or
   any of its details.
Rate-limited rows stay `pending` with `next_attempt_at` set from Retry-After, which delays that channel only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from knowledge.brief.compose import compose
from knowledge.brief.model import Briefing
from knowledge.brief.query import Query
from knowledge.models import iso_utc
from knowledge.store import Store
from knowledge.store.digests import (
    digest_exists,
    expired_pending,
    insert_pending,
    leased_pending,
    previous_until,
    renew_lease,
    update_digest,
)
from knowledge.store.digests import digest_rows as digest_rows
from knowledge.store.subscriptions import get_subscription
from knowledge.workspace.schedule import Occurrence, latest_occurrence
from knowledge.workspace.subscriptions import Subscription, list_subscriptions

LEASE = timedelta(minutes=2)
FIRST_WINDOW = timedelta(hours=24)
MAX_ATTEMPTS = 8


@dataclass
class DigestJob:
    digest_id: int
    subscription: Subscription
    local_date: str
    since: datetime
    until: datetime
    late: bool
    marker: str
    created_at: datetime
    recovering: bool = False
    attempts: int = 0
    ts: str | None = None  # the top message's, once posted: a pending row with a ts still owes its details


def _marker(team: str, channel: str, topic: str, local_date: str) -> str:
    digest = hashlib.sha256(f"{team}|{channel}|{topic.lower()}|{local_date}".encode()).hexdigest()[:16]
    return f"briefbot-digest-{digest}"


def _previous_until(store: Store, sub: Subscription) -> datetime | None:
    until = previous_until(store, sub.team_id, sub.channel_id, sub.topic)
    return datetime.fromisoformat(until) if until else None


def plan_due(store: Store, now: datetime) -> list[tuple[Subscription, Occurrence]]:
    """Subscriptions whose latest occurrence has no ledger row yet (what a run would send)."""
    out = []
    for sub in list_subscriptions(store):
        if sub.status != "active":
            continue
        occ = latest_occurrence(sub, now)
        if occ is None:
            continue
        if not digest_exists(store, sub.team_id, sub.channel_id, sub.topic, occ.local_date.isoformat()):
            out.append((sub, occ))
    return out


def claim_due(store: Store, now: datetime) -> list[DigestJob]:
    jobs = []
    for sub, occ in plan_due(store, now):
        local_date = occ.local_date.isoformat()
        since = _previous_until(store, sub) or now - FIRST_WINDOW
        marker = _marker(sub.team_id, sub.channel_id, sub.topic, local_date)
        with store.transaction():
            digest_id = insert_pending(
                store,
                {
                    "subscription_id": sub.id,
                    "team_id": sub.team_id,
                    "channel_id": sub.channel_id,
                    "topic": sub.topic,
                    "local_date": local_date,
                    "scheduled_at": iso_utc(occ.scheduled_at),
                    "created_at": iso_utc(now),
                    "late": int(occ.late),
                    "marker": marker,
                    "since": iso_utc(since),
                    "until": iso_utc(now),
                    "next_attempt_at": iso_utc(now + LEASE),
                },
            )
        if digest_id is not None:
            jobs.append(DigestJob(digest_id, sub, local_date, since, now, occ.late, marker, now))
    return jobs + reclaim_pending(store, now)


def leased(store: Store, now: datetime) -> list[dict]:
    """Digests another run holds a live lease on (it is sending them, or crashed less than a lease ago)."""
    return leased_pending(store, iso_utc(now))


def reclaim_pending(store: Store, now: datetime) -> list[DigestJob]:
    """Pending rows whose lease ran out: crashed senders, or rate-limited channels whose wait is over."""
    jobs = []
    for row in expired_pending(store, iso_utc(now)):
        if not renew_lease(store, row["id"], row["next_attempt_at"], iso_utc(now + LEASE)):
            continue  # another process re-claimed it first
        sub = get_subscription(store, row["subscription_id"])
        if sub.status != "active":
            mark(store, row["id"], "skipped", error="subscription paused")
            continue
        late = bool(row["late"]) or now - datetime.fromisoformat(row["scheduled_at"]) > timedelta(minutes=30)
        jobs.append(
            DigestJob(
                row["id"],
                sub,
                row["local_date"],
                datetime.fromisoformat(row["since"]),
                datetime.fromisoformat(row["until"]),
                late,
                row["marker"],
                datetime.fromisoformat(row["created_at"]),
                recovering=True,
                attempts=row["attempts"] + 1,
                ts=row["ts"] or None,
            )
        )
    return jobs


def compose_digest(store: Store, job: DigestJob, limit: int = 8) -> Briefing | None:
    """The delta since the previous digest; None when nothing new was ingested about the topic."""
    query = Query(
        topic=job.subscription.topic,
        raw=job.subscription.topic,
        limit=limit,
        ingested_after=job.since,
        ingested_before=job.until,
    )
    result = compose(store, query, entity_id=job.subscription.entity_id, now=job.until)
    if not isinstance(result, Briefing):
        return None
    if not (result.developments or result.matters or result.disputes):
        return None
    return result


def mark(
    store: Store,
    digest_id: int,
    status: str,
    ts: str | None = None,
    error: str | None = None,
    now: datetime | None = None,
    items: int | None = None,
) -> None:
    fields: dict = {"status": status}
    if ts:
        fields["ts"] = ts
    if error is not None:
        fields["error"] = error[:500]
    if items is not None:
        fields["items"] = items
    if status in ("sent", "empty"):
        fields["sent_at"] = iso_utc(now or datetime.now(UTC))
    update_digest(store, digest_id, fields)


def defer(store: Store, digest_id: int, until: datetime, error: str) -> None:
    """Keep the digest pending and try again after `until` (rate limits, transient errors)."""
    update_digest(store, digest_id, {"next_attempt_at": iso_utc(until), "error": error[:500]})
