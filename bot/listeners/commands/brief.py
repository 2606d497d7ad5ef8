"""`/brief …`: acknowledge at once, do the work on our pool, answer through `response_url`."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.logs import logged
from bot.replies import deliver_via_respond, safe_work, user_timezone
from bot.router import route
from bot.slack.channels import posting_problem
from bot.slack.messages import note

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.command("/brief")(handle_brief)


REQUIRED = ("team_id", "user_id", "channel_id", "response_url")


def handle_brief(ack: Ack, command: dict, respond: Respond, context: BoltContext, client: WebClient) -> None:
    missing = [k for k in REQUIRED if not command.get(k)]
    if missing:
        # Slack always sends these; a request without them is not one retrying could fix
        ack(f"This request is missing {', '.join(missing)}; it did not come from a Slack slash command.")
        log.warning("/brief without %s", ", ".join(missing))
        return
    ack()
    deps = context["deps"]
    text = command.get("text") or ""

    def work() -> None:
        store = deps.stores.get()
        subscribing = text.lower().startswith(("subscribe", "follow"))
        problem = posting_problem(client, command["channel_id"]) if subscribing else None
        if problem:
            deliver_via_respond(respond, note(problem))
            return
        tz = user_timezone(client, command["user_id"]) if subscribing else None
        reply = route(store, text, command["team_id"], command["user_id"], command["channel_id"], deps, tz)
        deliver_via_respond(respond, reply)
        if reply.topic:
            from knowledge.workspace.activity import log_briefing

            log_briefing(store, command["team_id"], command["user_id"], command["channel_id"], text, reply.topic)

    fields = {"team": command["team_id"], "channel": command["channel_id"], "topic": " ".join(text.split())[:80]}
    deps.work.submit(safe_work, logged(work, "command", **fields), respond)
