"""The digest ledger: exactly one digest per (workspace, channel, topic, local date).

Protocol (chosen: a stable idempotency marker checked against channel history):
1. `claim_due` inserts a `pending` row before anything is sent. The unique index on (team, channel, topic,
   local date) means only one scheduler process wins; the row carries a lease (`next_attempt_at`) and a marker.
2. The sender posts the message with the marker in its metadata, then `mark_sent` records the message ts.
3. A row still `pending` after its lease expired means a sender crashed between 1 and 2. The next run re-claims
   it (one process wins the conditional UPDATE), looks for the marker in the channel's recent history, and only
   posts if it is not there. So a crash never produces two messages and never loses the digest.
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
from knowledge.schedule import latest_occurrence
from knowledge.store import Store
from knowledge.subscriptions import Subscription, list_subscriptions

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


def _marker(team: str, channel: str, topic: str, local_date: str) -> str:
    digest = hashlib.sha256(f"{team}|{channel}|{topic.lower()}|{local_date}".encode()).hexdigest()[:16]
    return f"briefbot-digest-{digest}"


def _previous_until(store: Store, sub: Subscription) -> datetime | None:
    row = store.db.execute(
        "SELECT until FROM digests WHERE team_id = ? AND channel_id = ? AND lower(topic) = lower(?) "
        "AND status IN ('sent', 'empty') ORDER BY local_date DESC LIMIT 1",
        [sub.team_id, sub.channel_id, sub.topic],
    ).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def plan_due(store: Store, now: datetime) -> list[tuple[Subscription, object]]:
    """Subscriptions whose latest occurrence has no ledger row yet (what a run would send)."""
    out = []
    for sub in list_subscriptions(store):
        if sub.status != "active":
            continue
        occ = latest_occurrence(sub, now)
        if occ is None:
            continue
        exists = store.db.execute(
            "SELECT 1 FROM digests WHERE team_id = ? AND channel_id = ? AND lower(topic) = lower(?) AND local_date = ?",
            [sub.team_id, sub.channel_id, sub.topic, occ.local_date.isoformat()],
        ).fetchone()
        if not exists:
            out.append((sub, occ))
    return out


def claim_due(store: Store, now: datetime) -> list[DigestJob]:
    jobs = []
    for sub, occ in plan_due(store, now):
        local_date = occ.local_date.isoformat()
        since = _previous_until(store, sub) or now - FIRST_WINDOW
        marker = _marker(sub.team_id, sub.channel_id, sub.topic, local_date)
        with store.transaction():
            cur = store.db.execute(
                "INSERT OR IGNORE INTO digests (subscription_id, team_id, channel_id, topic, local_date, status, "
                "scheduled_at, created_at, late, marker, since, until, attempts, next_attempt_at) "
                "VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, 0, ?)",
                [
                    sub.id,
                    sub.team_id,
                    sub.channel_id,
                    sub.topic,
                    local_date,
                    iso_utc(occ.scheduled_at),
                    iso_utc(now),
                    int(occ.late),
                    marker,
                    iso_utc(since),
                    iso_utc(now),
                    iso_utc(now + LEASE),
                ],
            )
            inserted = cur.rowcount == 1
            digest_id = cur.lastrowid
        if inserted:
            jobs.append(DigestJob(digest_id, sub, local_date, since, now, occ.late, marker, now))
    return jobs + reclaim_pending(store, now)


def reclaim_pending(store: Store, now: datetime) -> list[DigestJob]:
    """Pending rows whose lease ran out: crashed senders, or rate-limited channels whose wait is over."""
    jobs = []
    rows = list(
        store.db.query(
            "SELECT * FROM digests WHERE status = 'pending' AND next_attempt_at <= ? AND subscription_id IS NOT NULL",
            [iso_utc(now)],
        )
    )
    for row in rows:
        with store.transaction():
            cur = store.db.execute(
                "UPDATE digests SET next_attempt_at = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending' "
                "AND next_attempt_at = ?",
                [iso_utc(now + LEASE), row["id"], row["next_attempt_at"]],
            )
        if cur.rowcount != 1:
            continue  # another process re-claimed it first
        sub_row = store.db["subscriptions"].get(row["subscription_id"])
        sub = Subscription.from_row(sub_row)
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
    with store.transaction():
        store.db["digests"].update(digest_id, fields)
        if status == "sent":
            row = store.db["digests"].get(digest_id)
            if row["subscription_id"]:
                store.db["subscriptions"].update(row["subscription_id"], {"last_sent_at": fields["sent_at"]})


def defer(store: Store, digest_id: int, until: datetime, error: str) -> None:
    """Keep the digest pending and try again after `until` (rate limits, transient errors)."""
    with store.transaction():
        store.db["digests"].update(digest_id, {"next_attempt_at": iso_utc(until), "error": error[:500]})


def digest_rows(store: Store, team_id: str | None = None) -> list[dict]:
    where, params = ("WHERE team_id = ?", [team_id]) if team_id else ("", [])
    return list(store.db.query(f"SELECT * FROM digests {where} ORDER BY id", params))
