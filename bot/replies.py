"""Sending replies: through response_url (commands, buttons) or chat.postMessage in a thread (mentions, DMs).

Anything that fails after the ack still tells the user, briefly, and the details go to the log (never tokens).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.messages import Reply, note, without_images

log = logging.getLogger("briefbot.bot")
SORRY = "Sorry — briefbot ran into a problem answering that. Please try again in a minute."


MAX_RESPONSES = 5  # Slack accepts at most five posts to one response_url (within 30 minutes)


def deliver_via_respond(respond, reply: Reply, replace_original: bool = False) -> None:
    """A long answer keeps its first parts and says what was left out, rather than losing its tail silently to a
    sixth post Slack would reject."""
    messages = reply.messages
    if len(messages) > MAX_RESPONSES:
        left = len(messages) - (MAX_RESPONSES - 1)
        messages = (
            messages[: MAX_RESPONSES - 1]
            + note(
                f"…and {left} more parts not shown (Slack allows {MAX_RESPONSES} replies to one request). "
                "Narrow it with `since:7d` or `from:<outlet>`."
            ).messages
        )
    for i, msg in enumerate(messages):
        for attempt in (msg, without_images(msg)):
            if attempt is None:
                break
            resp = respond(
                text=attempt.get("text", ""),
                blocks=attempt.get("blocks"),
                response_type="ephemeral" if reply.ephemeral else "in_channel",
                replace_original=replace_original and i == 0,
            )
            if getattr(resp, "status_code", 200) < 400:
                break
            log.warning("Slack refused a reply (%s): sending it again without its chart", getattr(resp, "body", ""))


def responder(respond, client: WebClient, body: dict):
    """`respond` where the payload has a response_url; otherwise the same answer as a chat message: ephemeral to
    the clicker (in the channel for `in_channel`), or, with no channel to post in (App Home), nothing but a log line.
    A button in App Home or a modal carries no response_url, and Bolt's `respond` raises without one."""
    if body.get("response_url"):
        return respond
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    user = (body.get("user") or {}).get("id")

    def fallback(text: str = "", blocks=None, response_type: str = "ephemeral", **_) -> None:
        if not channel or not user:
            log.warning("no response_url and no channel to answer in (%s): answer dropped", body.get("type"))
        elif response_type == "in_channel":
            client.chat_postMessage(channel=channel, text=text, blocks=blocks)
        else:
            client.chat_postEphemeral(channel=channel, user=user, text=text, blocks=blocks)

    return fallback


def deliver_in_thread(client: WebClient, channel: str, thread_ts: str | None, reply: Reply) -> None:
    for msg in reply.messages:
        post_or_without_images(
            lambda m: client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=m.get("text", ""),
                blocks=m.get("blocks"),
                unfurl_links=False,
                unfurl_media=False,
            ),
            msg,
        )


def post_or_without_images(post: Callable[[dict], object], msg: dict) -> object:
    """`post(msg)`; when Slack refuses its blocks and it has an image (a chart Slack could not download), once
    more without the image, so the words still arrive."""
    try:
        return post(msg)
    except SlackApiError as exc:
        bare = without_images(msg)
        if bare is None or exc.response.get("error") != "invalid_blocks":
            raise
        log.warning("Slack refused a message with a chart (invalid_blocks): sending it without the chart")
        return post(bare)


def safe_work(
    work: Callable[[], None],
    respond=None,
    client: WebClient | None = None,
    channel: str | None = None,
    thread_ts: str | None = None,
) -> None:
    try:
        work()
    except Exception:
        log.exception("briefbot failed while answering")
        try:
            if respond is not None:
                respond(text=SORRY, response_type="ephemeral", replace_original=False)
            elif client is not None and channel:
                client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=SORRY)
        except Exception:
            log.exception("could not tell the user about the failure")


def user_timezone(client: WebClient, user_id: str) -> str | None:
    try:
        return client.users_info(user=user_id)["user"].get("tz")
    except (SlackApiError, KeyError, TypeError):
        return None
