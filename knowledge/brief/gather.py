"""What a briefing reads, through the store's typed functions, with every citation re-verified on the way out.

Verification happens in the store's SQL (the stored text at the stored offsets must equal the stored quote), so a
row whose offsets drifted is dropped without loading whole documents into Python; all reads are indexed and
bounded, so composing stays fast on a store of millions of claims. What stays here is briefing logic: which
filters a query means and how a source's words describe an entity.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from knowledge.brief.query import Query
from knowledge.store import Store
from knowledge.store.claims import claim_rows, claims_by_id, dispute_rows
from knowledge.store.documents import copies_of
from knowledge.store.entities import mention_contexts
from knowledge.store.events import event_rows
from knowledge.store.scope import Scope, outlet_known
from knowledge.store.scope import scope_for as _scope_for

__all__ = [
    "Scope",
    "claim_rows",
    "claims_by_id",
    "copies_of",
    "date_of",
    "dispute_rows",
    "event_rows",
    "identity_citation",
    "outlet_known",
    "scope_for",
]


def scope_for(query: Query) -> Scope:
    return _scope_for(query.since, query.outlet, query.ingested_after, query.ingested_before)


def identity_citation(store: Store, entity_id: str, roles: list[str]) -> tuple[dict[str, Any] | None, str | None]:
    """Where a source describes the entity with one of `roles`, as (citation row, role); before the name
    ("Belarusian leader Alexander Lukashenko") or after it ("Keith Kellogg, Trump's special envoy, ...").
    Failing that, a place that simply names it, with no role."""
    rows = mention_contexts(store, entity_id, 60)  # any 60 mentions, straight from the index: a role rarely changes
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
