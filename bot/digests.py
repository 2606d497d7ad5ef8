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

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.delivery import DeliveryFailed, find_marked, marked, new_marker, post_message
from bot.replies import post_or_without_images
from bot.slack.digest import digest_messages, paused_notice
from knowledge.workspace import digests as ledger
from knowledge.workspace.subscriptions import pause

log = logging.getLogger("briefbot.digests")
DIGEST_EVENT = "briefbot_digest"
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
    leased: list[dict] = field(default_factory=list)  # held by another run when this one started
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, outcome: str) -> None:
        with self._lock:
            setattr(self, outcome, getattr(self, outcome) + 1)


def send_one(stores, client: WebClient, job: ledger.DigestJob, now: datetime, run: DigestRun) -> None:
    """One digest, exactly once, details included. The top message and each detail carry markers; the row
    records the top's ts while details are still going out (status stays pending), so a run that crashed
    anywhere is finished by the next one: it finds what Slack already has and posts only what is missing."""
    store = stores.get()
    sub = job.subscription
    try:
        ts = job.ts
        if job.recovering and not ts:
            ts = find_marked(client, sub.channel_id, job.marker)
        already = ts is not None  # a crashed run got the top message out
        briefing = ledger.compose_digest(store, job)
        items = len(briefing.citations()) if briefing else 0
        if not already and briefing is None and not sub.post_empty:
            ledger.mark(store, job.digest_id, "empty", now=now, items=0)
            run.count("empty")
            return
        top, details = digest_messages(briefing, sub.topic, job.late, job.local_date)
        if ts is None:
            ts = post_message(
                client,
                sub.channel_id,
                top["text"],
                blocks=top["blocks"],
                marker=job.marker,
                event_type=DIGEST_EVENT,
                log_errors=False,
                unfurl_links=False,
            )
            if details:
                ledger.mark(store, job.digest_id, "pending", ts=ts)  # the top is out; the details are not yet
        if not _post_details(client, sub.channel_id, ts, job.marker, details, check=already):
            raise DeliveryFailed("chat.postMessage", "digest details incomplete")
        ledger.mark(store, job.digest_id, "sent", ts=ts, now=now, items=items)
        run.count("recovered" if already else "sent")
    except SlackApiError as exc:  # looking for what a crashed run posted
        failed = DeliveryFailed("conversations.history", str(exc.response.get("error") or exc.response.status_code))
        failed.__cause__ = exc
        _handle_error(store, client, job, failed, now, run)
    except DeliveryFailed as exc:
        _handle_error(store, client, job, exc, now, run)


def _post_details(client: WebClient, channel: str, thread_ts: str, marker: str, details: list, check: bool) -> bool:
    """Every detail in the digest's thread once (`check`: ask Slack first which a crashed run already posted);
    False when one cannot be posted now."""
    have = marked(client, channel, thread_ts) if check and details else {}
    for i, msg in enumerate(details):
        detail_marker = f"{marker}-d{i}"
        if detail_marker not in have and not _post_detail(client, channel, thread_ts, msg, detail_marker):
            return False
    return True


def _post_detail(client: WebClient, channel: str, thread_ts: str, msg: dict, marker: str | None = None) -> bool:
    """One detail, marked. A 429 waits (this worker, this channel only) and retries; a chart Slack cannot download
    is dropped and the words sent (`post_or_without_images`); False when it cannot be posted now."""
    marker = marker or new_marker()
    for _ in range(4):
        try:
            post_or_without_images(
                lambda m: post_message(
                    client,
                    channel,
                    m["text"],
                    thread_ts=thread_ts,
                    blocks=m["blocks"],
                    marker=marker,
                    event_type=DIGEST_EVENT,
                    log_errors=False,
                    unfurl_links=False,
                ),
                msg,
            )
            return True
        except DeliveryFailed as exc:
            cause = exc.__cause__
            if not (isinstance(cause, SlackApiError) and cause.response.status_code == 429):
                return False
            time.sleep(min(int(cause.response.headers.get("Retry-After", 1) or 1), 10))
    return False


def _handle_error(store, client: WebClient, job: ledger.DigestJob, exc: DeliveryFailed, now: datetime, run: DigestRun):
    api = exc.__cause__ if isinstance(exc.__cause__, SlackApiError) else None
    error = exc.reason
    sub = job.subscription
    if api is not None and (api.response.status_code == 429 or error == "ratelimited"):
        retry = int(api.response.headers.get("Retry-After", api.response.headers.get("retry-after", 30)) or 30)
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
    run.leased = ledger.leased(store, now)
    jobs = ledger.claim_due(store, now)
    if not jobs:
        return run
    with ThreadPoolExecutor(min(workers, len(jobs)), thread_name_prefix="digest") as pool:
        for future in [pool.submit(send_one, stores, client, job, now, run) for job in jobs]:
            try:
                future.result()
            except Exception as exc:
                if not stores.report(exc):  # an unreachable store: its lease runs out and the next run recovers it
                    log.exception("digest failed")
                run.count("failed")
    return run
