"""Wire copies at ingestion: re-posts with their own furniture are copies, and the original is the named source or
the earliest published article, whatever order they arrive in. Extraction is off: this is about documents."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.ingest.pipeline import ingest
from knowledge.models import DocumentInput
from tests.unit.test_copies import STORY


def _doc(text: str, outlet: str, hour: int, url: str) -> DocumentInput:
    when = datetime(2025, 5, 5, hour, tzinfo=UTC)
    return DocumentInput(text=text, outlet=outlet, url=url, published_at=when, retrieved_at=when)


def _duplicates(store) -> dict[str, str | None]:
    return {r[0]: r[1] for r in store.db.execute("SELECT url, duplicate_of FROM documents")}


FURNITURE_A = (
    "Read more: Harbour workers in Varna vote on a new contract next month\n"
    "Read more: Grain prices climb across the region after the port closes\n"
    "Share this article with your friends and colleagues on social media"
)
FURNITURE_B = (
    "Subscribe to our morning briefing for the latest port and shipping news\n"
    "Sign up for alerts about strikes, closures and delays at the coast's harbours\n"
    "Copyright Quay Post, all rights reserved, no reproduction without permission"
)


def test_two_reposts_of_one_agency_story_with_different_furniture_count_once(store):
    from knowledge.text import dedup

    a = _doc("By Anna Novak, Bay Echo\n\n" + STORY + "\n\n" + FURNITURE_A, "Bay Echo", 9, "https://a.example/1")
    edited = STORY.replace("walked out on Monday", "went on strike on Monday")
    b = _doc("Advertisement\n\n" + edited + "\n\n" + FURNITURE_B, "Quay Post", 10, "https://b.example/1")
    assert dedup.similarity(dedup.shingles(a.text), dedup.shingles(b.text)) < 0.8  # whole texts: missed before
    report = ingest(store, [("a", a), ("b", b)], extract=False)
    assert [r.status for r in report.results] == ["stored", "duplicate"]
    assert _duplicates(store)["https://b.example/1"] == report.results[0].document_id


def test_the_original_named_by_a_copy_ingested_first_becomes_the_original(store):
    repost = _doc(
        "Editor's note: this story was first published by the Harbor Ledger.\n\n" + STORY,
        "Northgate Daily",
        6,
        "https://n.example/1",
    )
    original = _doc(STORY, "Harbor Ledger", 8, "https://h.example/1")
    ingest(store, [("repost", repost)], extract=False)
    report = ingest(store, [("original", original)], extract=False)
    assert report.results[0].status == "stored"
    dup = _duplicates(store)
    assert dup["https://h.example/1"] is None
    assert dup["https://n.example/1"] == report.results[0].document_id
    # re-ingesting either changes nothing
    again = ingest(store, [("repost", repost), ("original", original)], extract=False)
    assert [r.status for r in again.results] == ["exists", "exists"] and _duplicates(store) == dup


def test_without_a_named_source_the_earlier_published_article_is_the_original_not_the_first_ingested(store):
    late = _doc(STORY + "\n\nShare this article", "Bay Echo", 15, "https://late.example/1")
    early = _doc(STORY, "Quay Post", 7, "https://early.example/1")
    ingest(store, [("late", late)], extract=False)
    ingest(store, [("early", early)], extract=False)
    dup = _duplicates(store)
    assert dup["https://early.example/1"] is None and dup["https://late.example/1"] is not None


def test_a_demoted_copy_loses_its_extracted_facts_and_its_original_has_them(store):
    repost = _doc(
        "This story was first published by the Harbor Ledger.\n\n" + STORY, "Northgate Daily", 6, "https://n.example/2"
    )
    original = _doc(STORY, "Harbor Ledger", 8, "https://h.example/2")
    ingest(store, [("repost", repost)])
    first = store.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    assert first > 0
    [result] = ingest(store, [("original", original)]).results
    owners = {r[0] for r in store.db.execute("SELECT DISTINCT document_id FROM claims")}
    assert owners == {result.document_id}


def test_an_excerpt_stored_first_is_found_and_becomes_the_copy_when_the_full_story_arrives(store):
    from tests.unit.test_copies import WIRE

    head = "Dockers vote to end Galen port strike\n\n"
    excerpt = head + WIRE[: WIRE.index(" The owners said")] + "\n\nRead more: Ports across the coast"
    when = datetime(2025, 3, 7, 9, tzinfo=UTC)
    short = DocumentInput(text=excerpt, outlet="Coast Times", url="https://c.example/1", published_at=when)
    full = DocumentInput(text=head + WIRE, outlet="Harbour Wire", url="https://h.example/1", published_at=when)
    ingest(store, [("short", short)], extract=False)
    report = ingest(store, [("full", full)], extract=False)
    assert report.results[0].status == "stored"
    assert _duplicates(store) == {"https://h.example/1": None, "https://c.example/1": report.results[0].document_id}
