"""Replay protection for signed Slack requests: a request whose exact signature was already accepted in the
last five minutes is a replay. Kept apart from the HTTP server so any server (and its tests) applies one rule."""

from __future__ import annotations

import threading
import time

WINDOW = 60 * 5


class ReplayGuard:
    """Signatures accepted in the last five minutes; the timestamp check rejects anything older. In process
    memory: right for one process on a SQLite file. Replicas share `SharedReplayGuard` instead."""

    def __init__(self) -> None:
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def seen(self, signature: str) -> bool:
        with self._lock:
            return signature in self._seen

    def remember(self, signature: str) -> None:
        now = time.time()
        with self._lock:
            self._seen[signature] = now
            if len(self._seen) > 10_000:
                self._seen = {s: t for s, t in self._seen.items() if now - t < WINDOW + 60}


class SharedReplayGuard(ReplayGuard):
    """The same rule kept in the database (`slack_requests`), so a request one replica accepted is a replay for
    every other replica too. Each request thread checks through a pooled connection (one indexed lookup); old
    signatures are dropped now and then, not on every request."""

    def __init__(self, target: str) -> None:
        from knowledge.store.threads import ThreadStores

        super().__init__()
        self.stores = ThreadStores(target)
        self._last_prune = 0.0

    def seen(self, signature: str) -> bool:
        from knowledge.store.activity import request_seen

        return request_seen(self.stores.get(), signature)

    def remember(self, signature: str) -> None:
        from datetime import UTC, datetime, timedelta

        from knowledge.store.activity import remember_request

        now = datetime.now(UTC)
        with self._lock:
            prune, self._last_prune = (now.timestamp() - self._last_prune > 60), now.timestamp()
        forget = (now - timedelta(seconds=WINDOW + 60)).isoformat(timespec="seconds") if prune else None
        remember_request(self.stores.get(), signature, now.isoformat(timespec="seconds"), forget)

    def close(self) -> None:
        self.stores.close_all()


def guard_for(db: str | None) -> ReplayGuard:
    """`db`: the store's target; on PostgreSQL (several replicas) replays are remembered there."""
    from knowledge.store.db import backend_of

    shared = db is not None and backend_of(db) == "postgresql"
    return SharedReplayGuard(str(db)) if shared else ReplayGuard()
