"""Durable work: a request acknowledged by a replica that then dies is answered by another one. Slack never
resends a request it got a 200 for, so without the queue the user would wait forever."""

from __future__ import annotations

import os
import shutil
import signal
import time
from datetime import timedelta

import httpx

from bot.app import create_app
from bot.settings import SlackSettings
from knowledge.store import Store
from knowledge.workspace.work import WorkItem, queue
from tests.e2e.servers import start_serve
from tests.e2e.slackreq import SECRET, event, signed_headers


def mention(ts: str, event_id: str, topic: str = "kellogg") -> str:
    return event({"type": "app_mention", "user": "U1", "text": f"<@UBOT> {topic}", "ts": ts, "channel": "CK"}, event_id)


def thread(slack, ts: str) -> list[str]:
    return [m["text"] for m in slack.messages.get("CK", []) if m.get("thread_ts") == ts]


def wait_until(check, timeout: float) -> float:
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise AssertionError("not in time")
        time.sleep(0.1)
    return time.monotonic() - start


def test_work_a_dead_process_left_queued_is_answered_once_by_a_live_one(slack, demo_db, tmp_path):
    db = tmp_path / "bot.db"
    shutil.copy(demo_db, db)
    with Store.open(db) as store:  # what a replica killed after its ack leaves behind: a lease nobody renews
        from bot.deps import utc_now

        payload = {"text": "kellogg", "channel": "CK", "thread_ts": "1700000200.000100", "team": "T0TEST", "user": "U1"}
        queue(store, WorkItem("mention-left-behind", "mention", payload), utc_now() - timedelta(seconds=5),
              timedelta(seconds=1))  # fmt: skip
    settings = SlackSettings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=slack.api_url,
        briefbot_work_lease=0.6,
        _env_file=None,
    )
    app, deps = create_app(settings, db)
    try:
        wait_until(lambda: thread(slack, "1700000200.000100"), timeout=15)
        time.sleep(1.5)  # several more sweeps: nobody answers it again
        posts = thread(slack, "1700000200.000100")
        assert posts and len(posts) == len(set(posts))
        assert "Kellogg" in posts[0]
        assert deps.stores.get().db["pending_work"].count == 0
    finally:
        deps.shutdown()


def test_a_replica_killed_right_after_its_ack_is_answered_by_the_other_within_30_seconds(slack, demo_db, tmp_path):
    db = tmp_path / "bot.db"
    shutil.copy(demo_db, db)
    env = {"BRIEFBOT_WORK_LEASE": "3"}
    first, first_url = start_serve(db, slack.api_url, env=env)
    second, _ = start_serve(db, slack.api_url, env=env)
    try:
        slack.hang_seconds = 60
        slack.flaky("chat.postMessage", every=1, mode="hang", times=1)  # the first replica's answer never lands
        body = mention("1700000300.000100", "EvKill")
        resp = httpx.post(
            first_url + "/slack/events", content=body.encode(), headers=signed_headers(body, json_body=True)
        )
        assert resp.status_code == 200
        wait_until(lambda: slack.calls_to("chat.postMessage"), timeout=30)  # acked, and stuck answering
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
        took = wait_until(lambda: thread(slack, "1700000300.000100"), timeout=30)
        assert took < 30
        time.sleep(2)
        posts = thread(slack, "1700000300.000100")
        assert len(posts) == len(set(posts)) and "Kellogg" in posts[0]
    finally:
        for proc in (first, second):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(20)


def test_a_slash_command_a_dead_process_left_queued_is_answered_at_its_response_url(slack, demo_db, tmp_path):
    from bot.deps import utc_now

    db = tmp_path / "bot.db"
    shutil.copy(demo_db, db)
    url = slack.new_response_url()
    payload = {"text": "witkoff", "team_id": "T0TEST", "user_id": "U1", "channel_id": "C1", "response_url": url}
    with Store.open(db) as store:
        queue(store, WorkItem("command-left-behind", "command", payload), utc_now() - timedelta(seconds=5),
              timedelta(seconds=1))  # fmt: skip
    settings = SlackSettings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=slack.api_url,
        briefbot_work_lease=0.6,
        _env_file=None,
    )
    app, deps = create_app(settings, db)
    try:
        [answer] = slack.wait_for_responses(1, timeout=15)
        time.sleep(1.5)
        assert len(slack.responses) == 1 and "Witkoff" in answer["text"]
    finally:
        deps.shutdown()
