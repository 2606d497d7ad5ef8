"""Extraction of one or many documents: spaCy once over all texts, then our passes over each parsed doc."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import datetime

from spacy.tokens import Doc

from knowledge.extract.analysis import Analysis
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


def analyze_doc(doc: Doc, published: datetime | None) -> Analysis:
    with caches(doc):  # one text and one set of sentence boundaries for every pass over this Doc
        ents = find_entities(doc)
        text = doc_text(doc)
        body_start = headline_end(text)
        # "he", "she", "they", "the envoy", "the company": the nearest compatible person or organisation before
        resolve_document(doc, ents, body_start=body_start)
        attributions = _body_only(find_attributions(doc), body_start)
        claims = to_claims(text, attributions, ents, doc)
        reported = [c.content for c in claims if c.stance not in FACTUAL_STANCES and c.cue_lemma not in FACTUAL_CUES]
        events = [e for e in find_events(doc, ents, published, reported) if e.span[0] >= body_start]
        disputes = link_in_document(text, claims, [e.name for e in ents.entities])
    return Analysis(entities=ents.entities, events=events, claims=claims, disputes=disputes)


def _analyze_chunk(chunk: list[tuple[str, datetime | None]]) -> list[Analysis]:
    nlp = load_nlp()
    # small batches: spaCy's default of 256 documents is ~10% slower per document on article-length texts
    # page furniture (captions, bylines, time stamps, teasers) is blanked, offsets kept: it never becomes news
    docs = nlp.pipe((mask(t) for t, _ in chunk), batch_size=16)
    return [analyze_doc(doc, published) for doc, (_, published) in zip(docs, chunk)]


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
