"""A news page with its furniture, ingested and extracted into a real store: the furniture stays in the stored text
(every cited offset holds) but no claim, event or entity mention comes from it, and "X did not immediately respond
to a request for comment" is no claim of X's. The page is written for the test in the shapes real pages give."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from knowledge.ingest.pipeline import ingest
from knowledge.models import DocumentInput

PAGE = """Galen dockers end strike after pay deal

 date 2025-03-07 Galen dockers end strike after pay deal
The union said members backed the deal by a wide margin after a month on the picket line.

Marta Kowalczyk
Published 07/03/2025, 09:05 AM

Dockers gather at the gates of the port in Galen on Thursday.
(Piet Ahlers/AP)

GALEN (AP) — Dockers at the port of Galen voted on Thursday to end a month-long strike after the owners, \
Galen Ports (GLP.N), opens new tab raised their offer, union leader Dario Mendes said.

What the owners offered

Mendes said the deal gave members a 6% rise over two years. Galen Ports did not immediately respond to a \
request for comment.

Companies in this story: (NYSE:GLP)
This report by Harbour Wire was first published March 7, 2025.
"""
INLINE = "(GLP.N), opens new tab"  # inside a sentence: an event cites the whole sentence, ticker and all
FURNITURE = [
    "The union said members backed the deal",
    "Marta Kowalczyk",
    "Published 07/03/2025",
    "Dockers gather at the gates",
    "(Piet Ahlers/AP)",
    "GALEN (AP) —",
    INLINE,
    "What the owners offered",
    "Companies in this story",
    "This report by Harbour Wire",
]


def _spans(store, table: str, doc_id: str) -> list[tuple[int, int]]:
    rows = store.db.query(f'SELECT start, "end" FROM {table} WHERE document_id = ?', [doc_id])
    return [(r["start"], r["end"]) for r in rows]


def test_furniture_on_a_news_page_makes_no_claim_event_or_mention_and_stays_stored(store):
    when = datetime(2025, 3, 7, 9, 5, tzinfo=UTC)
    inp = DocumentInput(text=PAGE, outlet="Harbour Wire", url="https://harbour.example/1", published_at=when)
    report = ingest(store, [("page", inp)], extract=True)
    ((result,),) = [report.results]
    doc_id = result.document_id
    text = next(iter(store.db.query("SELECT text FROM documents WHERE id = ?", [doc_id])))["text"]
    claims = store.db.query("SELECT quote, speaker FROM claims WHERE document_id = ?", [doc_id])
    quotes = [(r["quote"], r["speaker"]) for r in claims]
    assert any("6% rise" in q for q, _ in quotes), quotes  # the story's own claims are still there
    assert not any("request for comment" in q or "respond" in q for q, _ in quotes), quotes
    spans = _spans(store, "events", doc_id) + _spans(store, "mentions", doc_id)
    for row in store.db.query('SELECT start, "end", fragments FROM claims WHERE document_id = ?', [doc_id]):
        pieces = json.loads(row["fragments"] or "null") or [[row["start"], row["end"]]]
        spans += [(s, e) for s, e in pieces]  # what a briefing quotes: a split claim's pieces
    assert spans
    for item in FURNITURE:
        if item == INLINE:
            spans = [(s, e) for s, e in spans if (s, e) not in _spans(store, "events", doc_id)]
        at = text.find(item)
        assert at >= 0, f"{item!r} was cut from the stored text"
        end = at + len(item)
        assert not any(s < end and at < e for s, e in spans if (s, e) != (0, 0)), item
