"""Forgetting documents: each one and everything derived from it, in one transaction, on either backend.

Derived means: its mentions, events (with their actors), claims (with what they are about and their disputes),
MinHash band keys, full-text rows (SQLite's FTS5 triggers and PostgreSQL's expression indexes follow the rows),
entities no longer named by anything, and an outlet left without documents. A forgotten original's copies stay:
the earliest-published remaining copy becomes their original, and the copy links point at it. A copy holds facts
only of its own passages (`ingest.own_facts`), so the caller re-extracts the promoted copy whole and the others
against their new original (`ForgetReport.moved`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from knowledge.store.db import KNOWLEDGE_LOCK
from knowledge.store.facts import clear_facts

if TYPE_CHECKING:
    from knowledge.store.db import Store


@dataclass
class ForgetReport:
    documents: list[str] = field(default_factory=list)
    mentions: int = 0
    events: int = 0
    claims: int = 0
    entities: int = 0
    outlets: int = 0
    promoted: list[str] = field(default_factory=list)  # copies that became originals: extract these
    moved: list[str] = field(default_factory=list)  # copies now of a promoted original: re-extract their own part


def _marks(values: list[str]) -> str:
    return ", ".join("?" for _ in values)


def select_documents(
    store: Store,
    ids: list[str] | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[str]:
    """Ids of the documents matching every given condition: `ids` (whole ids or unique-enough prefixes), `outlet`
    (its name or domain, any case), `since`/`until` (ISO dates: published on or after / before). Documents
    without a publish date never match a date range."""
    where: list[str] = []
    params: list[str] = []
    if ids:
        where.append("(" + " OR ".join("d.id LIKE ?" for _ in ids) + ")")
        params += [i.lower() + "%" for i in ids]
    if outlet:
        where.append("(LOWER(s.name) = ? OR LOWER(s.domain) = ?)")
        params += [outlet.lower(), outlet.lower()]
    if since:
        where.append("d.published_at >= ?")
        params.append(since)
    if until:
        where.append("d.published_at < ?")
        params.append(until)
    if not where:
        raise ValueError("name the documents to forget: ids, an outlet or a date range")
    sql = (
        "SELECT d.id FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE "
        + " AND ".join(where)
        + " ORDER BY d.id"
    )
    return [str(row[0]) for row in store.db.execute(sql, params).fetchall()]


def _count(store: Store, sql: str, params: list[str]) -> int:
    return int(store.db.execute(sql, params).fetchone()[0])


def _touched_entities(store: Store, ids: list[str]) -> set[str]:
    m = _marks(ids)
    sql = (
        f"SELECT entity_id FROM mentions WHERE document_id IN ({m}) "
        f"UNION SELECT speaker_entity_id FROM claims WHERE document_id IN ({m}) "
        f"UNION SELECT ca.entity_id FROM claim_about ca JOIN claims c ON c.id = ca.claim_id WHERE c.document_id IN ({m}) "
        f"UNION SELECT ea.entity_id FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE e.document_id IN ({m}) "
        f"UNION SELECT place_id FROM events WHERE document_id IN ({m})"
    )
    return {str(r[0]) for r in store.db.execute(sql, ids * 5).fetchall() if r[0]}


def _promote_copies(store: Store, ids: list[str], report: ForgetReport) -> None:
    """For each forgotten original with copies that stay: the earliest-published of them becomes the original."""
    m = _marks(ids)
    rows = store.db.execute(
        f"SELECT id, duplicate_of FROM documents WHERE duplicate_of IN ({m}) AND id NOT IN ({m}) "
        "ORDER BY duplicate_of, published_at IS NULL, published_at, id",
        ids + ids,
    ).fetchall()
    chosen: dict[str, str] = {}
    for copy_id, original in rows:
        if chosen.setdefault(str(original), str(copy_id)) != str(copy_id):
            report.moved.append(str(copy_id))
    for original, new in chosen.items():
        store.db.execute("UPDATE documents SET duplicate_of = NULL WHERE id = ?", [new])
        store.db.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", [new, original])
        report.promoted.append(new)


def _drop_orphans(store: Store, candidates: set[str]) -> int:
    """Delete the entities among `candidates` that nothing names any more (user aliases keep their target name
    and lose only the link; subscriptions and workspace aliases keep an entity alive)."""
    if not candidates:
        return 0
    ids = sorted(candidates)
    m = _marks(ids)
    orphans = [
        str(r[0])
        for r in store.db.execute(
            f"SELECT id FROM entities e WHERE id IN ({m}) "
            "AND NOT EXISTS (SELECT 1 FROM mentions x WHERE x.entity_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM claims x WHERE x.speaker_entity_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM claim_about x WHERE x.entity_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM event_actors x WHERE x.entity_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM events x WHERE x.place_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM subscriptions x WHERE x.entity_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM team_aliases x WHERE x.entity_id = e.id)",
            ids,
        ).fetchall()
    ]
    if orphans:
        o = _marks(orphans)
        store.db.execute(f"UPDATE aliases SET entity_id = NULL WHERE entity_id IN ({o})", orphans)
        store.db.execute(f"DELETE FROM entities WHERE id IN ({o})", orphans)
    return len(orphans)


def forget_documents(store: Store, ids: list[str]) -> ForgetReport:
    """Remove the documents `ids` and everything derived from them, all or nothing."""
    report = ForgetReport(documents=list(ids))
    if not ids:
        return report
    m = _marks(ids)
    with store.transaction(lock=KNOWLEDGE_LOCK):
        report.mentions = _count(store, f"SELECT COUNT(*) FROM mentions WHERE document_id IN ({m})", ids)
        report.events = _count(store, f"SELECT COUNT(*) FROM events WHERE document_id IN ({m})", ids)
        report.claims = _count(store, f"SELECT COUNT(*) FROM claims WHERE document_id IN ({m})", ids)
        touched = _touched_entities(store, ids)
        sources = {
            str(r[0])
            for r in store.db.execute(f"SELECT source_id FROM documents WHERE id IN ({m})", ids).fetchall()
            if r[0]
        }
        for doc_id in ids:
            clear_facts(store, doc_id)
        _promote_copies(store, ids, report)
        store.db.execute(f"DELETE FROM document_bands WHERE document_id IN ({m})", ids)
        store.db.execute(f"UPDATE documents SET duplicate_of = NULL WHERE id IN ({m})", ids)
        store.db.execute(f"DELETE FROM documents WHERE id IN ({m})", ids)
        report.entities = _drop_orphans(store, touched)
        if sources:
            s = sorted(sources)
            empty = [
                str(r[0])
                for r in store.db.execute(
                    f"SELECT id FROM sources so WHERE id IN ({_marks(s)}) "
                    "AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.source_id = so.id)",
                    s,
                ).fetchall()
            ]
            if empty:
                store.db.execute(f"DELETE FROM sources WHERE id IN ({_marks(empty)})", empty)
            report.outlets = len(empty)
    return report
