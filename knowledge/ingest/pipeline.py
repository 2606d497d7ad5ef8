"""Ingestion as one path for every input kind: read → skip known → detect near-duplicates → extract → store.

Reading and extraction happen outside transactions; each document is then written with all its extracted facts
in a single transaction. A bad input becomes a `Skipped` entry with its one-line reason and the batch goes on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.extract.persist.writer import write_analysis
from knowledge.ingest.errors import IngestError
from knowledge.models import DocumentInput, content_hash
from knowledge.store import KNOWLEDGE_LOCK, SaveResult, Store
from knowledge.store.facts import clear_facts
from knowledge.text.copies import Copy, choose_original

# An input is either ready (DocumentInput) or a zero-argument reader that may raise IngestError when called.
Pending = DocumentInput | Callable[[], DocumentInput]
Progress = Callable[[int], None]


@dataclass
class Skipped:
    source: str
    reason: str


@dataclass
class IngestReport:
    results: list[SaveResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def stored(self) -> int:
        return self.count("stored")

    def merge(self, other: IngestReport) -> None:
        self.results += other.results
        self.skipped += other.skipped


def _resolve(item: Pending) -> DocumentInput:
    return item() if callable(item) else item


def check_length(text: str, name: str) -> None:
    """Refused before anything is stored, with or without extraction, so the store never holds a document that
    `extract --all` cannot analyse."""
    from knowledge.config import get_settings

    limit = get_settings().max_document_chars
    if len(text) > limit:
        raise IngestError(
            f"{name}: text is {len(text):,} characters, over the {limit:,}-character limit "
            "for one article (set MAX_DOCUMENT_CHARS to raise it)",
            name,
        )


def ingest(
    store: Store,
    items: Iterable[tuple[str, Pending]],
    extract: bool = True,
    progress: Progress | None = None,
    batch_size: int = 16,
) -> IngestReport:
    """Ingest (label, input) pairs; label names the input in messages (a path or URL)."""
    report = IngestReport()
    batch: list[tuple[str, DocumentInput]] = []
    for label, item in items:
        try:
            inp = _resolve(item)
            check_length(inp.text, label)
            batch.append((label, inp))
        except IngestError as exc:
            report.skipped.append(Skipped(label, str(exc)))
            if progress:
                progress(1)
        if len(batch) >= batch_size:
            report.merge(_store_batch(store, batch, extract, progress))
            batch = []
    if batch:
        report.merge(_store_batch(store, batch, extract, progress))
    return report


def _store_batch(
    store: Store, batch: list[tuple[str, DocumentInput]], extract: bool, progress: Progress | None
) -> IngestReport:
    report = IngestReport()
    fresh: list[tuple[str, DocumentInput, str | None, list[str], float, str | None]] = []
    seen_in_batch: set[str] = set()  # content hashes of this batch's new documents, not yet in the store

    for label, inp in batch:
        digest = content_hash(inp.text)
        existing = store.find_existing(inp) or (digest if digest in seen_in_batch else None)
        if existing:
            report.results.append(SaveResult("exists", existing, title=inp.title, label=label))
            if progress:
                progress(1)
            continue
        seen_in_batch.add(digest)
        original, score, keys = store.find_near_duplicate(inp.text, inp.published_at, inp.title)
        demote = _earlier_copy(store, inp, digest, original)
        fresh.append((label, inp, None if demote else original, keys, score, demote))

    todo = [inp for _, inp, original, _, _, _ in fresh if original is None]
    analyses = iter(_analyze(todo, extract))
    for label, inp, original, keys, score, demote in fresh:
        analysis = next(analyses, None) if original is None and extract else None
        # Checked again under the lock every writer of documents takes: another worker may have stored the same
        # article (or a near-duplicate: an earlier one of this batch's, or one written meanwhile) while this one
        # was being extracted.
        with store.transaction(lock=KNOWLEDGE_LOCK):
            existing = store.find_existing(inp)
            if existing is None:
                if original is None and demote is None:
                    original, score, keys = store.find_near_duplicate(inp.text, inp.published_at, inp.title)
                    demote = _earlier_copy(store, inp, content_hash(inp.text), original)
                    if demote:
                        # this one is the original (it was analysed as such, so nothing is lost); the copy
                        # written before it in this batch becomes its copy, as when it was stored in an earlier run
                        original = None
                doc = store.insert_document(inp, keys, original)
                if analysis is not None and original is None:
                    write_analysis(store, doc, analysis)
                if demote:
                    store.make_copy(demote, doc.id)
                    clear_facts(store, demote)
        if existing is not None:
            report.results.append(SaveResult("exists", existing, title=inp.title, label=label))
        else:
            status = "duplicate" if original else "stored"
            report.results.append(SaveResult(status, doc.id, original, score if original else 1.0, inp.title, label))
        if progress:
            progress(1)
    return report


def _earlier_copy(store: Store, inp: DocumentInput, doc_id: str, stored: str | None) -> str | None:
    """The stored near-duplicate `stored` when the new article is its original (named as its source, or published
    earlier): then the stored one becomes the copy. Ingestion order says nothing about who wrote a story."""
    if stored is None:
        return None
    new = Copy(doc_id, inp.text, inp.outlet, inp.outlet_domain, inp.published_at, inp.retrieved_at, inp.title)
    return stored if choose_original([store.copy_of(stored), new]).id == doc_id else None


def _analyze(inputs: list[DocumentInput], extract: bool) -> list:
    if not extract or not inputs:
        return []
    from knowledge.extract.pipeline import analyze_texts

    return list(analyze_texts([(inp.text, inp.published_at) for inp in inputs]))


def file_items(paths: Iterable[Path]) -> Iterator[tuple[str, Pending]]:
    """Each file to read; a folder holding no article file is reported, so "0 stored" never goes unexplained."""
    from knowledge.ingest.files import ARTICLE_SUFFIXES, iter_paths, read_file

    for given in paths:
        found = iter_paths([given])
        if not found:
            reason = f"{given}: no article files in this folder ({', '.join(sorted(ARTICLE_SUFFIXES))})"
            yield str(given), functools.partial(_raise, IngestError(reason, str(given)))
        for path in found:
            yield str(path), functools.partial(read_file, path)


def _raise(exc: Exception) -> DocumentInput:
    raise exc
