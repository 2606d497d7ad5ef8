"""What the source viewer reads: one document with its outlet, its attributed claims, and the other reports
(and copies) a link names. Each read is by primary key or an indexed column, so a page costs a few milliseconds
however large the store is; nothing here can list documents a caller did not name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.store.db import Store


@dataclass(frozen=True)
class PageDocument:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published_at: datetime | None
    duplicate_of: str | None
    text: str


@dataclass(frozen=True)
class PageClaim:
    start: int
    end: int
    speaker: str | None
    stance: str
    negated: bool
    cue: str


@dataclass(frozen=True)
class Report:
    """Another document the page names: a report of the same line, or a copy of one."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published_at: datetime | None
    duplicate_of: str | None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def page_document(store: Store, document_id: str) -> PageDocument | None:
    """The document with exactly this id (never a prefix match: links name whole ids)."""
    row = store.db.execute(
        "SELECT d.id, d.title, COALESCE(s.name, d.source_id), d.url, d.published_at, d.duplicate_of, d.text "
        "FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = ?",
        [document_id],
    ).fetchone()
    if row is None:
        return None
    return PageDocument(row[0], row[1], row[2], row[3], _dt(row[4]), row[5], row[6] or "")


def page_claims(store: Store, document_id: str) -> list[PageClaim]:
    """Every attributed claim of the document, with its speaker's entity name when it was resolved."""
    return [
        PageClaim(int(r[0]), int(r[1]), r[2], r[3] or "", bool(r[4]), r[5] or "")
        for r in store.db.execute(
            'SELECT c.start, c."end", COALESCE(e.name, c.speaker), c.stance, c.negated, c.cue FROM claims c '
            "LEFT JOIN entities e ON e.id = c.speaker_entity_id WHERE c.document_id = ? ORDER BY c.start, c.id",
            [document_id],
        )
    ]


def reports(store: Store, document_ids: Sequence[str]) -> list[Report]:
    """The named documents and every copy of them (a copy's `duplicate_of` names its original), oldest first."""
    if not document_ids:
        return []
    marks = ",".join("?" * len(document_ids))
    rows = store.db.execute(
        "SELECT d.id, d.title, COALESCE(s.name, d.source_id), d.url, d.published_at, d.duplicate_of "
        f"FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE d.id IN ({marks}) "
        f"UNION SELECT d.id, d.title, COALESCE(s.name, d.source_id), d.url, d.published_at, d.duplicate_of "
        f"FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE d.duplicate_of IN ({marks})",
        [*document_ids, *document_ids],
    ).fetchall()
    found = [Report(r[0], r[1], r[2], r[3], _dt(r[4]), r[5]) for r in rows]
    return sorted(
        found, key=lambda r: (r.published_at is None, r.published_at.isoformat() if r.published_at else "", r.id)
    )
