"""Ingestion as one path for every input kind: read → skip known → detect near-duplicates → extract → store.

Reading and extraction happen outside transactions; each document is then written with all its extracted facts
in a single transaction. A bad input becomes a `Skipped` entry with its one-line reason and the batch goes on. An
unexpected exception on one document does the same: while reading or storing it, the document is skipped; in one
extraction stage, the document is stored without that stage's layer (`Failed`). Both are logged with the document
and the stage. Only an error of the database itself stops a batch (the document being written is rolled back).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from knowledge.extract.analysis import Analysis, StageFailure, stage_failure
from knowledge.extract.persist.writer import write_analysis
from knowledge.ingest.errors import IngestError
from knowledge.ingest.own_facts import copy_part, own_analysis, own_part_of
from knowledge.models import Document, DocumentInput, content_hash
from knowledge.store import KNOWLEDGE_LOCK, SaveResult, Store
from knowledge.store.db import is_database_error
from knowledge.store.errors import StoreNotWritable
from knowledge.store.facts import clear_facts
from knowledge.store.health import reason, unavailable
from knowledge.text.copies import Copy, choose_original
from knowledge.text.own_part import OwnPart

log = logging.getLogger("briefbot.ingest")

# An input is either ready (DocumentInput) or a zero-argument reader that may raise IngestError when called.
Pending = DocumentInput | Callable[[], DocumentInput]
Progress = Callable[[int], None]


@dataclass
class Skipped:
    source: str
    reason: str


# what a document is stored without when a stage fails
MISSING = {
    "furniture": "any extracted facts",
    "parse": "any extracted facts",
    "entities": "any extracted facts",
    "speakers": "pronoun speakers",
    "claims": "claims and disputes",
    "events": "events",
    "disputes": "in-document disputes",
    "store": "any extracted facts",
}


@dataclass
class Failed:
    """A document stored (or left, on re-extraction) without the layer of the extraction stage that raised."""

    source: str
    document_id: str
    stage: str
    error: str
    left_unchanged: bool = False

    @property
    def reason(self) -> str:
        kept = "left as it was" if self.left_unchanged else f"stored without {MISSING.get(self.stage, 'that layer')}"
        return f"{self.source}: extraction stage {self.stage!r} failed ({self.error}); {kept}"


def report_failure(failed: Failed, detail: str = "") -> Failed:
    log.warning("%s%s", failed.reason, f"\n{detail}" if detail else "")
    return failed


def unexpected(label: str, stage: str, exc: Exception) -> Skipped:
    """A bug met on one input (not a bad input we know how to name): skipped with its stage, logged in full."""
    if is_database_error(exc):
        raise exc
    reason = f"{label}: unexpected error while {stage} ({type(exc).__name__}: {str(exc)[:200]}); skipped"
    log.warning("%s", reason, exc_info=exc)
    return Skipped(label, reason)


@dataclass
class Ignored(Skipped):
    """A file in a folder that is no article (a .pdf, a .docx): named, so it is never passed over silently, but
    not an input that failed (the folder was given, not the file)."""


# Told about each input as soon as it is done (stored, unchanged, a copy, or skipped), for per-file output.
Each = Callable[["SaveResult | Skipped"], None]


@dataclass
class IngestReport:
    results: list[SaveResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def stored(self) -> int:
        return self.count("stored")

    def merge(self, other: IngestReport) -> None:
        self.results += other.results
        self.skipped += other.skipped
        self.ignored += other.ignored
        self.failed += other.failed

    @property
    def problems(self) -> list[str]:
        """Every one-line reason to report (skipped inputs, then failed stages): a non-empty list means exit 2."""
        return [s.reason for s in self.skipped] + [f.reason for f in self.failed]


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
    each: Each | None = None,
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
            if each:
                each(report.skipped[-1])
            if progress:
                progress(1)
        except Exception as exc:
            report.skipped.append(unexpected(label, "reading", exc))
            if progress:
                progress(1)
        if len(batch) >= batch_size:
            report.merge(_store_batch(store, batch, extract, progress, each))
            batch = []
    if batch:
        report.merge(_store_batch(store, batch, extract, progress, each))
    return report


@dataclass
class _Fresh:
    """A new document of the batch on its way to the store: a copy (`original`) is extracted only where it says
    something its original does not (`own`); `demote` is a stored document that becomes this one's copy."""

    label: str
    inp: DocumentInput
    original: str | None
    keys: list[str]
    score: float
    demote: str | None
    own: OwnPart = field(default_factory=lambda: OwnPart(()))
    demoted_own: OwnPart = field(default_factory=lambda: OwnPart(()))
    analysis: Analysis | None = None
    demoted: Document | None = None  # the stored document `demote`, with its analysis when it has own passages
    demoted_analysis: Analysis | None = None


