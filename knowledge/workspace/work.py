"""Durable work: a request acknowledged to Slack is queued in the store until it is answered, so a process that
dies in between costs nothing — another process (another replica, or this one after a restart) takes the work
over once its lease runs out. Slack itself never resends a request it got a 200 for.

Protocol: `queue` before the work starts (lease `lease` from now); the working process renews the leases of
everything it holds (`renew`) well within the lease and calls `finish` when the answer is out (or the user was
told why not). `reclaim` returns work whose lease ran out, each item to one process only; an item that has been
taken over `MAX_ATTEMPTS` times is dropped, so a request that kills every process that touches it stops there.
The payload is the caller's (what it needs to answer again), kept as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from knowledge.models import iso_utc
from knowledge.store import Store
from knowledge.store.work import NewWork, add_work, add_works, drop_work, expired_work, renew_work, take_work

MAX_ATTEMPTS = 3


@dataclass
class WorkItem:
    id: str
    kind: str
    payload: dict[str, Any]
    attempts: int = 1


def queue(store: Store, item: WorkItem, now: datetime, lease: timedelta) -> bool:
    """False when the same id is already queued (a duplicate delivery: the first one answers it)."""
    return add_work(store, item.id, item.kind, json.dumps(item.payload), iso_utc(now + lease))


def queue_many(store: Store, items: Sequence[WorkItem], now: datetime, lease: timedelta) -> list[bool]:
    """`queue` for several items in one transaction; per item, False when its id was already queued."""
    until = iso_utc(now + lease)
    return add_works(store, [NewWork(i.id, i.kind, json.dumps(i.payload), until) for i in items])


def renew(store: Store, ids: list[str], now: datetime, lease: timedelta) -> None:
    renew_work(store, ids, iso_utc(now + lease))


def finish(store: Store, work_id: str) -> None:
    drop_work(store, work_id)


def reclaim(store: Store, now: datetime, lease: timedelta, limit: int = 20) -> tuple[list[WorkItem], list[WorkItem]]:
    """(work taken over from dead processes, work dropped after `MAX_ATTEMPTS`)."""
    taken, dropped = [], []
    for row in expired_work(store, iso_utc(now), limit):
        if not take_work(store, row["id"], row["lease_until"], iso_utc(now + lease)):
            continue  # another process took it first
        item = WorkItem(row["id"], row["kind"], json.loads(row["payload"]), int(row["attempts"]) + 1)
        if item.attempts > MAX_ATTEMPTS:
            drop_work(store, item.id)
            dropped.append(item)
        else:
            taken.append(item)
    return taken, dropped
