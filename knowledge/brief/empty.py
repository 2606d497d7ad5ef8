"""Why a briefing came out empty, in one line the reader can act on (a filter past the newest stored item, or a
topic with nothing extracted about it yet), instead of a bare "nothing matches"."""

from __future__ import annotations

from knowledge.brief import gather
from knowledge.brief.query import Query
from knowledge.store import Store


def _day(value: object) -> str:
    return f"{value:%-d %b %Y}"


def why_empty(store: Store, query: Query, entity_id: str | None, topic: str, shown: int) -> str | None:
    """None when the briefing `shown` any cited line; else looks once more without the filters, for the newest
    stored item, and says why nothing matched."""
    if shown:
        return None
    everything = gather.scope_for(Query(topic=query.topic))
    rows = gather.event_rows(store, entity_id, query.topic, everything)
    rows += gather.claim_rows(store, entity_id, query.topic, everything)
    newest = max((d for d in (gather.date_of(r.get("sort_date")) for r in rows) if d), default=None)
    if not rows:
        return f"No events or claims about {topic} have been extracted from the stored articles yet."
    if query.since and newest and newest < query.since:
        return (
            f"Nothing about {topic} since {_day(query.since)}: the newest stored item is from {_day(newest)}. "
            f"Try since:{newest.replace(day=1).isoformat()}, or leave out since:."
        )
    if query.outlet:
        latest = f" (the newest, from any outlet, is from {_day(newest)})" if newest else ""
        return f"No events or claims about {topic} from {query.outlet} match these filters{latest}."
    return "No events or claims match these filters" + (
        f"; the newest stored item is from {_day(newest)}." if newest else "."
    )
