"""Sending due digests to Slack, one channel per worker, following the ledger protocol in `knowledge.workspace.digests`.

Slack errors are handled per channel: a 429 defers that channel's digest by its Retry-After while the others go
on; a channel that is gone, archived or has not invited the bot pauses its subscription and tells the person who
created it. The WebClient used here has no rate-limit retry handler, so a throttled channel never blocks a worker.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.replies import post_or_without_images
from bot.slack.digest import digest_messages, paused_notice
from knowledge.workspace import digests as ledger
from knowledge.workspace.subscriptions import pause

log = logging.getLogger("briefbot.digests")
PAUSE_ERRORS = {"channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "account_inactive"}
# The workspace's token no longer works: retrying eight times and again tomorrow cannot help; an operator must act.
AUTH_ERRORS = {
    "invalid_auth",
    "not_authed",
    "token_revoked",
    "token_expired",
    "missing_scope",
    "team_access_not_granted",
    "no_permission",
}


@dataclass
class DigestRun:
    sent: int = 0
    empty: int = 0
    deferred: int = 0
    paused: int = 0
    recovered: int = 0
    failed: int = 0
    planned: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, outcome: str) -> None:
        with self._lock:
            setattr(self, outcome, getattr(self, outcome) + 1)


HISTORY_LIMIT = 15  # messages per conversations.history call Slack allows apps outside its Marketplace (2025)


def _find_marker(client: WebClient, channel: str, marker: str) -> str | None:
    """The ts of a message already carrying this digest's marker, if a crashed run managed to post it.

    One call, within Slack's limits for apps outside its Marketplace (15 messages, 1 request a minute; a 429
    defers this digest to the next run): the channel's 15 newest messages, with no `oldest` bound (the ledger's
    clock may not be Slack's). A crashed sender's digest is at most a lease old, so it is among them unless the
    channel had more than 15 messages since; then the digest is sent again, marked late, rather than never."""
    resp = client.conversations_history(channel=channel, limit=HISTORY_LIMIT, include_all_metadata=True)
    messages: list[dict[str, Any]] = resp.get("messages", [])
    for msg in messages:
        payload = (msg.get("metadata") or {}).get("event_payload") or {}
        if payload.get("marker") == marker:
            return msg.get("ts")
    return None


def send_one(stores, client: WebClient, job: ledger.DigestJob, now: datetime, run: DigestRun) -> None:
    store = stores.get()
    sub = job.subscription
    try:
        if job.recovering:
            ts = _find_marker(client, sub.channel_id, job.marker)
            if ts:
                ledger.mark(store, job.digest_id, "sent", ts=ts, now=now)
                run.count("recovered")
                return
        briefing = ledger.compose_digest(store, job)
        if briefing is None and not sub.post_empty:
            ledger.mark(store, job.digest_id, "empty", now=now, items=0)
            run.count("empty")
            return
        top, details = digest_messages(briefing, sub.topic, job.late, job.local_date)
        resp = client.chat_postMessage(
            channel=sub.channel_id,
            text=top["text"],
            blocks=top["blocks"],
            unfurl_links=False,
            metadata={"event_type": "briefbot_digest", "event_payload": {"marker": job.marker}},
        )
        items = len(briefing.citations()) if briefing else 0
        ledger.mark(store, job.digest_id, "sent", ts=resp["ts"], now=now, items=items)
        run.count("sent")
    except SlackApiError as exc:
        _handle_error(store, client, job, exc, now, run)
        return
    for msg in details:
        if not _post_detail(client, sub.channel_id, resp["ts"], msg):
            break


def _post_detail(client: WebClient, channel: str, thread_ts: str, msg: dict, tries: int = 4) -> bool:
    """Thread details go out after the digest is recorded as sent; a 429 here waits (this worker, this channel
    only) and retries, anything else is logged: the digest itself is never resent for a missing detail."""
    for _ in range(tries):
        try:
            post_or_without_images(
                lambda m: client.chat_postMessage(
                    channel=channel, thread_ts=thread_ts, text=m["text"], blocks=m["blocks"], unfurl_links=False
                ),
                msg,
            )
            return True
        except SlackApiError as exc:
            if exc.response.status_code != 429:
                log.warning("digest details in %s not posted: %s", channel, exc.response.get("error"))
                return False
            time.sleep(min(int(exc.response.headers.get("Retry-After", 1) or 1), 30))
    return False


def _handle_error(store, client: WebClient, job: ledger.DigestJob, exc: SlackApiError, now: datetime, run: DigestRun):
    error = exc.response.get("error") or f"HTTP {exc.response.status_code}"
    sub = job.subscription
    if exc.response.status_code == 429 or error == "ratelimited":
        retry = int(exc.response.headers.get("Retry-After", exc.response.headers.get("retry-after", 30)) or 30)
        ledger.defer(store, job.digest_id, now + timedelta(seconds=retry), "rate limited")
        run.count("deferred")
    elif error in PAUSE_ERRORS or error in AUTH_ERRORS:
        if error in AUTH_ERRORS:
            log.warning(
                "digest on %r for %s paused: Slack says %s; check the bot token and its scopes, or "
                "reinstall the app, then subscribe again",
                sub.topic,
                sub.channel_id,
                error,
            )
        pause(store, sub.id, error)
        ledger.mark(store, job.digest_id, "failed", error=error)
        run.count("paused")
        if sub.created_by:
            try:
                msg = paused_notice(sub.topic, sub.channel_id, error)
                client.chat_postMessage(channel=sub.created_by, text=msg["text"], blocks=msg["blocks"])
            except SlackApiError:
                log.warning("could not tell %s that a subscription was paused", sub.created_by)
    elif job.attempts >= ledger.MAX_ATTEMPTS:
        log.warning("digest on %r for %s failed after %d attempts: %s", sub.topic, sub.channel_id, job.attempts, error)
        ledger.mark(store, job.digest_id, "failed", error=error)
        run.count("failed")
    else:
        ledger.defer(store, job.digest_id, now + timedelta(minutes=2 ** min(job.attempts, 6)), error)
        run.count("deferred")


def run_digests(stores, client: WebClient | None, now: datetime, dry_run: bool = False, workers: int = 32) -> DigestRun:
    """Everything due at `now`, once. The scheduler and `briefbot digest` both call this; `client` may be None
    only for a dry run."""
    run = DigestRun()
    store = stores.get()
    if dry_run:
        run.planned = [
            f"{s.topic} → {s.channel_id} ({o.local_date}{', late' if o.late else ''})"
            for s, o in ledger.plan_due(store, now)
        ]
        return run
    if client is None:
        raise ValueError("sending digests needs a Slack client (only a dry run goes without)")
    jobs = ledger.claim_due(store, now)
    if not jobs:
        return run
    with ThreadPoolExecutor(min(workers, len(jobs)), thread_name_prefix="digest") as pool:
        for future in [pool.submit(send_one, stores, client, job, now, run) for job in jobs]:
            try:
                future.result()
            except Exception:
                log.exception("digest failed")
                run.count("failed")
    return run
