"""Buttons on briefings: Details, Sources, Follow, Share to channel, and the choices of an ambiguous topic.

Button values are JSON written by the renderer (`{"q": …, "entity_id": …}`); a value that does not parse is a
bad payload and gets a short answer rather than an exception. A button without a response_url (App Home, a modal)
is answered with a chat message instead (`responder`).
"""

from __future__ import annotations

import json
import re

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.logs import logged
from bot.replies import deliver_in_thread, deliver_via_respond, responder, safe_work, user_timezone
from bot.router import Reply, brief, details_reply, note, sources_reply
from bot.slack.channels import posting_problem


def register(app: App) -> None:
    app.action("brief_details")(handle_details)
    app.action("brief_sources")(handle_sources)
    app.action("brief_follow")(handle_follow)
    app.action("brief_share")(handle_share)
    app.action(re.compile(r"^brief_choose_\d+$"))(handle_choose)


def _value(body: dict) -> dict | None:
    try:
        value = json.loads(body["actions"][0]["value"])
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return value if isinstance(value, dict) and isinstance(value.get("q"), str) else None


def _ids(body: dict) -> tuple[str, str, str]:
    team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id") or ""
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or ""
    return team, (body.get("user") or {}).get("id") or "", channel


def _start(ack: Ack, body: dict, respond: Respond, context: BoltContext, work) -> None:
    ack()
    value = _value(body)
    deps = context["deps"]
    if value is None:
        deps.work.submit(
            safe_work, lambda: deliver_via_respond(respond, note("That button's data was not understood.")), respond
        )
        return
    team, _, channel = _ids(body)
    action = str(((body.get("actions") or [{}])[0] or {}).get("action_id") or "")
    fields = {"team": team, "channel": channel, "action": action[:40], "topic": value["q"][:80]}
    answer = logged(lambda: work(deps.stores.get(), value), "button", **fields)
    deps.work.submit(safe_work, answer, respond, stores=deps.stores)


def _under(body: dict, respond: Respond, client: WebClient, reply: Reply) -> None:
    """Under the message the button sits on: in its thread when it is a channel message everyone sees, else as a
    follow-up only the clicker sees (an ephemeral message has no thread)."""
    container = body.get("container") or {}
    if container.get("is_ephemeral") or not container.get("message_ts") or not container.get("channel_id"):
        deliver_via_respond(respond, reply)
    else:
        deliver_in_thread(client, container["channel_id"], container["message_ts"], reply)


def handle_sources(ack: Ack, body: dict, respond: Respond, context: BoltContext, client: WebClient) -> None:
    respond = responder(respond, client, body)

    def work(store, value) -> None:
        _under(body, respond, client, sources_reply(store, value["q"], value.get("entity_id"), context["deps"]))

    _start(ack, body, respond, context, work)


def handle_details(ack: Ack, body: dict, respond: Respond, context: BoltContext, client: WebClient) -> None:
    respond = responder(respond, client, body)

    def work(store, value) -> None:
        _under(body, respond, client, details_reply(store, value["q"], value.get("entity_id"), context["deps"]))

    _start(ack, body, respond, context, work)


def handle_follow(ack: Ack, body: dict, respond: Respond, context: BoltContext, client: WebClient) -> None:
    respond = responder(respond, client, body)
    team, user, channel = _ids(body)

    def work(store, value) -> None:
        from bot.router import subscribe
        from knowledge.brief.query import QueryError, parse_query

        problem = posting_problem(client, channel) if channel else None
        if problem:
            deliver_via_respond(respond, note(problem))
            return
        try:
            topic = parse_query(value["q"]).topic  # follow the topic, not the filters of one briefing
        except QueryError:
            topic = value["q"]
        reply = subscribe(
            store, topic, team, user, channel, user_timezone(client, user), entity_id=value.get("entity_id")
        )
        reply.ephemeral = True
        deliver_via_respond(respond, reply)

    _start(ack, body, respond, context, work)


def handle_share(ack: Ack, body: dict, respond: Respond, context: BoltContext, client: WebClient) -> None:
    respond = responder(respond, client, body)

    def work(store, value) -> None:
        reply = brief(store, value["q"], context["deps"], entity_id=value.get("entity_id"), ephemeral=False)
        # only a briefing goes to the channel; "nothing known", a question back or an error stays with the clicker
        reply.ephemeral = reply.topic is None
        deliver_via_respond(respond, reply)

    _start(ack, body, respond, context, work)


def handle_choose(ack: Ack, body: dict, respond: Respond, context: BoltContext, client: WebClient) -> None:
    respond = responder(respond, client, body)

    def work(store, value) -> None:
        reply: Reply = brief(store, value["q"], context["deps"], entity_id=value.get("entity_id"))
        deliver_via_respond(respond, reply, replace_original=True)

    _start(ack, body, respond, context, work)
