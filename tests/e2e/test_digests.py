"""Digests end to end with an injected clock and the fake Slack Web API: exactly once, on local time."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk import WebClient

from bot.digests import run_digests
from knowledge.ingest.service import ingest
from knowledge.models import DocumentInput
from knowledge.store.threads import ThreadStores
from knowledge.workspace import digests as ledger
from knowledge.workspace.subscriptions import list_subscriptions, subscribe

CREATED = datetime(2025, 1, 1, tzinfo=UTC)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def article(n: int, at: datetime) -> DocumentInput:
    text = (
        f"Harbour chief Maria Lindqvist met port workers in Gdansk on Monday to discuss shift rota number {n}. "
        f"Lindqvist said that the new rota {n} would start in spring, and the union denied that it had agreed."
    )
    return DocumentInput(
        text=text, outlet=f"Wire {n % 3}", url=f"https://wire.example/{n}", published_at=at, retrieved_at=at
    )


@pytest.fixture
def stores(store_target):
    s = ThreadStores(store_target)
    yield s
    s.close_all()


@pytest.fixture
def client(slack):
    return WebClient(token="xoxb-test", base_url=slack.api_url)


def add(stores, *docs):
    ingest(stores.get(), [(d.url, d) for d in docs])


def posts(slack, channel=None):
    return [
        c
        for c in slack.calls_to("chat.postMessage")
        if c.ok and not c.params.get("thread_ts") and (channel is None or c.params["channel"] == channel)
    ]


def test_eight_in_berlin_fires_at_seven_utc_in_winter_and_six_in_summer(stores, client, slack):
    store = stores.get()
    subscribe(store, "T1", "CWIN", "lindqvist", at="08:00", tz="Europe/Berlin", now=utc(2025, 1, 15, 5))
    subscribe(store, "T1", "CSUM", "lindqvist", at="08:00", tz="Europe/Berlin", now=utc(2025, 7, 15, 4))
    add(stores, article(1, utc(2025, 1, 14, 12)), article(2, utc(2025, 7, 14, 12)))
    assert run_digests(stores, client, utc(2025, 1, 15, 6, 59)).sent == 0
    assert run_digests(stores, client, utc(2025, 1, 15, 7, 0)).sent == 1
    assert [c.params["channel"] for c in posts(slack)] == ["CWIN"]
    ledger_before = len(ledger.digest_rows(store))
    assert run_digests(stores, client, utc(2025, 7, 15, 5, 59)).sent == 1  # CWIN's late July 14 digest only
    assert [c.params["channel"] for c in posts(slack)].count("CSUM") == 0
    assert run_digests(stores, client, utc(2025, 7, 15, 6, 0)).sent == 1
    assert [c.params["channel"] for c in posts(slack)].count("CSUM") == 1
    assert len(ledger.digest_rows(store)) == ledger_before + 3  # CWIN July 14 (sent), July 15 (empty), CSUM


def test_two_schedulers_on_one_database_send_one_digest(stores, client, slack):
    subscribe(stores.get(), "T1", "C1", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    other = ThreadStores(stores.path)
    barrier = threading.Barrier(2)

    def run(s):
        barrier.wait()
        run_digests(s, client, utc(2025, 1, 15, 8, 1))

    threads = [threading.Thread(target=run, args=(s,)) for s in (stores, other)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    other.close_all()
    assert len(posts(slack, "C1")) == 1


def test_a_crash_between_pending_and_sent_leads_to_exactly_one_message(stores, client, slack):
    store = stores.get()
    subscribe(store, "T1", "C1", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    now = utc(2025, 1, 15, 8, 1)
    [job] = ledger.claim_due(store, now)
    # The crashed process got as far as posting, but never recorded "sent".
    from bot.slack.digest import digest_messages

    top, _ = digest_messages(ledger.compose_digest(store, job), "lindqvist", False, job.local_date)
    client.chat_postMessage(
        channel="C1",
        text=top["text"],
        blocks=top["blocks"],
        metadata={"event_type": "briefbot_digest", "event_payload": {"marker": job.marker}},
    )
    run = run_digests(stores, client, now + ledger.LEASE + timedelta(seconds=5))
    assert run.recovered == 1 and len(posts(slack, "C1")) == 1
    assert ledger.digest_rows(store)[0]["status"] == "sent"


def test_recovery_asks_slack_for_at_most_15_messages_and_finds_the_marker_among_them(stores, client, slack):
    store = stores.get()
    subscribe(store, "T1", "C1", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    now = utc(2025, 1, 15, 8, 1)
    [job] = ledger.claim_due(store, now)
    client.chat_postMessage(
        channel="C1", text="digest", metadata={"event_type": "briefbot_digest", "event_payload": {"marker": job.marker}}
    )
    for i in range(14):  # the channel goes on talking after the crash
        client.chat_postMessage(channel="C1", text=f"chatter {i}")
    run = run_digests(stores, client, now + ledger.LEASE + timedelta(seconds=5))
    assert run.recovered == 1 and run.sent == 0
    history = slack.calls_to("conversations.history")
    assert len(history) == 1 and int(history[0].params["limit"]) <= 15


def test_a_crash_before_posting_leads_to_the_digest_being_sent_on_the_next_run(stores, client, slack):
    store = stores.get()
    subscribe(store, "T1", "C1", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    now = utc(2025, 1, 15, 8, 1)
    ledger.claim_due(store, now)  # pending, then the process died
    assert run_digests(stores, client, now + timedelta(seconds=30)).sent == 0  # lease still held
    assert run_digests(stores, client, now + ledger.LEASE + timedelta(seconds=5)).sent == 1
    assert len(posts(slack, "C1")) == 1


def test_a_three_day_outage_leads_to_one_late_digest(stores, client, slack):
    subscribe(stores.get(), "T1", "C1", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    assert run_digests(stores, client, utc(2025, 1, 15, 8, 1)).sent == 1
    add(stores, article(2, utc(2025, 1, 15, 12)))
    run = run_digests(stores, client, utc(2025, 1, 18, 11))  # down since the 15th: three digests missed
    assert run.sent == 1
    late = posts(slack, "C1")[-1]
    assert "late" in (late.params.get("text", "") + str(late.params.get("blocks"))).lower()
    assert run_digests(stores, client, utc(2025, 1, 18, 12)).sent == 0
    assert len(posts(slack, "C1")) == 2


def test_a_rate_limit_on_one_channel_delays_only_that_channel(stores, client, slack):
    for ch in ("C1", "C2", "C3"):
        subscribe(stores.get(), "T1", ch, "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    slack.rate_limit("chat.postMessage", channel="C2", retry_after=30)
    now = utc(2025, 1, 15, 8, 1)
    run = run_digests(stores, client, now)
    assert run.sent == 2 and run.deferred == 1
    assert {c.params["channel"] for c in posts(slack)} == {"C1", "C3"}
    assert run_digests(stores, client, now + timedelta(seconds=10)).sent == 0
    assert run_digests(stores, client, now + timedelta(seconds=31)).sent == 1
    assert len(posts(slack, "C2")) == 1


def test_an_archived_channel_pauses_its_subscription_and_tells_its_creator(stores, client, slack):
    store = stores.get()
    subscribe(store, "T1", "CARCH", "lindqvist", created_by="UOWNER", now=CREATED)
    subscribe(store, "T1", "COK", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    slack.fail("chat.postMessage", "is_archived", channel="CARCH")
    run = run_digests(stores, client, utc(2025, 1, 15, 8, 1))
    assert run.paused == 1 and run.sent == 1
    paused = [s for s in list_subscriptions(store) if s.channel_id == "CARCH"][0]
    assert paused.status == "paused" and paused.paused_reason == "is_archived"
    assert any(c.params["channel"] == "UOWNER" for c in slack.calls_to("chat.postMessage"))
    assert run_digests(stores, client, utc(2025, 1, 16, 8, 1)).paused == 0


def test_a_token_slack_no_longer_accepts_pauses_the_digest_at_once_and_warns_the_operator(
    stores, client, slack, caplog
):
    store = stores.get()
    subscribe(store, "T1", "CAUTH", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    slack.fail("chat.postMessage", "invalid_auth", channel="CAUTH")
    with caplog.at_level("WARNING", logger="briefbot.digests"):
        run = run_digests(stores, client, utc(2025, 1, 15, 8, 1))
    assert run.paused == 1 and run.deferred == 0
    [sub] = list_subscriptions(store)
    assert (sub.status, sub.paused_reason) == ("paused", "invalid_auth")
    assert any("invalid_auth" in r.getMessage() and "reinstall" in r.getMessage() for r in caplog.records)


def test_delta_digests_never_repeat_an_item(stores, client, slack):
    subscribe(stores.get(), "T1", "C1", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    run_digests(stores, client, utc(2025, 1, 15, 8, 1))
    add(stores, article(2, utc(2025, 1, 15, 12)))
    run_digests(stores, client, utc(2025, 1, 16, 8, 1))
    thread_msgs = [c for c in slack.calls_to("chat.postMessage") if c.params.get("thread_ts")]
    first, second = posts(slack)
    assert "rota 1" in str(first.params.get("blocks")) + str([c.params.get("blocks") for c in thread_msgs])
    second_thread = [c for c in thread_msgs if c.at >= second.at]
    assert "rota 1" not in str(second.params.get("blocks")) + str([c.params.get("blocks") for c in second_thread])
    assert "rota 2" in str(second.params.get("blocks")) + str([c.params.get("blocks") for c in second_thread])


def test_nothing_new_posts_nothing_unless_asked_to(stores, client, slack):
    subscribe(stores.get(), "T1", "CQUIET", "lindqvist", now=CREATED)
    subscribe(stores.get(), "T1", "CLOUD", "lindqvist", post_empty=True, now=CREATED)
    add(stores, article(1, utc(2025, 1, 10, 12)))  # older than the first digest's 24 h window
    run = run_digests(stores, client, utc(2025, 1, 15, 8, 1))
    assert run.empty == 1 and run.sent == 1
    [msg] = posts(slack)
    assert msg.params["channel"] == "CLOUD" and "nothing new" in msg.params["text"].lower()


def test_a_digest_post_is_the_summary_of_what_is_new_since_the_last_one(stores, client, slack):
    subscribe(stores.get(), "T1", "C1", "lindqvist", now=CREATED)
    add(stores, article(1, utc(2025, 1, 14, 12)))
    run_digests(stores, client, utc(2025, 1, 15, 8, 1))
    add(stores, article(2, utc(2025, 1, 15, 12)))
    run_digests(stores, client, utc(2025, 1, 16, 8, 1))
    _, second = posts(slack)
    section = second.params["blocks"][0]["text"]["text"]
    summary = section.split("\n", 1)[1]
    assert summary.startswith("• ") and "rota number 2" in summary and "rota number 1" not in summary
    assert "<https://wire.example/2|[1]>" in summary  # each line's source, linked
