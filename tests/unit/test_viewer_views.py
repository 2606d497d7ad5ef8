"""With a public URL set, every view links each citation to its signed viewer page; without one, to the article."""

from __future__ import annotations

import json
import re

import pytest

from bot.slack.blocks import briefing_messages, sources_messages
from bot.slack.digest import digest_messages
from bot.slack.limits import validate_message
from bot.slack.summary import summary_message
from knowledge.render import links
from knowledge.render.jsonview import render_json
from knowledge.render.links import Linker, Signer
from knowledge.render.markdown import render_markdown
from knowledge.render.text import render_text
from tests.unit.test_render_models import big_briefing, sample_briefing

KEY = Signer(b"v" * 32)
PUBLIC = "https://briefbot.example.org"
VIEW = re.compile(re.escape(PUBLIC) + r"/view/[0-9a-f]+\?span=\d+-\d+(&also=[^&]+)?&exp=\d+&sig=[\w-]{22}#cited")


@pytest.fixture
def linked():
    with links.configured(Linker(PUBLIC, KEY, clock=lambda: 1_750_000_000)):
        yield


def slack_links(messages: list[dict]) -> list[str]:
    return re.findall(r"<(https?://[^|>]+)\|", json.dumps(messages))


def test_json_citations_carry_a_view_url_that_reads_back_as_their_own_span(linked):
    b = sample_briefing()
    data = json.loads(render_json(b))
    found = [c for line in data["summary"] for c in line["citations"]]
    found += [c for d in data["developments"] for c in d["citations"]]
    found += [a for r in data["claim_reviews"] for a in r["appearance"]]
    assert found
    for c in found:
        assert VIEW.fullmatch(c["view_url"]), c["view_url"]
        path, query = c["view_url"][len(PUBLIC) :].split("#")[0].split("?")
        link = KEY.read_view(path, query, 1_750_000_000)
        assert link and (link.span.document_id, link.span.start, link.span.end) == (
            c["document_id"],
            c["start"],
            c["end"],
        )
    assert data["topic_url"].startswith(PUBLIC + "/view/topic?q=") and "/view/chart.png?" in data["chart_url"]


def test_json_has_no_view_url_without_a_public_url():
    with links.configured(None):
        out = render_json(sample_briefing())
    assert "view_url" not in out and "topic_url" not in out


def test_markdown_and_text_sources_link_to_the_viewer(linked):
    for out in (render_markdown(sample_briefing()), render_markdown(sample_briefing(), full=True)):
        urls = re.findall(r"\(<([^>]+)>\)", out)
        assert urls and all(VIEW.fullmatch(u) for u in urls)
    text = render_text(sample_briefing(), width=2000)
    assert VIEW.search(text) and "https://coastal" not in text


def test_every_slack_view_links_citations_to_the_viewer_and_stays_within_slacks_limits(linked):
    for b in (sample_briefing(), big_briefing(60)):
        messages = [summary_message(b)] + briefing_messages(b) + sources_messages(b)
        messages += [digest_messages(b, "topic", False, "2026-03-05")[0]]
        for m in messages:
            assert validate_message(m) == [], validate_message(m)
        found = [u for u in slack_links(messages) if "/view/topic?" not in u]  # the chart's page link aside
        assert found and all(VIEW.fullmatch(u) for u in found), [u for u in found if not VIEW.fullmatch(u)][:3]


def test_the_details_view_opens_with_the_coverage_chart_when_a_public_url_is_set(linked):
    blocks = briefing_messages(sample_briefing())[0]["blocks"]
    images = [b for b in blocks if b["type"] == "image"]
    assert len(images) == 1 and images[0]["image_url"].startswith(PUBLIC + "/view/chart.png?q=")
    with links.configured(None):
        assert not any(b["type"] == "image" for m in briefing_messages(sample_briefing()) for b in m["blocks"])


def test_summary_marks_link_to_the_words_of_their_own_line():
    b = sample_briefing()
    with links.configured(Linker(PUBLIC, KEY, clock=lambda: 1_750_000_000)):
        text = json.dumps(summary_message(b))
    for line in b.summary:
        first = line.citations[0]
        assert f"/view/{first.document_id}?span={first.start}-{first.end}" in text
