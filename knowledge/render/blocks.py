"""Block Kit views of a briefing, within Slack's limits, every piece of text escaped.

A briefing is laid out as units (a line plus its citation context) and packed into as many messages as needed,
splitting only between units, so nothing is ever cut mid-line. Quotes are shortened at a word boundary in the
main view; the Sources view carries every citation in full.
"""

from __future__ import annotations

import json
from typing import Optional

from knowledge.brief.model import Ambiguous, Briefing, CitationRef, ClaimLine, Unknown
from knowledge.render import limits
from knowledge.render.mrkdwn import escape, link, truncate_words

QUOTE_CHARS = 280
Unit = list[dict]


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[: limits.SECTION_TEXT]}}


def _context(parts: list[str]) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": p[:2000]} for p in parts[:10] if p]}


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": truncate_words(text, limits.HEADER_TEXT)}}


def cite_label(c: CitationRef) -> str:
    when = c.published_at.strftime("%-d %b %Y") if c.published_at else "date unknown"
    return f"{link(c.url, c.outlet or 'unknown outlet')}, {when}"


def _outlets_note(cites: list[CitationRef], independent: int) -> str:
    shown = ", ".join(dict.fromkeys(cite_label(c) for c in cites[:3]))
    more = f" +{len(cites) - 3} more" if len(cites) > 3 else ""
    count = f" · {independent} independent outlets" if independent > 1 else ""
    return shown + more + count


def _claim_text(line: ClaimLine, quote_chars: int = QUOTE_CHARS) -> str:
    via = f" via {escape(line.via)}" if line.via else ""
    return (f"*{escape(line.speaker)}* — _{escape(line.stance_label)}_{via}: "
            f"“{escape(truncate_words(line.quote, quote_chars))}”")


def briefing_units(b: Briefing) -> list[Unit]:
    units: list[Unit] = [[_header(f"Briefing: {b.topic}")]]
    if b.identity:
        ident = f"*{escape(b.identity.name)}*" + (f" — {escape(b.identity.role)}" if b.identity.role else "")
        unit = [_section(ident)]
        if b.identity.citations:
            unit.append(_context([cite_label(b.identity.citations[0])]))
        units.append(unit)
    if b.note:
        units.append([_context([escape(b.note)])])
    if b.developments:
        units.append([_section("*Latest developments*")])
        for d in b.developments:
            place = f" · {escape(d.place)}" if d.place else ""
            text = f"*{escape(d.date_label)}*{place} — {escape(truncate_words(d.text, QUOTE_CHARS))}"
            units.append([_section(text), _context([_outlets_note(d.citations, d.independent_outlets)])])
    if b.disputes:
        units.append([_section("*Disputed*")])
        for pair in b.disputes:
            fields = [{"type": "mrkdwn", "text": _claim_text(side, 600)[: limits.FIELD_TEXT]}
                      for side in (pair.claim, pair.denial)]
            units.append([{"type": "section", "fields": fields},
                          _context([_outlets_note(pair.claim.citations, pair.claim.independent_outlets),
                                    _outlets_note(pair.denial.citations, pair.denial.independent_outlets)])])
    for matter in b.matters:
        units.append([_section(f"*Claims — {escape(matter.label)}*")])
        for line in matter.claims:
            units.append([_section(_claim_text(line)), _context([_outlets_note(line.citations, line.independent_outlets)])])
    if not (b.developments or b.disputes or b.matters):
        units.append([_section("No events or claims match these filters yet.")])
    units.append([_context([footer(b)])])
    return units


def footer(b: Briefing) -> str:
    sources = ", ".join(
        escape(s.outlet) + (f" ({s.documents})" if s.documents else "") + (f" +{s.copies} copies" if s.copies else "")
        for s in b.sources[:8]
    ) or "none"
    span = ""
    if b.date_from and b.date_to:
        span = f" · {b.date_from.strftime('%-d %b %Y')} – {b.date_to.strftime('%-d %b %Y')}"
    undated = f" · {b.undated_documents} undated" if b.undated_documents else ""
    filters = " · " + " ".join(f"{k}:{escape(v)}" for k, v in b.filters.items()) if b.filters else ""
    return f"Sources: {sources}{span}{undated}{filters}"


def _actions(b: Briefing, ephemeral: bool) -> dict:
    value = json.dumps({"q": b.query[:500], "entity_id": b.identity.entity_id if b.identity else None})
    buttons = [("Sources", "brief_sources"), ("Follow", "brief_follow")]
    if ephemeral:
        buttons.append(("Share to channel", "brief_share"))
    return {"type": "actions", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": label}, "action_id": aid, "value": value}
        for label, aid in buttons]}


