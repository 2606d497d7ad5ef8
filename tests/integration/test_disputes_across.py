"""Disputes across articles, through ingestion into a real SQLite store: a denial in one article is paired with a
claim in another only when both are about the same proposition."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.ingest.pipeline import ingest
from knowledge.models import DocumentInput

CLAIM = (
    "Harbour row deepens\n\nUnion chairman Erik Solberg said on Monday that the board led by Lise Moen had sold "
    "the north quay to a private developer."
)
RELATED = (
    "Board answers union\n\nBoard chair Lise Moen denied on Tuesday that the board had sold the north quay to a "
    "developer. She said the quay remained public land."
)
UNRELATED = (
    "Ferry plans confirmed\n\nBoard chair Lise Moen denied on Wednesday that the winter ferry timetable would be "
    "cut. She said the ferries would run as before."
)


def put(store, text, day):
    when = datetime(2025, 5, day, 9, tzinfo=UTC)
    report = ingest(store, [(f"doc{day}", DocumentInput(text=text, outlet=f"Wire {day}", published_at=when))])
    assert report.stored == 1


def pairs(store):
    return [
        (r["a"], r["b"])
        for r in store.db.query(
            "SELECT a.quote AS a, b.quote AS b FROM disputes d JOIN claims a ON a.id = d.claim_id "
            "JOIN claims b ON b.id = d.other_claim_id"
        )
    ]


def test_a_denial_in_another_article_pairs_with_the_claim_on_the_same_proposition_only(store):
    put(store, CLAIM, 12)
    put(store, UNRELATED, 13)
    assert pairs(store) == []  # the same people, another proposition: a plain denial
    put(store, RELATED, 14)
    found = pairs(store)
    assert len(found) == 1
    claim, denial = found[0]
    assert "sold the north quay to a private developer" in claim and "sold the north quay to a developer" in denial
