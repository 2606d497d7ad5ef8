"""Text, markdown and JSON views (and `render`): golden output for one realistic briefing, and nothing dropped.

Run with UPDATE_GOLDEN=1 to rewrite tests/golden/render_sample.* after an intended change, then review the diff.
"""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from rich.console import Console

from bot.slack.render import render
from knowledge.render.jsonview import render_json
from knowledge.render.markdown import render_markdown
from knowledge.render.text import print_result, render_text
from tests.unit.test_render_models import ambiguous, hostile_briefing, sample_briefing, unknown


@pytest.mark.parametrize(
    "fmt, suffix", [("text", "txt"), ("markdown", "md"), ("json", "json"), ("blocks", "blocks.json")]
)
def test_each_view_of_the_sample_briefing_matches_its_golden_file(fmt, suffix, golden):
    golden(f"render_sample.{suffix}", render(sample_briefing(), fmt))


@pytest.mark.parametrize("fmt, suffix", [("text", "txt"), ("markdown", "md"), ("blocks", "blocks.json")])
def test_each_full_view_of_the_sample_briefing_matches_its_golden_file(fmt, suffix, golden):
    golden(f"render_sample.full.{suffix}", render(sample_briefing(), fmt, full=True))


def test_the_default_text_view_is_the_summary_with_numbered_notes_and_no_line_twice():
    b = sample_briefing()
    out = render_text(b, width=400)
    assert all(line.text in out for line in b.summary)
    assert "[1]" in out and "Story 2 from Coastal Courier" in out
    assert "Dock workers held a vote" not in out  # details wait for --full
    lines = [line.strip() for line in out.splitlines() if len(line.strip()) > 30]
    assert len(lines) == len(set(lines))
    assert "repairs will cost 40 million kroner & take a year" in out
    assert out.count("repairs will cost 40 million kroner") == 1  # a verbatim line shows its note, not the quote again


def test_the_default_views_stay_within_2500_characters_without_urls():
    b = sample_briefing()
    b.summary = b.summary * 5  # far more than fits
    for out in (render_text(b, width=400), render_markdown(b)):
        assert len(re.sub(r"https?://[^\s>)]+", "", out)) <= 2500
        assert b.summary[0].text in out


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        render(sample_briefing(), "html")


def test_blocks_for_ambiguous_and_unknown_results_are_a_list_of_one_message():
    for result in (ambiguous(3), unknown()):
        messages = json.loads(render(result, "blocks"))
        assert isinstance(messages, list) and len(messages) == 1 and messages[0]["blocks"]


def test_the_full_text_view_shows_every_citation_once_with_outlet_date_and_url():
    b = sample_briefing()
    out = render_text(b, width=400, full=True)
    for c in b.citations():
        assert c.quote.casefold() in out.casefold()  # as a quote, or as the line that is these very words
        assert c.outlet in out
        if c.url:
            assert c.url in out
    assert "date unknown" in out and "12 Mar 2026" in out
    assert "\x1b[" not in out


def test_the_text_view_keeps_stored_markup_and_emoji_codes_literal():
    b = sample_briefing()
    b.developments[0].text = "[bold red]alarm[/] :warning: [link=https://evil.example]x[/link]"
    out = render_text(b, width=400, full=True)
    assert "[bold red]alarm[/] :warning: [link=https://evil.example]x[/link]" in out


def test_print_result_uses_colour_on_a_colour_console():
    buffer = StringIO()
    print_result(sample_briefing(), Console(file=buffer, width=100, force_terminal=True, color_system="standard"))
    assert "\x1b[" in buffer.getvalue() and "Ingrid Solberg" in buffer.getvalue()


def test_the_text_view_lists_ambiguous_choices_with_a_command_hint_and_explains_unknown_topics():
    out = render_text(ambiguous(3))
    assert "1. Solberg 0 (person — port director, 10 mentions)" in out
    assert 'briefbot brief "Solberg 0"' in out
    out = render_text(unknown())
    assert "Nothing is known about “Nordvik ferry”" in out and "Ingrid Solberg" in out and "briefbot ingest" in out


def test_markdown_uses_numbered_footnotes_and_a_sources_list_with_links():
    b = sample_briefing()
    md = render_markdown(b, full=True)
    assert "[1]" in md and "## Sources" in md
    assert "[Fjord Post](<https://fjordpost.example/a/3>)" in md
    assert "Radio Nordvik, 2026-03-11" in md
    body, sources = md.split("## Sources", 1)
    distinct = {(c.document_id, c.start, c.end) for c in b.citations()}
    assert all(f"\n{n}. " in sources for n in range(1, len(distinct) + 1))
    for c in b.citations():  # each quote once: in its note, or as the line citing it
        assert c.quote.replace("&", "&amp;").casefold() in md.casefold() or c.quote.casefold() in md.casefold()


def test_markdown_escapes_stored_text_so_it_cannot_inject_links_or_html():
    b = sample_briefing()
    b.developments[0].text = "[click](https://evil.example) <script>alert(1)</script> *loud*"
    b.summary[0].text = b.developments[0].text
    md = render_markdown(b) + render_markdown(b, full=True)
    assert "[click](https://evil.example)" not in md and "<script>" not in md and "*loud*" not in md


def test_markdown_answers_ambiguous_and_unknown_results():
    assert "1. Solberg 0" in render_markdown(ambiguous(2))
    assert "Nothing known about **Nordvik ferry**" in render_markdown(unknown())


def test_the_json_view_adds_one_claim_review_per_claim_line_including_both_sides_of_disputes():
    b = sample_briefing()
    data = json.loads(render_json(b))
    assert data["topic"] == "Ingrid Solberg" and data["kind"] == "briefing"
    reviews = data["claim_reviews"]
    assert len(reviews) == 3 + 2
    denial = reviews[-1]
    assert denial == {
        "@type": "Claim",
        "claimText": "I learned of the corrosion this week",
        "author": {"name": "Ingrid Solberg", "entityId": "person:ingrid-solberg"},
        "stance": "deny",
        "stanceLabel": "denial",
        "negated": True,
        "via": None,
        "datePublished": "2026-03-12",
        "appearance": [
            {
                "url": "https://fjordpost.example/a/10",
                "publisher": "Fjord Post",
                "document_id": "0010f3a9c0d1e2b4a5",
                "start": 470,
                "end": 506,
                "quote": "I learned of the corrosion this week",
            }
        ],
    }


def test_the_json_view_of_ambiguous_and_unknown_results_is_the_model_itself():
    assert json.loads(render_json(unknown()))["kind"] == "unknown"
    assert "claim_reviews" not in json.loads(render_json(ambiguous(2)))


def test_every_view_renders_a_hostile_briefing_without_error():
    b = hostile_briefing()
    for fmt in ("text", "markdown", "json", "blocks"):
        assert render(b, fmt)
