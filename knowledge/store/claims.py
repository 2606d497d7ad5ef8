"""Claims, the entities they are about, and disputes between them: written by extraction, read for briefings.

Briefing reads carry `actual` (the stored text at the claim's offsets, which must equal its quote) and the
speaker's entity name. Dialect-specific: the full-text phrase match of `claim_rows` for free-text topics (FTS5
on SQLite, the tsvector GIN index on PostgreSQL) and `group_concat` / `string_agg`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

from knowledge.store import fulltext
from knowledge.store.scope import DOC_COLS, Scope, joined, max_rows

if TYPE_CHECKING:
    from knowledge.store.db import Store


class ClaimRow(TypedDict):
    id: str
    document_id: str
    speaker_entity_id: str | None
    speaker: str | None
    cue: str
    cue_lemma: str
    stance: str
    negated: int
    kind: str
    via: str | None
    parent_id: str | None
    start: int
    end: int
    quote: str
    context_start: int
    context_end: int
    sort_date: str | None
    fragments: str | None


class DisputeRow(TypedDict):
    claim_id: str
    other_claim_id: str
    kind: str
    score: float


# A claim row with its document, outlet, speaker name, about-entities and the stored text at its offsets
# ("actual"), which must equal the stored quote for the claim to be shown; "lead" is the text just before the
# quote (a summary reads ", saying that ..." differently from a denial's own object).
def _claim_select(store: Store) -> str:
    greatest, least = ("greatest", "least") if store.is_postgres else ("max", "min")
    return (
        f"SELECT x.*, {DOC_COLS}, substr(d.text, x.start + 1, x.end - x.start) AS actual, "
        f"substr(d.text, {greatest}(1, x.start - 29), {least}(30, x.start)) AS lead, "  # the words before the quote
        "COALESCE(ent.name, x.speaker) AS speaker_name, "
        f"(SELECT {joined(store, 'a.entity_id')} FROM claim_about a WHERE a.claim_id = x.id) AS about_ids "
        "FROM claims x JOIN documents d ON d.id = x.document_id LEFT JOIN sources s ON s.id = d.source_id "
        "LEFT JOIN entities ent ON ent.id = x.speaker_entity_id"
    )


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


# ---- writing ---------------------------------------------------------------------------------------------------


def insert_claim(store: Store, row: ClaimRow, about_ids: list[str]) -> None:
    """One claim and the entities it is about (each once), inside the caller's transaction."""
    store.db.table("claims").insert(dict(row))
    store.db.table("claim_about").insert_all(
        ({"claim_id": row["id"], "entity_id": a, "sort_date": row["sort_date"]} for a in dict.fromkeys(about_ids)),
        ignore=True,
    )


def set_parent(store: Store, claim_id: str, parent_id: str) -> None:
    store.db.table("claims").update(claim_id, {"parent_id": parent_id})


def insert_disputes(store: Store, rows: Iterable[DisputeRow]) -> None:
    """Disputes, each pair once: a pair already stored is kept as it is."""
    store.db.table("disputes").insert_all((dict(r) for r in rows), pk=("claim_id", "other_claim_id"), ignore=True)


def pairs_of_denial(store: Store, denial_id: str) -> list[dict[str, Any]]:
    """The claims a denial is paired with (claim id, score, the claim's document)."""
    return list(
        store.db.query(
            "SELECT d.claim_id, d.score, c.document_id FROM disputes d JOIN claims c ON c.id = d.claim_id "
            "WHERE d.other_claim_id = ?",
            [denial_id],
        )
    )


def unpair_denial(store: Store, denial_id: str) -> None:
    store.db.execute("DELETE FROM disputes WHERE other_claim_id = ?", [denial_id])


# ---- linking denials across documents --------------------------------------------------------------------------


def _link_rows(store: Store, where: str, params: list[Any]) -> list[dict[str, Any]]:
    return list(
        store.db.query(
            "SELECT c.id, c.document_id, c.speaker_entity_id, c.stance, c.cue_lemma, c.quote, c.start, c.end, "
            "c.parent_id, "
            f"(SELECT {joined(store, 'entity_id')} FROM claim_about a WHERE a.claim_id = c.id) AS about "
            f"FROM claims c WHERE {where}",
            params,
        )
    )


