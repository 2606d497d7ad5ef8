"""Entities and their mentions: created and enriched by cross-document resolution, looked up by topic resolution.

Dialect-specific: full-text lookups. SQLite matches FTS5 tables (ranked by bm25); PostgreSQL matches the same
columns' tsvector GIN indexes with the same prefix and phrase queries (ranked by ts_rank), translated from the
FTS5 text callers build by `postgres.fts5_to_tsquery`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict

from knowledge.store import fulltext
from knowledge.store.scope import DOC_COLS

if TYPE_CHECKING:
    from knowledge.store.db import Store


class EntityRow(TypedDict):
    id: str
    name: str
    name_key: str
    type: str
    descriptions: str  # JSON list of the roles sources gave it
    search_text: str


class MentionRow(TypedDict):
    entity_id: str
    document_id: str
    start: int
    end: int
    text: str


class CandidateRow(NamedTuple):
    """One topic candidate: name, type, descriptions (JSON), its aliases and a capped mention count."""

    entity_id: str
    name: str
    type: str
    descriptions: str | None
    aliases: list[str]
    mentions: int


def get_entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    rows = list(store.db.query("SELECT * FROM entities WHERE id = ?", [entity_id]))
    return rows[0] if rows else None


def entity_by_key(store: Store, key: str, type_: str | None = None) -> str | None:
    """The first entity with this name key (and type, when given)."""
    if type_ is None:
        row = store.db.execute("SELECT id FROM entities WHERE name_key = ? LIMIT 1", [key]).fetchone()
    else:
        row = store.db.execute(
            "SELECT id FROM entities WHERE name_key = ? AND type = ? LIMIT 1", [key, type_]
        ).fetchone()
    return str(row[0]) if row else None


def fuzzy_entities(store: Store, fts_term: str, type_: str, limit: int = 50) -> list[tuple[str, str]]:
    """(id, name) of entities of a type whose search text matches a full-text prefix term."""
    m = fulltext.match(store, "entities", "e", fts_term, phrase=False)
    if m is None:
        return []
    rows = store.db.execute(
        f"SELECT e.id, e.name FROM {m.source} WHERE {m.where} AND e.type = ? LIMIT {int(limit)}", [m.value, type_]
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def create_entity(store: Store, row: EntityRow) -> None:
    """Insert an entity unless its id exists; aliases waiting for this name (by target) now point at it."""
    store.db.table("entities").insert(dict(row), pk="id", ignore=True)
    store.db.execute(
        "UPDATE aliases SET entity_id = ? WHERE entity_id IS NULL AND target = ?", [row["id"], row["name"]]
    )


def update_entity(store: Store, entity_id: str, changes: dict[str, Any]) -> None:
    store.db.table("entities").update(entity_id, changes)


def entity_names(store: Store, ids: set[str], skip_type: str = "NORP") -> dict[str, str]:
    """Names by id, leaving out entities of `skip_type`."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        r[0]: r[1]
        for r in store.db.execute(
            f"SELECT id, name FROM entities WHERE id IN ({marks}) AND type != ?", [*ids, skip_type]
        )
    }


def people_names(store: Store, ids: set[str]) -> dict[str, str]:
    """Names of the people among `ids` (summary lines call them by surname)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    sql = f"SELECT id, name FROM entities WHERE id IN ({marks}) AND type = 'PERSON'"
    return {r[0]: r[1] for r in store.db.execute(sql, sorted(ids))}


def outlet_names(store: Store, limit: int = 500) -> list[str]:
    """Stored outlets' names: page furniture when entity recognition takes one for a topic candidate."""
    return [r[0] for r in store.db.execute(f"SELECT name FROM sources LIMIT {int(limit)}") if r[0]]


def entity_ids_matching(store: Store, match: str, limit: int = 40) -> list[str]:
    """Entity ids whose name or search text matches a full-text query, best (bm25) first."""
    m = fulltext.match(store, "entities", "e", match, phrase=False)
    if m is None:
        return []
    rows = store.db.execute(
        f"SELECT e.id FROM {m.source} WHERE {m.where} ORDER BY {m.rank} LIMIT {int(limit)}", [m.value]
    ).fetchall()
    return [r[0] for r in rows]


