"""Putting articles into the store, as every front end (CLI, Slack app, scheduler) does it: files, the demo corpus,
URLs, feeds, and re-extraction after an improvement. Each front end stays a thin skin over these."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path

from knowledge.ingest.pipeline import IngestReport, Pending, file_items, ingest
from knowledge.models import Document
from knowledge.store import KNOWLEDGE_LOCK, Store
from knowledge.store.documents import document_summary

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


def ingest_paths(store: Store, paths: Iterable[Path], extract: bool = True, progress: Progress = None) -> IngestReport:
    return ingest(store, file_items(paths), extract=extract, progress=progress)


def ingest_demo(store: Store, progress: Progress = None) -> IngestReport:
    from knowledge.demo import demo_files

    return ingest_paths(store, demo_files(), progress=progress)


def ensure_demo(store: Store) -> IngestReport | None:
    """Load the demo corpus into an empty store so a fresh install has something to brief on."""
    if store.document_count():
        return None
    return ingest_demo(store)


def ingest_urls(store: Store, urls: Iterable[str], fetcher=None, extract: bool = True, progress: Progress = None):
    from knowledge.ingest.fetch import Fetcher, fetch_article

    fetcher = fetcher or Fetcher()
    items: list[tuple[str, Pending]] = [(u, functools.partial(fetch_article, u, fetcher)) for u in urls]
    return ingest(store, items, extract=extract, progress=progress)


def ingest_feed(store: Store, url: str, fetcher=None, extract: bool = True, progress: Progress = None):
    """Fetch a feed and ingest each entry's article; broken entries are skipped with their reason."""
    from knowledge.ingest.feeds import read_feed
    from knowledge.ingest.fetch import Fetcher
    from knowledge.ingest.pipeline import Skipped

    fetcher = fetcher or Fetcher()
    feed = read_feed(url, fetcher)
    report = ingest_urls(store, [e.link for e in feed.entries], fetcher, extract, progress)
    report.skipped += [Skipped(url, reason) for reason in feed.skipped]
    return report


def reextract(store: Store, progress: Progress = None, n_process: int = 1) -> tuple[int, list[str]]:
    """Re-run extraction over every original document; each document's facts are replaced in one transaction.

    Returns how many were re-extracted and the ids of those left as they were because their text is over the
    length limit (stored before the limit existed, or with a higher one): one such document must not stop the rest.
    """
    from knowledge.config import get_settings
    from knowledge.extract.persist.writer import write_analysis
    from knowledge.extract.pipeline import analyze_texts

    limit = get_settings().max_document_chars
    docs: list[Document] = []
    too_long: list[Document] = []
    for d in store.iter_documents(include_duplicates=False):
        (docs if len(d.text) <= limit else too_long).append(d)
    if progress and too_long:
        progress(len(too_long))
    analyses = analyze_texts(((d.text, d.published_at) for d in docs), n_process=n_process)
    for doc, analysis in zip(docs, analyses):
        with store.transaction(lock=KNOWLEDGE_LOCK):
            write_analysis(store, doc, analysis)
        if progress:
            progress(1)
    return len(docs), [d.id for d in too_long]
