"""The terminal view (rich): the summary by default, the whole briefing with every citation with `full`.

The default view is the header, the summary lines with numbered source notes and the footer, within 2,500
characters (URLs not counted); `full` adds the details (developments, disputes, claims, every quote). No line is
printed twice: a citation whose words are the line above it shows only where it comes from.

Lines are built once as rich markup (stored text escaped with `rich.markup.escape`, emoji codes off, so an
article can't restyle the output) and either printed with colour (`print_result`) or rendered without it into
a string (`render_text`) for pipes, files and golden tests.
"""

from __future__ import annotations

import re
from io import StringIO

from rich.console import Console
from rich.markup import escape as rich_escape

from knowledge.brief.model import Ambiguous, Briefing, CitationRef, ClaimLine, Unknown
from knowledge.render.links import current
from knowledge.render.notes import number, same_text


def _url(c: CitationRef, siblings: list[CitationRef]) -> str | None:
    """The citation's viewer page when a public URL is set, else the article's URL as stored."""
    linker = current()
    return linker.view_url(c, siblings) if linker else c.url


def _cite(c: CitationRef, shown: str = "", siblings: list[CitationRef] | None = None) -> str:
    """A citation under a line; when the line is itself the quoted words, only where they come from."""
    when = c.published_at.strftime("%-d %b %Y") if c.published_at else "date unknown"
    link = _url(c, siblings or [])
    url = f" {link}" if link else ""
    quote = "" if same_text(c.quote, shown) else f"“{rich_escape(' '.join(c.quote.split()))}” "
    return f"[dim]— {quote}{rich_escape(c.outlet or 'unknown outlet')}, {when}{rich_escape(url)}[/dim]"


BUDGET = 2500  # characters of the default view, URLs not counted


def _summary_lines(b: Briefing, titles: bool = True, limit: int | None = None, full: bool = False) -> list[str]:
    """The header, the summary bullets with their numbered source notes, and (unless `full`) the footer."""
    shown = b.summary[:limit]
    marks, notes, head = number(shown, b.identity.citations if b.identity else [])
    out = _head(b, head)
    if full:
        out += _identity_details(b) + ["", "[bold]At a glance[/bold]"]
    else:
        out.append("")
    for line, (nums, more) in zip(shown, marks):
        refs = "".join(f"[{n}]" for n in nums) + (f" +{more} more" if more else "")
        out.append(f"• {rich_escape(line.text)} [dim]{rich_escape(refs)}[/dim]")
    out.append("")
    for note in notes:
        c = note.citation
        title = f" — {rich_escape(c.title)}" if titles and c.title else ""
        link = _url(c, note.siblings)
        url = f" {rich_escape(link)}" if link else ""
        out.append(
            f"[dim]{rich_escape(f'[{note.number}]')} {rich_escape(c.outlet or 'unknown outlet')}, {note.when}{title}{url}[/dim]"
        )
    if not full:
        out.append(_footer(b))
        out.append(f"[dim]Details, disputes and timeline: briefbot brief {rich_escape(_quoted(b.query))} --full[/dim]")
    return out


def _quoted(query: str) -> str:
    return query if " " not in query.strip() else '"' + query.replace('"', "") + '"'


def _head(b: Briefing, identity_refs: list[int]) -> list[str]:
    out = [f"[bold underline]Briefing: {rich_escape(b.topic)}[/bold underline]"]
    for extra in (b.note, b.also_line()):
        if extra:
            out.append(f"[italic]{rich_escape(extra)}[/italic]")
    if b.identity:
        role = f" — {rich_escape(b.identity.role)}" if b.identity.role else ""
        refs = "".join(f"[{n}]" for n in identity_refs)
        marks = f" [dim]{rich_escape(refs)}[/dim]" if refs else ""
        out.append(f"[bold]{rich_escape(b.identity.name)}[/bold] ({rich_escape(b.identity.type.lower())}){role}{marks}")
    return out


def _plain_length(lines: list[str]) -> int:
    text = render_lines(lines, width=10_000)
    return len(re.sub(r"https?://\S+", "", text))


