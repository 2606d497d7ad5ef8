"""Documents, their outlets (sources) and MinHash bands: storing an article once, finding it again, counting.

`DocumentQueries` is mixed into `Store`, so `store.find_existing(...)`, `store.stats()` and the rest read as
methods of the store every front end already holds; the functions below it take the store as first argument
(typed as `DocumentQueries`, which `Store` is, so this module need not import `db`, which imports it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from knowledge.models import Document, DocumentInput, Source, content_hash, iso_utc
from knowledge.text import dedup
from knowledge.text.copies import Copy, copy_match
from knowledge.tuning import tuning

Row = dict[str, Any]
WINDOWS_PER_STATEMENT = 200


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


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


MAX_CANDIDATES = 20  # earlier documents compared in full with a new one, those sharing the most index keys
MIN_SHARED_KEYS = 2  # one shared key is a common phrase (or one band of a resemblance below any threshold)


class DocumentQueries:
    db: sqlite_utils.Database

    def find_existing(self, inp: DocumentInput) -> str | None:
        """Same URL or same normalized text means the same article: re-ingesting it must change nothing."""
        doc_id = content_hash(inp.text)
        if self.db.table("documents").count_where("id = ?", [doc_id]):
            return doc_id
        if inp.url:
            row = self.db.execute("SELECT id FROM documents WHERE url = ? LIMIT 1", [inp.url]).fetchone()
            if row:
                return str(row[0])
        return None

    def find_near_duplicate(
        self, text: str, published_at: datetime | None = None, title: str | None = None
    ) -> tuple[str | None, float, list[str]]:
        """Return (original id, similarity, index keys) for the best earlier document at or above the near-duplicate
        threshold (on the overlap of the smaller text, so an added editor's note does not hide a copy), or that the
        new story is a wire copy of (`ingest.copies.is_copy`: containment, so an excerpt or a re-post with its own
        caption, teaser or first paragraph counts)."""
        shingle_set = dedup.shingles(text)
        keys = dedup.index_keys(text)
        marks = ",".join("?" * len(keys))
        # The documents sharing the most keys, fewest first dropped: a common phrase ("said in a statement on")
        # gives one shared key to many unrelated articles, a copy shares dozens. Ties ordered by id, so both
        # backends pick the same candidates.
        candidates = [
            r[0]
            for r in self.db.execute(
                f"SELECT b.document_id, COUNT(*) AS n FROM document_bands b JOIN documents d ON d.id = b.document_id "
                f"WHERE b.band IN ({marks}) AND d.duplicate_of IS NULL GROUP BY b.document_id "
                f"HAVING COUNT(*) >= {MIN_SHARED_KEYS} ORDER BY n DESC, b.document_id LIMIT {MAX_CANDIDATES}",
                keys,
            )
        ]
        new = Copy("new", text, published_at=published_at, title=title)
        best, best_score, best_copy = None, 0.0, 0.0
        for cand in sorted(candidates):
            other = self.copy_of(cand)
            score = dedup.similarity(shingle_set, dedup.shingles(other.text))
            found = copy_match(new, other)
            story = found.contained if found else 0.0
            if (score, story) > (best_score, best_copy):
                best, best_score, best_copy = cand, score, story
        if best and (best_score >= tuning().near_duplicate or best_copy > 0):
            return best, max(best_score, best_copy), keys
        return None, best_score, keys

    def copy_of(self, document_id: str) -> Copy:
        """What choosing the original among copies needs of a stored document."""
        row = self.db.execute(
            "SELECT d.id, d.text, s.name, s.domain, d.published_at, d.retrieved_at, d.title FROM documents d "
            "LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = ?",
            [document_id],
        ).fetchone()
        return Copy(row[0], row[1], row[2], row[3], _dt(row[4]), _dt(row[5]), row[6])

    def make_copy(self, document_id: str, original_id: str) -> None:
        """`document_id` (and its own copies) become copies of `original_id`, inside the caller's transaction; the
        caller clears its facts (`store.facts.clear_facts`): a copy is counted with its original, never extracted."""
        self.db.execute(
            "UPDATE documents SET duplicate_of = ? WHERE (id = ? OR duplicate_of = ?) AND id != ?",
            [original_id, document_id, document_id, original_id],
        )

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
            self.db.table("sources").upsert(source.model_dump(), pk="id")
        row = doc.model_dump()
        row["published_at"] = _iso(doc.published_at)
        row["retrieved_at"] = iso_utc(doc.retrieved_at)
        self.db.table("documents").insert(row, pk="id")
        self.db.table("document_bands").insert_all(
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
        # Ids are lowercase hex; SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so lowercase here.
        pattern = doc_id.lower().replace("\\", "").replace("%", "").replace("_", "") + "%"
        rows = self.db.query("SELECT * FROM documents WHERE id LIKE ? ORDER BY id LIMIT ?", [pattern, limit])
        return [document_from_row(r) for r in rows]

    def iter_documents(self, include_duplicates: bool = True) -> Iterator[Document]:
        where = "" if include_duplicates else "WHERE duplicate_of IS NULL"
        for row in self.db.query(f"SELECT * FROM documents {where} ORDER BY published_at, id"):
            yield document_from_row(row)

    def document_count(self) -> int:
        return int(self.db.table("documents").count)

    def stats(self) -> dict[str, int]:
        tables = ["documents", "sources", "entities", "aliases", "mentions", "events", "claims", "disputes"]
        out = {t: int(self.db.table(t).count) for t in tables}
        out["duplicates"] = int(self.db.table("documents").count_where("duplicate_of IS NOT NULL"))
        return out

    def sources(self) -> list[Row]:
        return list(
            self.db.query(
                "SELECT s.id, s.name, s.domain, COUNT(d.id) AS documents, "
                "COUNT(d.duplicate_of) AS duplicates, MIN(d.published_at) AS first, "
                "MAX(d.published_at) AS last FROM sources s LEFT JOIN documents d ON d.source_id = s.id "
                "GROUP BY s.id ORDER BY documents DESC, s.name"
            )
        )


def document_from_row(row: Row) -> Document:
    # Columns a row lacks (NULL) fall back to the model's defaults.
    return Document.model_validate({k: v for k, v in row.items() if v is not None})


def url_known(store: DocumentQueries, url: str) -> bool:
    """Whether a document with this URL is stored (feed polling skips entries it already has)."""
    return store.db.execute("SELECT 1 FROM documents WHERE url = ? LIMIT 1", [url]).fetchone() is not None


def copies_of(store: DocumentQueries, document_ids: list[str]) -> dict[str, list[str]]:
    """Outlets that republished each document (syndicated copies), to show but not count as independent."""
    if not document_ids:
        return {}
    marks = ",".join("?" * len(document_ids))
    out: dict[str, list[str]] = {}
    for row in store.db.query(
        f"SELECT d.duplicate_of, COALESCE(s.name, d.source_id) AS outlet FROM documents d "
        f"LEFT JOIN sources s ON s.id = d.source_id WHERE d.duplicate_of IS NOT NULL AND d.duplicate_of IN ({marks})",
        document_ids,
    ):
        out.setdefault(row["duplicate_of"], []).append(row["outlet"] or "unknown outlet")
    return out


def document_summary(store: DocumentQueries, document_id: str) -> dict[str, Any]:
    """What was found in one document, for the confirmation after `add`."""
    db = store.db
    doc = db.execute(
        "SELECT d.title, d.published_at, COALESCE(s.name, d.source_id) FROM documents d "
        "LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = ?",
        [document_id],
    ).fetchone()

    def count(sql: str) -> int:
        return int(db.execute(sql, [document_id]).fetchone()[0])

    names = [
        r[0]
        for r in db.execute(
            "SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? "
            "AND e.type IN ('PERSON', 'ORG') GROUP BY e.id ORDER BY COUNT(*) DESC",
            [document_id],
        )
    ]
    return {
        "title": doc[0] if doc else None,
        "date": (doc[1] or "")[:10] or None if doc else None,
        "outlet": doc[2] if doc else None,
        "claims": count("SELECT COUNT(*) FROM claims WHERE document_id = ?"),
        "events": count("SELECT COUNT(*) FROM events WHERE document_id = ?"),
        "disputes": count(
            "SELECT COUNT(*) FROM disputes WHERE other_claim_id IN (SELECT id FROM claims WHERE document_id = ?)"
        ),
        "entities": names,
    }


def text_windows(store: DocumentQueries, spans: list[tuple[str, int, int]]) -> list[str | None]:
    """The stored text of each (document id, start, end) slice, in order (None where the document is gone): the
    sentence around a cited span, which a summary line may quote whole. One statement per 200 slices (SQLite
    allows 500 terms in a compound SELECT)."""
    if not spans:
        return []
    found: dict[int, str] = {}
    for first in range(0, len(spans), WINDOWS_PER_STATEMENT):
        parts, params = [], []
        for k, (doc, start, end) in enumerate(spans[first : first + WINDOWS_PER_STATEMENT], first):
            parts.append(
                "SELECT CAST(? AS INTEGER) AS k, substr(text, CAST(? AS INTEGER), CAST(? AS INTEGER)) AS w "
                "FROM documents WHERE id = ?"
            )
            params += [k, start + 1, max(0, end - start), doc]
        found.update((row["k"], row["w"]) for row in store.db.query(" UNION ALL ".join(parts), params))
    return [found.get(k) for k in range(len(spans))]