def entity_ids_by_key(store: Store, key: str, limit: int = 40) -> list[str]:
    rows = store.db.execute(f"SELECT id FROM entities WHERE name_key = ? LIMIT {int(limit)}", [key])
    return [r[0] for r in rows]


def candidates(store: Store, ids: Iterable[str], mention_cap: int = 1000) -> list[CandidateRow]:
    """One query for every candidate: name, aliases and a capped mention count (only "how prominent")."""
    ids = sorted(ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    aliases = "string_agg(alias, chr(31))" if store.is_postgres else "group_concat(alias, char(31))"
    rows = store.db.execute(
        f"SELECT e.id, e.name, e.type, e.descriptions, "
        f"(SELECT {aliases} FROM aliases a WHERE a.entity_id = e.id), "
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM mentions m WHERE m.entity_id = e.id LIMIT {int(mention_cap)}) AS m) "
        f"FROM entities e WHERE e.id IN ({marks})",
        ids,
    ).fetchall()
    return [
        CandidateRow(eid, name, type_, descriptions, aliases.split(chr(31)) if aliases else [], mentions)
        for eid, name, type_, descriptions, aliases, mentions in rows
    ]


def text_matches(store: Store, query: str) -> bool:
    """Whether any claim or document holds the phrase (full text); False when the phrase is no valid query."""
    for table in ("claims", "documents"):
        m = fulltext.match(store, table, "t", query, phrase=True)
        if m is None:
            return False
        try:
            if store.db.execute(f"SELECT 1 FROM {m.source} WHERE {m.where} LIMIT 1", [m.value]).fetchone():
                return True
        except Exception:
            if store.is_postgres:
                raise
            return False  # FTS5 refuses some phrases outright (a lone quote, a bare operator)
    return False


def insert_mentions(store: Store, rows: Iterable[MentionRow]) -> None:
    store.db.table("mentions").insert_all(dict(r) for r in rows)


def mention_contexts(store: Store, entity_id: str, limit: int = 60) -> list[dict[str, Any]]:
    """Mentions of an entity with their document's columns and whole text (`body`), straight from the index."""
    return list(
        store.db.query(
            "SELECT m.start, m.end, m.text, " + DOC_COLS + ", d.text AS body FROM mentions m "
            "JOIN documents d ON d.id = m.document_id LEFT JOIN sources s ON s.id = d.source_id "
            # Index order (entity, document, rowid), spelled out so both backends pick the same mentions.
            f"WHERE m.entity_id = ? ORDER BY m.document_id, m.id LIMIT {int(limit)}",
            [entity_id],
        )
    )


class CoverageRow(NamedTuple):
    entity_id: str
    name: str
    type: str
    documents: int


def most_covered(store: Store, types: tuple[str, ...] = ("PERSON", "ORG"), limit: int = 20) -> list[CoverageRow]:
    """The entities of `types` mentioned in the most documents (a corpus survey for benchmarks, not a briefing
    path: it scans every mention)."""
    marks = ",".join("?" * len(types))
    rows = store.db.execute(
        f"SELECT e.id, e.name, e.type, COUNT(DISTINCT m.document_id) AS n FROM entities e "
        f"JOIN mentions m ON m.entity_id = e.id WHERE e.type IN ({marks}) "
        f"GROUP BY e.id, e.name, e.type ORDER BY n DESC, e.name LIMIT {int(limit)}",
        list(types),
    ).fetchall()
    return [CoverageRow(eid, name, type_, n) for eid, name, type_, n in rows]


def mention_spans(store: Store, document_id: str) -> list[tuple[str, int, int]]:
    """(entity name, start, end) of every mention in one document."""
    rows = store.db.execute(
        'SELECT e.name, m.start, m."end" FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ?',
        [document_id],
    ).fetchall()
    return [(str(name), int(s), int(e)) for name, s, e in rows]
