"""The filters a briefing reads through (time window, outlets, ingestion window) as SQL shared by claims and events.

Also the columns every briefing row carries about its document and outlet, so claim and event rows look alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from knowledge.models import iso_utc
from knowledge.tuning import tuning

if TYPE_CHECKING:
    from knowledge.store.db import Store

DOC_COLS = "d.id AS document_id, d.url, d.title, d.published_at, d.source_id, COALESCE(s.name, d.source_id) AS outlet"

# How `from:outlet` picks sources: part of the name, the domain or the id (`:outlet` is "%typed%", lowercased).
_OUTLET_MATCH = "lower(name) LIKE :outlet OR lower(COALESCE(domain, '')) LIKE :outlet OR id LIKE :outlet"


def max_rows() -> int:
    """Newest rows read per source of lines (`Tuning.rows_per_source`), as an int safe to put in SQL."""
    return int(tuning().rows_per_source)


def joined(store: Store, column: str, sep: str = "|") -> str:
    """An aggregate joining a column's values with `sep` (SQLite's group_concat, PostgreSQL's string_agg)."""
    fn = "string_agg" if store.is_postgres else "group_concat"
    return f"{fn}({column}, '{sep}')"


@dataclass
class Scope:
    """Where rows may come from: a time window and a set of outlets, as SQL with parameters."""

    sql: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def and_sql(self) -> str:
        return f" AND {self.sql}" if self.sql else ""


def scope_for(
    since: date | None = None,
    outlet: str | None = None,
    ingested_after: datetime | None = None,
    ingested_before: datetime | None = None,
) -> Scope:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if since:
        clauses.append("x.sort_date >= :since")
        params["since"] = since.isoformat()
    if outlet:
        clauses.append(f"d.source_id IN (SELECT id FROM sources WHERE {_OUTLET_MATCH})")
        params["outlet"] = f"%{outlet.lower()}%"
    if ingested_after:
        clauses.append("d.retrieved_at > :ingested_after")
        params["ingested_after"] = iso_utc(ingested_after)
    if ingested_before:
        clauses.append("d.retrieved_at <= :ingested_before")
        params["ingested_before"] = iso_utc(ingested_before)
    return Scope(" AND ".join(f"({c})" for c in clauses), params)


def outlet_known(store: Store, outlet: str) -> bool:
    """Whether `from:outlet` matches any stored source, by the same rule the filter uses."""
    return (
        store.db.execute(
            f"SELECT 1 FROM sources WHERE {_OUTLET_MATCH} LIMIT 1", {"outlet": f"%{outlet.lower()}%"}
        ).fetchone()
        is not None
    )
