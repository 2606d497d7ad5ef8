"""Followed feeds per workspace and their polling state (conditional-request headers, back-off, counters)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.store.db import Store


def find_feed(store: Store, team_id: str, url: str) -> dict[str, Any] | None:
    rows = list(store.db.query("SELECT * FROM feeds WHERE team_id = ? AND url = ?", [team_id, url]))
    return rows[0] if rows else None


def insert_feed(store: Store, team_id: str, url: str, added_by: str | None, now: str) -> None:
    store.db.table("feeds").insert(
        {
            "team_id": team_id,
            "url": url,
            "added_by": added_by,
            "created_at": now,
            "etag": None,
            "last_modified": None,
            "next_poll_at": now,
            "failures": 0,
            "last_error": None,
            "last_polled_at": None,
            "entries_seen": 0,
        }
    )


def feed_by_url_or_id(store: Store, team_id: str, url_or_id: str) -> dict[str, Any] | None:
    rows = list(
        store.db.query(
            "SELECT * FROM feeds WHERE team_id = ? AND (url = ? OR CAST(id AS TEXT) = ?)",
            [team_id, url_or_id, url_or_id],
        )
    )
    return rows[0] if rows else None


def delete_feed(store: Store, feed_id: int) -> None:
    store.db.table("feeds").delete(feed_id)


def list_feeds(store: Store, team_id: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE team_id = ?", [team_id]) if team_id else ("", [])
    return list(store.db.query(f"SELECT * FROM feeds {where} ORDER BY url", params))


def due_feeds(store: Store, now: str) -> list[dict[str, Any]]:
    return list(store.db.query("SELECT * FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at", [now]))


def update_feed(store: Store, feed_id: int, changes: dict[str, Any]) -> None:
    store.db.table("feeds").update(feed_id, changes)


def claim_feed(store: Store, feed_id: int, seen_next_poll: str, lease_until: str) -> bool:
    """Lease a due feed to this process by moving its `next_poll_at` on, if it is still the value we read: of
    several schedulers (replicas) only one polls it. A poller that dies leaves the feed due again at `lease_until`."""
    with store.transaction():
        cur = store.db.execute(
            "UPDATE feeds SET next_poll_at = ? WHERE id = ? AND next_poll_at = ?",
            [lease_until, feed_id, seen_next_poll],
        )
    return cur.rowcount == 1
