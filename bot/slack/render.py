"""Every output format the front ends offer: the engine's text, markdown and JSON plus Slack's Block Kit.

`--format blocks` prints the list of Slack messages a briefing becomes, as JSON, so the CLI can show exactly what
the Slack app would post.
"""

from __future__ import annotations

import json

from bot.slack import blocks
from bot.slack.summary import summary_message
from knowledge.brief.model import BriefResult
from knowledge.render import FORMATS as TEXT_FORMATS
from knowledge.render import render as render_text_format

FORMATS = (*TEXT_FORMATS, "blocks")


def messages_for(result: BriefResult, full: bool = False) -> list[dict]:
    """The Slack messages of a briefing (its summary message, or with `full` the whole briefing), a question back
    (ambiguous) or an unknown topic."""
    if result.kind == "ambiguous":
        return [blocks.ambiguous_message(result)]
    if result.kind == "unknown":
        return [blocks.unknown_message(result)]
    if full or not result.summary:
        return blocks.briefing_messages(result)
    return [summary_message(result)]


def render(result: BriefResult, fmt: str = "text", full: bool = False) -> str:
    """`result` as a string in `fmt`; blocks → JSON list of Slack messages."""
    if fmt == "blocks":
        return json.dumps(messages_for(result, full), ensure_ascii=False, indent=2) + "\n"
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return render_text_format(result, fmt, full=full)
