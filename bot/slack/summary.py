"""The first Slack reply to `/brief`: the summary at a glance (at most 1,500 visible characters) and buttons.

Details (the full briefing, in the thread or as a follow-up), Sources (every quote in full) and Follow (a daily
digest) carry the query back; a busy reader who wants no more than the gist never scrolls. Each line's source
marks link to the articles, so a reader can check a line without opening the details.
"""

from __future__ import annotations

import re

from bot.slack import limits
from bot.slack.blocks import _button, _context, _header, _section, button_value
from bot.slack.mrkdwn import fit, link
from knowledge.brief.model import Briefing, CitationRef, SummaryLine
from knowledge.render.links import href
from knowledge.render.notes import number

VISIBLE = 1500  # characters a reader sees in the first message
LINE_CHARS = 300


def _marks(line: SummaryLine, nums: list[int], more: int, notes: dict) -> str:
    """Each mark links to this line's own words in that document (its viewer page) or to the article."""
    own: dict[str, CitationRef] = {}
    for c in line.citations:
        own.setdefault(c.document_id, c)
    shown = ""
    for n in nums:
        c = own.get(notes[n].citation.document_id, notes[n].citation)
        shown += link(href(c, line.citations), f"[{n}]")
    return shown + (f" +{more}" if more else "")


def bullets(b: Briefing, limit: int | None = None) -> str:
    """The summary lines as mrkdwn bullets, each with its source marks linked to the articles."""
    marks, notes, _ = number(b.summary[:limit])
    by_number = {n.number: n for n in notes}
    return "\n".join(
        f"• {fit(line.text, LINE_CHARS)} {_marks(line, nums, more, by_number)}"
        for line, (nums, more) in zip(b.summary[:limit], marks)
    )


def bullet_sections(text: str) -> list[dict]:
    """Bullets in as many sections as their links need (a signed link is ~200 characters), cut between lines only."""
    chunks: list[str] = []
    for line in text.split("\n"):
        if chunks and len(chunks[-1]) + 1 + len(line) <= limits.SECTION_TEXT:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    return [_section(chunk) for chunk in chunks]


def _footer(b: Briefing) -> str:
    outlets = ", ".join(fit(s.outlet, 60) for s in b.sources[:6]) + (" …" if len(b.sources) > 6 else "")
    span = ""
    if b.date_from and b.date_to:
        span = f" · {b.date_from.strftime('%-d %b %Y')} – {b.date_to.strftime('%-d %b %Y')}"
    return f"From {outlets or 'no outlet'}{span}"


def visible_length(blocks: list[dict]) -> int:
    """What a reader sees: text fields, links by their labels (the same count Slack users perceive)."""
    total = 0
    for block in blocks:
        texts = [block.get("text")] + block.get("elements", []) + block.get("fields", [])
        for t in texts:
            if isinstance(t, dict) and isinstance(t.get("text"), str):
                total += len(re.sub(r"<[^|>]+\|([^>]+)>", r"\1", t["text"]))
            elif isinstance(t, dict) and isinstance(t.get("text"), dict):
                total += len(t["text"].get("text", ""))
    return total


def actions(b: Briefing, ephemeral: bool) -> dict:
    value = button_value(b.query, b.identity.entity_id if b.identity else None)
    buttons = [("Details", "brief_details"), ("Sources", "brief_sources"), ("Follow", "brief_follow")]
    if ephemeral:
        buttons.append(("Share to channel", "brief_share"))
    return {"type": "actions", "elements": [_button(label, aid, value) for label, aid in buttons]}


def summary_blocks(b: Briefing, limit: int, buttons: dict | None) -> list[dict]:
    blocks: list[dict] = [_header(f"Briefing: {b.topic}")]
    about = []
    if b.identity:
        role = f" — {fit(b.identity.role, 200)}" if b.identity.role else ""
        about.append(f"*{fit(b.identity.name, 120)}* ({fit(b.identity.type.lower(), 40)}){role}")
    about += [fit(extra, 300) for extra in (b.note, b.also_line()) if extra]
    if about:
        blocks.append(_context(about))
    blocks += bullet_sections(bullets(b, limit))
    blocks.append(_context([_footer(b)]))
    return blocks + ([buttons] if buttons else [])


def summary_message(b: Briefing, *, ephemeral: bool = False, buttons: bool = True) -> dict:
    """One message: header, who the topic is, the summary lines with linked source marks, outlets, buttons;
    lowest-ranked lines are left out until it fits VISIBLE."""
    extra = actions(b, ephemeral) if buttons else None
    for limit in range(len(b.summary), 0, -1):
        blocks = summary_blocks(b, limit, extra)
        if visible_length(blocks) <= VISIBLE:
            break
    return {"text": f"Briefing: {fit(b.topic, 200)}", "blocks": blocks}


def fitting_bullets(b: Briefing, room: int = VISIBLE, raw: int = limits.SECTION_TEXT - 400) -> str:
    """As many summary bullets (best first) as a reader sees in `room` characters, links included within `raw`."""
    for limit in range(len(b.summary), 0, -1):
        text = bullets(b, limit)
        if visible_length([_section(text)]) <= room and len(text) <= raw:
            return text
    return bullets(b, 1)
