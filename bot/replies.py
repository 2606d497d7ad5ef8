"""Sending replies: through response_url (commands, buttons) or chat.postMessage in a thread (mentions, DMs).

Anything that fails after the ack still tells the user, briefly, and the details go to the log (never tokens).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.delivery import DeliveryFailed, post_message, post_response, webhook
from bot.slack.messages import Reply, note, without_images
from knowledge.store.threads import ThreadStores

log = logging.getLogger("briefbot.bot")
SORRY = "Sorry — briefbot ran into a problem answering that. Please try again in a minute."
UNREACHABLE = "The briefing store is unreachable right now, so briefbot cannot answer. Please try again in a minute."


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
        bare = without_images(msg)
        for attempt in (msg, bare):
            if attempt is None:
                break
            try:
                resp = respond(
                    text=attempt.get("text", ""),
                    blocks=attempt.get("blocks"),
                    response_type="ephemeral" if reply.ephemeral else "in_channel",
                    replace_original=replace_original and i == 0,
                )
            except DeliveryFailed as exc:  # our response_url client (`responder`) raises where Bolt's returns
                if attempt is bare or bare is None or not _refused_blocks(exc):
                    raise
                log.warning("Slack refused a reply (%s): sending it again without its chart", exc.reason)
                continue
            if getattr(resp, "status_code", 200) < 400:
                break
            log.warning("Slack refused a reply (%s): sending it again without its chart", getattr(resp, "body", ""))


def url_responder(url: str, timeout: float, retries: int = 3):
    """`respond(text=…, blocks=…, response_type=…, replace_original=…)` posting to one response_url through a
    webhook client that retries (`bot.delivery`); needs no token, so a compose process can answer with it too.

    The client is made on the first post: a `/brief` keeps a responder for the answers its serving process may
    still have to give (a usage note, "Sorry"), while its briefing is posted by the compose process, and making
    one (reading proxy settings, a user agent, retry handlers) was ~15 % of what the serving process spent
    answering a `/brief` after the ack (cProfile, `benchmarks/serve.py --profile`)."""
    hooks: list[WebhookClient] = []

    def via_url(text: str = "", blocks=None, response_type: str = "ephemeral", replace_original=None, **_) -> None:
        message: dict = {"text": text, "response_type": response_type}
        if blocks:
            message["blocks"] = blocks
        if replace_original is not None:
            message["replace_original"] = replace_original
        if not hooks:
            hooks.append(webhook(url, timeout, retries))
        post_response(hooks[0], message)

    return via_url


def responder(respond, client: WebClient, body: dict, retries: int = 3):
    """What to answer with: the payload's response_url, through a webhook client that retries (5xx, 429,
    connection errors and timeouts; `bot.delivery`) and raises `DeliveryFailed` instead of returning an HTTP 500
    nobody reads. Without a response_url (App Home, a modal: Bolt's `respond` raises there), the same answer as a
    chat message: ephemeral to the clicker (in the channel for `in_channel`), or, with no channel to post in,
    nothing but a log line."""
    url = body.get("response_url")
    if url:
        return url_responder(url, client.timeout, retries)
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    user = (body.get("user") or {}).get("id")

    def fallback(text: str = "", blocks=None, response_type: str = "ephemeral", **_) -> None:
        if not channel or not user:
            log.warning("no response_url and no channel to answer in (%s): answer dropped", body.get("type"))
        elif response_type == "in_channel":
            post_message(client, channel, text, blocks=blocks, retries=retries)
        else:
            client.chat_postEphemeral(channel=channel, user=user, text=text, blocks=blocks)

    return fallback


def deliver_in_thread(
    client: WebClient,
    channel: str,
    thread_ts: str | None,
    reply: Reply,
    retries: int = 3,
    marker: str | None = None,
    resumed: bool = False,
) -> None:
    """Each part once (`post_message`); a part that fails for good ends the answer (`DeliveryFailed`). With a
    `marker` each part is marked `<marker>-<n>`, and a `resumed` answer (work taken over from a process that
    died) first asks Slack which parts it already has. A part whose chart Slack refuses goes out without it."""
    for i, msg in enumerate(reply.messages):

        def send(m: dict, part: str | None = f"{marker}-{i}" if marker else None) -> str:
            return post_message(
                client,
                channel,
                m.get("text", ""),
                thread_ts=thread_ts,
                blocks=m.get("blocks"),
                marker=part,
                check_first=resumed,
                retries=retries,
                unfurl_links=False,
                unfurl_media=False,
            )

        post_or_without_images(send, msg)


def post_or_without_images(post: Callable[[dict], object], msg: dict) -> object:
    """`post(msg)`; when Slack refuses its blocks and it has an image (a chart Slack could not download), once
    more without the image, so the words still arrive."""
    try:
        return post(msg)
    except (SlackApiError, DeliveryFailed) as exc:
        bare = without_images(msg)
        if bare is None or not _refused_blocks(exc):
            raise
        log.warning("Slack refused a message with a chart (invalid_blocks): sending it without the chart")
        return post(bare)


def _refused_blocks(exc: SlackApiError | DeliveryFailed) -> bool:
    """Slack refused the message's blocks (`invalid_blocks`), as it does when it cannot download an image."""
    if isinstance(exc, DeliveryFailed):
        return "invalid_blocks" in exc.reason
    return exc.response.get("error") == "invalid_blocks"


def safe_work(
    work: Callable[[], None],
    respond=None,
    client: WebClient | None = None,
    channel: str | None = None,
    thread_ts: str | None = None,
    stores: ThreadStores | None = None,
) -> None:
    """Run `work`; if it fails, tell the user briefly. A store that cannot be reached is the store's state, not a
    bug: the user is told to try again in a minute and the outage is logged once (`stores.report`), with no
    traceback per request. A Slack call that failed for good (after its retries) was logged where it failed and
    is not followed by a "Sorry": never an answer followed by "Sorry", nor a second failing call."""
    try:
        work()
    except DeliveryFailed:
        return  # logged where it failed; Slack refused the answer, and would refuse a "Sorry" just the same
    except Exception as exc:
        if stores is not None and stores.report(exc):
            text = UNREACHABLE
        else:
            log.exception("briefbot failed while answering")
            text = SORRY
    else:
        return
    try:
        if respond is not None:
            respond(text=text, response_type="ephemeral", replace_original=False)
        elif client is not None and channel:
            post_message(client, channel, text, thread_ts=thread_ts)
    except DeliveryFailed:
        pass  # logged where it failed
    except Exception:
        log.exception("could not tell the user about the failure")


def after_answer(stores: ThreadStores, action: Callable[[], None]) -> None:
    """Bookkeeping once the answer is out (the App Home's recent briefings): a failure here is logged (once per
    outage when the store is unreachable) and never reaches the user, who already has the answer."""
    try:
        action()
    except Exception as exc:
        if not stores.report(exc):
            log.exception("could not record an answered briefing")


def user_timezone(client: WebClient, user_id: str) -> str | None:
    try:
        return client.users_info(user=user_id)["user"].get("tz")
    except (SlackApiError, KeyError, TypeError):
        return None
