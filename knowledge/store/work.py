"""Rows of the durable work queue (`pending_work`): one per acknowledged request until it is answered.

A row carries a lease: the process working on it renews it while it works; a row whose lease ran out belongs to
a process that died, and `take_expired` hands it to exactly one other process (a compare-and-set on the lease
it saw, as the digest ledger does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.store.db import Store


@dataclass(frozen=True)
class NewWork:
    work_id: str
    kind: str
    payload: str  # JSON
    lease_until: str


def add_work(store: Store, work_id: str, kind: str, payload: str, lease_until: str) -> bool:
    """False when the id is already queued (Slack delivered the same request twice)."""
    return add_works(store, [NewWork(work_id, kind, payload, lease_until)])[0]


def add_works(store: Store, rows: Sequence[NewWork]) -> list[bool]:
    """Queue several in one transaction (requests acknowledged together, `bot.durable`); per row, False when its
    id was already queued."""
    added = []
    with store.transaction(urgent=True):  # acknowledged requests wait on it for their answers
        for row in rows:
            cur = store.db.execute(
                "INSERT INTO pending_work (id, kind, payload, lease_until, attempts) VALUES (?, ?, ?, ?, 1) "
                "ON CONFLICT DO NOTHING",
                [row.work_id, row.kind, row.payload, row.lease_until],
            )
            added.append(cur.rowcount == 1)
    return added


def renew_work(store: Store, work_ids: list[str], lease_until: str) -> None:
    if not work_ids:
        return
    marks = ", ".join("?" for _ in work_ids)
    with store.transaction():
        store.db.execute(f"UPDATE pending_work SET lease_until = ? WHERE id IN ({marks})", [lease_until, *work_ids])


def drop_work(store: Store, work_id: str) -> None:
    with store.transaction():
        store.db.execute("DELETE FROM pending_work WHERE id = ?", [work_id])


def expired_work(store: Store, now: str, limit: int) -> list[dict[str, Any]]:
    return list(
        store.db.query(
            "SELECT * FROM pending_work WHERE lease_until <= ? ORDER BY lease_until LIMIT ?",
            [now, limit],
        )
    )


def take_work(store: Store, work_id: str, seen_lease: str, lease_until: str) -> bool:
    """Take over a row whose lease is still the one we saw; False when another process took it first."""
    with store.transaction():
        cur = store.db.execute(
            "UPDATE pending_work SET lease_until = ?, attempts = attempts + 1 WHERE id = ? AND lease_until = ?",
            [lease_until, work_id, seen_lease],
        )
    return cur.rowcount == 1
