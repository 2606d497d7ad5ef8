"""Block Kit views of a briefing, within Slack's limits, every piece of text escaped.

A briefing is laid out as units (one line plus its citation context; a section heading travels with the first
line under it) and packed into as many messages as needed, splitting only between units, so nothing is ever cut
mid-line. Every piece of stored text is escaped *and* bounded (`fit`) before it goes in, so each unit fits in a
message on its own. Quotes are shortened at a word boundary in the main view; the Sources view carries every
citation in full, spread over several sections when one can't hold it.
"""

from __future__ import annotations

import json

from bot.slack import limits
from bot.slack.mrkdwn import escape, fit, link, split_escaped, truncate_words
from knowledge.brief.model import Ambiguous, Briefing, CitationRef, ClaimLine, Unknown
from knowledge.render.links import citation_groups, current, href

QUOTE_CHARS = 280  # a claim or development text in the main view
SHORT_QUOTE = 120  # the supporting quote in a line's context
NAME_CHARS = 120  # speakers, outlets, places, labels: stored text we don't control
SOURCE_PIECE = 2800  # escaped characters of a full quote per section in the Sources view
Unit = list[dict]


def _section(text: str) -> dict:
    # Callers bound their text; the slice is only a last resort so Slack never rejects the whole message.
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[: limits.SECTION_TEXT] or "—"}}


def _context(parts: list[str]) -> dict:
    elements = [{"type": "mrkdwn", "text": p[: limits.CONTEXT_TEXT]} for p in parts if p and p.strip()]
    return {"type": "context", "elements": elements[: limits.CONTEXT_ELEMENTS] or [{"type": "mrkdwn", "text": "—"}]}


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": fit(text, limits.HEADER_TEXT) or "Briefing"}}


def _date(c: CitationRef) -> str:
    return c.published_at.strftime("%-d %b %Y") if c.published_at else "date unknown"


def cite_label(c: CitationRef, siblings: list[CitationRef] | None = None) -> str:
    """`Outlet, 5 May 2025`, the outlet linked to the cited words in the source viewer when a public URL is set,
    else to the article when it has an http(s) URL."""
    return f"{link(href(c, siblings or []), truncate_words(c.outlet or 'unknown outlet', 80))}, {_date(c)}"


def _outlets(cites: list[CitationRef], independent: int) -> list[str]:
    """Context parts naming who reported a line: up to three distinct reports, then a count."""
    labels = list(dict.fromkeys(cite_label(c, cites) for c in cites))
    parts = labels[:3]
    if len(labels) > 3:
        parts.append(f"+{len(labels) - 3} more")
    parts.append(f"{independent} independent outlet{'s' if independent != 1 else ''}")
    return parts


def _evidence(cites: list[CitationRef], independent: int) -> dict:
    quote = [f"“{fit(cites[0].quote, SHORT_QUOTE)}”"] if cites and cites[0].quote.strip() else []
    return _context(quote + _outlets(cites, independent))


def _claim_text(line: ClaimLine, quote_chars: int = QUOTE_CHARS) -> str:
    """speaker — stance — via X — “quote”."""
    parts = [f"*{fit(line.speaker, NAME_CHARS) or 'unknown speaker'}*", f"_{fit(line.stance_label, 40) or 'claim'}_"]
    if line.via:
        parts.append(f"via {fit(line.via, NAME_CHARS)}")
    parts.append(line.said(fit(line.quote, quote_chars), lambda lead: fit(lead, 40)))
    return " — ".join(parts)


def _with_heading(heading: Unit, units: list[Unit]) -> list[Unit]:
    """Keep a section heading in the same message as the first line under it."""
    if not units:
        return []
    return [heading + units[0]] + units[1:]


def chart_block(b: Briefing) -> dict | None:
    """The coverage timeline as an image Slack fetches from the viewer, when a public URL is set."""
    linker = current()
    if linker is None or not b.summary:
        return None
    url = linker.topic_url(b.query, b.identity.entity_id if b.identity else None, "png")
    if len(url) > limits.IMAGE_URL:
        return None
    alt = f"Articles per day about {truncate_words(b.topic, 200)}, by storyline, with the dates of disputes"
    return {"type": "image", "image_url": url, "alt_text": alt, "title": {"type": "plain_text", "text": "Coverage"}}


