"""Whether the bot can post in a channel, asked before a subscription is made there rather than learned from the
first digest failing with `not_in_channel` a day later."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger("briefbot.bot")
INVITE = "Invite me with `/invite @briefbot`, then subscribe again."


def posting_problem(client: WebClient, channel_id: str) -> str | None:
    """A sentence saying why digests could not be posted in `channel_id`, or None when they can (or when Slack
    would not say: a failed check never blocks a subscription; the digest's own error handling still applies)."""
    if channel_id.startswith("D"):
        return None  # a direct message with the bot: always open to it
    try:
        channel = client.conversations_info(channel=channel_id).get("channel") or {}
    except SlackApiError as exc:
        error = exc.response.get("error") if exc.response is not None else None
        if error == "channel_not_found":
            return (
                f"I can't see this channel (a private channel I'm not in), so no digest could be posted here. {INVITE}"
            )
        log.warning("conversations.info %s: %s; subscribing without the check", channel_id, error)
        return None
    except OSError as exc:
        log.warning("conversations.info %s failed (%s); subscribing without the check", channel_id, exc)
        return None
    if channel.get("is_archived"):
        return "This channel is archived, so no digest could be posted here."
    if channel.get("is_member") is False:
        return f"I'm not a member of this channel, so no digest could be posted here. {INVITE}"
    return None