def _store_batch(
    store: Store, batch: list[tuple[str, DocumentInput]], extract: bool, progress: Progress | None, each: Each | None
) -> IngestReport:
    report = IngestReport()
    fresh: list[_Fresh] = []
    seen_in_batch: set[str] = set()  # content hashes of this batch's new documents, not yet in the store

    for label, inp in batch:
        try:
            digest = content_hash(inp.text)
            existing = store.find_existing(inp) or (digest if digest in seen_in_batch else None)
            if not existing:
                original, score, keys = store.find_near_duplicate(inp.text, inp.published_at, inp.title)
                demote = _earlier_copy(store, inp, digest, original)
                item = _Fresh(label, inp, None if demote else original, keys, score, demote)
                if item.original is not None:
                    item.own = own_part_of(store, inp.text, item.original)
                if demote is not None:
                    item.demoted_own = copy_part(store.copy_of(demote).text, inp.text)
        except Exception as exc:
            report.skipped.append(unexpected(label, "looking for copies", exc))
            if progress:
                progress(1)
            continue
        if existing:
            report.results.append(SaveResult("exists", existing, title=inp.title, label=label))
            if each:
                each(report.results[-1])
            if progress:
                progress(1)
            continue
        seen_in_batch.add(digest)
        fresh.append(item)

    # an original is extracted whole, a copy for its own passages, a demoted stored article for its own passages
    for f in fresh:
        if f.demote and f.demoted_own:
            f.demoted = store.get_document(f.demote)
    if extract:
        whole = [f for f in fresh if f.original is None or f.own]
        old = [f for f in fresh if f.demoted is not None]
        texts = [(f.inp.text, f.inp.published_at) for f in whole]
        texts += [(f.demoted.text, f.demoted.published_at) for f in old if f.demoted is not None]
        analyses = iter(_analyze(texts))
        for f in whole:
            f.analysis = next(analyses)
        for f in old:
            f.demoted_analysis = next(analyses)
    written: dict[str, tuple[Document, Analysis]] = {}  # this batch's originals, should one be demoted
    for f in fresh:
        label, inp, original, keys, score, demote = f.label, f.inp, f.original, f.keys, f.score, f.demote
        analysis = f.analysis
        failures = list(analysis.failures) if analysis is not None else []
        # Checked again under the lock every writer of documents takes: another worker may have stored the same
        # article (or a near-duplicate: an earlier one of this batch's, or one written meanwhile) while this one
        # was being extracted.
        try:
            with store.transaction(lock=KNOWLEDGE_LOCK):
                existing = store.find_existing(inp)
                if existing is None:
                    if original is None and demote is None:
                        original, score, keys = store.find_near_duplicate(inp.text, inp.published_at, inp.title)
                        demote = _earlier_copy(store, inp, content_hash(inp.text), original)
                        if demote:
                            # this one is the original (it was analysed as such, so nothing is lost); the copy
                            # written before it in this batch becomes its copy, as when stored in an earlier run
                            original = None
                        elif original is not None:
                            f.own = own_part_of(store, inp.text, original)
                    doc = store.insert_document(inp, keys, original)
                    if analysis is not None:
                        mine = analysis if original is None else own_analysis(analysis, f.own)
                        failures += write_facts(store, doc, mine)
                    if demote:
                        store.make_copy(demote, doc.id)
                        clear_facts(store, demote)
                        # the demoted article keeps the facts of what only it says (none when a stage failed)
                        was, its = (
                            (f.demoted, f.demoted_analysis) if demote == f.demote else written.get(demote, (None, None))
                        )
                        if was is not None and its is not None and not its.failures:
                            failures += write_facts(store, was, own_analysis(its, copy_part(was.text, inp.text)))
                    if analysis is not None and original is None:
                        written[doc.id] = (doc, analysis)
        except Exception as exc:
            if unavailable(exc):  # the store itself refuses writes: the batch stops, naming this document
                raise StoreNotWritable(
                    f"{label}: not stored: {reason(exc)} (a full disk, or a read-only store?); nothing of it was "
                    "written, and the documents before it are stored"
                ) from None
            report.skipped.append(unexpected(label, "storing", exc))
            if progress:
                progress(1)
            continue
        if existing is None:
            for fl in failures:
                report.failed.append(report_failure(Failed(label, doc.id, fl.stage, fl.error), fl.detail))
        if existing is not None:
            report.results.append(SaveResult("exists", existing, title=inp.title, label=label))
        else:
            status = "duplicate" if original else "stored"
            report.results.append(SaveResult(status, doc.id, original, score if original else 1.0, inp.title, label))
        if each:
            each(report.results[-1])
        if progress:
            progress(1)
    return report


