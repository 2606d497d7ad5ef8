"""Full-text search, one seam for both backends: SQLite's FTS5 tables and PostgreSQL's `tsvector` GIN indexes.

A caller asks for a match on a table (as a typed-in phrase, or as an FTS5 expression such as `"kel"*`) and gets the
pieces of SQL to put in its own statement — where to read from, the condition, how to rank — and the value to bind.
Which backend answers is decided here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.store.postgres import fts5_to_tsquery, fts_document

if TYPE_CHECKING:
    from knowledge.store.db import Store


@dataclass(frozen=True)
class Match:
    """SQL pieces of one full-text condition on `table` read as `alias`; `value` is bound once to `placeholder`."""

    source: str  # for FROM: the table as `alias` (with its FTS5 index joined on SQLite)
    where: str  # the condition
    rank: str  # for ORDER BY: best match first
    value: str


def match(store: Store, table: str, alias: str, query: str, *, phrase: bool, placeholder: str = "?") -> Match | None:
    """`query` as a phrase of words (`phrase=True`) or as an FTS5 expression; None when it can match nothing."""
    if store.is_postgres:
        value = query if phrase else fts5_to_tsquery(query)
        if value is None:
            return None
        doc = fts_document(table, alias)
        parse = "phraseto_tsquery" if phrase else "to_tsquery"
        return Match(
            source=f"{table} {alias}, {parse}('simple', {placeholder}) q",
            where=f"{doc} @@ q",
            rank=f"ts_rank({doc}, q) DESC, {alias}.id",
            value=value,
        )
    return Match(
        source=f"{table}_fts f JOIN {table} {alias} ON {alias}.rowid = f.rowid",
        where=f"{table}_fts MATCH {placeholder}",
        rank=f"bm25({table}_fts)",
        value='"' + query.replace('"', " ") + '"' if phrase else query,
    )
