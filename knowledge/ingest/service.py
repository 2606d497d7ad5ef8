"""Putting articles into the store, as every front end (CLI, Slack app, scheduler) does it: files, the demo corpus,
URLs, feeds, and re-extraction after an improvement. Each front end stays a thin skin over these."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.ingest.own_facts import own_analysis, own_part_of
from knowledge.ingest.pipeline import (
    Each,
    Failed,
    IngestReport,
    Pending,
    file_items,
    ignored_files,
    ingest,
    report_failure,
    write_facts,
)
from knowledge.models import Document
from knowledge.store import KNOWLEDGE_LOCK, Store
from knowledge.store.documents import document_summary
from knowledge.store.facts import clear_facts
from knowledge.text.own_part import OwnPart

__all__ = [
    "ingest",
    "document_summary",
    "ensure_demo",
    "ingest_demo",
    "ingest_feed",
    "ingest_paths",
    "ingest_urls",
    "reextract",
]

Progress = Callable[[int], None] | None


def ingest_paths(
    store: Store, paths: Iterable[Path], extract: bool = True, progress: Progress = None, each: Each | None = None
) -> IngestReport:
    paths = list(paths)
    report = ingest(store, file_items(paths), extract=extract, progress=progress, each=each)
    report.ignored = ignored_files(paths)
    if each is not None:
        for item in report.ignored:
            each(item)
    return report


def ingest_demo(store: Store, progress: Progress = None, each: Each | None = None) -> IngestReport:
    from knowledge.demo import demo_files

    return ingest_paths(store, demo_files(), progress=progress, each=each)


def ensure_demo(store: Store) -> IngestReport | None:
    """Load the demo corpus into an empty store so a fresh install has something to brief on."""
    if store.document_count():
        return None
    return ingest_demo(store)


def ingest_urls(
    store: Store, urls: Iterable[str], fetcher=None, extract: bool = True, progress: Progress = None, each=None
):
    from knowledge.ingest.fetch import Fetcher, fetch_article

    fetcher = fetcher or Fetcher()
    items: list[tuple[str, Pending]] = [(u, functools.partial(fetch_article, u, fetcher)) for u in urls]
    return ingest(store, items, extract=extract, progress=progress, each=each)


def ingest_feed(store: Store, url: str, fetcher=None, extract: bool = True, progress: Progress = None, each=None):
    """Fetch a feed and ingest each entry's article; broken entries are skipped with their reason."""
    from knowledge.ingest.feeds import read_feed
    from knowledge.ingest.fetch import Fetcher
    from knowledge.ingest.pipeline import Skipped

    fetcher = fetcher or Fetcher()
    feed = read_feed(url, fetcher)
    report = ingest_urls(store, [e.link for e in feed.entries], fetcher, extract, progress, each)
    report.skipped += [Skipped(url, reason) for reason in feed.skipped]
    for skipped in report.skipped[len(report.skipped) - len(feed.skipped) :] if each else []:
        each(skipped)
    return report


@dataclass
class ReextractReport:
    """`extract --all`: how many documents got fresh facts, which were left as they were because their text is
    over the length limit, and which because an extraction stage failed on them."""

    done: int = 0
    too_long: list[str] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)


def reextract(
    store: Store, progress: Progress = None, n_process: int = 1, only: set[str] | None = None
) -> ReextractReport:
    """Re-run extraction over every original document and every copy with passages of its own (or those in `only`);
    each document's facts are replaced in one transaction.

    A document over the length limit (stored before the limit existed, or with a higher one) or one on which an
    extraction stage fails keeps the facts it had: a partial re-extraction would replace whole layers with nothing.
    Neither stops the rest.
    """
    from knowledge.config import get_settings
    from knowledge.extract.pipeline import analyze_texts

    limit = get_settings().max_document_chars
    report = ReextractReport()
    docs: list[Document] = []
    own: dict[str, OwnPart] = {}  # a copy is re-extracted for its own passages only, and only when it has some
    for d in store.iter_documents():
        if only is not None and d.id not in only:
            continue
        if d.duplicate_of is not None:
            own[d.id] = own_part_of(store, d.text, d.duplicate_of)
            if not own[d.id]:
                with store.transaction(lock=KNOWLEDGE_LOCK):
                    clear_facts(store, d.id)  # facts of passages its original now holds
                if progress:
                    progress(1)
                continue
        if len(d.text) > limit:
            report.too_long.append(d.id)
        else:
            docs.append(d)
    if progress and report.too_long:
        progress(len(report.too_long))
    analyses = analyze_texts(((d.text, d.published_at) for d in docs), n_process=n_process)
    for doc, analysis in zip(docs, analyses):
        failures = analysis.failures
        if not failures:
            with store.transaction(lock=KNOWLEDGE_LOCK):
                mine = own_analysis(analysis, own[doc.id]) if doc.id in own else analysis
                failures = write_facts(store, doc, mine)
        for f in failures:
            label = f"document {doc.id[:12]}" + (f" ({doc.title})" if doc.title else "")
            report.failed.append(report_failure(Failed(label, doc.id, f.stage, f.error, True), f.detail))
        report.done += not failures
        if progress:
            progress(1)
    return report
