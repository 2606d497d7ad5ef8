"""Digest crashes and Slack faults: the details thread is part of the exactly-once record, so a run that died
after the top message (or halfway through its details) is finished by the next run, each message once; and a
run that meets another run's live lease says so and exits non-zero."""

from __future__ import annotations

from datetime import timedelta

import pytest
from slack_sdk import WebClient
from typer.testing import CliRunner

from bot.cli import app as cli
from bot.cli import commands  # noqa: F401  (registers every command)
from bot.digests import run_digests
from bot.scheduling import digest_client
from bot.slack.digest import digest_messages
from knowledge.store.threads import ThreadStores
from knowledge.workspace import digests as ledger
from knowledge.workspace.subscriptions import subscribe
from tests.e2e.test_digests import CREATED, add, article, posts, utc

NOW = utc(2025, 1, 15, 8, 1)


@pytest.fixture
def stores(store_target):
    s = ThreadStores(store_target)
    yield s
    s.close_all()


@pytest.fixture
def client(slack):
    return digest_client(WebClient(token="xoxb-test", base_url=slack.api_url, timeout=1), retries=0)


def due_digest(stores) -> tuple[ledger.DigestJob, dict, list[dict]]:
    """A subscription with news, its digest claimed by a run that is about to crash: (job, top, details)."""
    store = stores.get()
    subscribe(store, "T1", "C1", "lindqvist", now=CREATED)
    add(stores, *[article(n, utc(2025, 1, 14, 9 + n)) for n in range(1, 5)])
    [job] = ledger.claim_due(store, NOW)
    top, details = digest_messages(ledger.compose_digest(store, job), "lindqvist", False, job.local_date)
    assert details, "the digest needs a details thread for this test"
    return job, top, details


def marked_post(client, text, blocks, marker, thread_ts=None) -> str:
    meta = {"event_type": "briefbot_digest", "event_payload": {"marker": marker}}
    return client.chat_postMessage(channel="C1", text=text, blocks=blocks, thread_ts=thread_ts, metadata=meta)["ts"]


def thread_texts(slack, ts: str) -> list[str]:
    return [m["text"] for m in slack.messages.get("C1", []) if m.get("thread_ts") == ts]


def test_a_crash_after_the_top_message_posts_the_whole_details_thread_on_recovery(stores, client, slack):
    job, top, details = due_digest(stores)
    ts = marked_post(client, top["text"], top["blocks"], job.marker)  # then the process died
    run = run_digests(stores, client, NOW + ledger.LEASE + timedelta(seconds=5))
    assert run.recovered == 1 and len(posts(slack, "C1")) == 1
    assert thread_texts(slack, ts) == [d["text"] for d in details]
    assert ledger.digest_rows(stores.get())[0]["status"] == "sent"


def test_a_crash_halfway_through_the_details_posts_only_the_missing_ones(stores, client, slack):
    job, top, details = due_digest(stores)
    ts = marked_post(client, top["text"], top["blocks"], job.marker)
    ledger.mark(stores.get(), job.digest_id, "pending", ts=ts)
    marked_post(client, details[0]["text"], details[0]["blocks"], f"{job.marker}-d0", thread_ts=ts)  # then died
    run_digests(stores, client, NOW + ledger.LEASE + timedelta(seconds=5))
    assert len(posts(slack, "C1")) == 1
    assert thread_texts(slack, ts) == [d["text"] for d in details]  # each detail once, in order


def test_a_detail_slack_refuses_for_now_is_posted_by_a_later_run(stores, client, slack):
    job, top, details = due_digest(stores)
    slack.flaky("chat.postMessage", every=2, mode="500")  # the top goes out, the first detail gets a 500
    first = run_digests(stores, client, NOW + ledger.LEASE + timedelta(seconds=5))  # the claiming run died
    assert first.deferred == 1 and len(posts(slack, "C1")) == 1
    slack.flakies.clear()
    later = run_digests(stores, client, NOW + timedelta(minutes=10))
    assert later.recovered == 1
    ts = ledger.digest_rows(stores.get())[0]["ts"]
    assert thread_texts(slack, ts) == [d["text"] for d in details]
    assert len(posts(slack, "C1")) == 1


def test_a_digest_post_that_times_out_after_slack_took_it_is_not_posted_twice(stores, client, slack):
    job, top, details = due_digest(stores)
    slack.hang_seconds = 1.5
    slack.flaky("chat.postMessage", every=1, mode="hang_after", times=1)  # only the first post (the top) hangs
    run = run_digests(stores, client, NOW + ledger.LEASE + timedelta(seconds=5))  # the claiming run died
    assert run.sent == 1
    assert len(posts(slack, "C1")) == 1
    ts = ledger.digest_rows(stores.get())[0]["ts"]
    assert thread_texts(slack, ts) == [d["text"] for d in details]


def test_a_digest_run_that_meets_a_live_lease_says_so_and_exits_non_zero(store_target, slack, monkeypatch):
    stores = ThreadStores(store_target)
    try:
        due_digest(stores)  # claimed, lease running, process gone
    finally:
        stores.close_all()
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-token")
    monkeypatch.setenv("SLACK_API_URL", slack.api_url)
    now = (NOW + timedelta(seconds=30)).isoformat()
    result = CliRunner().invoke(cli, ["--db", store_target, "digest", "--now", now])
    assert result.exit_code == 1, result.output
    assert "held by another digest run" in result.output
    assert slack.calls_to("chat.postMessage") == []
