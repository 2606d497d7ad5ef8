"""The digest ledger's rows: one per (workspace, channel, topic, local date), claimed before anything is sent.

Safe for schedulers in several processes on either backend: in `insert_pending` the unique index decides which
process wins (`ON CONFLICT DO NOTHING RETURNING id`: the loser waits for the winner's commit, then gets no row),
and `renew_lease` is a compare-and-set on the lease it saw (PostgreSQL re-checks the WHERE clause after waiting
for a concurrent update of the row, so only one of two takes it over).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from knowledge.store.db import Store


class PendingDigest(TypedDict):
    subscription_id: int
    team_id: str
    channel_id: str
    topic: str
    local_date: str
    scheduled_at: str
    created_at: str
    late: int
    marker: str
    since: str
    until: str
    next_attempt_at: str


def previous_until(store: Store, team_id: str, channel_id: str, topic: str) -> str | None:
    """Where the channel's last delivered digest of a topic ended (its `until`), if any."""
    row = store.db.execute(
        "SELECT until FROM digests WHERE team_id = ? AND channel_id = ? AND lower(topic) = lower(?) "
        "AND status IN ('sent', 'empty') ORDER BY local_date DESC LIMIT 1",
        [team_id, channel_id, topic],
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def digest_exists(store: Store, team_id: str, channel_id: str, topic: str, local_date: str) -> bool:
    return (
        store.db.execute(
            "SELECT 1 FROM digests WHERE team_id = ? AND channel_id = ? AND lower(topic) = lower(?) AND local_date = ?",
            [team_id, channel_id, topic, local_date],
        ).fetchone()
        is not None
    )


def insert_pending(store: Store, row: PendingDigest) -> int | None:
    """The new row's id, or None when another process already holds this occurrence. In the caller's transaction."""
    cur = store.db.execute(
        "INSERT INTO digests (subscription_id, team_id, channel_id, topic, local_date, status, "
        "scheduled_at, created_at, late, marker, since, until, attempts, next_attempt_at) "
        "VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING RETURNING id",
        [
            row["subscription_id"],
            row["team_id"],
            row["channel_id"],
            row["topic"],
            row["local_date"],
            row["scheduled_at"],
            row["created_at"],
            row["late"],
            row["marker"],
            row["since"],
            row["until"],
            row["next_attempt_at"],
        ],
    )
    inserted = cur.fetchone()
    return int(inserted[0]) if inserted else None


def expired_pending(store: Store, now: str) -> list[dict[str, Any]]:
    """Pending rows of live subscriptions whose lease ran out by `now`."""
    return list(
        store.db.query(
            "SELECT * FROM digests WHERE status = 'pending' AND next_attempt_at <= ? AND subscription_id IS NOT NULL",
            [now],
        )
    )


def leased_pending(store: Store, now: str) -> list[dict[str, Any]]:
    """Pending rows a run holds right now: lease not yet run out and no error waiting on (a deferred row has one;
    taking over a row clears it)."""
    return list(
        store.db.query(
            "SELECT id, channel_id, topic, next_attempt_at FROM digests WHERE status = 'pending' "
            "AND next_attempt_at > ? AND error IS NULL ORDER BY next_attempt_at",
            [now],
        )
    )


def renew_lease(store: Store, digest_id: int, seen_lease: str, new_lease: str) -> bool:
    """Take over a pending row whose lease is still the one we saw; False when another process took it first."""
    with store.transaction():
        cur = store.db.execute(
            "UPDATE digests SET next_attempt_at = ?, attempts = attempts + 1, error = NULL WHERE id = ? "
            "AND status = 'pending' AND next_attempt_at = ?",
            [new_lease, digest_id, seen_lease],
        )
    return cur.rowcount == 1


def update_digest(store: Store, digest_id: int, fields: dict[str, Any]) -> None:
    """Change a ledger row; a row marked sent also stamps its subscription's `last_sent_at`."""
    with store.transaction():
        store.db.table("digests").update(digest_id, fields)
        if fields.get("status") == "sent":
            row = store.db.table("digests").get(digest_id)
            if row["subscription_id"]:
                store.db.table("subscriptions").update(row["subscription_id"], {"last_sent_at": fields["sent_at"]})


def digest_rows(store: Store, team_id: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE team_id = ?", [team_id]) if team_id else ("", [])
    return list(store.db.query(f"SELECT * FROM digests {where} ORDER BY id", params))
