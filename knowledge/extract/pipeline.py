"""Extraction of one or many documents: spaCy once over all texts, then our passes over each parsed doc."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Iterator, Optional

from spacy.tokens import Doc

from knowledge.extract.analysis import Analysis
from knowledge.extract.attribution import find_attributions
from knowledge.extract.claims import to_claims
from knowledge.extract.disputes import link_in_document
from knowledge.extract.entities import find_entities
from knowledge.extract.events import find_events
from knowledge.extract.nlp import load_nlp

# Claims whose content is treated as established fact for event extraction: an official confirmation or
# announcement of what happened, as opposed to hearsay, accusations or speculation.
FACTUAL_STANCES = {"acknowledge"}
FACTUAL_CUES = {"confirm", "announce", "acknowledge", "admit"}


def analyze_doc(doc: Doc, published: Optional[datetime]) -> Analysis:
    ents = find_entities(doc)
    attributions = find_attributions(doc)
    claims = to_claims(doc.text, attributions, ents, doc)
    reported = [c.content for c in claims if c.stance not in FACTUAL_STANCES and c.cue_lemma not in FACTUAL_CUES]
    events = find_events(doc, ents, published, reported)
    disputes = link_in_document(doc.text, claims)
    return Analysis(entities=ents.entities, events=events, claims=claims, disputes=disputes)


def analyze_texts(items: Iterable[tuple[str, Optional[datetime]]], n_process: int = 1) -> Iterator[Analysis]:
    nlp = load_nlp()
    items = list(items)
    docs = nlp.pipe((text for text, _ in items), batch_size=16, n_process=n_process)
    for doc, (_, published) in zip(docs, items):
        yield analyze_doc(doc, published)
