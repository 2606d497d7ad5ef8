"""Block Kit views: within Slack's limits however big or hostile the briefing, and no way for text to ping or link."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.slack.blocks import (
    ambiguous_message,
    briefing_messages,
    error_message,
    help_message,
    sources_messages,
    unknown_message,
)
from bot.slack.limits import validate_message
from bot.slack.mrkdwn import safe_url
from knowledge.brief.model import Ambiguous, Choice, Unknown
from tests.unit.test_render_models import HOSTILE, ambiguous, big_briefing, hostile_briefing, sample_briefing, unknown

LINK = re.compile(r"<(https?://[^\s<>|]+)\|[^<>|]*>")  # a whole link as `link()` builds it


def texts(msg: dict) -> list[str]:
    """Every string Slack would parse as text in a message (fallback, text objects, fields, elements)."""
    out = [msg["text"]]

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text"):
                out.append(node["text"])
            for key, value in node.items():
                if key != "value":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(msg["blocks"])
    return out


def assert_inert(msg: dict, allowed_urls: set[str]) -> None:
    for text in texts(msg):
        assert "<!" not in text and "<@" not in text and "<#" not in text
        assert not re.search(r"@(channel|here|everyone)\b", text, re.I), text[:200]
        outside = LINK.sub("", text)
        assert "<" not in outside and ">" not in outside, text[:200]
        for url in LINK.findall(text):
            assert url in allowed_urls


def citation_urls(b) -> set[str]:
    return {c.url for c in b.citations() if safe_url(c.url)}


def test_a_normal_briefing_is_one_valid_message_ending_with_sources_and_follow_buttons():
    b = sample_briefing()
    [msg] = briefing_messages(b)
    assert validate_message(msg) == []
    assert msg["blocks"][0] == {"type": "header", "text": {"type": "plain_text", "text": "Briefing: Ingrid Solberg"}}
    actions = msg["blocks"][-1]
    assert actions["type"] == "actions"
    assert [e["action_id"] for e in actions["elements"]] == ["brief_sources", "brief_follow"]
    assert json.loads(actions["elements"][0]["value"]) == {"q": "solberg", "entity_id": "person:ingrid-solberg"}


def test_an_ephemeral_briefing_also_offers_share_to_channel():
    [msg] = briefing_messages(sample_briefing(), ephemeral=True)
    ids = [e["action_id"] for e in msg["blocks"][-1]["elements"]]
    assert ids == ["brief_sources", "brief_follow", "brief_share"]


def test_a_briefing_shows_developments_disputes_side_by_side_claims_by_matter_and_a_footer():
    [msg] = briefing_messages(sample_briefing())
    dumped = json.dumps(msg, ensure_ascii=False)
    assert "*12 Mar 2026* · Nordvik — Harbour director Ingrid Solberg suspended" in dumped
    assert "<https://courier.example/news/2|Coastal Courier>, 12 Mar 2026" in dumped
    assert "2 independent outlets" in dumped
    [dispute] = [blk for blk in msg["blocks"] if "fields" in blk]
    assert "Per Hald" in dispute["fields"][0]["text"] and "I learned of the corrosion" in dispute["fields"][1]["text"]
    assert "*A ministry official* — _speculation_ — via Fjord Post — “the inspection was routine”" in dumped
    assert "*Claims — Ferry safety*" in dumped and "*Claims — Port finances*" in dumped
    assert "40 million kroner &amp; take a year" in dumped
    footer = msg["blocks"][-2]
    assert footer["type"] == "context"
    footer_text = " ".join(e["text"] for e in footer["elements"])
    assert "Coastal Courier (4)" in footer_text and "1 Mar 2026 – 12 Mar 2026" in footer_text
    assert "1 undated article" in footer_text


def test_a_huge_briefing_is_split_between_lines_into_valid_messages_and_loses_no_line():
    b = big_briefing(200)
    messages = briefing_messages(b, ephemeral=True)
    assert len(messages) > 1
    for msg in messages:
        assert validate_message(msg) == []
    dumped = [json.dumps(m, ensure_ascii=False) for m in messages]
    for i in range(200):
        assert sum(f"(marker dev-{i}-end)" in d for d in dumped) == 1, i
        assert sum(f"(marker claim-{i}-end)" in d for d in dumped) == 1, i
    assert messages[0]["blocks"][-1]["type"] == "actions"
    assert all(blk["type"] != "actions" for m in messages[1:] for blk in m["blocks"])
    assert [m["text"] for m in messages[1:3]] == [
        "Briefing: Ingrid Solberg (part 2)",
        "Briefing: Ingrid Solberg (part 3)",
    ]


def test_a_heading_is_never_left_alone_at_the_end_of_a_message():
    for msg in briefing_messages(big_briefing(200)):
        blocks = [blk for blk in msg["blocks"] if blk["type"] != "actions"]
        last = blocks[-1]
        assert not (last["type"] == "section" and last.get("text", {}).get("text", "").startswith("*Claims —"))
        assert last["type"] != "divider"


def test_hostile_article_text_cannot_ping_mention_or_forge_links_and_long_text_stays_within_limits():
    b = hostile_briefing()
    messages = briefing_messages(b, ephemeral=True) + sources_messages(b)
    for msg in messages:
        assert validate_message(msg) == []
        assert_inert(msg, citation_urls(b))
        shown = json.dumps(texts(msg), ensure_ascii=False)  # button values are data for us, never displayed
        for raw in HOSTILE:
            assert raw not in shown
        assert "<http" not in LINK.sub("", shown)
    assert any(LINK.search(json.dumps(m)) for m in messages)  # real citation links survive


def test_the_sources_view_carries_every_citation_in_full_even_a_ten_thousand_character_quote():
    b = hostile_briefing()
    messages = sources_messages(b)
    assert len(messages) > 1
    joined = "".join(t for m in messages for t in texts(m))
    assert joined.count("x" * 2000) >= 4  # the 10,000 x's are there, spread over sections
    assert (
        sum(
            t.count("x")
            for m in messages
            for blk in m["blocks"]
            if blk["type"] == "section"
            for t in [blk["text"]["text"]]
        )
        >= 10_000
    )


def test_the_sources_view_lists_quote_outlet_date_link_and_document_span():
    [msg] = sources_messages(sample_briefing())
    assert validate_message(msg) == []
    dumped = json.dumps(msg, ensure_ascii=False)
    assert "“Solberg halted the ferry line on Thursday”" in dumped
    assert "<https://fjordpost.example/a/3|Fjord Post>, 12 Mar 2026" in dumped
    assert "doc `0003f3a9c0d1`" in dumped and "Radio Nordvik, 11 Mar 2026" in dumped
    assert "<https://courier.example/news/5|Coastal Courier>, date unknown" in dumped


def test_an_ambiguous_topic_offers_one_button_per_choice_five_to_an_actions_block():
    msg = ambiguous_message(ambiguous(7))
    assert validate_message(msg) == []
    assert "Which one did you mean?" in msg["blocks"][0]["text"]["text"]
    rows = [blk["elements"] for blk in msg["blocks"] if blk["type"] == "actions"]
    assert [len(r) for r in rows] == [5, 2]
    buttons = [e for r in rows for e in r]
    assert [e["action_id"] for e in buttons] == [f"brief_choose_{i}" for i in range(7)]
    assert json.loads(buttons[0]["value"]) == {"q": "solberg", "entity_id": "person:solberg-0"}
    assert buttons[0]["text"]["text"] == "Solberg 0 (port director)"


def test_an_ambiguous_message_with_hostile_names_and_long_queries_stays_valid():
    a = Ambiguous(query="é" * 3000, choices=[Choice(entity_id="e" * 800, name=" ".join(HOSTILE) * 20, type="PERSON")])
    msg = ambiguous_message(a)
    assert validate_message(msg) == []
    assert_inert(msg, set())


def test_an_unknown_topic_gets_a_helpful_non_empty_answer_with_the_add_hint():
    msg = unknown_message(unknown())
    assert validate_message(msg) == []
    text = msg["blocks"][0]["text"]["text"]
    assert text.startswith("Nothing known about *Nordvik ferry* yet (42 articles in the store).")
    assert "`Ingrid Solberg`" in text and "Try a person's surname." in text and "`/brief add &lt;url&gt;`" in text
    bare = unknown_message(Unknown(query="<!channel>"))
    assert validate_message(bare) == [] and "<!channel>" not in json.dumps(bare)


def test_error_and_help_messages_are_valid_and_escaped():
    err = error_message("could not parse <!here> since:tomorrow")
    assert validate_message(err) == [] and "&lt;!here&gt;" in err["blocks"][0]["text"]["text"]
    help_text = help_message()["blocks"][0]["text"]["text"]
    assert validate_message(help_message()) == []
    for usage in [
        "/brief &lt;topic&gt; [since:7d|since:2025-06-01] [from:outlet] [limit:N]",
        "/brief add &lt;url&gt;",
        "/brief sources",
        "/brief alias &lt;variant&gt; = &lt;name&gt;",
        "/brief subscribe &lt;topic&gt; [at 08:30] [tz Europe/Berlin]",
        "/brief unsubscribe &lt;topic&gt;",
        "/brief subscriptions",
        "/brief feeds add|list|remove &lt;url&gt;",
    ]:
        assert usage in help_text
    assert "<" not in help_text


def test_validate_message_reports_every_violation_at_once():
    bad = {
        "text": "",
        "blocks": [
            {"type": "header", "text": {"type": "mrkdwn", "text": "x" * 200}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "y" * 3001}},
            {"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}] * 11},
            {"type": "context", "elements": []},
            {"type": "video", "video_url": "https://x.example/a.mp4"},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "A"},
                        "action_id": "same",
                        "value": "v" * 2001,
                    },
                    {"type": "button", "text": {"type": "plain_text", "text": "B"}, "action_id": "same"},
                    {"type": "static_select"},
                ],
            },
        ]
        + [{"type": "divider"}] * 45,
    }
    problems = "\n".join(validate_message(bad))
    for expected in [
        "missing fallback text",
        "blocks (max 50)",
        "block 0 (header): not a text object",
        "block 1 (section): text is 3001",
        "block 2 (section): fields must be",
        "block 3 (context): 0 elements",
        "block 4 (video): unknown block type",
        "value must be",
        "duplicate action_id same",
        "not a button",
    ]:
        assert expected in problems


def test_validate_message_enforces_the_json_budget():
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "z" * 2900}} for _ in range(5)]
    assert any("chars of JSON" in p for p in validate_message({"text": "t", "blocks": blocks}))


PIECES = list('<>&|*_~`!@#:/\\" \n') + ["@channel", "<!here>", "<@U1>", "<https://e.x|y>", "é", "a", "Z", "\u2603"]
hostile_text = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(topic=hostile_text, text=hostile_text, speaker=hostile_text, quote=hostile_text, outlet=hostile_text)
def test_any_text_renders_to_valid_messages_with_no_unescaped_angle_bracket_outside_our_links(
    topic, text, speaker, quote, outlet
):
    b = sample_briefing()
    b.topic, b.query = topic, topic
    b.developments[0].text = text
    b.developments[0].place = outlet
    b.developments[0].citations[0].quote = quote
    b.developments[0].citations[0].outlet = outlet
    b.matters[0].claims[0].speaker = speaker
    b.matters[0].claims[0].quote = quote
    b.matters[0].claims[0].via = text
    b.disputes[0].denial.quote = quote
    b.sources[0].outlet = outlet
    allowed = citation_urls(b)
    messages = briefing_messages(b, ephemeral=True) + sources_messages(b)
    messages += [
        ambiguous_message(Ambiguous(query=topic, choices=[Choice(entity_id="e", name=speaker, type="X")])),
        unknown_message(Unknown(query=topic, suggestions=[speaker])),
        error_message(text),
    ]
    for msg in messages:
        assert validate_message(msg) == []
        for t in texts(msg):
            outside = LINK.sub("", t)
            assert "<" not in outside and ">" not in outside, t[:200]
            assert all(u in allowed for u in LINK.findall(t))


def test_an_image_block_needs_an_http_url_and_alt_text():
    def problems(block: dict) -> str:
        return "\n".join(validate_message({"text": "t", "blocks": [block]}))

    assert problems({"type": "image", "image_url": "https://x.example/a.png", "alt_text": "chart"}) == ""
    assert "alt_text must be" in problems({"type": "image", "image_url": "https://x.example/a.png"})
    assert "image_url must be" in problems({"type": "image", "image_url": "javascript:x", "alt_text": "a"})