def pack(units: list[Unit], fallback: str, reserve_last: Optional[dict] = None) -> list[dict]:
    """Fill messages unit by unit; a new message starts whenever the next unit would break a limit."""
    messages: list[dict] = []
    current: list[dict] = []

    def size(blocks: list[dict]) -> int:
        return len(json.dumps({"text": fallback, "blocks": blocks}))

    for unit in units:
        room = limits.MAX_BLOCKS - (1 if reserve_last is not None and not messages else 0)
        if current and (len(current) + len(unit) > room or size(current + unit) > limits.MESSAGE_JSON - 1200):
            messages.append({"text": fallback, "blocks": current})
            current = []
        current += unit
    if current or not messages:
        messages.append({"text": fallback, "blocks": current or [_section(escape(fallback))]})
    if reserve_last is not None:
        messages[0]["blocks"].append(reserve_last)
    for n, msg in enumerate(messages[1:], start=2):
        msg["text"] = f"{fallback} (part {n})"
    return messages


def briefing_messages(b: Briefing, *, ephemeral: bool = False, actions: bool = True) -> list[dict]:
    fallback = f"Briefing: {escape(b.topic)}"
    return pack(briefing_units(b), fallback, _actions(b, ephemeral) if actions else None)


def sources_messages(b: Briefing) -> list[dict]:
    units: list[Unit] = [[_header(f"Sources: {b.topic}")]]
    seen: set[tuple] = set()
    for c in b.citations():
        key = (c.document_id, c.start, c.end)
        if key in seen:
            continue
        seen.add(key)
        quote = escape(truncate_words(c.quote, 2500))
        units.append([_section(f"“{quote}”"), _context([
            cite_label(c), escape(c.title or ""), f"doc `{c.document_id[:12]}` {c.start}–{c.end}"])])
    return pack(units, f"Sources for the briefing on {escape(b.topic)}")


def ambiguous_message(a: Ambiguous) -> dict:
    blocks: list[dict] = [_section(f"*{escape(a.query)}* could mean several things. Which one did you mean?")]
    for start in range(0, min(len(a.choices), 20), 5):
        elements = []
        for n, choice in enumerate(a.choices[start : start + 5], start=start):
            label = truncate_words(choice.name + (f" ({choice.role})" if choice.role else f" ({choice.type.lower()})"), 70)
            elements.append({"type": "button", "text": {"type": "plain_text", "text": label},
                             "action_id": f"brief_choose_{n}",
                             "value": json.dumps({"q": a.query[:500], "entity_id": choice.entity_id})})
        blocks.append({"type": "actions", "elements": elements})
    return {"text": f"Which {a.query} did you mean?", "blocks": blocks}


def unknown_message(u: Unknown) -> dict:
    text = f"Nothing is known about *{escape(u.query)}* yet ({u.documents_in_store} articles in the store)."
    if u.suggestions:
        text += "\nClosest matches: " + ", ".join(f"`{escape(s)}`" for s in u.suggestions)
    text += "\nTo add sources: `/brief add <url>` for an article, `/brief feeds add <rss-url>` for a feed."
    return {"text": f"Nothing known about {escape(u.query)}", "blocks": [_section(text)]}


def error_message(text: str) -> dict:
    return {"text": escape(text), "blocks": [_section(f":warning: {escape(text)}")]}


HELP = """*briefbot* — cited news briefings
• `/brief <topic>` — who, what happened, who claimed what (e.g. `/brief kellogg`)
• filters: `since:7d`, `since:2025-06-01`, `from:<outlet>`, `limit:5` (e.g. `/brief kellogg since:30d from:ledger`)
• `/brief add <url>` — add an article to the store
• `/brief sources` — outlets in the store
• `/brief alias <variant> = <name>` — e.g. `/brief alias Tikhanovsky = Siarhei Tsikhanouski`
• `/brief subscribe <topic> [at 08:30] [tz Europe/Berlin]` — a daily digest in this channel
• `/brief unsubscribe <topic>`, `/brief subscriptions`
• `/brief feeds add <rss-url>`, `/brief feeds list`, `/brief feeds remove <rss-url>`
Mention me (`@briefbot kellogg`) or send me a DM to get the same answers in a thread."""


def help_message() -> dict:
    return {"text": "How to use briefbot", "blocks": [_section(HELP)]}
