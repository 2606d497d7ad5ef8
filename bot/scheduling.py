"""In-process scheduling for `briefbot serve`: every minute, send due digests and poll due feeds.

The jobs are the same functions `briefbot digest` and `briefbot feeds poll` run once from cron; APScheduler only
decides when. Time comes from `deps.clock`, so tests move a fake clock instead of sleeping.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from slack_sdk import WebClient

from bot.deps import Deps
from bot.logs import Timer, record

log = logging.getLogger("briefbot.scheduler")


def digest_client(client: WebClient, retries: int = 3) -> WebClient:
    """Same token, base URL and timeout, and the same retries of 5xx and connection errors, but 429s are returned
    to us (per-channel back-off) instead of slept on."""
    from bot.delivery import retry_handlers

    return WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        retry_handlers=retry_handlers(retries, rate_limits=False),
    )


def tick_digests(deps: Deps, client: WebClient) -> None:
    from bot.digests import run_digests

    timer = Timer()
    try:
        run = run_digests(deps.stores, client, deps.clock())
    except Exception as exc:
        if not deps.stores.report(exc):  # an unreachable store is logged once per outage; the next tick retries
            log.exception("digest run failed")
        return
    if run.sent or run.deferred or run.paused or run.failed or run.recovered or run.empty:
        outcome = "error" if run.failed else "ok"
        level = logging.WARNING if run.failed else logging.INFO
        counts = {"sent": run.sent, "empty": run.empty, "deferred": run.deferred, "paused": run.paused}
        counts |= {"recovered": run.recovered, "failed": run.failed}
        record(log, "done", level, kind="digests", **counts, ms=timer.ms, outcome=outcome)


def tick_feeds(deps: Deps) -> None:
    from knowledge.workspace.feedwatch import poll_due

    timer = Timer()
    try:
        for result in poll_due(deps.stores.get(), deps.fetcher_factory(), deps.clock()):
            failed = result.status == "error"
            fields = {"kind": "feed", "url": result.url, "status": result.status, "stored": result.stored}
            fields |= {"skipped": len(result.skipped), "error": result.error, "ms": timer.ms}
            record(
                log, "done", logging.WARNING if failed else logging.INFO, **fields, outcome="error" if failed else "ok"
            )
            for reason in result.skipped:  # an entry skipped, or stored without a failed extraction stage
                log.warning("feed %s: %s", result.url, reason)
            timer = Timer()
    except Exception as exc:
        if not deps.stores.report(exc):  # an unreachable store is logged once per outage; the next tick retries
            log.exception("feed polling failed")


def start_scheduler(deps: Deps, client: WebClient, every_seconds: int = 60) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC", job_defaults={"coalesce": True, "max_instances": 1})
    sender = digest_client(client, deps.slack_retries)
    scheduler.add_job(tick_digests, IntervalTrigger(seconds=every_seconds), args=[deps, sender], id="digests")
    scheduler.add_job(tick_feeds, IntervalTrigger(seconds=every_seconds), args=[deps], id="feeds")
    scheduler.start()
    return scheduler
