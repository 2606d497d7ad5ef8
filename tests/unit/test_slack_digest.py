"""Daily digest: one short post per topic with the details in its thread, and a clear notice when it pauses."""

from __future__ import annotations

import json

from bot.slack.blocks import briefing_messages
from bot.slack.digest import digest_messages, paused_notice
from bot.slack.limits import validate_message
from tests.unit.test_render_models import big_briefing, hostile_briefing, sample_briefing


def test_the_top_post_has_the_headline_counts_and_the_summary_of_what_is_new():
    b = sample_briefing()
    top, details = digest_messages(b, "Ingrid Solberg", False, "2026-03-13")
    assert validate_message(top) == []
    body = top["blocks"][0]["text"]["text"]
    assert body.startswith("*Daily digest: Ingrid Solberg — 2026-03-13*")
    assert body.count("\n• ") == len(b.summary) == 3 and "late" not in body
    assert "Hald says Solberg knew about the corrosion in January; Solberg denies it" in body
    assert "<https://courier.example/news/2|[1]>" in body


def test_without_a_summary_the_top_post_lists_three_items():
    b = sample_briefing()
    b.summary = []
    top, _ = digest_messages(b, "Ingrid Solberg", False, "2026-03-13")
    body = top["blocks"][0]["text"]["text"]
    assert body.count("\n• ") == 3 and "late" not in body
    counts = top["blocks"][1]["elements"][0]["text"]
    assert counts == "3 new developments, 3 claims, 1 dispute from 3 outlets"


def test_the_thread_gets_the_full_briefing_without_buttons():
    b = sample_briefing()
    _, details = digest_messages(b, "Ingrid Solberg", False, "2026-03-13")
    assert details == briefing_messages(b, actions=False)
    assert all(blk["type"] != "actions" for m in details for blk in m["blocks"])
    assert all(validate_message(m) == [] for m in details)


def test_a_late_digest_says_it_was_sent_after_downtime():
    top, _ = digest_messages(sample_briefing(), "Ingrid Solberg", True, "2026-03-13")
    assert "(late: sent after downtime)" in top["blocks"][0]["text"]["text"] and "late" in top["text"]


def test_with_nothing_new_the_digest_is_one_line_and_no_thread():
    top, details = digest_messages(None, "Ingrid Solberg", False, "2026-03-13")
    assert details == [] and validate_message(top) == []
    assert top["blocks"] == [
        {"type": "section", "text": {"type": "mrkdwn", "text": "Nothing new on Ingrid Solberg since the last digest."}}
    ]


def test_big_and_hostile_digests_stay_valid_and_inert():
    for b in (big_briefing(200), hostile_briefing()):
        top, details = digest_messages(b, b.topic, True, "2026-03-13")
        for msg in [top] + details:
            assert validate_message(msg) == []
        assert "<!channel>" not in json.dumps(top, ensure_ascii=False)


def test_a_paused_notice_names_the_channel_the_reason_and_how_to_resume():
    msg = paused_notice("Ingrid Solberg", "C0123ABC", "not_in_channel")
    assert validate_message(msg) == []
    text = msg["blocks"][0]["text"]["text"]
    assert "<#C0123ABC>" in text and "paused" in text and "not a member of the channel" in text
    assert "/brief subscribe Ingrid Solberg" in text and "invite" in text


def test_a_paused_notice_explains_archived_and_missing_channels_and_escapes_odd_ids():
    assert "archived" in paused_notice("t", "C1ABC", "is_archived")["blocks"][0]["text"]["text"]
    assert "could not be found" in paused_notice("t", "C1ABC", "channel_not_found")["blocks"][0]["text"]["text"]
    odd = paused_notice("<!here>", "<!channel>", "<weird>")
    assert validate_message(odd) == [] and "<!" not in json.dumps(odd)