def briefing_units(b: Briefing) -> list[Unit]:
    units: list[Unit] = [[_header(f"Briefing: {b.topic}")]]
    chart = chart_block(b)
    if chart:
        linker = current()
        page = linker.topic_url(b.query, b.identity.entity_id if b.identity else None) if linker else None
        units.append([chart, _context([link(page, "Coverage timeline and storylines")])])
    if b.identity:
        i = b.identity
        kind = fit(i.type.lower(), 40)
        text = f"*{fit(i.name, NAME_CHARS) or 'unnamed'}*" + (f" ({kind})" if kind else "")
        if i.role:
            text += f" — {fit(i.role, 200)}"
        if i.aliases:
            text += "\nAlso known as: " + ", ".join(fit(a, 60) for a in i.aliases[:5])
        unit = [_section(text)]
        if i.citations:
            quote = fit(i.citations[0].quote, SHORT_QUOTE)
            unit.append(_context(([f"“{quote}”"] if quote else []) + _outlets(i.citations, 1)[:-1]))
        units.append(unit)
    if b.note:
        units.append([_context([fit(b.note, 500)])])
    devs = []
    for d in b.developments:
        place = f" · {fit(d.place, NAME_CHARS)}" if d.place else ""
        text = f"*{fit(d.date_label, 60) or 'date unknown'}*{place} — {fit(d.text, QUOTE_CHARS)}"
        devs.append([_section(text), _evidence(d.citations, d.independent_outlets)])
    units += _with_heading([{"type": "divider"}, _section("*Latest developments*")], devs)
    pairs = []
    for p in b.disputes:
        fields = [
            {"type": "mrkdwn", "text": _claim_text(p.claim, 600)},
            {"type": "mrkdwn", "text": "↔ " + _claim_text(p.denial, 600)},
        ]
        pairs.append(
            [
                {"type": "section", "fields": fields},
                _context(
                    _outlets(p.claim.citations, p.claim.independent_outlets)[:2]
                    + ["↔"]
                    + _outlets(p.denial.citations, p.denial.independent_outlets)[:2]
                ),
            ]
        )
    units += _with_heading([{"type": "divider"}, _section("*Disputed*")], pairs)
    for matter in b.matters:
        lines = [
            [_section(_claim_text(line)), _context(_outlets(line.citations, line.independent_outlets))]
            for line in matter.claims
        ]
        units += _with_heading([{"type": "divider"}, _section(f"*Claims — {fit(matter.label, 150)}*")], lines)
    if not (b.developments or b.disputes or any(m.claims for m in b.matters)):
        units.append([_section(escape(b.empty_reason or "No events or claims match these filters yet."))])
    units.append([_context(footer_parts(b))])
    return units


def footer_parts(b: Briefing) -> list[str]:
    """Sources used, date range, undated count and filters: what a reader needs to judge coverage."""
    shown = [fit(s.outlet, 80) + f" ({s.counts()})" for s in b.sources[:8]]
    more = f" +{len(b.sources) - 8} more" if len(b.sources) > 8 else ""
    parts = [f"Sources used: {', '.join(shown) or 'none'}{more}"]
    if b.date_from and b.date_to:
        parts.append(f"{b.date_from.strftime('%-d %b %Y')} – {b.date_to.strftime('%-d %b %Y')}")
    if b.undated_documents:
        parts.append(f"{b.undated_documents} undated article{'s' if b.undated_documents != 1 else ''}")
    if b.filters:
        parts.append("Filters: " + " ".join(f"{fit(k, 30)}:{fit(v, 80)}" for k, v in list(b.filters.items())[:5]))
    return parts


def button_value(query: str, entity_id: str | None) -> str:
    """The JSON a button carries back to us, shortened until it fits Slack's 2000-char value limit."""
    eid = entity_id if entity_id is None or len(entity_id) <= 500 else None
    q = query or ""
    value = json.dumps({"q": q, "entity_id": eid})
    while len(value) > limits.BUTTON_VALUE:
        q = q[: max(0, len(q) - (len(value) - limits.BUTTON_VALUE) - 1)]
        value = json.dumps({"q": q, "entity_id": eid})
    return value


def _button(label: str, action_id: str, value: str) -> dict:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": fit(label, limits.BUTTON_TEXT) or "Choose"},
        "action_id": action_id,
        "value": value,
    }


def _actions(b: Briefing, ephemeral: bool) -> dict:
    value = button_value(b.query, b.identity.entity_id if b.identity else None)
    buttons = [("Sources", "brief_sources"), ("Follow", "brief_follow")]
    if ephemeral:
        buttons.append(("Share to channel", "brief_share"))
    return {"type": "actions", "elements": [_button(label, aid, value) for label, aid in buttons]}


def pack(units: list[Unit], fallback: str, last: dict | None = None) -> list[dict]:
    """Fill messages unit by unit; a new message starts whenever the next unit would break a limit.

    `last` (the actions block) is appended to the first message, and counted against it from the start.
    """
    fallback = fallback[: limits.FALLBACK_TEXT - 20]
    probe = fallback + " (part 999)"
    messages: list[list[dict]] = []
    current: list[dict] = []

    def fits(blocks: list[dict]) -> bool:
        extra = [last] if last is not None and not messages else []
        full = blocks + extra
        return (
            len(full) <= limits.MAX_BLOCKS
            and limits.message_size({"text": probe, "blocks": full}) <= limits.MESSAGE_JSON
        )

    for unit in units:
        if current and not fits(current + unit):
            messages.append(current)
            current = []
        current += unit
    if current or not messages:
        messages.append(current or [_section(escape(fallback))])
    if last is not None:
        messages[0].append(last)
    out = [{"text": fallback, "blocks": messages[0]}]
    out += [{"text": f"{fallback} (part {n})", "blocks": blocks} for n, blocks in enumerate(messages[1:], start=2)]
    return out


