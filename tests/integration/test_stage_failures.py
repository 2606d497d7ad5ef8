"""One document that breaks an extraction stage costs that document's layer of that stage, never the batch.

The fault is real: a cue model that raises on documents mentioning one word, installed as the extractor's cue
decision through the hook training uses (`model.learned.set_scorer`, a `CueDecision`), so the claims stage raises inside extraction
exactly as a bug in it would (PolNeAR's dev set had two such articles: an IndexError in the claims stage).
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)
from knowledge.extract.analysis import Analysis, LocalClaim
from knowledge.ingest.fetch import Fetcher
from knowledge.ingest.pipeline import ingest, write_facts
from knowledge.models import DocumentInput
from knowledge.store import KNOWLEDGE_LOCK, Store
from knowledge.workspace.feedwatch import add_feed, poll_due
from tests.httpsite import SiteHandler, serve

FAULT = "Zanzibar"
GOOD = [
    "Quay reopens in Lindenport\n\nHarbour chief Maria Lindqvist said on Monday that the quay would reopen in June. "
    "“We are ahead of schedule,” Lindqvist told the Harbor Ledger.",
    "Union rejects offer\n\nUnion leader Ola Berg said on Tuesday that members had rejected the offer. "
    "The company denied that it had cut pay.",
]
BAD = (
    f"Ferry line to {FAULT}\n\nTransport minister Ana Ruiz said on Friday that the ferry to {FAULT} would run "
    "twice a week from May. Ruiz met port officials in Riga."
)


class FaultyCueModel:
    """The installed cue model, except that it raises on any token of a document that mentions FAULT."""

    def __init__(self, real) -> None:
        self.real = real

    def __getattr__(self, name: str):
        return getattr(self.real, name)

    def accept(self, tok, *args, **kwargs) -> bool:
        if FAULT in tok.doc.text:
            raise RuntimeError("cue model broke")
        return self.real.accept(tok, *args, **kwargs)


@pytest.fixture
def faulty_model():
    from knowledge.extract.model import learned as span_model

    span_model.reset_scorer()
    span_model.set_scorer(FaultyCueModel(span_model.get_scorer()))
    yield
    span_model.reset_scorer()


def _counts(store: Store, document_id: str) -> tuple[int, int]:
    """(mentions, claims) stored for one document."""
    mentions = store.db.execute("SELECT count(*) FROM mentions WHERE document_id = ?", [document_id]).fetchone()[0]
    claims = store.db.execute("SELECT count(*) FROM claims WHERE document_id = ?", [document_id]).fetchone()[0]
    return mentions, claims


def test_a_stage_that_raises_on_one_document_is_reported_and_the_rest_of_the_batch_is_stored(store, faulty_model):
    items = [("good-1.txt", DocumentInput(text=GOOD[0])), ("bad.txt", DocumentInput(text=BAD))]
    items.append(("good-2.txt", DocumentInput(text=GOOD[1])))
    report = ingest(store, items)
    assert report.stored == 3 and not report.skipped
    [failed] = report.failed
    assert failed.source == "bad.txt" and failed.stage == "claims" and "RuntimeError: cue model broke" in failed.error
    assert "bad.txt: extraction stage 'claims' failed" in failed.reason and "stored without claims" in failed.reason
    by_label = {r.label: r.document_id for r in report.results}
    mentions, claims = _counts(store, by_label["bad.txt"])
    assert mentions > 0 and claims == 0  # its entities (and events) are kept, only the failed layer is missing
    for label in ("good-1.txt", "good-2.txt"):
        assert _counts(store, by_label[label])[1] > 0


def test_ingest_and_extract_all_report_the_failed_stage_and_exit_2(tmp_path, faulty_model):
    runner = CliRunner()
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate([GOOD[0], BAD, GOOD[1]]):
        (folder / f"a{n}.txt").write_text(text)
    db = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["--db", db, "ingest", str(folder)], catch_exceptions=False)
    assert result.exit_code == 2
    out = " ".join(result.output.split())  # as printed, without the terminal's line wrapping
    assert "3 stored" in out and "1 stored without a failed extraction stage's facts" in out
    assert "a1.txt: extraction stage 'claims' failed (RuntimeError: cue model broke)" in out
    assert "Traceback" not in out
    with Store.open(db) as store:
        before = {d.id: _counts(store, d.id) for d in store.iter_documents()}
    result = runner.invoke(app, ["--db", db, "extract", "--all"], catch_exceptions=False)
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "re-extracted 2 documents" in out and "extraction stage 'claims' failed" in out and "left as it was" in out
    with Store.open(db) as store:
        after = {d.id: _counts(store, d.id) for d in store.iter_documents()}
    assert after == before  # the failing document keeps what it had; the others were re-extracted alike


def test_facts_that_cannot_be_written_leave_the_document_stored_without_them(store):
    """A bug in what a stage hands the writer (here offsets outside the text) is caught in a savepoint."""
    doc = None
    with store.transaction(lock=KNOWLEDGE_LOCK):
        doc = store.insert_document(DocumentInput(text=GOOD[0]), [], None)
        broken = LocalClaim("Lindqvist", None, "said", "say", "assert", False, "claim", None, (10, 99_999), (0, 5))
        failures = write_facts(store, doc, Analysis(claims=[broken]))
    assert [f.stage for f in failures] == ["store"] and "outside the document" in failures[0].error
    assert store.document_count() == 1 and _counts(store, doc.id) == (0, 0)


def test_an_unexpected_error_while_reading_one_input_skips_it_with_the_stage_named(store):
    def broken_reader() -> DocumentInput:
        raise KeyError("charset")

    report = ingest(store, [("odd.html", broken_reader), ("good.txt", DocumentInput(text=GOOD[0]))])
    assert report.stored == 1
    [skipped] = report.skipped
    assert skipped.reason.startswith("odd.html: unexpected error while reading (KeyError")


class FeedSite(SiteHandler):
    def do_GET(self):  # noqa: N802
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/rss":
            items = "".join(f"<item><title>{n}</title><link>{base}/a/{n}</link></item>" for n in range(3))
            feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>{items}</channel></rss>"
            return self.send(200, feed.encode(), "application/rss+xml")
        text = [GOOD[0], BAD, GOOD[1]][int(self.path.rsplit("/", 1)[1])]
        title, _, body = text.partition("\n\n")
        page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article>"
        self.send(200, (page + "</body></html>").encode(), "text/html")


def test_the_feed_poller_stores_every_entry_and_reports_the_failed_stage(store, faulty_model):
    from datetime import UTC, datetime

    now = datetime(2025, 5, 5, 8, tzinfo=UTC)
    site = serve(FeedSite)
    base = next(site)
    fetcher = Fetcher(allow_private=True, timeout=30)
    try:
        add_feed(store, "T1", base + "/rss", now=now, fetcher=fetcher)
        [result] = poll_due(store, fetcher, now)
    finally:
        fetcher.close()
        site.close()
    assert result.status == "new" and result.stored == 3
    [problem] = result.skipped
    assert f"{base}/a/1: extraction stage 'claims' failed" in problem
