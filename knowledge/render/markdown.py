"""Markdown view: lines with footnote-style citations [n] and a numbered Sources list, for docs and tickets.

Stored text is escaped so an article can't inject formatting, links or HTML into the document; the same
citation used by several lines keeps one number.
"""

from __future__ import annotations

import re

from knowledge.brief.model import Ambiguous, Briefing, CitationRef, ClaimLine, Unknown
from knowledge.render.urls import safe_url

_ENTITY = re.compile(r"&(#?\w+;)")
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md(text: str | None) -> str:
    """Inline-safe markdown: backslash-escape markup characters, neutralise HTML, one line."""
    text = " ".join((text or "").split())
    text = _ENTITY.sub(r"&amp;\1", _SPECIAL.sub(r"\\\1", text))  # only an `&` that would start an entity
    return text.replace("<", "&lt;")


def _ambiguous(a: Ambiguous) -> str:
    out = [f"**{_md(a.query)}** could mean:", ""]
    for n, c in enumerate(a.choices, 1):
        role = f", {_md(c.role)}" if c.role else ""
        out.append(f"{n}. {_md(c.name)} ({_md(c.type.lower())}{role}; {c.mentions} mentions)")
    if a.choices:
        out += ["", f'Pick one, e.g. `briefbot brief "{a.choices[0].name.replace("`", "")}"`.']
    return "\n".join(out) + "\n"


def _unknown(u: Unknown) -> str:
    out = [f"Nothing known about **{_md(u.query)}** yet ({u.documents_in_store} articles in the store)."]
    if u.suggestions:
        out.append(f"Closest matches: {', '.join(_md(s) for s in u.suggestions)}.")
    if u.hint:
        out.append(_md(u.hint))
    out.append("Add sources with `briefbot ingest`, or `/brief add <url>` in Slack.")
    return "\n\n".join(out) + "\n"


def render_markdown(result) -> str:
    if isinstance(result, Ambiguous):
        return _ambiguous(result)
    if isinstance(result, Unknown):
        return _unknown(result)
    b: Briefing = result
    notes: list[CitationRef] = []
    numbers: dict[tuple, int] = {}

    def refs(cites: list[CitationRef]) -> str:
        marks = []
        for c in cites:
            key = (c.document_id, c.start, c.end)
            if key not in numbers:
                notes.append(c)
                numbers[key] = len(notes)
            marks.append(f"[{numbers[key]}]")
        return "".join(dict.fromkeys(marks))

    def claim(line: ClaimLine) -> str:
        via = f" via {_md(line.via)}" if line.via else ""
        return (
            f"**{_md(line.speaker)}** ({_md(line.stance_label)}{via}, {_md(line.date_label)}): "
            f"“{_md(line.quote)}” {refs(line.citations)}"
        )

    out = [f"# Briefing: {_md(b.topic)}", ""]
    if b.note:
        out += [f"_{_md(b.note)}_", ""]
    if b.identity:
        i = b.identity
        role = f" — {_md(i.role)}" if i.role else ""
        out += [f"**{_md(i.name)}** ({_md(i.type.lower())}){role} {refs(i.citations)}".rstrip(), ""]
        if i.aliases:
            out += ["Also known as: " + ", ".join(_md(a) for a in i.aliases), ""]
    if b.developments:
        out += ["## Latest developments", ""]
        for d in b.developments:
            place = f" · {_md(d.place)}" if d.place else ""
            count = f" ({d.independent_outlets} independent outlets)" if d.independent_outlets > 1 else ""
            out.append(f"- **{_md(d.date_label)}**{place}: {_md(d.text)}{count} {refs(d.citations)}")
        out.append("")
    if b.disputes:
        out += ["## Disputed", ""]
        for p in b.disputes:
            out += [f"- {claim(p.claim)}", f"  - ↔ {claim(p.denial)}"]
        out.append("")
    for m in b.matters:
        out += [f"## Claims — {_md(m.label)}", ""] + [f"- {claim(line)}" for line in m.claims] + [""]
    if not (b.developments or b.disputes or any(m.claims for m in b.matters)):
        out += ["No events or claims match these filters yet.", ""]
    out += ["## Sources", ""]
    for n, c in enumerate(notes, 1):
        when = c.published_at.date().isoformat() if c.published_at else "date unknown"
        name = _md(c.outlet or "unknown outlet")
        outlet = f"[{name}](<{c.url}>)" if safe_url(c.url) else name
        title = f" — {_md(c.title)}" if c.title else ""
        out.append(
            f"{n}. “{_md(c.quote)}” — {outlet}, {when}{title} (doc `{c.document_id[:12].replace('`', '')}` "
            f"{c.start}–{c.end})"
        )
    if not notes:
        out.append("No citations.")
    used = ", ".join(f"{_md(s.outlet)} ({s.counts()})" for s in b.sources)
    span = f" · {b.date_from} – {b.date_to}" if b.date_from and b.date_to else ""
    undated = f" · {b.undated_documents} undated" if b.undated_documents else ""
    out += ["", f"_Outlets used: {used or 'none'}{span}{undated}_"]
    return "\n".join(out) + "\n"
