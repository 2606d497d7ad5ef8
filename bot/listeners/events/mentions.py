"""`@briefbot kellogg` in a channel and a direct message to the bot: answered in a thread, like `/brief`."""

from __future__ import annotations

import logging
import re

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.logs import logged
from bot.replies import deliver_in_thread, safe_work
from bot.router import route

_MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")
log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.event("app_mention")(handle_mention)
    app.event("message")(handle_direct_message)


def _answer(event: dict, context: BoltContext, client: WebClient) -> None:
    deps = context["deps"]
    text, channel = event.get("text") or "", event.get("channel")
    if not isinstance(text, str) or not isinstance(channel, str) or not channel:
        # the payload check at the edge refuses these; without it, this is no question to answer
        log.warning("%s without text or channel: not answered", event.get("type"))
        return
    text = _MENTION.sub(" ", text).strip()
    thread_ts = event.get("thread_ts") or event.get("ts")
    team = context.team_id or event.get("team") or ""

    def work() -> None:
        store = deps.stores.get()
        reply = route(store, text, team, event.get("user") or "", channel, deps)
        deliver_in_thread(client, channel, thread_ts, reply)
        if reply.topic:
            from knowledge.workspace.activity import log_briefing

            log_briefing(store, team, event.get("user") or "", channel, text, reply.topic)

    kind = "dm" if event.get("channel_type") == "im" else "mention"
    answer = logged(work, kind, team=team, channel=channel, topic=" ".join(text.split())[:80])
    deps.work.submit(safe_work, answer, None, client, channel, thread_ts)


def handle_mention(event: dict, context: BoltContext, client: WebClient) -> None:
    _answer(event, context, client)


def handle_direct_message(event: dict, context: BoltContext, client: WebClient) -> None:
    # Edits, joins and the bot's own messages are not questions.
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    _answer(event, context, client)
