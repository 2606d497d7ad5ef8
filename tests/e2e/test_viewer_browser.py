"""The source viewer in a real browser: links taken from a real briefing (`briefbot brief kellogg --format json`
against a running `briefbot serve --http`) open on the cited words, marked and scrolled into view; links the
server did not sign, or signed too long ago, are refused; a stored <script> never runs."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from knowledge.brief.model import CitationRef
from knowledge.ingest.service import ingest_paths
from knowledge.render.links import Linker, Signer
from knowledge.store import Store
from tests.e2e.servers import free_port, start_serve

SECRET = "e2e-viewer-secret-0123456789abcdef-0123456789"
HOSTILE = (
    "Hostile markup test\n\nThe harbour master said that <script>window.pwned = 1; alert(1)</script> had been "
    'pasted into the notice, with a <mark id="cited">forged mark</mark> and <img src=x onerror="window.pwned=2">.\n'
)


class Viewer:
    def __init__(self, url: str, briefing: dict, hostile: str):
        self.url, self.briefing, self.hostile = url, briefing, hostile


def citations(data) -> list[dict]:
    if isinstance(data, dict):
        here = [data] if "view_url" in data and "quote" in data else []
        return here + [c for v in data.values() for c in citations(v)]
    if isinstance(data, list):
        return [c for v in data for c in citations(v)]
    return []


@pytest.fixture(scope="module")
def viewer(demo_db, tmp_path_factory) -> Viewer:
    from tests.e2e.fakeslack import FakeSlack

    root = tmp_path_factory.mktemp("viewer")
    db = root / "viewer.db"
    shutil.copy(demo_db, db)
    article = root / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    with Store.open(db) as store:
        ingest_paths(store, [article])
        hostile = store.db.execute("SELECT id FROM documents WHERE title = 'Hostile markup test'").fetchone()[0]
    port = free_port()
    env = {"BRIEFBOT_PUBLIC_URL": f"http://127.0.0.1:{port}", "BRIEFBOT_LINK_SECRET": SECRET}
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)
    with FakeSlack() as slack:
        proc, url = start_serve(db, slack.api_url, port=port)
        try:
            out = subprocess.run(
                [sys.executable, "-m", "bot.cli", "--db", str(db), "brief", "kellogg", "--format", "json"],
                capture_output=True,
                text=True,
                timeout=300,
                cwd=root,
                check=True,
            ).stdout
            yield Viewer(url, json.loads(out), hostile)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            mp.undo()


def test_every_citation_of_a_real_briefing_is_served_with_its_quote_marked(viewer):
    found = citations(viewer.briefing)
    assert len(found) >= 20
    with httpx.Client(timeout=10) as client:
        for c in found:
            resp = client.get(c["view_url"])
            assert resp.status_code == 200
            body = resp.text
            mark = body[body.index('<mark id="cited"') :]
            mark = mark[mark.index(">") + 1 : mark.index("</mark>")]
            assert html.unescape(re.sub(r"<[^>]+>", "", mark)) == c["quote"]


def test_a_citation_opens_in_the_browser_with_the_quote_marked_and_in_view(viewer, browser, tmp_path: Path):
    # The citation furthest into its document, on a phone-sized screen: the page must scroll to it.
    c = max(citations(viewer.briefing), key=lambda c: c["start"])
    page = browser.new_page(viewport={"width": 390, "height": 700})
    try:
        resp = page.goto(c["view_url"])
        assert resp is not None and resp.status == 200
        mark = page.locator("mark#cited")
        assert mark.count() == 1
        assert mark.text_content() == c["quote"]
        box = mark.bounding_box()
        assert box is not None and box["y"] < 700 and box["y"] + box["height"] > 0, box
        assert page.evaluate("window.scrollY") > 0
        assert page.evaluate("getComputedStyle(document.querySelector('mark')).backgroundColor") != "rgba(0, 0, 0, 0)"
        page.screenshot(path=str(tmp_path / "viewer.png"))
        assert (tmp_path / "viewer.png").stat().st_size > 1000
    finally:
        page.close()


def test_tampered_and_expired_links_are_refused_in_the_browser(viewer, browser):
    url = viewer.briefing["summary"][0]["citations"][0]["view_url"].split("#")[0]
    doc = viewer.briefing["summary"][0]["citations"][0]["document_id"]
    ref = CitationRef(document_id=doc, start=0, end=10, quote="")
    expired = Linker(viewer.url, Signer(SECRET.encode()), days=1, clock=lambda: 1_600_000_000).view_url(ref)
    page = browser.new_page()
    try:
        bodies = set()
        for bad in (
            url.replace("span=", "span=1"),
            url.replace(doc, doc[:-1] + ("0" if doc[-1] != "0" else "1")),
            expired,
        ):
            resp = page.goto(bad)
            assert resp is not None and resp.status == 403
            bodies.add(page.content())
        assert len(bodies) == 1 and "not valid or has expired" in bodies.pop()
    finally:
        page.close()


def test_a_stored_script_is_shown_as_text_and_never_runs(viewer, browser):
    text_start = HOSTILE.index("<script>")
    ref = CitationRef(document_id=viewer.hostile, start=text_start, end=text_start + 60, quote="")
    url = Linker(viewer.url, Signer(SECRET.encode())).view_url(ref)
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        resp = page.goto(url)
        assert resp is not None and resp.status == 200
        assert page.evaluate("typeof window.pwned") == "undefined" and not dialogs
        assert page.locator("script").count() == 0 and page.locator("img").count() == 0
        assert page.locator("mark").count() == 1
        assert page.locator("mark#cited").text_content() == HOSTILE[text_start : text_start + 60]
        assert "<script>window.pwned = 1; alert(1)</script>" in page.locator("article").inner_text()
    finally:
        page.close()


def test_the_topic_page_shows_the_coverage_chart(viewer, browser, tmp_path: Path):
    page = browser.new_page(viewport={"width": 900, "height": 1000})
    try:
        resp = page.goto(viewer.briefing["topic_url"])
        assert resp is not None and resp.status == 200
        img = page.locator("figure.chart img")
        img.wait_for()
        assert page.evaluate("document.querySelector('figure.chart img').naturalWidth") > 100
        assert page.locator(".storylines li").count() == len(viewer.briefing["summary"])
        page.screenshot(path=str(tmp_path / "topic.png"), full_page=True)
    finally:
        page.close()