def claims_of_document(store: Store, document_id: str) -> list[dict[str, Any]]:
    """Id, speaker, stance, cue lemma, quote, span, parent and `about` ('|'-joined entity ids) of each claim of a
    document."""
    return _link_rows(store, "c.document_id = ?", [document_id])


def disputable_claims_about(
    store: Store, entity_id: str, exclude_document: str, not_disputable: Sequence[str], limit: int = 200
) -> list[dict[str, Any]]:
    """Claims in other documents about an entity whose stance can be denied (as `claims_of_document` rows)."""
    return _link_rows(
        store,
        f"c.document_id != ? AND c.stance NOT IN ({_marks(not_disputable)}) AND c.id IN "
        f"(SELECT claim_id FROM claim_about WHERE entity_id = ?) LIMIT {int(limit)}",
        [exclude_document, *not_disputable, entity_id],
    )


def denials_by(
    store: Store, speaker_ids: Sequence[str], exclude_document: str, limit: int = 200
) -> list[dict[str, Any]]:
    """Denials in other documents spoken by any of these entities (as `claims_of_document` rows)."""
    return _link_rows(
        store,
        f"c.document_id != ? AND c.stance = 'deny' AND c.speaker_entity_id IN ({_marks(speaker_ids)}) "
        f"LIMIT {int(limit)}",
        [exclude_document, *speaker_ids],
    )


# ---- reading for briefings -------------------------------------------------------------------------------------


def claim_rows(store: Store, entity_id: str | None, text: str | None, scope: Scope) -> list[dict[str, Any]]:
    """The newest claims an entity made or that are about it, or whose quote or speaker matches `text`."""
    params: dict[str, Any] = {}
    limit = max_rows()
    if entity_id:
        ids_sql = (
            f"SELECT id FROM (SELECT id FROM claims WHERE speaker_entity_id = :e ORDER BY sort_date DESC "
            f"LIMIT {limit}) AS spoken UNION SELECT claim_id FROM (SELECT claim_id FROM claim_about "
            f"WHERE entity_id = :e ORDER BY sort_date DESC LIMIT {limit}) AS about"
        )
        params["e"] = entity_id
    else:
        m = fulltext.match(store, "claims", "c", text or "", phrase=True, placeholder=":t")
        assert m is not None  # a phrase always makes a query
        ids_sql = f"SELECT c.id FROM {m.source} WHERE {m.where}"
        params["t"] = m.value
    params.update(scope.params)
    sql = (
        f"{_claim_select(store)} WHERE x.id IN ({ids_sql}){scope.and_sql()} "
        f"ORDER BY x.sort_date IS NULL, x.sort_date DESC, x.id LIMIT {limit}"
    )
    return list(store.db.query(sql, params))


def dispute_rows(store: Store, claim_ids: list[str]) -> list[dict[str, Any]]:
    if not claim_ids:
        return []
    marks = _marks(claim_ids)
    return list(
        store.db.query(
            f"SELECT claim_id, other_claim_id, kind, score FROM disputes WHERE claim_id IN ({marks}) "
            f"OR other_claim_id IN ({marks})",
            claim_ids + claim_ids,
        )
    )


def claims_by_id(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    return list(store.db.query(f"{_claim_select(store)} WHERE x.id IN ({_marks(ids)})", ids))


def claim_spans(store: Store, document_id: str) -> list[dict[str, Any]]:
    """Each stored claim of one document with where its content stands and who it names as speaker (the words,
    and the entity's name when resolved): what a benchmark matches against annotated claims."""
    return list(
        store.db.query(
            'SELECT c.id, c.speaker, e.name AS speaker_name, c.stance, c.start, c."end", c.quote, c.fragments FROM claims c '
            "LEFT JOIN entities e ON e.id = c.speaker_entity_id WHERE c.document_id = ? ORDER BY c.start",
            [document_id],
        )
    )
