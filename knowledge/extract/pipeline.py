"""Extraction of one or many documents: spaCy once over all texts, then our passes over each parsed doc."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import TypeVar

from spacy.tokens import Doc

from knowledge.extract.analysis import Analysis, LocalClaim, StageFailure, stage_failure
from knowledge.extract.attribution.relations import Attribution, find_attributions
from knowledge.extract.disputes import link_in_document
from knowledge.extract.entities import find_entities
from knowledge.extract.events import find_events
from knowledge.extract.nlp import load_nlp
from knowledge.extract.parse.spans import caches, doc_text
from knowledge.extract.speakers.anaphora import resolve_document
from knowledge.extract.speakers.claims import to_claims
from knowledge.text.furniture import mask
from knowledge.text.headline import is_headline

# Claims whose content is treated as established fact for event extraction: an official confirmation or
# announcement of what happened, as opposed to hearsay, accusations or speculation.
FACTUAL_STANCES = {"acknowledge"}
FACTUAL_CUES = {"confirm", "announce", "acknowledge", "admit"}

T = TypeVar("T")


def headline_end(text: str) -> int:
    """End of a headline line at the top (short, no final period), or 0. A headline repeats the story in
    telegraphic form ("Kellogg denies agreeing to ..."); its entities count, but its claims and events are read
    from the body, where the wording is complete."""
    first, sep, _ = text.partition("\n")
    return len(first) if sep and is_headline(first) else 0


def _body_only(found: list[Attribution], body_start: int) -> list[Attribution]:
    """Attributions after the headline, their parent indices re-pointed into the shorter list."""
    kept = [i for i, a in enumerate(found) if not a.cue or a.cue[0][0] >= body_start]
    new = {old: n for n, old in enumerate(kept)}
    return [
        dataclasses.replace(a, parent=None if a.parent is None else new.get(a.parent)) for a in (found[i] for i in kept)
    ]


def _guarded(stage: str, failures: list[StageFailure], fn: Callable[[], T]) -> T | None:
    """Run one stage; an exception becomes a StageFailure and None (the stage's layer is left empty)."""
    try:
        return fn()
    except Exception as exc:  # any bug in one stage on one document: reported, never the batch's end
        failures.append(stage_failure(stage, exc))
        return None


def analyze_doc(doc: Doc, published: datetime | None) -> Analysis:
    """Each stage is guarded: a stage that raises leaves its layer (and the layers built on it) empty and is
    reported in `failures`; the document keeps everything else."""
    failures: list[StageFailure] = []
    with caches(doc):  # one text and one set of sentence boundaries for every pass over this Doc
        ents = _guarded("entities", failures, lambda: find_entities(doc))
        if ents is None:  # every other layer names entities
            return Analysis(failures=failures)
        text = doc_text(doc)
        body_start = headline_end(text)
        # "he", "she", "they", "the envoy", "the company": the nearest compatible person or organisation before
        _guarded("speakers", failures, lambda: resolve_document(doc, ents, body_start=body_start))

        def claims_stage() -> list[LocalClaim]:
            return to_claims(text, _body_only(find_attributions(doc), body_start), ents, doc)

        claims = _guarded("claims", failures, claims_stage) or []
        reported = [c.content for c in claims if c.stance not in FACTUAL_STANCES and c.cue_lemma not in FACTUAL_CUES]
        events = _guarded("events", failures, lambda: find_events(doc, ents, published, reported)) or []
        events = [e for e in events if e.span[0] >= body_start]
        names = [e.name for e in ents.entities]
        disputes = _guarded("disputes", failures, lambda: link_in_document(text, claims, names)) or []
    return Analysis(entities=ents.entities, events=events, claims=claims, disputes=disputes, failures=failures)


def _parsed(nlp, texts: list[str | None]) -> Iterator[Doc | StageFailure]:
    """spaCy over all texts in batches; if a batch raises, the rest are parsed one by one so only the text that
    fails is lost (None: a text whose masking already failed)."""
    done = 0
    try:
        # small batches: spaCy's default of 256 documents is ~10% slower per document on article-length texts
        for doc in nlp.pipe((t or "" for t in texts), batch_size=16):
            yield doc
            done += 1
    except Exception:
        for text in texts[done:]:
            try:
                yield nlp(text or "")
            except Exception as exc:
                yield stage_failure("parse", exc)


def _masked(text: str, failures: dict[int, StageFailure], n: int) -> str | None:
    try:
        return mask(text)
    except Exception as exc:  # unmasked furniture would become news: no facts rather than wrong ones
        failures[n] = stage_failure("furniture", exc)
        return None


def _analyze_chunk(chunk: list[tuple[str, datetime | None]]) -> list[Analysis]:
    nlp = load_nlp()
    # page furniture (captions, bylines, time stamps, teasers) is blanked, offsets kept: it never becomes news
    failed: dict[int, StageFailure] = {}
    texts = [_masked(t, failed, n) for n, (t, _) in enumerate(chunk)]
    out = []
    for n, (parsed, (_, published)) in enumerate(zip(_parsed(nlp, texts), chunk)):
        if isinstance(parsed, StageFailure):
            out.append(Analysis(failures=[parsed]))
        elif n in failed:
            out.append(Analysis(failures=[failed[n]]))
        else:
            out.append(analyze_doc(parsed, published))
    return out


def analyze_texts(
    items: Iterable[tuple[str, datetime | None]], n_process: int = 1, chunk_size: int = 8
) -> Iterator[Analysis]:
    """With several processes, each worker parses *and* runs our passes, returning small `Analysis` objects:
    shipping parsed Docs back to one process would make our passes the serial bottleneck."""
    items = list(items)
    if n_process <= 1 or len(items) < 2 * chunk_size:
        yield from _analyze_chunk(items)
        return
    import multiprocessing

    load_nlp()  # load before forking so workers share the model pages
    chunks = [items[i : i + chunk_size] for i in range(0, len(items), chunk_size)]
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        for analyses in pool.imap(_analyze_chunk, chunks):
            yield from analyses
