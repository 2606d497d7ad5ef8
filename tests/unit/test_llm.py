"""The optional LLM rewrite against a fake OpenAI-compatible server on loopback: grounded rewrites are used,
ungrounded ones and every failure leave the extractive line."""

from __future__ import annotations

import logging

from knowledge.brief.llm import LLMConfig, parse_answer, rewrite
from knowledge.brief.storylines import group
from knowledge.brief.summary import summarize
from tests.fakellm import fake_llm
from tests.unit.storyline_members import PEOPLE, strike_story


def _extractive():
    members, disputes = strike_story()
    storylines = group(members, disputes)
    lines = summarize(storylines, PEOPLE, "Maria Lindqvist")
    return lines, {s.id: s for s in storylines}


def test_a_grounded_rewrite_is_used_and_an_ungrounded_one_keeps_the_extractive_line():
    lines, storylines = _extractive()
    with fake_llm() as (url, received):
        out = rewrite(lines, storylines, PEOPLE, LLMConfig(url, "tiny-model", timeout=5, api_key="k-123"))
    assert received[0]["path"] == "/v1/chat/completions"
    assert received[0]["body"]["model"] == "tiny-model"
    assert received[0]["auth"] == "Bearer k-123"
    assert out[0].origin == "model"
    assert out[0].text == lines[0].text.replace(" says ", " said ", 1)
    assert out[1] == lines[1]  # "in Reykjavik" is in no cited span
    assert out[2:] == lines[2:]


def test_the_model_sees_only_the_storylines_cited_passages_and_drafts():
    lines, storylines = _extractive()
    with fake_llm() as (url, received):
        rewrite(lines, storylines, PEOPLE, LLMConfig(url, "m"))
    sent = received[0]["body"]["messages"][-1]["content"]
    quotes = {c.quote for line in lines for c in line.citations}
    assert all(q in sent for q in quotes)
    assert "https://" not in sent and "Port story" not in sent  # no URLs, no titles: only passages and drafts


def test_a_malformed_answer_an_error_or_a_timeout_leave_the_summary_extractive_with_one_log_line(caplog):
    lines, storylines = _extractive()
    for mode, timeout in (("malformed", 5.0), ("error", 5.0), ("slow", 0.3)):
        caplog.clear()
        with fake_llm(mode) as (url, _), caplog.at_level(logging.WARNING, logger="knowledge.brief.llm"):
            assert rewrite(lines, storylines, PEOPLE, LLMConfig(url, "m", timeout=timeout)) == lines
        assert len(caplog.records) == 1, mode
        assert "extractive summary" in caplog.records[0].getMessage()


def test_an_unreachable_server_is_a_log_line_too(caplog):
    lines, storylines = _extractive()
    with caplog.at_level(logging.WARNING, logger="knowledge.brief.llm"):
        assert rewrite(lines, storylines, PEOPLE, LLMConfig("http://127.0.0.1:9", "m", timeout=1)) == lines
    assert len(caplog.records) == 1


def test_without_configuration_nothing_is_sent():
    lines, storylines = _extractive()
    assert rewrite(lines, storylines, PEOPLE, None) is lines


def test_endpoints_accept_a_base_url_a_v1_url_or_the_full_path():
    assert LLMConfig("http://127.0.0.1:11434", "m").endpoint == "http://127.0.0.1:11434/v1/chat/completions"
    assert LLMConfig("http://h/v1/", "m").endpoint == "http://h/v1/chat/completions"
    assert LLMConfig("http://h/v1/chat/completions", "m").endpoint == "http://h/v1/chat/completions"


def test_answers_in_a_code_fence_are_read_and_junk_rows_skipped():
    content = '```json\n{"lines": [{"id": "st-1", "text": "Fine."}, {"id": 3, "text": "x"}, "junk"]}\n```'
    assert parse_answer({"choices": [{"message": {"content": content}}]}) == {"st-1": "Fine."}
