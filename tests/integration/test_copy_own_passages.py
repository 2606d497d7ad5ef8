"""A wire copy's own passages are extracted from the copy, whatever order the copy and its original arrive in;
what it repeats is extracted once, from the original."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.ingest.pipeline import ingest
from knowledge.ingest.service import reextract
from knowledge.models import DocumentInput
from knowledge.store.forget import forget_documents
from tests.unit.test_copies import STORY

OWN = (
    "On Tuesday the shipping association's chairman, Henrik Aalto, said the strike was costing exporters millions "
    'of euros a day. "Every hour the cranes stand still, cargo rots on the quay," Aalto said.'
)


def _doc(text: str, outlet: str, hour: int, url: str) -> DocumentInput:
    when = datetime(2025, 5, 5, hour, tzinfo=UTC)
    return DocumentInput(text=text, outlet=outlet, url=url, published_at=when, retrieved_at=when)


def _claims(store, url: str) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in store.db.execute(
            "SELECT COALESCE(e.name, c.speaker), c.quote FROM claims c JOIN documents d ON d.id = c.document_id "
            "LEFT JOIN entities e ON e.id = c.speaker_entity_id WHERE d.url = ? ORDER BY c.start",
            [url],
        )
    ]


ORIGINAL = _doc(STORY, "Harbor Ledger", 8, "https://h.example/1")
COPY = _doc("By Anna Novak\n\n" + STORY + "\n\n" + OWN, "Bay Echo", 9, "https://b.example/1")


def _check(store) -> None:
    copy_claims = _claims(store, "https://b.example/1")
    assert copy_claims, "the copy's own passage holds two claims"
    assert all("Aalto" in (speaker or "") for speaker, _ in copy_claims)
    assert any("cargo rots on the quay" in content for _, content in copy_claims)
    original_claims = _claims(store, "https://h.example/1")
    assert any("Lindqvist" in (speaker or "") for speaker, _ in original_claims)
    assert not any("Lindqvist" in (speaker or "") for speaker, _ in copy_claims)  # repeated words: counted once


def test_a_copy_ingested_after_its_original_keeps_the_claims_of_its_own_passage(store):
    report = ingest(store, [("original", ORIGINAL), ("copy", COPY)])
    assert [r.status for r in report.results] == ["stored", "duplicate"]
    _check(store)


def test_a_stored_article_demoted_to_a_copy_keeps_only_the_claims_of_its_own_passage(store):
    ingest(store, [("copy", COPY)])
    assert any("Lindqvist" in (s or "") for s, _ in _claims(store, "https://b.example/1"))  # an original, for now
    report = ingest(store, [("original", ORIGINAL)])
    assert report.results[0].status == "stored"
    _check(store)


def test_a_copy_demoted_by_its_original_later_in_the_same_batch_keeps_its_own_passage(store):
    report = ingest(store, [("copy", COPY), ("original", ORIGINAL)])
    assert [r.status for r in report.results] == ["stored", "stored"]  # the copy was an original when written
    _check(store)


def test_re_extraction_extracts_a_copys_own_passage_again_and_nothing_else_of_it(store):
    ingest(store, [("original", ORIGINAL), ("copy", COPY)])
    before = _claims(store, "https://b.example/1")
    done = reextract(store)
    assert done.done == 2 and not done.failed
    assert _claims(store, "https://b.example/1") == before
    _check(store)


def test_a_copy_without_own_passages_is_stored_without_facts(store):
    repost = _doc("Advertisement\n\n" + STORY, "Quay Post", 10, "https://q.example/1")
    report = ingest(store, [("original", ORIGINAL), ("repost", repost)])
    assert [r.status for r in report.results] == ["stored", "duplicate"]
    assert _claims(store, "https://q.example/1") == []


def test_forgetting_the_original_makes_the_copy_an_original_extracted_whole(store):
    report = ingest(store, [("original", ORIGINAL), ("copy", COPY)])
    forgot = forget_documents(store, [report.results[0].document_id])
    assert forgot.promoted == [report.results[1].document_id]
    reextract(store, only=set(forgot.promoted))
    assert any("Lindqvist" in (s or "") for s, _ in _claims(store, "https://b.example/1"))
