"""Followed feeds: added per workspace, polled on a schedule with conditional requests and per-feed back-off.

A feed that fails (timeout, 500, garbage) waits 15 min × 2^failures (capped at a day) before the next try, so one
broken feed never slows the others; a 304 costs one small request. New entries go through normal ingestion, so
the fetch safety rules (schemes, private addresses, sizes) and idempotency are the same as for `add <url>`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from knowledge.ingest.errors import IngestError
from knowledge.ingest.pipeline import IngestReport, Skipped, ingest
from knowledge.models import iso_utc
from knowledge.store import Store
from knowledge.store.db import is_database_error
from knowledge.store.documents import url_known
from knowledge.store.feeds import claim_feed, delete_feed, feed_by_url_or_id, find_feed, insert_feed, update_feed
from knowledge.store.feeds import due_feeds as stored_due_feeds
from knowledge.store.feeds import list_feeds as list_feeds

log = logging.getLogger("briefbot.feeds")

POLL_EVERY = timedelta(minutes=15)
POLL_LEASE = timedelta(minutes=10)  # a feed being polled is not due for others until then
MAX_BACKOFF = timedelta(hours=24)


class FeedError(ValueError):
    pass


@dataclass
class PollResult:
    feed_id: int
    url: str
    status: str  # "new" | "not-modified" | "error"
    stored: int = 0
    skipped: list[str] = field(default_factory=list)
    error: str | None = None


def check_feed_url(url: str, fetcher=None) -> str:
    """The URL as it will be stored, or FeedError for a URL that polling would refuse (not http(s), a private
    address, a bad host name, a host that does not resolve): said now, while the person who typed it is there."""
    url = url.strip().strip("<>").split("|")[0]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedError(f"{url!r} is not an http(s) feed URL")
    from knowledge.ingest.fetch import Fetcher

    try:
        if fetcher is not None:
            fetcher.check(url)
        else:
            with Fetcher() as own:
                own.check(url)
    except IngestError as exc:
        raise FeedError(str(exc)) from None
    return url


def add_feed(
    store: Store, team_id: str, url: str, added_by: str | None = None, now: datetime | None = None, fetcher=None
) -> tuple[dict, bool]:
    return add_checked_feed(store, team_id, check_feed_url(url, fetcher), added_by, now)


def add_checked_feed(
    store: Store, team_id: str, url: str, added_by: str | None = None, now: datetime | None = None
) -> tuple[dict, bool]:
    """Store a feed whose URL `check_feed_url` has already passed (and cleaned): the CLI checks it before asking
    Slack for the workspace, and must not resolve the host a second time."""
    now = now or datetime.now(UTC)
    with store.transaction(lock=f"feed:{team_id}:{url}"):  # two replicas adding it at once: one adds, one finds
        existing = find_feed(store, team_id, url)
        if existing:
            return existing, False
        insert_feed(store, team_id, url, added_by, iso_utc(now))
    added = find_feed(store, team_id, url)
    assert added is not None
    return added, True


def remove_feed(store: Store, team_id: str, url_or_id: str) -> dict | None:
    row = feed_by_url_or_id(store, team_id, url_or_id)
    if not row:
        return None
    with store.transaction():
        delete_feed(store, row["id"])
    return row


def due_feeds(store: Store, now: datetime) -> list[dict[str, Any]]:
    return stored_due_feeds(store, iso_utc(now))


def backoff(failures: int) -> timedelta:
    return min(POLL_EVERY * (2 ** max(failures - 1, 0)), MAX_BACKOFF)


def _failed(store: Store, feed: dict, now: datetime, error: str) -> PollResult:
    """Record a failed poll: the feed waits out its back-off before the next try."""
    failures = (feed["failures"] or 0) + 1
    with store.transaction():
        update_feed(
            store,
            feed["id"],
            {
                "failures": failures,
                "last_error": error[:300],
                "last_polled_at": iso_utc(now),
                "next_poll_at": iso_utc(now + backoff(failures)),
            },
        )
    return PollResult(feed["id"], feed["url"], "error", error=error)


def poll_feed(store: Store, feed: dict, fetcher, now: datetime) -> PollResult:
    from knowledge.ingest.feeds import read_feed
    from knowledge.ingest.fetch import fetch_article

    try:
        read = read_feed(feed["url"], fetcher, etag=feed["etag"], last_modified=feed["last_modified"])
    except IngestError as exc:
        return _failed(store, feed, now, str(exc))
    report = IngestReport()
    if not read.not_modified:
        fresh = [e for e in read.entries if not url_known(store, e.link)]
        items = [(e.link, (lambda e=e: fetch_article(e.link, fetcher))) for e in fresh]
        report = ingest(store, items)
        report.skipped += [Skipped(feed["url"], reason) for reason in read.skipped]
    with store.transaction():
        update_feed(
            store,
            feed["id"],
            {
                "failures": 0,
                "last_error": None,
                "last_polled_at": iso_utc(now),
                "next_poll_at": iso_utc(now + POLL_EVERY),
                "etag": read.etag or feed["etag"],
                "last_modified": read.last_modified or feed["last_modified"],
                "entries_seen": (feed["entries_seen"] or 0) + len(read.entries),
            },
        )
    status = "not-modified" if read.not_modified else "new"
    return PollResult(feed["id"], feed["url"], status, report.stored, report.problems)


def poll_due(store: Store, fetcher, now: datetime) -> list[PollResult]:
    """Poll each due feed this process manages to lease; a feed another scheduler leased first is left to it.

    A bug met while polling one feed (not an error of the database) is that feed's error, logged with its
    traceback, and the feed backs off like one that failed to load: the other due feeds are still polled."""
    results = []
    for feed in due_feeds(store, now):
        if claim_feed(store, feed["id"], feed["next_poll_at"], iso_utc(now + POLL_LEASE)):
            try:
                results.append(poll_feed(store, feed, fetcher, now))
            except Exception as exc:
                if is_database_error(exc):
                    raise
                log.warning("feed %s: unexpected error while polling", feed["url"], exc_info=exc)
                results.append(_failed(store, feed, now, f"unexpected error ({type(exc).__name__}: {exc})"))
    return results
