"""Property: over generated stores (including rows whose offsets drifted), every line of every briefing carries
citations that slice back exactly to the stored text; unverifiable lines are dropped, never shown."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.brief.compose import compose
from knowledge.brief.query import Query
from knowledge.extract.analysis import Analysis, LocalClaim, LocalEntity, LocalEvent
from knowledge.extract.persist.writer import write_analysis
from knowledge.models import DocumentInput
from knowledge.store import Store

NAMES = ["Maria Lindqvist", "Ola Berg", "Ana Ruiz"]
sentence = st.sampled_from(
    [
        "{a} said that the quay would reopen in June.",
        "{a} denied that {b} had agreed to a pay rise.",
        "{a} met {b} in Gdansk on Monday.",
        "{a} warned that costs will rise.",
        "{a} claimed that {b} lied.",
    ]
)


@st.composite
def stores(draw):
    docs = []
    for n in range(draw(st.integers(1, 5))):
        parts = [
            draw(sentence).format(a=draw(st.sampled_from(NAMES)), b=draw(st.sampled_from(NAMES)))
            for _ in range(draw(st.integers(1, 4)))
        ]
        docs.append((f"Story {n}: " + " ".join(parts), draw(st.booleans()), draw(st.integers(0, 30))))
    return docs


def build(path: Path, docs) -> Store:
    store = Store.open(path)
    for text, drift, day in docs:
        published = datetime(2025, 5, 1, tzinfo=UTC) + timedelta(days=day)
        with store.transaction():
            doc = store.insert_document(
                DocumentInput(text=text, outlet=f"Wire {day % 3}", published_at=published), [], None
            )
            ents = [
                LocalEntity(name, "PERSON", [(text.index(name), text.index(name) + len(name))], [name])
                for name in NAMES
                if name in text
            ]
            claims, events = [], []
            for i, ent in enumerate(ents):
                start = ent.mentions[0][1] + 1
                end = text.find(".", start) + 1 or len(text)
                claims.append(
                    LocalClaim(
                        ent.name,
                        i,
                        "said",
                        "say",
                        "assert",
                        False,
                        "indirect",
                        None,
                        (start, end),
                        (ent.mentions[0][0], end),
                        about=[i],
                    )
                )
                events.append(LocalEvent("meeting", "meet", (ent.mentions[0][0], end), actors=[i]))
            write_analysis(store, doc, Analysis(entities=ents, events=events, claims=claims))
            if drift:  # simulate offsets that no longer match the text (a bug or a hand-edited row)
                store.db.execute("UPDATE claims SET start = start + 1 WHERE document_id = ?", [doc.id])
                store.db.execute('UPDATE events SET "end" = "end" - 1 WHERE document_id = ?', [doc.id])
    return store


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stores(), st.sampled_from(NAMES))
def test_every_line_of_every_briefing_has_a_verified_citation(docs, topic):
    with tempfile.TemporaryDirectory() as tmp:
        store = build(Path(tmp) / "p.db", docs)
        try:
            result = compose(store, Query(topic=topic, raw=topic))
            if result.kind != "briefing":
                return
            texts = {d.id: d.text for d in store.iter_documents()}
            lines = list(result.developments) + [c for m in result.matters for c in m.claims]
            if any(topic in text and not drift for text, drift, _ in docs):
                # a topic an undrifted document names has verifiable rows: an empty briefing would be a bug
                assert lines and result.citations()
            for line in lines:
                assert line.citations
            for cite in result.citations():
                assert texts[cite.document_id][cite.start : cite.end] == cite.quote
        finally:
            store.close()
