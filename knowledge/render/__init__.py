"""Renderers: one briefing model, many views (Slack Block Kit, terminal, markdown, JSON)."""

from __future__ import annotations

import json


def render(result, fmt: str) -> str:
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
        return json.dumps(messages, ensure_ascii=False, indent=2)
    from knowledge.render.text import render_text

    return render_text(result)
