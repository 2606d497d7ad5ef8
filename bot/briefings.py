"""A briefing asked for in Slack → the messages that answer it: one picklable job, one pure function.

Kept apart from the router so the same function runs in the serving process or in a compose worker process
(`bot.composer`), which imports only this and what composing needs.

A job may also say where its answer goes (`respond_to`, a slash command's response_url): then whoever composes
it posts it there too (`compose_and_deliver`). Posting is the larger part of what answering costs the serving
process (JSON of the blocks, an HTTP request, the retry machinery), and every millisecond of it there holds the
interpreter lock an acknowledgement waits for; in a compose process it does not. For the same reason the one
who posts a briefing also records it among the workspace's recent briefings (`AskedBy`): one store write less in
the serving process per `/brief`.
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
class ResponseUrl:
    """Where a slash command's answer is posted: Slack's response_url, the client timeout and retries to use."""

    url: str
    timeout: float
    retries: int


@dataclass(frozen=True)
class AskedBy:
    """Who asked for a briefing, where, and in which words: its line among the workspace's recent briefings (the
    App Home's), written by whoever posts the answer."""

    team_id: str
    user_id: str
    channel_id: str
    query: str  # as typed after `/brief`


@dataclass(frozen=True)
class BriefingJob:
    """What the user asked (`text`, as typed after `/brief`), and which view of the briefing answers it: the
    summary (a new `/brief`, a Follow or Share button), or the sources / details behind a summary's buttons."""

    view: View
    text: str
    entity_id: str | None = None  # a topic the user already disambiguated (a button on a briefing carries it)
    ephemeral: bool = True
    team_id: str | None = None  # the workspace, for its own aliases
    respond_to: ResponseUrl | None = None  # post the answer there as well (`compose_and_deliver`)
    asked_by: AskedBy | None = None  # and, once posted, record it among the recent briefings


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


def compose_and_deliver(store: Store, job: BriefingJob) -> Reply:
    """`answer_briefing`, and when the job names a response_url, the answer posted there: then only what the
    caller still needs comes back (the topic, to log it), marked `delivered`, not the messages; a briefing the job
    says who asked for is recorded among the recent briefings and marked `recorded`. A failed post raises
    `DeliveryFailed` (logged where it failed, `bot.delivery`)."""
    reply = answer_briefing(store, job)
    if job.respond_to is None:
        return reply
    from bot.replies import deliver_via_respond, url_responder

    to = job.respond_to
    deliver_via_respond(url_responder(to.url, to.timeout, to.retries), reply)
    recorded = job.asked_by is not None and reply.topic is not None and _record(store, job.asked_by, reply.topic)
    return Reply([], reply.ephemeral, reply.topic, delivered=True, recorded=recorded)


def _record(store: Store, asked: AskedBy, topic: str) -> bool:
    """Whether the briefing was recorded. A failure is not the user's (the answer is out) nor logged here: the
    caller, seeing it unrecorded, records it itself, and there an unreachable store is reported once per outage
    and any other error logged (`bot.replies.after_answer`)."""
    from knowledge.workspace.activity import log_briefing

    try:
        log_briefing(store, asked.team_id, asked.user_id, asked.channel_id, asked.query, topic)
    except Exception:
        return False
    return True
