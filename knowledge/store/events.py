"""Events and their actors: written per document by extraction, read per entity (newest first) for briefings.

Rows read for a briefing carry `actual`, the stored text at the event's offsets, which must equal its stored quote
for the event to be shown: verification in SQL, without loading whole documents.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypedDict

from knowledge.store.scope import DOC_COLS, Scope, joined, max_rows

if TYPE_CHECKING:
    from knowledge.store.db import Store


class EventRow(TypedDict):
    id: str
    document_id: str
    what: str
    trigger: str
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    date_text: str | None
    date_unresolved: int
    place_id: str | None
    place_text: str | None
    start: int
    end: int
    quote: str
    sort_date: str | None


def insert_event(store: Store, row: EventRow, actor_ids: list[str]) -> None:
    """One event and its actors (each once), inside the caller's transaction."""
    store.db.table("events").insert(dict(row))
    store.db.table("event_actors").insert_all(
        ({"event_id": row["id"], "entity_id": a, "sort_date": row["sort_date"]} for a in dict.fromkeys(actor_ids)),
        ignore=True,
    )


def event_rows(store: Store, entity_id: str | None, text: str | None, scope: Scope) -> list[dict[str, Any]]:
    """The newest events an entity took part in or that happened at it, or whose quote holds `text`."""
    limit = max_rows()
    if entity_id:
        ids_sql = (
            f"SELECT event_id FROM (SELECT event_id FROM event_actors WHERE entity_id = :e "
            f"ORDER BY sort_date DESC LIMIT {limit}) AS acted UNION SELECT id FROM (SELECT id FROM events "
            f"WHERE place_id = :e ORDER BY sort_date DESC LIMIT {limit}) AS placed"
        )
        params: dict[str, Any] = {"e": entity_id}
    elif store.is_postgres:
        # The same substring test as SQLite's instr, written as LIKE so the trigram index (m010) can serve it.
        ids_sql = r"SELECT x.id FROM events x WHERE lower(x.quote) LIKE :t ESCAPE '\'"
        needle = (text or "").lower().replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_")
        params = {"t": f"%{needle}%"}
    else:
        ids_sql = "SELECT x.id FROM events x WHERE instr(lower(x.quote), :t) > 0"
        params = {"t": (text or "").lower()}
    params.update(scope.params)
    sql = (
        f"SELECT x.*, {DOC_COLS}, substr(d.text, x.start + 1, x.end - x.start) AS actual, "
        f"(SELECT {joined(store, 'a.entity_id')} FROM event_actors a WHERE a.event_id = x.id) AS actor_ids "
        f"FROM events x JOIN documents d ON d.id = x.document_id LEFT JOIN sources s ON s.id = d.source_id "
        f"WHERE x.id IN ({ids_sql}){scope.and_sql()} ORDER BY x.sort_date IS NULL, x.sort_date DESC, x.id LIMIT {limit}"
    )
    rows = list(store.db.query(sql, params))
    if entity_id:
        return rows
    word = re.compile(rf"(?<!\w){re.escape((text or '').strip())}(?!\w)", re.I)  # "war" is not in "toward"
    return [r for r in rows if word.search(r["quote"] or "")]


def event_spans(store: Store, document_id: str) -> list[tuple[int, int]]:
    """Where each stored event of one document stands in its text."""
    rows = store.db.execute('SELECT start, "end" FROM events WHERE document_id = ?', [document_id]).fetchall()
    return [(int(s), int(e)) for s, e in rows]
