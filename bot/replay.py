"""Replay protection for signed Slack requests: a request whose exact signature was already accepted in the
last five minutes is a replay. Kept apart from the HTTP server so any server (and its tests) applies one rule."""

from __future__ import annotations

import logging
import threading
import time

WINDOW = 60 * 5
log = logging.getLogger("briefbot.http")


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
    signatures are dropped now and then, not on every request.

    When the store cannot be reached the guard FAILS OPEN to this process's memory, never raising into the
    request: every signature accepted is also remembered locally, so a replay to the same replica is still
    refused, and only a replay to another replica within the outage gets through. That is the SQLite
    deployment's guarantee, and safe: Bolt still checks the signature and the 5-minute timestamp, and a replayed
    request during an outage can only repeat a briefing already answered (or get "store unreachable").
    Failing closed would refuse every request, so Slack and the user would see a dead app for the whole outage.
    Other errors fail open the same way, with one traceback (a bug must not take the endpoint down either)."""

    def __init__(self, target: str) -> None:
        from knowledge.store.threads import ThreadStores

        super().__init__()
        self.stores = ThreadStores(target)
        self._last_prune = 0.0

    def _fell_over(self, exc: Exception) -> None:
        if not self.stores.report(exc):
            log.exception("replay check failed; using this process's memory for this request")

    def seen(self, signature: str) -> bool:
        from knowledge.store.activity import request_seen

        if super().seen(signature):
            return True
        try:
            return request_seen(self.stores.get(), signature)
        except Exception as exc:
            self._fell_over(exc)
            return False

    def remember(self, signature: str) -> None:
        from datetime import UTC, datetime, timedelta

        from knowledge.store.activity import remember_request

        super().remember(signature)
        now = datetime.now(UTC)
        with self._lock:
            prune = now.timestamp() - self._last_prune > 60  # once a minute, even under steady traffic
            if prune:
                self._last_prune = now.timestamp()
        forget = (now - timedelta(seconds=WINDOW + 60)).isoformat(timespec="seconds") if prune else None
        try:
            remember_request(self.stores.get(), signature, now.isoformat(timespec="seconds"), forget)
        except Exception as exc:
            self._fell_over(exc)

    def close(self) -> None:
        self.stores.close_all()


def guard_for(db: str | None, shared: bool = False) -> ReplayGuard:
    """`db`: the store's target; on PostgreSQL (several replicas), or when `shared` (several serving processes on
    one SQLite file), replays are remembered there."""
    from knowledge.store.db import backend_of

    if db is not None and (shared or backend_of(db) == "postgresql"):
        return SharedReplayGuard(str(db))
    return ReplayGuard()
