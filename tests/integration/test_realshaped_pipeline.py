"""Text shaped like real news (tests/realshaped.py) through the whole pipeline: ingest, `extract --all` and the
feed poller. The property is stronger than "nothing escapes" (the stage guards would make that hold by
construction): no extraction stage fails at all, and every stored claim's quote is the text at its offsets."""

from __future__ import annotations

import html
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings

from knowledge.ingest.fetch import Fetcher
from knowledge.ingest.own_facts import own_part_of
from knowledge.ingest.pipeline import ingest
from knowledge.ingest.service import reextract
from knowledge.models import DocumentInput
from knowledge.store import Store
from knowledge.workspace.feedwatch import add_feed, poll_due
from tests.httpsite import SiteHandler, serve
from tests.realshaped import batch

NOW = datetime(2025, 5, 5, 8, tzinfo=UTC)


def _quotes_match(store: Store) -> int:
    """Every stored claim's quote is the document text at its offsets; returns how many claims were checked."""
    texts = {d.id: d.text for d in store.iter_documents()}
    rows = store.db.execute('SELECT document_id, start, "end", quote FROM claims').fetchall()
    for doc_id, start, end, quote in rows:
        assert texts[doc_id][start:end] == quote
    return len(rows)


@settings(max_examples=25)
@given(texts=batch(1, 3))
def test_real_shaped_articles_go_through_ingest_and_extract_all_with_no_stage_failing(texts):
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "b.db") as store:
        report = ingest(store, [(f"a{n}.txt", DocumentInput(text=t)) for n, t in enumerate(texts)])
        assert report.problems == []
        assert len(report.results) == len(texts)
        _quotes_match(store)
        again = reextract(store)
        assert again.failed == [] and again.too_long == []
        docs = list(store.iter_documents())
        originals = [d for d in docs if d.duplicate_of is None]
        # a copy is re-extracted for the passages only it holds, when it has some
        own = [d for d in docs if d.duplicate_of and own_part_of(store, d.text, d.duplicate_of)]
        assert again.done == len(originals) + len(own) and len(originals) >= 1
        _quotes_match(store)


PAGES: dict[str, str] = {}


class Site(SiteHandler):
    def do_GET(self):  # noqa: N802
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path.startswith("/rss/"):
            names = [k for k in PAGES if k.startswith(self.path[5:] + "-")]
            items = "".join(f"<item><title>{k}</title><link>{base}/a/{k}</link></item>" for k in names)
            feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>{items}</channel></rss>"
            return self.send(200, feed.encode(), "application/rss+xml")
        text = PAGES[self.path.rsplit("/", 1)[1]]
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
        page = f"<html><head><title>Report</title></head><body><article>{paras}</article></body></html>"
        self.send(200, page.encode(), "text/html")


@settings(max_examples=8)
@given(texts=batch(1, 3))
def test_real_shaped_articles_from_a_feed_are_polled_with_no_stage_failing(texts):
    run = f"r{len(PAGES)}"
    PAGES.update({f"{run}-{n}": t for n, t in enumerate(texts)})
    site = serve(Site)
    base = next(site)
    fetcher = Fetcher(allow_private=True, timeout=30)  # a loaded machine must not fail the property
    try:
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "b.db") as store:
            add_feed(store, "T1", f"{base}/rss/{run}", now=NOW, fetcher=fetcher)
            [result] = poll_due(store, fetcher, NOW)
            assert result.status == "new" and result.error is None
            # a page too short to be an article is refused with its reason; nothing else may go wrong
            assert all("too short" in p or "no article" in p for p in result.skipped), result.skipped
            _quotes_match(store)
    finally:
        fetcher.close()
        site.close()
