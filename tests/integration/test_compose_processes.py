"""Briefings composed in worker processes (`bot.composer.WorkerProcesses`) answer exactly as in the serving
process, survive a killed worker, and report an unreachable store as such — on a real store, real processes."""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

import pytest

from bot.briefings import AskedBy, BriefingJob, ResponseUrl
from bot.composer import ComposeFailed, InProcess, WorkerProcesses
from bot.delivery import DeliveryFailed
from knowledge.store import Store
from knowledge.store.errors import StoreUnreachable
from knowledge.store.health import unavailable
from tests.e2e.fakeslack import FakeSlack


@pytest.fixture
def workers(demo_target: str):
    composer = WorkerProcesses(demo_target, processes=2)
    try:
        yield composer
    finally:
        composer.close()


JOBS = [
    BriefingJob("summary", "kellogg"),
    BriefingJob("details", "kellogg"),
    BriefingJob("sources", "witkoff"),
    BriefingJob("summary", "nobody-by-this-name"),
    BriefingJob("summary", "since:not-a-date kellogg"),
]


def test_worker_processes_answer_every_view_exactly_as_the_serving_process_would(demo_target, workers):
    with Store.open(demo_target) as store:
        here = [InProcess().reply(job, store) for job in JOBS]
        there = [workers.reply(job, store) for job in JOBS]
    assert len(here) == len(JOBS) and all(r.messages for r in here)
    assert [(r.messages, r.topic, r.ephemeral) for r in there] == [(r.messages, r.topic, r.ephemeral) for r in here]
    assert "Kellogg" in str(there[0].messages) and there[0].topic


def test_a_killed_compose_process_is_replaced_and_the_briefing_still_answered(demo_target, workers):
    with Store.open(demo_target) as store:
        workers.reply(BriefingJob("summary", "kellogg"), store)
        before = workers.pids()
        assert len(before) == 2
        os.kill(before[0], signal.SIGKILL)
        reply = workers.reply(BriefingJob("summary", "kellogg"), store)
    assert "Kellogg" in str(reply.messages)
    after = workers.pids()
    assert after and before[0] not in after


@pytest.fixture
def pg_demo(demo_db: Path):
    """A PostgreSQL cluster of this test's own (it is stopped and started again) holding the demo corpus."""
    from knowledge.store.copy import copy_store
    from tests.pgcluster import start_or_skip

    cluster = start_or_skip()
    try:
        url = cluster.create_database(name="compose")
        with Store.open(demo_db) as source, Store.open(url) as target:
            copy_store(source, target)
        yield cluster, url
    finally:
        cluster.stop()


def test_a_stopped_database_reaches_the_caller_as_unreachable_and_workers_heal_when_it_returns(pg_demo):
    cluster, url = pg_demo
    composer = WorkerProcesses(url, processes=1)
    job = BriefingJob("summary", "kellogg")
    try:
        with Store.open(url) as store:  # the caller's connection: a worker composes on its own
            assert "Kellogg" in str(composer.reply(job, store).messages)
            cluster.halt()
            try:
                with pytest.raises(StoreUnreachable) as caught:
                    composer.reply(job, store)
            finally:
                cluster.resume()
            assert unavailable(caught.value)
            assert "Kellogg" in str(composer.reply(job, store).messages)
    finally:
        composer.close()


def test_a_bug_while_composing_in_a_worker_arrives_with_the_workers_traceback(demo_target, workers):
    with Store.open(demo_target) as store, pytest.raises(ComposeFailed) as caught:
        workers.reply(BriefingJob("no-such-view", "kellogg"), store)  # type: ignore[arg-type]
    assert "Traceback" in str(caught.value) and "unknown view 'no-such-view'" in str(caught.value)


def test_worker_processes_refuse_to_start_with_no_process():
    with pytest.raises(ValueError, match="at least one"):
        WorkerProcesses("unused.db", processes=0)


def test_a_closed_composer_refuses_new_briefings_and_leaves_no_process_running(demo_target):
    composer = WorkerProcesses(demo_target, processes=2)
    pids = composer.pids()
    assert len(pids) == 2
    composer.close()
    with Store.open(demo_target) as store, pytest.raises(ComposeFailed, match="shut down"):
        composer.reply(BriefingJob("summary", "kellogg"), store)
    assert not [pid for pid in pids if Path(f"/proc/{pid}").exists()]


def test_a_briefing_with_a_response_url_is_posted_by_the_compose_process_and_only_its_topic_comes_back(
    demo_target, workers
):
    with FakeSlack() as slack, Store.open(demo_target) as store:
        expected = InProcess().reply(BriefingJob("summary", "kellogg"), store)
        url = slack.new_response_url()
        reply = workers.reply(BriefingJob("summary", "kellogg", respond_to=ResponseUrl(url, 5, 1)), store)
        posted = slack.wait_for_response_to(url)
    assert reply.delivered and reply.messages == [] and reply.topic == expected.topic
    assert expected.messages and posted["text"] == expected.messages[0]["text"]
    assert posted["blocks"] == expected.messages[0]["blocks"]
    assert posted["response_type"] == "ephemeral"


def test_a_briefing_posted_by_the_compose_process_is_recorded_there_among_the_workspaces_recent_briefings(
    demo_target, workers
):
    from knowledge.workspace.activity import recent_briefings

    asked = AskedBy("T1", "U7", "C3", "  Kellogg  ")
    with FakeSlack() as slack, Store.open(demo_target) as store:
        to = ResponseUrl(slack.new_response_url(), 5, 1)
        reply = workers.reply(BriefingJob("summary", "kellogg", respond_to=to, asked_by=asked), store)
        unknown = workers.reply(BriefingJob("summary", "nobody-by-this-name", respond_to=to, asked_by=asked), store)
        recent = recent_briefings(store, "T1")
    assert reply.delivered and reply.recorded and reply.topic
    assert not unknown.recorded  # no topic, no line (as before: only briefings are recorded)
    assert [(r["query"], r["topic"], r["user_id"]) for r in recent] == [("  Kellogg  ", reply.topic, "U7")]


def test_a_post_slack_refuses_for_good_reaches_the_caller_as_delivery_failed_with_the_workers_one_log_line(
    demo_target, workers, caplog
):
    caplog.set_level(logging.WARNING)
    with FakeSlack() as slack, Store.open(demo_target) as store:
        slack.flaky("response_url", every=1, mode="500")
        job = BriefingJob("summary", "kellogg", respond_to=ResponseUrl(slack.new_response_url(), 5, 1))
        with pytest.raises(DeliveryFailed) as caught:
            workers.reply(job, store)
        tries = len(slack.calls_to("response_url"))
    assert caught.value.call == "response_url" and "500" in caught.value.reason
    assert tries == 2  # the first try and one retry, in the compose process
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and lines[0].name == "briefbot.slack", [r.getMessage() for r in lines]
    assert "response_url post failed" in lines[0].getMessage() and "HTTP 500" in lines[0].getMessage()
