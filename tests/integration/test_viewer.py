"""The source viewer against a real store (SQLite and PostgreSQL): every citation of a real briefing opens on a
page whose <mark> holds exactly its quote; anything not signed by this server is the same 403."""

from __future__ import annotations

import html
import json
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.web.viewer import ViewerPages
from knowledge.brief.compose import compose
from knowledge.brief.query import parse_query
from knowledge.ingest.service import ingest_paths
from knowledge.render import links
from knowledge.render.jsonview import render_json
from knowledge.render.links import Linker, Signer

KEY = Signer(b"integration-test-key-0123456789abcdef")
NOW = time.time()


def marked(body: bytes) -> str:
    m = re.search(r'<mark id="cited"[^>]*>(.*?)</mark>', body.decode("utf-8"), re.S)
    assert m, "no <mark id=cited> on the page"
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))


def cited(data) -> list[dict]:
    """Every citation object in a briefing's JSON (anything with a document id, a span and a quote)."""
    if isinstance(data, dict):
        here = [data] if {"document_id", "start", "end", "quote"} <= set(data) else []
        return here + [c for v in data.values() for c in cited(v)]
    if isinstance(data, list):
        return [c for v in data for c in cited(v)]
    return []


def get(pages: ViewerPages, url: str):
    parts = urlsplit(url)
    return pages.handle("GET", parts.path, parts.query, {})


@pytest.fixture
def pages(demo_store) -> ViewerPages:
    return ViewerPages(lambda: demo_store, KEY)


@pytest.fixture
def kellogg(demo_store) -> dict:
    with links.configured(Linker("https://briefbot.example.org", KEY)):
        return json.loads(render_json(compose(demo_store, parse_query("kellogg"))))


def test_every_citation_of_the_kellogg_briefing_opens_on_its_own_quote(kellogg, pages):
    found = cited(kellogg)
    assert len(found) >= 20
    for c in found:
        assert c["view_url"].startswith("https://briefbot.example.org/view/" + c["document_id"] + "?")
        resp = get(pages, c["view_url"])
        assert resp.status == 200, c
        assert marked(resp.body) == c["quote"]


def test_a_page_names_the_other_reports_of_its_line_and_links_to_their_words(kellogg, pages):
    line = next(s for s in kellogg["summary"] if len({c["document_id"] for c in s["citations"]}) > 1)
    first, other = (
        line["citations"][0],
        next(c for c in line["citations"] if c["document_id"] != line["citations"][0]["document_id"]),
    )
    page = get(pages, first["view_url"]).body.decode()
    also = page[page.index("Also carried by") :]
    assert html.escape(other["outlet"]) in also
    onward = re.search(r'href="(' + other["document_id"] + r'\?[^"]+)"', also)
    assert onward, "the other report is linked"
    resp = pages.handle(
        "GET", "/view/" + other["document_id"], html.unescape(onward.group(1)).split("?", 1)[1].split("#")[0], {}
    )
    assert resp.status == 200 and marked(resp.body) == other["quote"]


def test_pages_carry_a_strict_content_security_policy_and_no_script(kellogg, pages):
    resp = get(pages, kellogg["summary"][0]["citations"][0]["view_url"])
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "style-src 'self'" in csp and "script" not in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff" and resp.headers["Referrer-Policy"] == "no-referrer"
    assert b"<script" not in resp.body and b'href="viewer.css"' in resp.body
    css = pages.handle("GET", "/view/viewer.css", "", {})
    assert css.status == 200 and css.headers["Content-Type"].startswith("text/css") and b"mark" in css.body


def test_tampered_expired_unknown_and_unsigned_requests_get_the_same_403(kellogg, pages, demo_store):
    url = kellogg["summary"][0]["citations"][0]["view_url"].split("#")[0]
    doc = kellogg["summary"][0]["citations"][0]["document_id"]
    from knowledge.brief.model import CitationRef

    ref = CitationRef(document_id=doc, start=0, end=5, quote="")
    expired = Linker("https://x", KEY, days=1, clock=lambda: NOW - 5 * 86400).view_url(ref)
    other_key = Linker("https://x", Signer(b"another-key-another-key-another-k")).view_url(ref)
    refused = [
        get(pages, url.replace("span=", "span=1")),
        get(pages, re.sub(r"sig=[\w-]+", "sig=AAAAAAAAAAAAAAAAAAAAAA", url)),
        get(pages, url.split("&sig=")[0]),
        get(pages, expired),
        get(pages, other_key),
        get(pages, url.replace(doc, "0" * 20)),
        pages.handle("GET", "/view/", "", {}),
        pages.handle("GET", "/view/../../etc/passwd", "", {}),
        ViewerPages(lambda: demo_store, None).handle("GET", urlsplit(url).path, urlsplit(url).query, {}),
    ]
    assert get(pages, url).status == 200
    assert {r.status for r in refused} == {403}
    assert len({r.body for r in refused}) == 1 and b"not valid or has expired" in refused[0].body


def test_a_signed_link_to_a_span_past_the_end_of_its_document_is_refused(kellogg, pages):
    from knowledge.brief.model import CitationRef

    doc = kellogg["summary"][0]["citations"][0]["document_id"]
    url = Linker("", KEY).view_url(CitationRef(document_id=doc, start=0, end=10**8, quote=""))
    assert get(pages, url).status == 403


def test_the_topic_page_and_its_charts_are_served_for_a_signed_topic_link(kellogg, pages):
    page = get(pages, kellogg["topic_url"])
    assert page.status == 200 and b'<img src="chart.svg?' in page.body
    png = get(pages, kellogg["chart_url"])
    assert png.status == 200 and png.headers["Content-Type"] == "image/png" and png.body.startswith(b"\x89PNG")
    svg_src = html.unescape(re.search(rb'<img src="(chart\.svg\?[^"]+)"', page.body).group(1).decode())
    svg = pages.handle("GET", "/view/chart.svg", svg_src.split("?", 1)[1], {})
    assert svg.status == 200 and svg.headers["Content-Type"] == "image/svg+xml" and b"<script" not in svg.body
    assert get(pages, kellogg["chart_url"].replace("kellogg", "witkoff")).status == 403


def test_stored_markup_is_shown_as_text(store, tmp_path: Path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Hostile page test\n\nThe mayor said that <script>window.pwned = 1</script> was found in the "
        'report, and a <mark id="cited">forged mark</mark> too.\n',
        encoding="utf-8",
    )
    ingest_paths(store, [article])
    doc_id = store.db.execute("SELECT id FROM documents").fetchone()[0]
    text = store.db.execute("SELECT text FROM documents").fetchone()[0]
    start = text.index("<script>")
    from knowledge.brief.model import CitationRef

    url = Linker("", KEY).view_url(CitationRef(document_id=doc_id, start=start, end=len(text), quote=""))
    resp = get(ViewerPages(lambda: store, KEY), url)
    assert resp.status == 200 and b"<script" not in resp.body and resp.body.count(b"<mark") == 1
    assert marked(resp.body) == text[start:]
