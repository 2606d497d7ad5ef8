"""The knowledge store: one SQLite file (WAL, foreign keys on), reached only through this module and its readers.

A `Store` wraps one connection and must stay in the thread that opened it; threaded callers (the Slack app's
workers) open one store per thread with `Store.open`. Every write of a document — the document, its mentions,
events and claims — happens inside one transaction, so a crash leaves either all of it or none of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from knowledge import dedup
from knowledge.migrations import migrate
from knowledge.models import Document, DocumentInput, Source, content_hash, iso_utc


class StoreError(Exception):
    """A problem with the database file itself (unreadable, not SQLite, newer schema)."""


@dataclass
class SaveResult:
    status: str  # "stored" | "exists" | "duplicate"
    document_id: str
    duplicate_of: str | None = None
    similarity: float = 1.0
    title: str | None = None
    label: str | None = None  # the input as the user named it (path or URL), for reports of untitled articles


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class Store:
    def __init__(self, db: sqlite_utils.Database, path: Path | None = None):
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(path), timeout=30, check_same_thread=True)
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=30000")
            db.execute("PRAGMA synchronous=NORMAL")
            migrate(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable briefbot database ({exc})") from exc
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        A deferred BEGIN that reads first and writes later fails at once with "database is locked" when another
        connection wrote in between; taking the lock first makes concurrent writers wait (busy timeout) instead.
        Nested use becomes a savepoint.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise
        else:
            self.db.conn.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- documents -------------------------------------------------------------------------------------------

    def find_existing(self, inp: DocumentInput) -> str | None:
        """Same URL or same normalized text means the same article: re-ingesting it must change nothing."""
        doc_id = content_hash(inp.text)
        if self.db["documents"].count_where("id = ?", [doc_id]):
            return doc_id
        if inp.url:
            row = self.db.execute("SELECT id FROM documents WHERE url = ? LIMIT 1", [inp.url]).fetchone()
            if row:
                return row[0]
        return None

    def find_near_duplicate(self, text: str) -> tuple[str | None, float, list[str]]:
        """Return (original id, similarity, band keys) for the best earlier document above the threshold."""
        shingle_set = dedup.shingles(text)
        keys = dedup.band_keys(dedup.signature(shingle_set))
        marks = ",".join("?" * len(keys))
        candidates = [
            r[0]
            for r in self.db.execute(
                f"SELECT DISTINCT b.document_id FROM document_bands b JOIN documents d ON d.id = b.document_id "
                f"WHERE b.band IN ({marks}) AND d.duplicate_of IS NULL",
                keys,
            )
        ]
        best, best_score = None, 0.0
        for cand in candidates:
            other = self.db.execute("SELECT text FROM documents WHERE id = ?", [cand]).fetchone()[0]
            score = dedup.similarity(shingle_set, dedup.shingles(other))
            if score > best_score:
                best, best_score = cand, score
        if best and best_score >= dedup.THRESHOLD:
            return best, best_score, keys
        return None, best_score, keys

    def insert_document(self, inp: DocumentInput, band_keys: list[str], duplicate_of: str | None) -> Document:
        """Insert inside the caller's transaction (see `ingest.pipeline`), never on its own."""
        source = Source.from_name(inp.outlet, inp.outlet_domain) if (inp.outlet or inp.outlet_domain) else None
        doc = Document(
            id=content_hash(inp.text),
            url=inp.url or None,
            title=inp.title,
            source_id=source.id if source else None,
            author=inp.author,
            published_at=inp.published_at,
            text=inp.text,
            language=inp.language,
            duplicate_of=duplicate_of,
            origin=inp.origin,
            **({"retrieved_at": inp.retrieved_at} if inp.retrieved_at else {}),
        )
        if source:
            self.db["sources"].upsert(source.model_dump(), pk="id")
        row = doc.model_dump()
        row["published_at"] = _iso(doc.published_at)
        row["retrieved_at"] = iso_utc(doc.retrieved_at)
        self.db["documents"].insert(row, pk="id")
        self.db["document_bands"].insert_all(
            ({"band": k, "document_id": doc.id} for k in band_keys), pk=("band", "document_id"), ignore=True
        )
        return doc

    def get_document(self, doc_id: str) -> Document | None:
        """The document with this id or unique id prefix; None when none or several match (`documents_matching`
        tells which)."""
        rows = self.documents_matching(doc_id, 2)
        return rows[0] if len(rows) == 1 else None

    def documents_matching(self, doc_id: str, limit: int = 5) -> list[Document]:
        exact = list(self.db.query("SELECT * FROM documents WHERE id = ?", [doc_id]))
        if exact:
            return [document_from_row(exact[0])]
        pattern = doc_id.replace("\\", "").replace("%", "").replace("_", "") + "%"
        rows = self.db.query("SELECT * FROM documents WHERE id LIKE ? ORDER BY id LIMIT ?", [pattern, limit])
        return [document_from_row(r) for r in rows]

    def iter_documents(self, include_duplicates: bool = True) -> Iterator[Document]:
        where = "" if include_duplicates else "WHERE duplicate_of IS NULL"
        for row in self.db.query(f"SELECT * FROM documents {where} ORDER BY published_at, id"):
            yield document_from_row(row)

    def document_count(self) -> int:
        return self.db["documents"].count

    # ---- overview ----------------------------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        tables = ["documents", "sources", "entities", "aliases", "mentions", "events", "claims", "disputes"]
        out = {t: self.db[t].count for t in tables}
        out["duplicates"] = self.db["documents"].count_where("duplicate_of IS NOT NULL")
        return out

    def sources(self) -> list[dict]:
        return list(
            self.db.query(
                "SELECT s.id, s.name, s.domain, COUNT(d.id) AS documents, "
                "SUM(d.duplicate_of IS NOT NULL) AS duplicates, MIN(d.published_at) AS first, "
                "MAX(d.published_at) AS last FROM sources s LEFT JOIN documents d ON d.source_id = s.id "
                "GROUP BY s.id ORDER BY documents DESC, s.name"
            )
        )


def document_from_row(row: dict) -> Document:
    # Columns a row lacks (NULL) fall back to the model's defaults.
    return Document.model_validate({k: v for k, v in row.items() if v is not None})
