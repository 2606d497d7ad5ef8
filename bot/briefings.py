"""A briefing asked for in Slack → the messages that answer it: one picklable job, one pure function.

Kept apart from the router so the same function runs in the serving process or in a compose worker process
(`bot.composer`), which imports only this and what composing needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from bot.slack import blocks as kit
from bot.slack.messages import Reply
from bot.slack.summary import summary_message
from knowledge.store import Store

View = Literal["summary", "sources", "details"]
VIEWS: tuple[str, ...] = get_args(View)


@dataclass(frozen=True)
class BriefingJob:
    """What the user asked (`text`, as typed after `/brief`), and which view of the briefing answers it: the
    summary (a new `/brief`, a Follow or Share button), or the sources / details behind a summary's buttons."""

    view: View
    text: str
    entity_id: str | None = None  # a topic the user already disambiguated (a button on a briefing carries it)
    ephemeral: bool = True
    team_id: str | None = None  # the workspace, for its own aliases


def answer_briefing(store: Store, job: BriefingJob) -> Reply:
    from knowledge.brief.compose import compose
    from knowledge.brief.query import QueryError, parse_query

    if job.view not in VIEWS:
        raise ValueError(f"unknown view {job.view!r} (one of {', '.join(VIEWS)})")
    try:
        query = parse_query(job.text)
    except QueryError as exc:
        return Reply([kit.error_message(str(exc))])
    result = compose(store, query, entity_id=job.entity_id, team_id=job.team_id)
    if job.view != "summary":
        if result.kind != "briefing":
            return Reply([kit.error_message("That briefing no longer resolves to one topic; run it again.")])
        if job.view == "sources":
            return Reply(kit.sources_messages(result))
        # everything behind a summary: developments, disputes, claims with their quotes (no buttons: the summary
        # above has them)
        return Reply(kit.briefing_messages(result, actions=False))
    if result.kind == "ambiguous":
        return Reply([kit.ambiguous_message(result)])
    if result.kind == "unknown":
        return Reply([kit.unknown_message(result)])
    if not result.summary:  # nothing to summarize: the (short) briefing itself
        return Reply(kit.briefing_messages(result, ephemeral=job.ephemeral), topic=result.topic)
    return Reply([summary_message(result, ephemeral=job.ephemeral)], topic=result.topic)