def briefing_messages(b: Briefing, *, ephemeral: bool = False, actions: bool = True) -> list[dict]:
    """The briefing as one or more messages; the first ends with Sources/Follow(/Share) buttons."""
    return pack(briefing_units(b), f"Briefing: {fit(b.topic, 200)}", _actions(b, ephemeral) if actions else None)


def sources_messages(b: Briefing) -> list[dict]:
    """Every distinct citation in full: quote, outlet and date (linked), title, document span."""
    units: list[Unit] = [[_header(f"Sources: {b.topic}")]]
    seen: set[tuple] = set()
    siblings: dict[tuple, list[CitationRef]] = {}
    for group in citation_groups(b):
        for c in group:
            siblings.setdefault((c.document_id, c.start, c.end), group)
    for c in b.citations():
        key = (c.document_id, c.start, c.end)
        if key in seen:
            continue
        seen.add(key)
        pieces = split_escaped(c.quote, SOURCE_PIECE) or [""]
        pieces[0] = "“" + pieces[0]
        pieces[-1] = pieces[-1] + "”"
        units += [[_section(p + ("…" if n < len(pieces) - 1 else ""))] for n, p in enumerate(pieces[:-1])]
        units.append(
            [
                _section(pieces[-1]),
                _context(
                    [
                        cite_label(c, siblings.get(key)),
                        fit(c.title, 200),
                        f"doc `{fit(c.document_id[:12], 60)}` {c.start}–{c.end}",
                    ]
                ),
            ]
        )
    if len(units) == 1:
        units.append([_section("No citations in this briefing.")])
    return pack(units, f"Sources for the briefing on {fit(b.topic, 200)}")


def ambiguous_message(a: Ambiguous) -> dict:
    """Ask rather than guess: one button per candidate (at most 20), five to an actions block."""
    blocks: list[dict] = [_section(f"*{fit(a.query, 200)}* could mean several things. Which one did you mean?")]
    for start in range(0, min(len(a.choices), 20), 5):
        elements = []
        for n, choice in enumerate(a.choices[start : start + 5], start=start):
            detail = choice.role or choice.type.lower()
            label = truncate_words(choice.name, 50) + (f" ({detail})" if detail else "")
            elements.append(_button(label, f"brief_choose_{n}", button_value(a.query, choice.entity_id)))
        blocks.append({"type": "actions", "elements": elements})
    return {"text": f"Which {fit(a.query, 200)} did you mean?", "blocks": blocks}


def unknown_message(u: Unknown) -> dict:
    """Never an empty reply: say what the store holds, what is close, and how to add sources."""
    text = f"Nothing known about *{fit(u.query, 200)}* yet ({u.documents_in_store} articles in the store)."
    if u.suggestions:
        text += "\nClosest matches: " + ", ".join(f"`{fit(s, 100)}`" for s in u.suggestions[:10])
    if u.hint:
        text += "\n" + fit(u.hint, 500)
    text += "\nTo add sources: `/brief add &lt;url&gt;` for an article, `/brief feeds add &lt;rss-url&gt;` for a feed."
    return {"text": f"Nothing known about {fit(u.query, 200)} yet", "blocks": [_section(text)]}


def error_message(text: str) -> dict:
    """An error in our words or an exception's; escaped here, so callers pass raw text."""
    body = fit(text, 2900) or "Something went wrong."
    return {"text": body, "blocks": [_section(f":warning: {body}")]}


HELP = """*briefbot* — cited news briefings
• `/brief <topic> [since:7d|since:2025-06-01] [from:outlet] [limit:N]` — who, what happened, who claimed what (e.g. `/brief kellogg since:30d`)
• `/brief add <url>` — add an article to the store
• `/brief sources` — outlets in the store
• `/brief alias <variant> = <name>` — e.g. `/brief alias Tikhanovsky = Siarhei Tsikhanouski`
• `/brief subscribe <topic> [at 08:30] [tz Europe/Berlin] [--always]` — a daily digest in this channel (`--always`: post a note on days with nothing new)
• `/brief unsubscribe <topic>`, `/brief subscriptions`
• `/brief feeds add|list|remove <url>` — RSS/Atom feeds to watch
Mention me (@briefbot kellogg) or send me a DM to get the same answers in a thread."""


def help_message() -> dict:
    return {"text": "How to use briefbot", "blocks": [_section(escape(HELP))]}
