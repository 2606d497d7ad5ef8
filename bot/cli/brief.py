"""`briefbot brief TOPIC`: the main command.

The quick start (`briefbot brief kellogg` in a fresh clone) briefs on the bundled demo corpus: the demo is loaded
only when no store was configured (no --db, no BRIEFBOT_DB in the environment or .env) and the default
./briefbot.db holds no documents, and the command says so. A configured store is never filled with fictional
articles; an empty one is reported as empty, with how to fill it."""

from __future__ import annotations

import sys

import typer

from bot.cli import app, console, err, fail, open_store, store_configured


@app.command()
def brief(
    ctx: typer.Context,
    topic: list[str] = typer.Argument(..., help="A name or subject, optionally with since:7d from:outlet limit:N."),
    since: str | None = typer.Option(None, "--since", help="Only items since a date (2025-06-01) or period (7d)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text | markdown | json | blocks"),
    limit: int | None = typer.Option(None, "--limit", min=1, max=50, help="Lines per section."),
    full: bool = typer.Option(False, "--full", help="Everything: developments, disputes, claims, every quote."),
) -> None:
    """Print a cited briefing on a person, organisation, place or subject: its summary, or everything (--full)."""
    from bot.slack.render import FORMATS, render
    from knowledge.brief.compose import compose
    from knowledge.brief.query import QueryError, parse_query
    from knowledge.ingest.service import ensure_demo
    from knowledge.render.links import LinkError, linker_from_settings

    if [t.lower() for t in topic] in (["help"], ["?"]):
        console.print(ctx.get_help(), highlight=False)  # `briefbot brief help` asks for help, not about "help"
        return
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    try:  # viewer links (BRIEFBOT_PUBLIC_URL) need a usable key: say so rather than print article links silently
        linker_from_settings()
    except LinkError as exc:
        raise fail(str(exc)) from None
    try:
        query = parse_query(" ".join(topic), since=since)
    except QueryError as exc:
        raise fail(str(exc)) from None
    if limit:
        query.limit = limit
    with open_store() as store:
        if not store.document_count():
            if not store_configured():
                err.print(
                    f"No store configured and {store.target} is new: loading the bundled demo corpus "
                    "(fictional outlets, real story) so you can try briefbot. Set BRIEFBOT_DB or --db for your own."
                )
                ensure_demo(store)
            else:
                err.print(
                    f"The store {store.target} holds no documents: ingest some first "
                    "(briefbot ingest FILES | --url URL | --feed URL; briefbot ingest --demo for the demo corpus)."
                )
                raise typer.Exit(3)
        result = compose(store, query)
    out = render(result, fmt, full=full)
    if fmt == "text" and console.is_terminal:
        from knowledge.render.text import print_result

        print_result(result, console, full=full)
    else:
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    if result.kind == "unknown":
        raise typer.Exit(3)


@app.command()
def chart(
    topic: list[str] = typer.Argument(..., help="A name or subject, optionally with since:7d from:outlet."),
    out: str = typer.Option(..., "--output", "-o", help="The file to write: .png or .svg."),
) -> None:
    """Write a topic's coverage timeline: articles per day for each storyline, and the dates of disputes."""
    from pathlib import Path

    from knowledge.brief.compose import compose
    from knowledge.brief.model import Briefing
    from knowledge.brief.query import QueryError, parse_query
    from knowledge.ingest.service import ensure_demo
    from knowledge.render.timeline import chart_png, chart_svg, timeline

    path = Path(out)
    if path.suffix.lower() not in (".png", ".svg"):
        raise fail(f"{out}: the chart is written as .png or .svg; name the file so") from None
    try:
        query = parse_query(" ".join(topic))
    except QueryError as exc:
        raise fail(str(exc)) from None
    with open_store() as store:
        if not store.document_count():
            err.print("The store is empty: loading the bundled demo corpus (fictional outlets, real story)…")
            ensure_demo(store)
        result = compose(store, query)
    if not isinstance(result, Briefing):
        names = ", ".join(c.name for c in getattr(result, "choices", []))
        raise fail(f"no single topic {query.topic!r}" + (f": it could mean {names}" if names else " in the store"), 3)
    data = timeline(result)
    body = chart_png(data) if path.suffix.lower() == ".png" else chart_svg(data)
    try:
        path.write_bytes(body)
    except OSError as exc:
        raise fail(f"{out}: {exc.strerror or exc}") from None
    days = data.days
    span = f", {days[0]:%-d %b %Y} – {days[-1]:%-d %b %Y}" if days else ""
    n, d = len(data.series), len(data.disputes)
    console.print(f"Wrote {out}: {n} storyline{'s' * (n != 1)}, {d} dispute date{'s' * (d != 1)}{span}", soft_wrap=True)
