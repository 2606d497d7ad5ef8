"""The viewer's HTML and charts: the cited words marked exactly, claims titled with their speaker, stored text
always text, no script anywhere, and a chart with one series per storyline."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from knowledge.render.links import Linker, Signer, Span
from knowledge.render.page import Piece, document_page, pieces, topic_page
from knowledge.render.timeline import chart_png, chart_svg, timeline
from knowledge.store.viewer import PageClaim, PageDocument, Report
from tests.unit.test_render_models import hostile_briefing, sample_briefing

TEXT = "Mayor Ada Vance said that the bridge will reopen in May. Critics denied that the repairs were finished."
LINKER = Linker("", Signer(b"k" * 32), expires=2_000_000_000)


def doc(text: str = TEXT, **kw) -> PageDocument:
    fields = dict(
        id="a" * 20,
        title="Bridge",
        outlet="Coastal Courier",
        url="https://cc.example/bridge",
        published_at=datetime(2026, 3, 2, tzinfo=UTC),
        duplicate_of=None,
        text=text,
    )
    return PageDocument(**(fields | kw))


def claims() -> list[PageClaim]:
    said = TEXT.index("that the bridge")
    denied = TEXT.index("that the repairs")
    return [
        PageClaim(said, TEXT.index("."), "Ada Vance", "assert", False, "said"),
        PageClaim(denied, len(TEXT) - 1, "Critics", "deny", False, "denied"),
    ]


def link(span: Span, others: list[Span]) -> str:
    from knowledge.brief.model import CitationRef

    def ref(s: Span) -> CitationRef:
        return CitationRef(document_id=s.document_id, start=s.start, end=s.end, quote="")

    return LINKER.view_url(ref(span), [ref(o) for o in others])


def marked(page: str) -> str:
    m = re.search(r'<mark id="cited"[^>]*>(.*?)</mark>', page, re.S)
    assert m, "no <mark id=cited> in the page"
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))


def test_the_text_is_cut_where_claims_start_and_end_each_run_titled_with_its_speaker():
    runs = pieces(TEXT, 0, len(TEXT), claims())
    assert "".join(p.text for p in runs) == TEXT
    titled = [p for p in runs if p.title]
    assert [p.text for p in titled] == ["that the bridge will reopen in May", "that the repairs were finished"]
    assert titled[0].title == "Ada Vance — claim (said)" and titled[1].title == "Critics — denial (denied)"


def test_a_run_inside_two_overlapping_claims_names_both_speakers():
    both = [PageClaim(0, 20, "A", "assert", False, "said"), PageClaim(10, 30, "B", "deny", False, "denied")]
    runs = pieces(TEXT, 0, 40, both)
    assert Piece(TEXT[10:20], "A — claim (said); B — denial (denied)") in runs


def test_the_mark_holds_exactly_the_cited_words_even_across_a_claim_boundary():
    start, end = TEXT.index("Vance"), TEXT.index(" in May")
    page = document_page(doc(), Span("a" * 20, start, end), claims(), [], [], link, 2_000_000_000)
    assert marked(page) == TEXT[start:end]
    assert page.count("<mark") == 1 and 'title="Ada Vance — claim (said)"' in page
    assert "Coastal Courier · 2 Mar 2026" in page and 'href="https://cc.example/bridge"' in page


def test_stored_script_and_a_forged_mark_show_as_text_and_no_page_carries_a_script():
    nasty = 'Before <script>alert("x")</script> and <mark id="cited">forged</mark> after "quotes" & more.'
    start = nasty.index("after")
    page = document_page(
        doc(nasty, title="<script>t()</script>", outlet='"><b>o'),
        Span("a" * 20, start, len(nasty)),
        [],
        [],
        [],
        link,
        2_000_000_000,
    )
    assert "<script" not in page.lower() and "<b>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert page.count("<mark") == 1 and marked(page) == nasty[start:]
    assert "&lt;mark id=&#34;cited&#34;&gt;forged" in page


def test_an_unsafe_original_url_is_not_linked():
    page = document_page(doc(url="javascript:alert(1)"), Span("a" * 20, 0, 5), [], [], [], link, 2_000_000_000)
    assert "javascript:" not in page and "original article" not in page


def test_other_reports_link_to_their_own_marked_words_and_copies_are_marked_as_copies():
    other = Report("b" * 20, "Bridge too", "Harbor Ledger", None, datetime(2026, 3, 3, tzinfo=UTC), None)
    copy = Report("c" * 20, "Bridge (wire)", "Daily Wire", "https://dw.example/b", None, "b" * 20)
    page = document_page(
        doc(), Span("a" * 20, 0, 5), claims(), [(other, Span("b" * 20, 7, 30))], [copy], link, 2_000_000_000
    )
    also = page[page.index("Also carried by") :]
    assert re.search(
        r'<a href="b{20}\?span=7-30&amp;also=a{20}\.0-5&amp;exp=2000000000&amp;sig=[\w-]{22}#cited">'
        r"Harbor Ledger</a>, 3 Mar 2026 — Bridge too",
        also,
    )
    assert 'Daily Wire, date unknown — Bridge (wire) <span class="tag">copy of Harbor Ledger</span>' in also


def test_the_topic_page_shows_the_chart_and_links_every_storyline_to_its_sources():
    b = sample_briefing()
    page = topic_page(b, LINKER.topic_url(b.query, None, "svg"), LINKER.view_url, 2_000_000_000)
    assert '<img src="chart.svg?q=' in page
    assert all(html.escape(line.text, quote=True) in page for line in b.summary)
    assert page.count("#cited") >= len(b.summary)
    disputes = page[page.index("<h2>Disputes</h2>") :]
    assert b.disputes and disputes.count("#cited") >= len(b.disputes)  # each side of a dispute links its words
    assert "<script" not in page


def test_hostile_stored_text_stays_text_on_the_topic_page():
    b = hostile_briefing()
    page = topic_page(b, LINKER.topic_url(b.query, None, "svg"), LINKER.view_url, 2_000_000_000)
    assert "<script" not in page.lower() and "<img src=x" not in page.lower()


def test_the_timeline_counts_each_storylines_articles_per_day_and_marks_the_disputes():
    b = sample_briefing()
    t = timeline(b)
    assert t.series, "the sample briefing has dated storylines"
    for line, s in zip([x for x in b.summary if any(c.published_at for c in x.citations)], t.series):
        dated = {c.document_id: c.published_at for c in line.citations if c.published_at}
        assert sum(s.per_day.values()) == len(dated)
    assert t.disputes and all(d in t.days for d in t.disputes)


def test_the_chart_is_a_png_and_an_svg_naming_the_storylines_the_same_bytes_each_time():
    t = timeline(sample_briefing())
    png = chart_png(t)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png == chart_png(t)
    svg = chart_svg(t).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<script" not in svg
    assert all(html.escape(s.label, quote=False) in svg for s in t.series) and "dispute" in svg
    assert svg == chart_svg(t).decode("utf-8")


def test_a_storyline_keeps_its_colour_when_an_earlier_one_has_no_dated_article():
    b = sample_briefing()
    for c in b.summary[0].citations:
        c.published_at = None
    t = timeline(b)
    assert [s.index for s in t.series][:1] == [1] and t.undated >= 1
