"""`/brief …`: acknowledge at once, queue the work durably, answer through `response_url` on our pool."""

from __future__ import annotations

import hashlib
import logging

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.briefings import ResponseUrl
from bot.logs import logged
from bot.replies import after_answer, deliver_via_respond, responder, safe_work, user_timezone
from bot.router import route
from bot.slack.channels import posting_problem
from bot.slack.messages import note
from knowledge.workspace.work import WorkItem

log = logging.getLogger(__name__)
KIND = "command"


def register(app: App) -> None:
    app.command("/brief")(handle_brief)


REQUIRED = ("team_id", "user_id", "channel_id", "response_url")


def handle_brief(ack: Ack, command: dict, context: BoltContext, client: WebClient) -> None:
    missing = [k for k in REQUIRED if not command.get(k)]
    if missing:
        # Slack always sends these; a request without them is not one retrying could fix
        ack(f"This request is missing {', '.join(missing)}; it did not come from a Slack slash command.")
        log.warning("/brief without %s", ", ".join(missing))
        return
    ack()
    payload = {k: command.get(k) or "" for k in ("text", *REQUIRED)}
    # a response_url is issued for one invocation: the natural id of this piece of work
    work_id = "command-" + hashlib.sha256(payload["response_url"].encode()).hexdigest()[:24]
    context["deps"].inflight.submit(WorkItem(work_id, KIND, payload), client)


def answer(deps, client: WebClient, item: WorkItem) -> None:
    """The answer to one `/brief`, from its queued payload: here after the ack, or in another process that took
    the work over from one that died."""
    cmd = item.payload
    text = cmd["text"]
    respond = responder(None, client, cmd, deps.slack_retries)

    def work() -> None:
        store = deps.stores.get()
        subscribing = text.lower().startswith(("subscribe", "follow"))
        problem = posting_problem(client, cmd["channel_id"]) if subscribing else None
        if problem:
            deliver_via_respond(respond, note(problem))
            return
        tz = user_timezone(client, cmd["user_id"]) if subscribing else None
        # a briefing is posted by whoever composes it: a compose process, off this process's interpreter lock
        to = ResponseUrl(cmd["response_url"], client.timeout, deps.slack_retries)
        reply = route(store, text, cmd["team_id"], cmd["user_id"], cmd["channel_id"], deps, tz, respond_to=to)
        if not reply.delivered:
            deliver_via_respond(respond, reply)
        if reply.topic and not reply.recorded:  # recorded by whoever posted it, when that was a compose process
            from knowledge.workspace.activity import log_briefing

            topic = reply.topic
            after_answer(
                deps.stores, lambda: log_briefing(store, cmd["team_id"], cmd["user_id"], cmd["channel_id"], text, topic)
            )

    fields = {"team": cmd["team_id"], "channel": cmd["channel_id"], "topic": " ".join(text.split())[:80]}
    safe_work(logged(work, "command", **fields), respond, stores=deps.stores)
