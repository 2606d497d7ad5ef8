"""`briefbot ingest` and `briefbot extract`: fill and refresh the store, with a progress bar for long work."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.cli import EXTRACTOR_HELP, app, console, err, fail, open_store, prepare_extractor


def quiet_ingest_log() -> None:
    """These commands print every skipped input and failed stage themselves, one line each; without a configured
    logger Python would print the same warnings again, with tracebacks (`briefbot serve` configures logging, so
    the app's log keeps them)."""
    logger = logging.getLogger("briefbot.ingest")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


@contextmanager
def progress_bar(label: str, total: int | None) -> Iterator:
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    # On a terminal the bar stays below the per-file lines (Rich prints them above it); piped, only the lines.
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)


class LinePrinter:
    """One line per input as soon as it is done, numbered against the total when it is known ("[3/70]"), so a
    piped run (cron, Docker logs) shows progress as it happens rather than everything at the end."""

    def __init__(self, total: int | None):
        self.total, self.done = total, 0

    def __call__(self, item) -> None:
        from knowledge.ingest.pipeline import Ignored, Skipped

        self.done += 1
        count = f"[{self.done}/{self.total if self.total is not None else '?'}] "
        if isinstance(item, Ignored):
            err.print(f"{count}[yellow]ignored[/yellow]   {item.reason}", highlight=False)
            return
        if isinstance(item, Skipped):
            err.print(f"{count}[red]skipped[/red]   {item.reason}", highlight=False)
            return
        title = item.title or item.label or item.document_id
        if item.status == "stored":
            line = f"[green]stored[/green]    {item.document_id[:12]}  {title}"
        elif item.status == "exists":
            line = f"[dim]unchanged[/dim] {item.document_id[:12]}  {title} (already stored)"
        else:
            line = (
                f"[yellow]duplicate[/yellow] {item.document_id[:12]}  {title} "
                f"(copy of {item.duplicate_of[:12]}, {item.similarity:.0%} similar)"
            )
        console.print(count + line, highlight=False, soft_wrap=True)


def count_inputs(paths: list[Path], urls: list[str], demo: bool, feeds: list[str]) -> int | None:
    """How many inputs a run has, when that is known before fetching (a feed's entries are not)."""
    if feeds:
        return None
    from knowledge.ingest.files import iter_paths, other_files

    total = len(urls) + sum(max(1, len(iter_paths([p]))) + len(other_files(p)) for p in paths)
    if demo:
        from knowledge.demo import demo_files

        total += len(iter_paths(list(demo_files())))
    return total


def print_report(report) -> None:
    for f in report.failed:  # stored, but an extraction stage failed on it: reported at the end, with the stage
        err.print(f"[red]partial[/red]   {f.reason}", highlight=False, soft_wrap=True)
    summary = (
        f"{report.stored} stored, {report.count('duplicate')} near-duplicates, "
        f"{report.count('exists')} already stored, {len(report.skipped)} skipped"
    )
    if report.failed:
        summary += f", {len(report.failed)} stored without a failed extraction stage's facts"
    if report.ignored:
        summary += f", {len(report.ignored)} ignored (not article files)"
    if not report.stored and not report.count("duplicate") and report.results:
        summary += " — nothing new"
    console.print(summary, highlight=False)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(None, help="Text/HTML files or directories."),
    url: list[str] = typer.Option(None, "--url", help="Fetch and ingest an article URL (repeatable)."),
    feed: list[str] = typer.Option(None, "--feed", help="Ingest every entry of an RSS/Atom feed (repeatable)."),
    demo: bool = typer.Option(False, "--demo", help="Load the bundled demo corpus."),
    no_extract: bool = typer.Option(False, "--no-extract", help="Store documents without running extraction."),
    extractor: str = typer.Option(None, "--extractor", help=EXTRACTOR_HELP),
) -> None:
    """Ingest articles; re-running is safe (known articles are left unchanged)."""
    from knowledge.ingest.pipeline import IngestReport, Skipped
    from knowledge.store import StoreError

    if not (paths or url or feed or demo):
        raise fail("nothing to ingest: give files or directories, --url, --feed or --demo") from None
    quiet_ingest_log()
    if not no_extract:
        prepare_extractor(extractor)
    missing = [p for p in paths or [] if not p.exists()]
    existing = [p for p in paths or [] if p.exists()]
    store = open_store()
    report = IngestReport()
    each = LinePrinter(count_inputs(existing, url or [], demo, feed or []))
    if each.total is not None:
        each.total += len(missing)
    for p in missing:
        report.skipped.append(Skipped(str(p), f"{p}: no such file or directory"))
        each(report.skipped[-1])
    try:
        _ingest_into(store, report, existing, url, feed, demo, no_extract, each)
    except StoreError as exc:  # a full disk or a read-only store: one line naming the document and the cause
        raise fail(str(exc)) from None
    print_report(report)
    if report.problems:
        raise typer.Exit(2)


def _ingest_into(store, report, existing, url, feed, demo: bool, no_extract: bool, each: LinePrinter) -> None:
    from knowledge.ingest import service
    from knowledge.ingest.errors import IngestError
    from knowledge.ingest.pipeline import Skipped

    with store, progress_bar("ingesting", each.total) as advance:
        if demo:
            report.merge(service.ingest_demo(store, progress=advance, each=each))
        if existing:
            report.merge(service.ingest_paths(store, existing, extract=not no_extract, progress=advance, each=each))
        if url:
            report.merge(service.ingest_urls(store, url, extract=not no_extract, progress=advance, each=each))
        for feed_url in feed or []:
            try:
                report.merge(service.ingest_feed(store, feed_url, extract=not no_extract, progress=advance, each=each))
            except IngestError as exc:
                report.skipped.append(Skipped(feed_url, str(exc)))
                each(report.skipped[-1])


@app.command()
def extract(
    all_: bool = typer.Option(False, "--all", help="Re-extract every stored document."),
    processes: int = typer.Option(1, "--processes", "-j", min=1, help="spaCy worker processes."),
    extractor: str = typer.Option(None, "--extractor", help=EXTRACTOR_HELP),
) -> None:
    """Re-run extraction (after an improvement); each document's facts are replaced atomically."""
    from knowledge.ingest import service

    if not all_:
        raise fail("say --all to re-extract every stored document") from None
    quiet_ingest_log()
    prepare_extractor(extractor)
    store = open_store()
    with store:
        total = sum(1 for _ in store.iter_documents())  # copies too: each is checked for passages of its own
        with progress_bar("extracting", total) as advance:
            done = service.reextract(store, progress=advance, n_process=processes)
        stats = store.stats()
    console.print(
        f"re-extracted {done.done} documents: {stats['entities']} entities, {stats['events']} events, "
        f"{stats['claims']} claims, {stats['disputes']} disputes",
        highlight=False,
    )
    for f in done.failed:
        err.print(f"[red]unchanged[/red] {f.reason}", highlight=False, soft_wrap=True)
    too_long = done.too_long
    if too_long:
        noun = "document" if len(too_long) == 1 else "documents"
        console.print(
            f"{len(too_long)} {noun} over the length limit left unchanged: "
            f"{', '.join(too_long[:5])}{' …' if len(too_long) > 5 else ''}",
            highlight=False,
        )
    if too_long or done.failed:
        raise typer.Exit(2)
