"""The terminal view (rich): the whole briefing with every citation, readable in a plain terminal too.

Lines are built once as rich markup (stored text escaped with `rich.markup.escape`, emoji codes off, so an
article can't restyle the output) and either printed with colour (`print_result`) or rendered without it into
a string (`render_text`) for pipes, files and golden tests.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.markup import escape as rich_escape

from knowledge.brief.model import Ambiguous, Briefing, CitationRef, ClaimLine, Unknown


def _cite(c: CitationRef) -> str:
    when = c.published_at.strftime("%-d %b %Y") if c.published_at else "date unknown"
    url = f" {c.url}" if c.url else ""
    return f"[dim]— “{rich_escape(' '.join(c.quote.split()))}” {rich_escape(c.outlet or 'unknown outlet')}, {when}{rich_escape(url)}[/dim]"


def _claim(line: ClaimLine) -> str:
    via = f" via {rich_escape(line.via)}" if line.via else ""
    return f"[bold]{rich_escape(line.speaker)}[/bold] ({rich_escape(line.stance_label)}{via}, {rich_escape(line.date_label)}): “{rich_escape(' '.join(line.quote.split()))}”"


def _lines(result) -> list[str]:
    if isinstance(result, Ambiguous):
        out = [f"“{rich_escape(result.query)}” could mean:"]
        for n, c in enumerate(result.choices, start=1):
            role = f" — {rich_escape(c.role)}" if c.role else ""
            out.append(f"  {n}. {rich_escape(c.name)} ({c.type.lower()}{role}, {c.mentions} mentions)")
        if result.choices:
            out.append(f'Pick one, e.g. briefbot brief "{rich_escape(result.choices[0].name)}"')
        return out
    if isinstance(result, Unknown):
        out = [
            f"Nothing is known about “{rich_escape(result.query)}” yet ({result.documents_in_store} articles in the store)."
        ]
        if result.suggestions:
            out.append("Closest matches: " + ", ".join(rich_escape(s) for s in result.suggestions))
        if result.hint:
            out.append(rich_escape(result.hint))
        out.append("Add sources with: briefbot ingest FILE | briefbot ingest --url URL | briefbot ingest --feed URL")
        return out
    b: Briefing = result
    out = [f"[bold underline]Briefing: {rich_escape(b.topic)}[/bold underline]"]
    if b.note:
        out.append(f"[italic]{rich_escape(b.note)}[/italic]")
    if b.identity:
        role = f" — {rich_escape(b.identity.role)}" if b.identity.role else ""
        out.append(f"[bold]{rich_escape(b.identity.name)}[/bold] ({rich_escape(b.identity.type.lower())}){role}")
        if b.identity.aliases:
            out.append("  Also known as: " + ", ".join(rich_escape(a) for a in b.identity.aliases))
        out += ["  " + _cite(c) for c in b.identity.citations]
    if b.developments:
        out.append("\n[bold]Latest developments[/bold]")
        for d in b.developments:
            place = f" · {rich_escape(d.place)}" if d.place else ""
            count = f" ({d.independent_outlets} independent outlets)" if d.independent_outlets > 1 else ""
            out.append(
                f"• [bold]{rich_escape(d.date_label)}[/bold]{place}: {rich_escape(' '.join(d.text.split()))}{count}"
            )
            out += ["    " + _cite(c) for c in d.citations]
    if b.disputes:
        out.append("\n[bold]Disputed[/bold]")
        for p in b.disputes:
            out.append("• " + _claim(p.claim))
            out += ["    " + _cite(c) for c in p.claim.citations]
            out.append("  ↔ " + _claim(p.denial))
            out += ["    " + _cite(c) for c in p.denial.citations]
    for m in b.matters:
        out.append(f"\n[bold]Claims — {rich_escape(m.label)}[/bold]")
        for line in m.claims:
            out.append("• " + _claim(line))
            out += ["    " + _cite(c) for c in line.citations]
    if not (b.developments or b.disputes or b.matters):
        out.append("No events or claims match these filters yet.")
    sources = ", ".join(f"{rich_escape(s.outlet)} ({s.counts()})" for s in b.sources)
    span = f" · {b.date_from} – {b.date_to}" if b.date_from else ""
    undated = f" · {b.undated_documents} undated" if b.undated_documents else ""
    filters = (
        " · filters: " + " ".join(f"{rich_escape(k)}:{rich_escape(v)}" for k, v in b.filters.items())
        if b.filters
        else ""
    )
    out.append(f"\n[dim]Sources: {sources or 'none'}{span}{undated}{filters}[/dim]")
    return out


def print_result(result, console: Console) -> None:
    for line in _lines(result):
        console.print(line, highlight=False, soft_wrap=False, emoji=False)


def render_text(result, width: int = 100) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False)
    print_result(result, console)
    return buffer.getvalue()