def summary_view(b: Briefing) -> list[str]:
    """The default view within BUDGET: titles go first, then the lowest-ranked lines."""
    for titles in (True, False):
        for limit in range(len(b.summary), 0, -1):
            lines = _summary_lines(b, titles, limit)
            if _plain_length(lines) <= BUDGET:
                return lines
    return _summary_lines(b, False, 1)


def _claim(line: ClaimLine) -> str:
    via = f" via {rich_escape(line.via)}" if line.via else ""
    return f"[bold]{rich_escape(line.speaker)}[/bold] ({rich_escape(line.stance_label)}{via}, {rich_escape(line.date_label)}): {line.said(rich_escape(' '.join(line.quote.split())), rich_escape)}"


def _lines(result, full: bool = False) -> list[str]:
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
    if not full and b.summary:
        return summary_view(b)
    out = _summary_lines(b, full=True) if b.summary else _head(b, []) + _identity_details(b)
    if b.developments:
        out.append("\n[bold]Latest developments[/bold]")
        for d in b.developments:
            place = f" · {rich_escape(d.place)}" if d.place else ""
            count = f" ({d.independent_outlets} independent outlets)" if d.independent_outlets > 1 else ""
            out.append(
                f"• [bold]{rich_escape(d.date_label)}[/bold]{place}: {rich_escape(' '.join(d.text.split()))}{count}"
            )
            out += ["    " + _cite(c, d.text, d.citations) for c in d.citations]
    if b.disputes:
        out.append("\n[bold]Disputed[/bold]")
        for p in b.disputes:
            out.append("• " + _claim(p.claim))
            out += ["    " + _cite(c, p.claim.quote, p.claim.citations) for c in p.claim.citations]
            out.append("  ↔ " + _claim(p.denial))
            out += ["    " + _cite(c, p.denial.quote, p.denial.citations) for c in p.denial.citations]
    for m in b.matters:
        out.append(f"\n[bold]Claims — {rich_escape(m.label)}[/bold]")
        for line in m.claims:
            out.append("• " + _claim(line))
            out += ["    " + _cite(c, line.quote, line.citations) for c in line.citations]
    if not (b.developments or b.disputes or b.matters):
        out.append(b.empty_reason or "No events or claims match these filters yet.")
    out.append("\n" + _footer(b))
    return out


def _identity_details(b: Briefing) -> list[str]:
    if not b.identity:
        return []
    out = ["  Also known as: " + ", ".join(rich_escape(a) for a in b.identity.aliases)] if b.identity.aliases else []
    return out + ["  " + _cite(c, "", b.identity.citations) for c in b.identity.citations]


def _footer(b: Briefing) -> str:
    sources = ", ".join(f"{rich_escape(s.outlet)} ({s.counts()})" for s in b.sources)
    span = f" · {b.date_from} – {b.date_to}" if b.date_from else ""
    undated = f" · {b.undated_documents} undated" if b.undated_documents else ""
    filters = (
        " · filters: " + " ".join(f"{rich_escape(k)}:{rich_escape(v)}" for k, v in b.filters.items())
        if b.filters
        else ""
    )
    return f"[dim]Sources: {sources or 'none'}{span}{undated}{filters}[/dim]"


def print_result(result, console: Console, full: bool = False) -> None:
    _print(_lines(result, full), console)


def _print(lines: list[str], console: Console, soft_wrap: bool = False) -> None:
    for line in lines:
        console.print(line, highlight=False, soft_wrap=soft_wrap, emoji=False)


def render_lines(lines: list[str], width: int = 100) -> str:
    """Plain text for pipes and files: one logical line per line (soft wrap), so a sentence is never broken
    mid-way by a width the reader's pager or editor does not share; `width` only bounds rules and padding."""
    buffer = StringIO()
    _print(lines, Console(file=buffer, width=width, color_system=None, force_terminal=False), soft_wrap=True)
    return buffer.getvalue()


def render_text(result, width: int = 100, full: bool = False) -> str:
    """The default view is the summary (within BUDGET characters, URLs aside); `full` adds every detail."""
    return render_lines(_lines(result, full), width)
