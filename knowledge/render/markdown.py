"""Markdown view: lines with footnote-style citations and a numbered source list, for docs and tickets."""

from __future__ import annotations

from knowledge.brief.model import Ambiguous, Briefing, CitationRef, ClaimLine, Unknown


def _md(text: str) -> str:
    return (text or "").replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;").replace("`", "'")


def render_markdown(result) -> str:
    if isinstance(result, Ambiguous):
        return "\n".join([f"**{_md(result.query)}** could mean:", ""] + [
            f"{n}. {_md(c.name)} ({c.type.lower()}{', ' + _md(c.role) if c.role else ''})"
            for n, c in enumerate(result.choices, 1)]) + "\n"
    if isinstance(result, Unknown):
        extra = f" Closest matches: {', '.join(_md(s) for s in result.suggestions)}." if result.suggestions else ""
        return f"Nothing is known about **{_md(result.query)}** yet.{extra}\n"
    b: Briefing = result
    notes: list[CitationRef] = []

    def refs(cites: list[CitationRef]) -> str:
        marks = []
        for c in cites:
            notes.append(c)
            marks.append(f"[{len(notes)}]")
        return "".join(marks)

    def claim(line: ClaimLine) -> str:
        via = f" via {_md(line.via)}" if line.via else ""
        return f"**{_md(line.speaker)}** ({line.stance_label}{via}): “{_md(line.quote)}” {refs(line.citations)}"

    out = [f"# Briefing: {_md(b.topic)}", ""]
    if b.identity:
        role = f" — {_md(b.identity.role)}" if b.identity.role else ""
        out += [f"**{_md(b.identity.name)}**{role} {refs(b.identity.citations)}", ""]
    if b.developments:
        out += ["## Latest developments", ""]
        out += [f"- **{d.date_label}**{' · ' + _md(d.place) if d.place else ''}: {_md(d.text)} {refs(d.citations)}"
                for d in b.developments]
        out.append("")
    if b.disputes:
        out += ["## Disputed", ""]
        for p in b.disputes:
            out += [f"- {claim(p.claim)}", f"  - ↔ {claim(p.denial)}"]
        out.append("")
    for m in b.matters:
        out += [f"## Claims — {_md(m.label)}", ""] + [f"- {claim(line)}" for line in m.claims] + [""]
    out += ["## Sources", ""]
    for n, c in enumerate(notes, 1):
        when = c.published_at.date().isoformat() if c.published_at else "date unknown"
        outlet = f"[{_md(c.outlet or 'unknown outlet')}]({c.url})" if c.url else _md(c.outlet or "unknown outlet")
        out.append(f"{n}. “{_md(c.quote)}” — {outlet}, {when} (doc `{c.document_id}` {c.start}–{c.end})")
    return "\n".join(out) + "\n"
