"""App Home and usage notes: no raw `<…>` reaches Slack's mrkdwn except the links and mentions we mean."""

from __future__ import annotations

import re
from types import SimpleNamespace

from bot.router import SUBSCRIBE_USAGE
from bot.slack.messages import note
from bot.slack.views import home_view

CONTROL = re.compile(r"<(https?://[^|>\s]+(\|[^<>]*)?|#[CGD][A-Z0-9]+|@[UW][A-Z0-9]+)>")


def _mrkdwn(blocks: list[dict]) -> list[str]:
    texts = []
    for block in blocks:
        if block.get("text", {}).get("type") == "mrkdwn":
            texts.append(block["text"]["text"])
        texts += [e["text"] for e in block.get("elements", []) if e.get("type") == "mrkdwn"]
    return texts


def _raw_angles(text: str) -> list[str]:
    return re.findall(r"[<>]", CONTROL.sub("", text))


def test_the_app_home_escapes_its_own_placeholders_and_stored_text():
    sub = SimpleNamespace(
        topic="<!channel> & co", channel_id="C0123ABCD", at_time="08:00", tz="UTC", status="active", paused_reason=None
    )
    recent = [{"query": "<@U999> <script>", "topic": "Keith Kellogg", "at": "2025-06-24T08:00:00"}]
    texts = _mrkdwn(home_view([sub], recent, 14)["blocks"])
    assert texts and any("&lt;topic&gt;" in t for t in texts)
    assert [t for t in texts if _raw_angles(t)] == []
    assert any("<#C0123ABCD>" in t for t in texts)  # the channel link stays a link


def test_usage_notes_show_their_placeholders_instead_of_broken_links():
    for usage in (SUBSCRIBE_USAGE, "Usage: `/brief add <url>` — an http(s) link to a news article."):
        text = note(usage).messages[0]["blocks"][0]["text"]["text"]
        assert "&lt;" in text and _raw_angles(text) == [], text
    linked = note("See <https://example.org/a|the article> and <#C0123ABCD>").messages[0]["blocks"][0]["text"]["text"]
    assert linked == "See <https://example.org/a|the article> and <#C0123ABCD>"
