"""Replies through response_url stay within what Slack accepts for one request."""

from __future__ import annotations

from slack_sdk.webhook import WebhookClient

from bot.replies import MAX_RESPONSES, deliver_via_respond, url_responder
from bot.slack.messages import Reply
from tests.e2e.fakeslack import FakeSlack


def test_a_reply_longer_than_five_posts_keeps_four_and_says_how_many_parts_were_left_out():
    sent = []
    reply = Reply([{"text": f"part {i}", "blocks": []} for i in range(9)])
    deliver_via_respond(lambda **kw: sent.append(kw), reply)
    assert len(sent) == MAX_RESPONSES == 5
    assert [m["text"] for m in sent[:4]] == ["part 0", "part 1", "part 2", "part 3"]
    assert sent[4]["text"].startswith("…and 5 more parts not shown")


def test_a_short_reply_is_sent_whole():
    sent = []
    deliver_via_respond(lambda **kw: sent.append(kw), Reply([{"text": "one", "blocks": []}, {"text": "two"}]))
    assert [m["text"] for m in sent] == ["one", "two"]


def test_a_response_url_responder_makes_its_webhook_client_at_its_first_post_and_only_once(monkeypatch):
    made: list[str] = []
    make = WebhookClient.__init__

    def counted(self, *args, **kwargs) -> None:  # Slack's client, counted
        made.append(kwargs["url"])
        make(self, *args, **kwargs)

    monkeypatch.setattr(WebhookClient, "__init__", counted)
    with FakeSlack() as slack:
        url = slack.new_response_url()
        respond = url_responder(url, 5, 1)
        assert made == []  # a responder never used (the compose process posted the briefing) costs no client
        respond(text="one")
        respond(text="two")
        assert [m["text"] for m in slack.wait_for_responses(2)] == ["one", "two"]
    assert made == [url]
