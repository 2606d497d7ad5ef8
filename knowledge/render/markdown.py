"""Markdown view: lines with footnote-style citations [n] and a numbered Sources list, for docs and tickets.

Stored text is escaped so an article can't inject formatting, links or HTML into the document; the same
citation used by several lines keeps one number.
"""

from __future__ import annotations

import re

from knowledge.brief.model import Ambiguous, Briefing, CitationRef, ClaimLine, Unknown
from knowledge.render.links import href
from knowledge.render.notes import number, same_text

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


BUDGET = 2500  # characters of the default view, URLs not counted


def _link(c: CitationRef, siblings: list[CitationRef] | None = None) -> str:
    """The outlet, linked to the citation's viewer page when a public URL is set, else to the article."""
    name = _md(c.outlet or "unknown outlet")
    url = href(c, siblings or [])
    return f"[{name}](<{url}>)" if url else name


def _head(b: Briefing, identity_refs: str) -> list[str]:
    """Title, notes (demo corpus, unknown outlet, other namesakes) and who the topic is, with its source marks."""
    out = [f"# Briefing: {_md(b.topic)}", ""]
    out += [x for extra in (b.note, b.also_line()) if extra for x in (f"_{_md(extra)}_", "")]
    if b.identity:
        i = b.identity
        role = f" — {_md(i.role)}" if i.role else ""
        out += [f"**{_md(i.name)}** ({_md(i.type.lower())}){role} {identity_refs}".rstrip(), ""]
    return out


def _summary(b: Briefing, titles: bool = True, limit: int | None = None) -> str:
    """The default view: header, summary bullets with numbered document notes, the outlets used."""
    shown = b.summary[:limit]
    marks, notes, head = number(shown, b.identity.citations if b.identity else [])
    out = _head(b, "".join(f"[{n}]" for n in head))
    for line, (nums, more) in zip(shown, marks):
        out.append(f"- {_md(line.text)} {''.join(f'[{n}]' for n in nums)}" + (f" +{more} more" if more else ""))
    out += ["", "## Sources", ""]
    for note in notes:
        c = note.citation
        title = f" — {_md(c.title)}" if titles and c.title else ""
        when = c.published_at.date().isoformat() if c.published_at else "date unknown"
        out.append(f"{note.number}. {_link(c, note.siblings)}, {when}{title}")
    query = b.query.replace("`", "")
    out += ["", _outlets_used(b), "", f"_Details, disputes and timeline: `briefbot brief {query} --full`_"]
    return "\n".join(out) + "\n"


def _outlets_used(b: Briefing) -> str:
    used = ", ".join(f"{_md(s.outlet)} ({s.counts()})" for s in b.sources)
    span = f" · {b.date_from} – {b.date_to}" if b.date_from and b.date_to else ""
    undated = f" · {b.undated_documents} undated" if b.undated_documents else ""
    return f"_Outlets used: {used or 'none'}{span}{undated}_"


def summary_markdown(b: Briefing) -> str:
    """The default view within BUDGET: titles go first, then the lowest-ranked lines."""
    for titles in (True, False):
        for limit in range(len(b.summary), 0, -1):
            text = _summary(b, titles, limit)
            if len(re.sub(r"https?://[^\s>]+", "", text)) <= BUDGET:
                return text
    return _summary(b, False, 1)


def render_markdown(result, full: bool = False) -> str:
    if isinstance(result, Ambiguous):
        return _ambiguous(result)
    if isinstance(result, Unknown):
        return _unknown(result)
    b: Briefing = result
    if b.summary and not full:
        return summary_markdown(b)
    # (citation, whether its words are the line that first cites it, that line's citations)
    notes: list[tuple[CitationRef, bool, list[CitationRef]]] = []
    numbers: dict[tuple, int] = {}

    def refs(cites: list[CitationRef], shown: str = "") -> str:
        marks = []
        for c in cites:
            key = (c.document_id, c.start, c.end)
            if key not in numbers:
                notes.append((c, same_text(c.quote, shown), cites))
                numbers[key] = len(notes)
            marks.append(f"[{numbers[key]}]")
        return "".join(dict.fromkeys(marks))

    def claim(line: ClaimLine) -> str:
        via = f" via {_md(line.via)}" if line.via else ""
        return (
            f"**{_md(line.speaker)}** ({_md(line.stance_label)}{via}, {_md(line.date_label)}): "
            f"{line.said(_md(line.quote), _md)} {refs(line.citations, line.quote)}"
        )

    out = _head(b, refs(b.identity.citations) if b.identity else "")
    if b.identity and b.identity.aliases:
        out += ["Also known as: " + ", ".join(_md(a) for a in b.identity.aliases), ""]
    if b.summary:
        out += ["## At a glance", ""]
        out += [f"- {_md(line.text)} {refs(line.citations, line.body)}" for line in b.summary] + [""]
    if b.developments:
        out += ["## Latest developments", ""]
        for d in b.developments:
            place = f" · {_md(d.place)}" if d.place else ""
            count = f" ({d.independent_outlets} independent outlets)" if d.independent_outlets > 1 else ""
            out.append(f"- **{_md(d.date_label)}**{place}: {_md(d.text)}{count} {refs(d.citations, d.text)}")
        out.append("")
    if b.disputes:
        out += ["## Disputed", ""]
        for p in b.disputes:
            out += [f"- {claim(p.claim)}", f"  - ↔ {claim(p.denial)}"]
        out.append("")
    for m in b.matters:
        out += [f"## Claims — {_md(m.label)}", ""] + [f"- {claim(line)}" for line in m.claims] + [""]
    if not (b.developments or b.disputes or any(m.claims for m in b.matters)):
        out += [b.empty_reason or "No events or claims match these filters yet.", ""]
    out += ["## Sources", ""]
    for n, (c, shown, siblings) in enumerate(notes, 1):
        when = c.published_at.date().isoformat() if c.published_at else "date unknown"
        title = f" — {_md(c.title)}" if c.title else ""
        quote = "" if shown else f"“{_md(c.quote)}” — "  # the line above already is these words
        out.append(
            f"{n}. {quote}{_link(c, siblings)}, {when}{title} (doc `{c.document_id[:12].replace('`', '')}` {c.start}–{c.end})"
        )
    if not notes:
        out.append("No citations.")
    out += ["", _outlets_used(b)]
    return "\n".join(out) + "\n"
