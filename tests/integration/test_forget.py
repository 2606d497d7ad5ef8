"""`forget`: documents and everything derived from them go, in one transaction, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from knowledge.store.forget import forget_documents, select_documents

ORIGINAL = "99b9e6c37da3089cf049"  # the demo's one original with a syndicated copy (Northgate Daily's)
COPY = "bc04d864554cf2964da4"


def _orphan_entities(store) -> int:
    return store.db.execute(
        "SELECT COUNT(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.speaker_entity_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM event_actors a WHERE a.entity_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM claim_about a WHERE a.entity_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM events v WHERE v.place_id = e.id)"
    ).fetchone()[0]


def _count(store, sql: str, params: list) -> int:
    return store.db.execute(sql, params).fetchone()[0]


def test_forgetting_an_outlet_removes_its_documents_and_everything_derived_from_them(demo_store):
    ids = select_documents(demo_store, outlet="harborledger.example")
    assert len(ids) == 3
    orphans_before = _orphan_entities(demo_store)
    claims_before = _count(demo_store, "SELECT COUNT(*) FROM claims", [])
    report = forget_documents(demo_store, ids)
    assert report.documents == ids and report.claims > 0 and report.mentions > 0 and report.outlets == 1
    marks = ", ".join("?" for _ in ids)
    for table in ("documents", "claims", "events", "mentions", "document_bands"):
        column = "id" if table == "documents" else "document_id"
        assert _count(demo_store, f"SELECT COUNT(*) FROM {table} WHERE {column} IN ({marks})", ids) == 0, table
    assert _count(demo_store, "SELECT COUNT(*) FROM claims", []) == claims_before - report.claims
    assert _orphan_entities(demo_store) <= orphans_before  # nothing the removed articles alone named is left
    assert [s["domain"] for s in demo_store.sources()].count("harborledger.example") == 0
    assert forget_documents(demo_store, select_documents(demo_store, outlet="harborledger.example")).documents == []


def test_forgetting_an_original_makes_its_copy_the_original_and_keeps_the_copy(demo_store):
    report = forget_documents(demo_store, select_documents(demo_store, ids=[ORIGINAL[:8]]))
    assert report.documents == [ORIGINAL] and report.promoted == [COPY]
    row = demo_store.db.execute("SELECT duplicate_of FROM documents WHERE id = ?", [COPY]).fetchone()
    assert row is not None and row[0] is None


def test_a_date_range_selects_documents_published_inside_it_only(demo_store):
    ids = select_documents(demo_store, since="2025-06-22", until="2025-06-24")
    dates = [demo_store.db.execute("SELECT published_at FROM documents WHERE id = ?", [i]).fetchone()[0] for i in ids]
    assert dates and all("2025-06-22" <= d < "2025-06-24" for d in dates)
    forget_documents(demo_store, ids)
    assert select_documents(demo_store, since="2025-06-22", until="2025-06-24") == []
    assert select_documents(demo_store, since="2025-01-01")  # the rest is still there


def test_forget_without_any_condition_is_refused(demo_store):
    with pytest.raises(ValueError, match="name the documents"):
        select_documents(demo_store)


def test_full_text_search_no_longer_finds_a_forgotten_article(demo_store):
    from knowledge.store.fulltext import match

    ids = select_documents(demo_store, outlet="harborledger.example")
    assert ids
    m = match(demo_store, "documents", "d", "Kellogg", phrase=True)
    assert m is not None

    def found() -> set[str]:
        return {r[0] for r in demo_store.db.execute(f"SELECT d.id FROM {m.source} WHERE {m.where}", [m.value])}

    before = found()
    assert set(ids) & before  # the outlet's articles were findable
    forget_documents(demo_store, ids)
    after = found()
    assert after and not set(ids) & after and after < before  # gone from the index on both backends, the rest kept
    if not demo_store.is_postgres:  # SQLite's FTS5 keeps rows of its own: none may outlive its document
        assert _count(demo_store, "SELECT COUNT(*) FROM documents_fts", []) == demo_store.document_count()
