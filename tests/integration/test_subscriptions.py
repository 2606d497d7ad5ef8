"""Subscriptions and the digest ledger over a real SQLite file."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from knowledge.store import Store
from knowledge.workspace import digests as ledger
from knowledge.workspace.subscriptions import SubscriptionError, list_subscriptions, subscribe, unsubscribe

CREATED = datetime(2025, 1, 1, tzinfo=UTC)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    "at, tz, message",
    [
        ("25:00", None, "out of range"),
        ("8.30", None, "is not HH:MM"),
        ("08:00", "Europe/Berlinn", "did you mean Europe/Berlin"),
        ("08:00", "Mars/Olympus", "unknown time zone"),
        ("08:00", "US", "unknown time zone 'US'"),  # a folder of zones in tzdata, not a zone
    ],
)
def test_bad_times_and_zones_are_refused_with_a_clear_reason(store, at, tz, message):
    with pytest.raises(SubscriptionError, match=message):
        subscribe(store, "T1", "C1", "ceasefire", at=at, tz=tz)
    assert list_subscriptions(store) == []


@pytest.mark.parametrize(
    "topic, message",
    [
        ("?!", "no topic given"),
        ("the", "too general to brief on"),
        ("kellogg since:7d", "a digest takes no filters"),
        ("   ", "which topic"),
    ],
)
def test_a_topic_a_digest_could_not_be_about_is_refused(store, topic, message):
    with pytest.raises(SubscriptionError, match=message):
        subscribe(store, "T1", "C1", topic)
    assert list_subscriptions(store) == []


def test_times_accept_am_pm_and_default_to_eight_utc(store):
    sub, _ = subscribe(store, "T1", "C1", "ceasefire", at="7:15pm")
    assert (sub.at_time, sub.tz) == ("19:15", "UTC")
    sub, _ = subscribe(store, "T1", "C2", "ceasefire")
    assert (sub.at_time, sub.tz) == ("08:00", "UTC")


def test_subscribing_again_updates_the_time_instead_of_adding_a_second_subscription(store):
    subscribe(store, "T1", "C1", "ceasefire", at="08:00")
    sub, created = subscribe(store, "T1", "C1", "Ceasefire", at="09:30", tz="Europe/Berlin")
    assert not created and (sub.at_time, sub.tz) == ("09:30", "Europe/Berlin")
    assert len(list_subscriptions(store, "T1")) == 1


def test_unsubscribing_removes_only_that_channel_and_topic(store):
    subscribe(store, "T1", "C1", "ceasefire")
    subscribe(store, "T1", "C2", "ceasefire")
    assert unsubscribe(store, "T1", "C1", "ceasefire").channel_id == "C1"
    assert [s.channel_id for s in list_subscriptions(store)] == ["C2"]
    assert unsubscribe(store, "T1", "C1", "ceasefire") is None


def test_a_due_digest_is_claimed_once_even_when_claimed_twice(store):
    subscribe(store, "T1", "C1", "ceasefire", at="08:00", tz="Europe/Berlin", now=CREATED)
    now = utc(2025, 1, 15, 7, 1)
    first = ledger.claim_due(store, now)
    second = ledger.claim_due(store, now)
    assert len(first) == 1 and second == []
    assert first[0].local_date == "2025-01-15" and not first[0].late


def test_four_schedulers_racing_on_one_database_claim_each_digest_once(store_target):
    path = store_target
    with Store.open(path) as store:
        for n in range(20):
            subscribe(store, "T1", f"C{n}", "ceasefire", now=CREATED)
    now = utc(2025, 1, 15, 8, 1)
    claimed: list = []
    barrier = threading.Barrier(4)

    def worker():
        with Store.open(path) as s:
            barrier.wait()
            claimed.extend(j.subscription.channel_id for j in ledger.claim_due(s, now))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == sorted(f"C{n}" for n in range(20))


def test_a_pending_digest_is_reclaimed_only_after_its_lease_and_only_once(store):
    subscribe(store, "T1", "C1", "ceasefire", now=CREATED)
    now = utc(2025, 1, 15, 8, 1)
    [job] = ledger.claim_due(store, now)
    assert ledger.reclaim_pending(store, now + timedelta(seconds=30)) == []
    later = now + ledger.LEASE + timedelta(seconds=1)
    [again] = ledger.reclaim_pending(store, later)
    assert again.recovering and again.marker == job.marker and again.digest_id == job.digest_id
    assert ledger.reclaim_pending(store, later) == []


def test_the_next_digest_starts_where_the_previous_one_ended(store):
    subscribe(store, "T1", "C1", "ceasefire", now=CREATED)
    [job] = ledger.claim_due(store, utc(2025, 1, 15, 8, 1))
    assert job.since == utc(2025, 1, 14, 8, 1)
    ledger.mark(store, job.digest_id, "sent", ts="1.0", now=job.until)
    [nxt] = ledger.claim_due(store, utc(2025, 1, 16, 8, 2))
    assert nxt.since == job.until


def test_after_a_long_outage_one_late_digest_is_due(store):
    subscribe(store, "T1", "C1", "ceasefire", now=CREATED)
    jobs = ledger.claim_due(store, utc(2025, 1, 18, 15))
    assert len(jobs) == 1 and jobs[0].late and jobs[0].local_date == "2025-01-18"