def write_facts(store: Store, doc, analysis: Analysis) -> list[StageFailure]:
    """Write a document's facts in a savepoint of the caller's transaction: if writing them raises (a bug in our code,
    not a database error), the document is kept without facts rather than lost."""
    try:
        with store.transaction():
            write_analysis(store, doc, analysis)
    except Exception as exc:
        if is_database_error(exc):
            raise
        return [stage_failure("store", exc)]
    return []


def _earlier_copy(store: Store, inp: DocumentInput, doc_id: str, stored: str | None) -> str | None:
    """The stored near-duplicate `stored` when the new article is its original (named as its source, or published
    earlier): then the stored one becomes the copy. Ingestion order says nothing about who wrote a story."""
    if stored is None:
        return None
    new = Copy(doc_id, inp.text, inp.outlet, inp.outlet_domain, inp.published_at, inp.retrieved_at, inp.title)
    return stored if choose_original([store.copy_of(stored), new]).id == doc_id else None


def _analyze(texts: list[tuple[str, datetime | None]]) -> list[Analysis]:
    if not texts:
        return []
    from knowledge.extract.pipeline import analyze_texts

    return list(analyze_texts(texts))


def file_items(paths: Iterable[Path]) -> Iterator[tuple[str, Pending]]:
    """Each file to read; a folder holding no article file is reported, so "0 stored" never goes unexplained."""
    from knowledge.ingest.files import ARTICLE_SUFFIXES, iter_paths, read_file

    kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
    for given in paths:
        found = iter_paths([given])
        if not found:
            reason = f"{given}: no article files in this folder ({kinds})"
            yield str(given), functools.partial(_raise, IngestError(reason, str(given)))
        for path in found:
            yield str(path), functools.partial(read_file, path)


def ignored_files(paths: Iterable[Path]) -> list[Ignored]:
    """The files in the given folders that ingesting them passes over (no article file type, not a sidecar)."""
    from knowledge.ingest.files import ARTICLE_SUFFIXES, other_files

    kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
    return [
        Ignored(str(p), f"{p}: not an article file ({p.suffix or 'no extension'}); briefbot reads {kinds}")
        for given in paths
        for p in other_files(Path(given))
    ]


def _raise(exc: Exception) -> DocumentInput:
    raise exc
