"""Renderers: golden output for each view, Block Kit within Slack's limits, and no way for text to ping or link."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.slack.blocks import ambiguous_message, briefing_messages, sources_messages, unknown_message
from bot.slack.limits import validate_message
from bot.slack.mrkdwn import escape, link
from bot.slack.render import render
from knowledge.brief.model import Ambiguous, Choice, Unknown
from tests.unit.briefings import briefing

HOSTILE = ["<!channel>", "<!here>", "<@U024BE7LH>", "<https://evil.example|click>"]


@pytest.mark.parametrize(
    "fmt, suffix", [("text", "txt"), ("markdown", "md"), ("json", "json"), ("blocks", "blocks.json")]
)
def test_each_view_matches_its_golden_file(fmt, suffix, golden):
    golden(f"briefing.{suffix}", render(briefing(), fmt))


def test_a_normal_briefing_is_one_valid_message_with_sources_and_follow_buttons():
    [msg] = briefing_messages(briefing(), ephemeral=True)
    assert validate_message(msg) == []
    actions = [b for b in msg["blocks"] if b["type"] == "actions"][0]
    assert [e["action_id"] for e in actions["elements"]] == ["brief_sources", "brief_follow", "brief_share"]
    assert json.loads(actions["elements"][0]["value"]) == {"q": "lindqvist", "entity_id": "person:maria-lindqvist"}


def test_a_huge_briefing_is_split_between_lines_and_loses_none():
    b = briefing(developments=200, claims=200)
    messages = briefing_messages(b)
    assert len(messages) > 1
    for msg in messages:
        assert validate_message(msg) == []
    dumped = [json.dumps(m) for m in messages]
    for i in range(200):
        needle = f"opened quay {i} in Gdansk"
        assert sum(needle + "." in d for d in dumped) == 1, i
        assert sum(f"claim number {i}:" in d for d in dumped) == 1, i
    assert sum(m["blocks"][-1]["type"] == "actions" for m in messages[:1]) == 1


def test_hostile_article_text_cannot_ping_or_forge_links_and_long_quotes_stay_within_limits():
    nasty = " ".join(HOSTILE) + " @channel &amp; " + "x" * 10_000
    b = briefing(developments=3, claims=3, quote=nasty)
    for msg in briefing_messages(b) + sources_messages(b):
        assert validate_message(msg) == []
        text = json.dumps(msg)
        for raw in HOSTILE:
            assert raw not in text
        assert "@channel" not in text
        links = re.findall(r"<(https?://[^|>]+)\|", text)
        assert set(links) <= {"https://ledger.example/a"}


def test_ambiguous_topics_offer_one_button_per_choice():
    a = Ambiguous(
        query="lindqvist", choices=[Choice(entity_id=f"e{i}", name=f"Lindqvist {i}", type="PERSON") for i in range(7)]
    )
    msg = ambiguous_message(a)
    assert validate_message(msg) == []
    ids = [e["action_id"] for b in msg["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert ids == [f"brief_choose_{i}" for i in range(7)]


def test_an_unknown_topic_gets_a_helpful_non_empty_answer():
    msg = unknown_message(Unknown(query="<!channel>", suggestions=["Maria Lindqvist"], documents_in_store=4))
    assert validate_message(msg) == [] and "Maria Lindqvist" in json.dumps(msg) and "<!channel>" not in json.dumps(msg)


def test_links_are_only_built_from_http_urls():
    assert link("javascript:alert(1)", "x") == "x"
    assert link("https://ledger.example/a", "a|b<c>") == "<https://ledger.example/a|a/b&lt;c&gt;>"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>&|*_~@!#\n“”")) | st.characters(), min_size=1, max_size=400))
def test_any_text_renders_to_valid_blocks_without_a_raw_angle_bracket(text):
    b = briefing(developments=2, claims=2, quote=text)
    for msg in briefing_messages(b):
        assert validate_message(msg) == []
        for block in msg["blocks"]:
            for piece in re.findall(r'"text": "((?:[^"\\]|\\.)*)"', json.dumps(block)):
                stripped = re.sub(r"<https://ledger\.example/a\|[^<>]*>", "", piece)
                assert "<" not in stripped and ">" not in stripped


def test_escape_neutralizes_mentions_and_broadcasts():
    assert escape("<!here> & @everyone") == "&lt;!here&gt; &amp; @\u2060everyone"
