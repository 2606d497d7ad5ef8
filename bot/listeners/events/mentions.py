"""`@briefbot kellogg` in a channel and a direct message to the bot: answered in a thread, like `/brief`."""

from __future__ import annotations

import hashlib
import logging
import re

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.logs import logged
from bot.replies import after_answer, deliver_in_thread, safe_work
from bot.router import route
from knowledge.workspace.work import WorkItem

_MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")
log = logging.getLogger(__name__)
KIND = "mention"


def register(app: App) -> None:
    app.event("app_mention")(handle_mention)
    app.event("message")(handle_direct_message)


def _answer(event: dict, context: BoltContext, client: WebClient) -> None:
    text, channel = event.get("text") or "", event.get("channel")
    if not isinstance(text, str) or not isinstance(channel, str) or not channel:
        # the payload check at the edge refuses these; without it, this is no question to answer
        log.warning("%s without text or channel: not answered", event.get("type"))
        return
    payload = {
        "text": _MENTION.sub(" ", text).strip(),
        "channel": channel,
        "thread_ts": event.get("thread_ts") or event.get("ts"),
        "team": context.team_id or event.get("team") or "",
        "user": event.get("user") or "",
        "channel_type": event.get("channel_type") or "",  # "im" for a direct message (its log line says "dm")
    }
    key = f"{channel}|{event.get('ts') or event.get('event_ts') or ''}|{text}"
    work_id = "mention-" + hashlib.sha256(key.encode()).hexdigest()[:24]
    context["deps"].inflight.submit(WorkItem(work_id, KIND, payload), client)


def answer(deps, client: WebClient, item: WorkItem) -> None:
    """The answer to one mention or DM, in its thread; each part carries a marker made from the work's id, so a
    process taking the work over posts only the parts Slack does not have yet."""
    m = item.payload

    def work() -> None:
        store = deps.stores.get()
        reply = route(store, m["text"], m["team"], m["user"], m["channel"], deps)
        deliver_in_thread(client, m["channel"], m["thread_ts"], reply, deps.slack_retries, item.id, item.attempts > 1)
        if reply.topic:
            from knowledge.workspace.activity import log_briefing

            topic = reply.topic
            after_answer(deps.stores, lambda: log_briefing(store, m["team"], m["user"], m["channel"], m["text"], topic))

    kind = "dm" if m.get("channel_type") == "im" else "mention"
    answer = logged(work, kind, team=m["team"], channel=m["channel"], topic=" ".join(m["text"].split())[:80])
    safe_work(answer, None, client, m["channel"], m["thread_ts"], stores=deps.stores)


def handle_mention(event: dict, context: BoltContext, client: WebClient) -> None:
    _answer(event, context, client)


def handle_direct_message(event: dict, context: BoltContext, client: WebClient) -> None:
    # Edits, joins and the bot's own messages are not questions.
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    _answer(event, context, client)
