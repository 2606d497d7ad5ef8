"""Fault injection on the Slack side: the fake Slack answers every n-th call with a 500, a 429, or holds it past
the client's timeout (before or after taking it). Answers must arrive once each, never followed by "Sorry",
and a call that fails for good is one log line naming the call and the reason."""

from __future__ import annotations

import logging
import shutil
import time

import pytest

from bot.replies import SORRY
from bot.settings import SlackSettings
from tests.e2e.conftest import Running
from tests.e2e.servers import serving
from tests.e2e.slackreq import SECRET, event, slash_command


@pytest.fixture
def quick_bot(slack, demo_db, tmp_path):
    """The app with a 1-second Slack timeout, so a hanging fake Slack costs a second, not fifteen."""
    db = tmp_path / "bot.db"
    shutil.copy(demo_db, db)
    settings = SlackSettings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=slack.api_url,
        slack_timeout=1,
        slack_retries=3,
        _env_file=None,
    )
    slack.hang_seconds = 1.6
    with serving(db, slack.api_url, settings=settings) as (_, deps, url):
        yield Running(url, deps, db)


TOPICS = ["kellogg", "witkoff", "lukashenko", "putin", "zelensky", "kellogg since:30d"]


def mention(n: int, topic: str) -> str:
    ts = f"1700000100.{n:06d}"
    return event(
        {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {topic}", "ts": ts, "channel": "CF"}, f"EvF{n}"
    )


def thread_posts(slack, n: int) -> list[str]:
    """What landed in mention n's thread (taken by Slack, whatever the client heard back)."""
    ts = f"1700000100.{n:06d}"
    return [m["text"] for m in slack.messages.get("CF", []) if m.get("thread_ts") == ts]


def settle(check, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while not check():
        if time.time() > deadline:
            raise AssertionError("not settled in time")
        time.sleep(0.1)


@pytest.mark.parametrize("mode", ["500", "429", "hang", "hang_after"])
def test_every_third_chat_post_failing_loses_no_answer_repeats_none_and_adds_no_sorry(quick_bot, slack, mode):
    slack.flaky("chat.postMessage", every=3, mode=mode)
    for n, topic in enumerate(TOPICS):
        body = mention(n, topic)
        assert quick_bot.post(body, json_body=True).status_code == 200
    settle(lambda: all(thread_posts(slack, n) for n in range(len(TOPICS))))
    time.sleep(2.5)  # room for a late duplicate or a "Sorry"
    assert slack.injected >= 2
    for n in range(len(TOPICS)):
        posts = thread_posts(slack, n)
        assert posts and SORRY not in posts, (n, posts)
        assert len(posts) == len(set(posts)), (n, posts)  # each part of the answer once


@pytest.mark.parametrize("mode", ["500", "429", "hang"])
def test_a_response_url_failing_every_other_post_still_gets_every_answer_once(quick_bot, slack, mode):
    slack.flaky("response_url", every=2, mode=mode)
    urls = []
    for topic in TOPICS[:4]:
        urls.append(slack.new_response_url())
        body = slash_command(topic, urls[-1])
        resp = quick_bot.post(body)
        assert resp.status_code == 200, resp.text
    settle(lambda: {path for path, _ in slack.responses} >= {u.split(slack.url, 1)[1] for u in urls})
    time.sleep(2)
    texts = [body["text"] for _, body in slack.responses]
    assert SORRY not in texts
    per_url = [path for path, _ in slack.responses]
    assert len(per_url) == len(set(per_url)) == 4  # one answer per command, none twice


def test_a_post_that_fails_for_good_is_one_log_line_with_the_call_and_the_reason(quick_bot, slack, caplog):
    caplog.set_level(logging.WARNING)
    slack.flaky("chat.postMessage", every=1, mode="500")
    body = mention(99, "kellogg")
    assert quick_bot.post(body, json_body=True).status_code == 200
    settle(lambda: len(slack.calls_to("chat.postMessage")) >= 4)
    time.sleep(1.5)
    assert len(slack.calls_to("chat.postMessage")) == 4  # the first try and three retries, then no "Sorry" try
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and not lines[0].exc_info
    assert "chat.postMessage" in lines[0].getMessage() and "internal_error" in lines[0].getMessage()
