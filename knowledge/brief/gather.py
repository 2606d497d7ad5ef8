"""Reading what a briefing needs from the store, with every citation re-verified on the way out.

Verification happens in SQL (`substr` of the stored text at the stored offsets must equal the stored quote), so a
row whose offsets drifted is dropped without loading whole documents into Python. All queries are indexed and
bounded, so composing stays fast on a store of millions of claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from knowledge.brief.query import Query
from knowledge.models import iso_utc
from knowledge.store import Store

MAX_ROWS = 80  # newest rows per source of lines; far more than a screen, bounded for speed

_DOC_COLS = "d.id AS document_id, d.url, d.title, d.published_at, d.source_id, COALESCE(s.name, d.source_id) AS outlet"


# A claim row with its document, outlet, speaker name, about-entities and the stored text at its offsets
# ("actual"), which must equal the stored quote for the claim to be shown.
_CLAIM_SELECT = (
    f"SELECT x.*, {_DOC_COLS}, substr(d.text, x.start + 1, x.end - x.start) AS actual, "
    "COALESCE(ent.name, x.speaker) AS speaker_name, "
    "(SELECT group_concat(a.entity_id, '|') FROM claim_about a WHERE a.claim_id = x.id) AS about_ids "
    "FROM claims x JOIN documents d ON d.id = x.document_id LEFT JOIN sources s ON s.id = d.source_id "
    "LEFT JOIN entities ent ON ent.id = x.speaker_entity_id"
)


@dataclass
class Scope:
    """Where rows may come from: a time window and a set of outlets, as SQL with parameters."""

    sql: str = ""
    params: dict = field(default_factory=dict)


# How `from:outlet` picks sources: part of the name, the domain or the id (`:outlet` is "%typed%", lowercased).
_OUTLET_MATCH = "lower(name) LIKE :outlet OR lower(COALESCE(domain, '')) LIKE :outlet OR id LIKE :outlet"


def scope_for(query: Query) -> Scope:
    clauses, params = [], {}
    if query.since:
        clauses.append("x.sort_date >= :since")
        params["since"] = query.since.isoformat()
    if query.outlet:
        clauses.append(f"d.source_id IN (SELECT id FROM sources WHERE {_OUTLET_MATCH})")
        params["outlet"] = f"%{query.outlet.lower()}%"
    if query.ingested_after:
        clauses.append("d.retrieved_at > :ingested_after")
        params["ingested_after"] = iso_utc(query.ingested_after)
    if query.ingested_before:
        clauses.append("d.retrieved_at <= :ingested_before")
        params["ingested_before"] = iso_utc(query.ingested_before)
    return Scope(" AND ".join(f"({c})" for c in clauses), params)


def outlet_known(store: Store, outlet: str) -> bool:
    """Whether `from:outlet` matches any stored source, by the same rule the filter uses."""
    return (
        store.db.execute(
            f"SELECT 1 FROM sources WHERE {_OUTLET_MATCH} LIMIT 1", {"outlet": f"%{outlet.lower()}%"}
        ).fetchone()
        is not None
    )


def _and(scope: Scope) -> str:
    return f" AND {scope.sql}" if scope.sql else ""


def event_rows(store: Store, entity_id: str | None, text: str | None, scope: Scope) -> list[dict]:
    if entity_id:
        ids_sql = (
            f"SELECT event_id FROM (SELECT event_id FROM event_actors WHERE entity_id = :e "
            f"ORDER BY sort_date DESC LIMIT {MAX_ROWS}) UNION SELECT id FROM (SELECT id FROM events "
            f"WHERE place_id = :e ORDER BY sort_date DESC LIMIT {MAX_ROWS})"
        )
        params: dict = {"e": entity_id}
    else:
        ids_sql = "SELECT x.id FROM events x WHERE instr(lower(x.quote), :t) > 0"
        params = {"t": (text or "").lower()}
    where_scope = _and(scope)
    params.update(scope.params)
    sql = (
        f"SELECT x.*, {_DOC_COLS}, substr(d.text, x.start + 1, x.end - x.start) AS actual, "
        "(SELECT group_concat(a.entity_id, '|') FROM event_actors a WHERE a.event_id = x.id) AS actor_ids "
        f"FROM events x JOIN documents d ON d.id = x.document_id LEFT JOIN sources s ON s.id = d.source_id "
        f"WHERE x.id IN ({ids_sql}){where_scope} ORDER BY x.sort_date IS NULL, x.sort_date DESC LIMIT {MAX_ROWS}"
    )
    return list(store.db.query(sql, params))


def claim_rows(store: Store, entity_id: str | None, text: str | None, scope: Scope) -> list[dict]:
    params: dict = {}
    if entity_id:
        ids_sql = (
            f"SELECT id FROM (SELECT id FROM claims WHERE speaker_entity_id = :e ORDER BY sort_date DESC "
            f"LIMIT {MAX_ROWS}) UNION SELECT claim_id FROM (SELECT claim_id FROM claim_about WHERE entity_id = :e "
            f"ORDER BY sort_date DESC LIMIT {MAX_ROWS})"
        )
        params["e"] = entity_id
    else:
        ids_sql = "SELECT c.id FROM claims_fts f JOIN claims c ON c.rowid = f.rowid WHERE claims_fts MATCH :t"
        params["t"] = '"' + (text or "").replace('"', " ") + '"'
    params.update(scope.params)
    sql = (
        f"{_CLAIM_SELECT} WHERE x.id IN ({ids_sql}){_and(scope)} "
        f"ORDER BY x.sort_date IS NULL, x.sort_date DESC LIMIT {MAX_ROWS}"
    )
    return list(store.db.query(sql, params))


def dispute_rows(store: Store, claim_ids: list[str]) -> list[dict]:
    if not claim_ids:
        return []
    marks = ",".join("?" * len(claim_ids))
    return list(
        store.db.query(
            f"SELECT claim_id, other_claim_id, kind, score FROM disputes WHERE claim_id IN ({marks}) "
            f"OR other_claim_id IN ({marks})",
            claim_ids + claim_ids,
        )
    )


def claims_by_id(store: Store, ids: list[str]) -> list[dict]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return list(store.db.query(f"{_CLAIM_SELECT} WHERE x.id IN ({marks})", ids))


def copies_of(store: Store, document_ids: list[str]) -> dict[str, list[str]]:
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


def identity_citation(store: Store, entity_id: str, roles: list[str]) -> tuple[dict | None, str | None]:
    """Where a source describes the entity with one of `roles`, as (citation row, role); before the name
    ("Belarusian leader Alexander Lukashenko") or after it ("Keith Kellogg, Trump's special envoy, ...").
    Failing that, a place that simply names it, with no role."""
    rows = store.db.query(
        "SELECT m.start, m.end, m.text, " + _DOC_COLS + ", d.text AS body FROM mentions m "
        "JOIN documents d ON d.id = m.document_id LEFT JOIN sources s ON s.id = d.source_id "
        "WHERE m.entity_id = ? LIMIT 60",  # any 60 mentions, straight from the index: a role rarely changes
        [entity_id],
    )
    fallback = None
    for row in rows:
        body = row.pop("body")
        for role in roles:
            before = body.find(role, max(0, row["start"] - len(role) - 40), row["end"])
            after = body.find(role, row["end"], row["end"] + len(role) + 12)
            if before >= 0:
                start, end = before, row["end"]
            elif after >= 0:
                start, end = row["start"], after + len(role)
            else:
                continue
            if "\n" in body[start:end]:
                continue  # a role in a headline above is not a description of this mention
            return {**row, "start": start, "end": end, "quote": body[start:end], "actual": body[start:end]}, role
        if fallback is None and body[row["start"] : row["end"]] == row["text"]:
            fallback = {**row, "quote": row["text"], "actual": row["text"]}
    return fallback, None


def date_of(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
