"""A reply as Slack messages (`Reply`) and the one-section note most commands answer with, within Slack's limits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_FALLBACK = 3000  # Slack's limit for a message's notification text


@dataclass
class Reply:
    messages: list[dict]
    ephemeral: bool = True
    topic: str | None = None  # set for briefings, to log them
    extra: dict = field(default_factory=dict)
    delivered: bool = False  # already posted where it answers (a compose process posted it: `bot.briefings`)
    recorded: bool = False  # already among the workspace's recent briefings (recorded by who posted it)


_PLACEHOLDER = re.compile(r"<([a-z][a-z _-]*)>")  # `<topic>` in a usage line; links and mentions never look so


def note(text: str) -> Reply:
    """A one-section reply built from our own words plus escaped user/stored text, cut to Slack's limits without
    splitting an escape such as `&amp;`. Placeholders in our usage lines (`<topic>`, `<url>`) are escaped: Slack
    reads any `<…>` as a link or mention, even inside backticks, and shows `<topic>` as a broken link."""
    text = _PLACEHOLDER.sub(r"&lt;\1&gt;", text)
    return Reply(
        [
            {
                "text": _cut(text, MAX_FALLBACK),
                "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": _cut(text, 2900)}}],
            }
        ]
    )


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return re.sub(r"&[a-z]{0,4}$", "", text[: limit - 1]) + "…"


def without_images(msg: dict) -> dict | None:
    """`msg` without its image blocks, or None when it has none. Slack refuses a whole message (`invalid_blocks`)
    when it cannot download an image (a public URL it cannot reach): the words must still go out."""
    blocks = msg.get("blocks") or []
    if not any(isinstance(b, dict) and b.get("type") == "image" for b in blocks):
        return None
    return {**msg, "blocks": [b for b in blocks if not (isinstance(b, dict) and b.get("type") == "image")]}
