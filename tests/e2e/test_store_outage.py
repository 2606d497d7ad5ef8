"""Fault injection: a PostgreSQL server stopped and started under a running replica and a scheduler. The cluster
is this module's own (the session's is shared by every other test and must stay up); the demo store is copied
into it once.

What must hold: every request is acknowledged during the outage and told "unreachable", nothing needs a restart
afterwards, the digest due during the outage goes out once when the store is back, and each process logs the
outage in one line at its start and one at its end."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk import WebClient

from bot.deps import Deps
from bot.replies import UNREACHABLE
from bot.scheduling import tick_digests
from knowledge.store import Store
from knowledge.store.health import Outage
from knowledge.store.threads import ThreadStores
from knowledge.workspace.subscriptions import subscribe
from tests.e2e.slackreq import event, signed_headers, slash_command
from tests.e2e.test_replicas import Replica


@pytest.fixture(scope="module")
def outage_cluster(demo_db):
    from knowledge.store.copy import copy_store
    from tests.pgcluster import start_or_skip

    cluster = start_or_skip()  # under CI=true a missing server fails, as for every PostgreSQL test
    url = cluster.create_database(name="outage")
    with Store.open(demo_db) as source, Store.open(url) as target:
        copy_store(source, target)
    yield cluster, url
    cluster.stop()


@pytest.fixture
def outage(outage_cluster):
    """(cluster, url), with the server running again after the test whatever the test did to it."""
    cluster, url = outage_cluster
    yield cluster, url
    try:
        Store.open(url).close()
    except Exception:
        cluster.resume()


def store_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "briefbot.store"]


def tracebacks(caplog) -> list[logging.LogRecord]:
    """Raised here, or in a compose process (its lines arrive with the traceback as text, `bot.composer`)."""
    return [r for r in caplog.records if r.exc_info or r.exc_text]


def test_a_replica_acks_through_a_postgresql_outage_says_unreachable_and_heals_without_a_restart(outage, slack, caplog):
    cluster, url = outage
    caplog.set_level(logging.WARNING)
    replica = Replica(slack, url)
    try:
        body = slash_command("kellogg", slack.new_response_url())
        assert replica.post(body, signed_headers(body)).status_code == 200
        before = slack.wait_for_responses(1)[0]
        assert "Kellogg" in before["text"]

        cluster.halt()
        started = time.monotonic()
        codes, took = [], []
        for _ in range(4):
            body = slash_command("kellogg", slack.new_response_url())
            t = time.monotonic()
            codes.append(replica.post(body, signed_headers(body)).status_code)
            took.append(time.monotonic() - t)
        mention_body = event(
            {"type": "app_mention", "user": "U1", "text": "<@UBOT> kellogg", "ts": "1.5", "channel": "C7"}, "EvOut"
        )
        codes.append(replica.post(mention_body, signed_headers(mention_body, json_body=True)).status_code)
        assert codes == [200] * 5 and max(took) < 3
        down = slack.wait_for_responses(5)[1:]
        assert [r["text"] for r in down] == [UNREACHABLE] * 4
        thread = slack.wait_for("chat.postMessage")
        assert [c.params["text"] for c in thread if c.params.get("channel") == "C7"] == [UNREACHABLE]
        assert time.monotonic() - started < 10

        cluster.resume()
        time.sleep(Outage.PROBE_EVERY)  # a store known to be down is tried once a second
        body = slash_command("kellogg", slack.new_response_url())
        assert replica.post(body, signed_headers(body)).status_code == 200
        after = slack.wait_for_responses(6)[-1]
        assert "Kellogg" in after["text"] and after["text"] != UNREACHABLE
    finally:
        replica.stop()
    lines = store_lines(caplog)
    assert len(lines) == 2, lines
    assert "unreachable" in lines[0] and "reachable again" in lines[1]
    assert tracebacks(caplog) == []


def test_the_digest_due_during_an_outage_is_sent_once_on_the_first_tick_after_it(outage, slack, caplog):
    cluster, url = outage
    caplog.set_level(logging.WARNING)
    due = datetime(2025, 6, 24, 8, 0, tzinfo=UTC)
    created = due - timedelta(minutes=10)
    with Store.open(url) as store:
        subscribe(store, "T1", "CDUE", "kellogg", at="08:00", tz="UTC", now=created, post_empty=True)
    clock = [due - timedelta(minutes=5)]
    deps = Deps(stores=ThreadStores(url), fetcher_factory=lambda: None, clock=lambda: clock[0])
    client = WebClient(token="xoxb-test", base_url=slack.api_url)
    try:
        tick_digests(deps, client)  # before it is due: nothing
        cluster.halt()
        for minute in range(3):  # the scheduler ticks on through the outage
            clock[0] = due + timedelta(minutes=minute)
            tick_digests(deps, client)
        assert slack.calls_to("chat.postMessage") == []
        cluster.resume()
        for minute in range(3, 6):  # ticks come at least a second apart (a down store is tried once a second)
            time.sleep(Outage.PROBE_EVERY)
            clock[0] = due + timedelta(minutes=minute)
            tick_digests(deps, client)
    finally:
        deps.shutdown()
    tops = [
        c for c in slack.calls_to("chat.postMessage") if c.params["channel"] == "CDUE" and not c.params.get("thread_ts")
    ]
    assert len(tops) == 1
    lines = store_lines(caplog)
    assert len(lines) == 2, lines
    assert tracebacks(caplog) == []
