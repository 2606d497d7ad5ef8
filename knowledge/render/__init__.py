"""Renderers: one briefing model, many views (Slack Block Kit, terminal, markdown, JSON).

`render` is the single entry point for the CLI and tests; the Slack app calls `blocks` directly because it needs
the message list, not a string.
"""

from __future__ import annotations

import json

FORMATS = ("text", "markdown", "json", "blocks")


def render(result, fmt: str = "text") -> str:
    """`result` (Briefing | Ambiguous | Unknown) as a string in `fmt`; blocks → JSON list of Slack messages."""
    if fmt == "json":
        from knowledge.render.jsonview import render_json

        return render_json(result)
    if fmt == "markdown":
        from knowledge.render.markdown import render_markdown

        return render_markdown(result)
    if fmt == "blocks":
        from knowledge.render import blocks

        if result.kind == "ambiguous":
            messages = [blocks.ambiguous_message(result)]
        elif result.kind == "unknown":
            messages = [blocks.unknown_message(result)]
        else:
            messages = blocks.briefing_messages(result)
        return json.dumps(messages, ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        from knowledge.render.text import render_text

        return render_text(result)
    raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
