"""Renderers that know no chat service: one briefing model as terminal text, markdown or JSON.

`render` is the single entry point for the CLI and tests. Slack's Block Kit view of the same model lives in
`bot.slack` (`bot.slack.render` adds the "blocks" format on top of these).
"""

from __future__ import annotations

from knowledge.brief.model import BriefResult

FORMATS = ("text", "markdown", "json")


def render(result: BriefResult, fmt: str = "text", full: bool = False) -> str:
    """`result` (Briefing | Ambiguous | Unknown) as a string in `fmt`: text and markdown show the summary unless
    `full`; JSON always holds everything."""
    if fmt == "json":
        from knowledge.render.jsonview import render_json

        return render_json(result)
    if fmt == "markdown":
        from knowledge.render.markdown import render_markdown

        return render_markdown(result, full=full)
    if fmt == "text":
        from knowledge.render.text import render_text

        return render_text(result, full=full)
    raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
