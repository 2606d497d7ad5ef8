"""Two bot replicas behind one load balancer, sharing one database: Slack's retries and replays land on whichever
replica, and each event is still answered once. Runs on both backends (two processes on one SQLite file must
behave the same), through real signed HTTP requests to two servers."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from bot.app import create_app
from bot.server import make_server
from bot.settings import SlackSettings
from tests.e2e.slackreq import SECRET, event, signed_headers


class Replica:
    def __init__(self, slack, target: str):
        settings = SlackSettings(
            slack_bot_token="xoxb-test-token", slack_signing_secret=SECRET, slack_api_url=slack.api_url, _env_file=None
        )
        self.app, self.deps = create_app(settings, target)
        self.server = make_server(self.app, "127.0.0.1", 0, db=target)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def post(self, body: str, headers: dict) -> httpx.Response:
        return httpx.post(self.url + "/slack/events", content=body.encode(), headers=headers, timeout=10)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.deps.shutdown()


@pytest.fixture
def replicas(slack, demo_target):
    pair = [Replica(slack, demo_target), Replica(slack, demo_target)]
    yield pair
    for r in pair:
        r.stop()


def mention(ts: str, topic: str = "kellogg") -> dict:
    return {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {topic}", "ts": ts, "channel": "C9", "event_ts": ts}


def replies_in_thread(slack, ts: str) -> list:
    return [c for c in slack.calls_to("chat.postMessage") if c.params.get("thread_ts") == ts]


def test_a_slack_retry_that_reaches_the_other_replica_is_not_answered_again(replicas, slack):
    first, second = replicas
    body = event(mention("1700000000.000400"), "EvRetryAcross")
    assert first.post(body, signed_headers(body, json_body=True)).status_code == 200
    retry = {
        **signed_headers(body, json_body=True, timestamp=int(time.time()) + 1),
        "X-Slack-Retry-Num": "1",
        "X-Slack-Retry-Reason": "http_timeout",
    }
    assert second.post(body, retry).status_code == 200
    slack.wait_for("chat.postMessage")
    time.sleep(1.0)
    heads = {c.params.get("text") for c in replies_in_thread(slack, "1700000000.000400")}
    assert len(replies_in_thread(slack, "1700000000.000400")) == len(heads)  # one reply (and its details) only


def test_one_event_delivered_to_both_replicas_at_once_is_answered_once(replicas, slack):
    barrier = threading.Barrier(2)
    codes: list[int] = []

    def deliver(replica: Replica, n: int) -> None:
        body = event(mention("1700000000.000500", "witkoff"), "EvTwice")
        headers = signed_headers(body, json_body=True, timestamp=int(time.time()) + n)
        barrier.wait()
        codes.append(replica.post(body, headers).status_code)

    threads = [threading.Thread(target=deliver, args=(r, n)) for n, r in enumerate(replicas)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [200, 200]
    slack.wait_for("chat.postMessage")
    time.sleep(1.0)
    replies = replies_in_thread(slack, "1700000000.000500")
    assert replies and len(replies) == len({c.params.get("text") for c in replies})


@pytest.mark.parametrize("backend", ["postgresql"])  # SQLite keeps replay memory per process, by design
def test_a_request_replayed_to_the_other_replica_is_refused(replicas, slack, backend):
    first, second = replicas
    body = event(mention("1700000000.000600", "lukashenko"), "EvReplay")
    headers = signed_headers(body, json_body=True)
    assert first.post(body, headers).status_code == 200
    assert second.post(body, headers).status_code == 401
