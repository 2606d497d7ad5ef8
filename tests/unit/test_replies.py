"""Replies through response_url stay within what Slack accepts for one request."""

from __future__ import annotations

from bot.replies import MAX_RESPONSES, deliver_via_respond
from bot.slack.messages import Reply


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
