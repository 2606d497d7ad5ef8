"""Writes one document's analysis into the store, replacing any earlier analysis of it.

Called inside the caller's transaction (ingestion or re-extraction), so a document's facts are replaced all at
once or not at all. Every stored offset is checked against the document text before it is written.
"""

from __future__ import annotations

import json

from knowledge.extract.analysis import Analysis
from knowledge.extract.disputes import NOT_DISPUTABLE, dispute_score, rebuts
from knowledge.extract.parse.cues import DENY
from knowledge.extract.persist.resolve import Resolver
from knowledge.models import Document
from knowledge.store import Store
from knowledge.store.claims import (
    claims_of_document,
    denials_by,
    disputable_claims_about,
    insert_claim,
    insert_disputes,
    pairs_of_denial,
    set_parent,
    unpair_denial,
)
from knowledge.store.entities import insert_mentions
from knowledge.store.events import insert_event
from knowledge.store.facts import clear_facts
from knowledge.tuning import tuning


def clear_analysis(store: Store, document_id: str) -> None:
    clear_facts(store, document_id)


def _check(text: str, start: int, end: int) -> str:
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"offsets {start}:{end} outside the document")
    return text[start:end]


def write_analysis(store: Store, doc: Document, analysis: Analysis) -> None:
    clear_analysis(store, doc.id)
    resolver = Resolver(store)
    ids: list[str] = []
    for ent in analysis.entities:
        eid = resolver.resolve(ent)
        resolver.record(eid, ent)
        ids.append(eid)
    published = doc.published_at.date().isoformat() if doc.published_at else None
    insert_mentions(
        store,
        (
            {"entity_id": ids[i], "document_id": doc.id, "start": s, "end": e, "text": _check(doc.text, s, e)}
            for i, ent in enumerate(analysis.entities)
            for s, e in ent.mentions
        ),
    )
    for n, ev in enumerate(analysis.events):
        event_id = f"{doc.id}:e{n}"
        insert_event(
            store,
            {
                "id": event_id,
                "document_id": doc.id,
                "what": ev.what,
                "trigger": ev.trigger,
                "date_start": _iso(ev.date_start),
                "date_end": _iso(ev.date_end),
                "date_precision": ev.date_precision,
                "date_text": ev.date_text,
                "date_unresolved": int(ev.date_unresolved),
                "place_id": ids[ev.place] if ev.place is not None else None,
                "place_text": ev.place_text,
                "start": ev.span[0],
                "end": ev.span[1],
                "quote": _check(doc.text, *ev.span),
                "sort_date": _iso(ev.date_start) or published,
            },
            [ids[a] for a in ev.actors],
        )
    claim_ids = [f"{doc.id}:c{n}" for n in range(len(analysis.claims))]
    for n, cl in enumerate(analysis.claims):
        insert_claim(
            store,
            {
                "id": claim_ids[n],
                "document_id": doc.id,
                "speaker_entity_id": ids[cl.speaker_entity] if cl.speaker_entity is not None else None,
                "speaker": cl.speaker,
                "cue": cl.cue,
                "cue_lemma": cl.cue_lemma,
                "stance": cl.stance,
                "negated": int(cl.negated),
                "kind": cl.kind,
                "via": cl.via,
                "parent_id": claim_ids[cl.parent] if cl.parent is not None and cl.parent < n else None,
                "start": cl.content[0],
                "end": cl.content[1],
                "quote": _check(doc.text, *cl.content),
                "context_start": cl.context[0],
                "context_end": cl.context[1],
                "sort_date": published,
                "fragments": _fragments(doc.text, cl.content, cl.fragments),
            },
            [ids[a] for a in cl.about],
        )
    for n, cl in enumerate(analysis.claims):
        if cl.parent is not None and cl.parent > n:
            set_parent(store, claim_ids[n], claim_ids[cl.parent])
    insert_disputes(
        store,
        (
            {"claim_id": claim_ids[d.claim], "other_claim_id": claim_ids[d.other], "kind": d.kind, "score": d.score}
            for d in analysis.disputes
        ),
    )
    resolver.finish()
    link_across_documents(store, doc.id)


def _fragments(text: str, content, fragments) -> str | None:
    """JSON offsets of a split quote's pieces, each checked to lie inside the cited span and to slice the text."""
    if not fragments:
        return None
    for s, e in fragments:
        if not (content[0] <= s < e <= content[1]):
            raise ValueError(f"fragment {(s, e)} lies outside the claim's span {tuple(content)}")
        _check(text, s, e)
    return json.dumps([[s, e] for s, e in fragments])


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _about(row: dict) -> set[str]:
    return set((row["about"] or "").split("|")) - {""}


def link_across_documents(store: Store, document_id: str) -> int:
    """Link this document's denials to claims elsewhere, and its claims to denials elsewhere."""
    linked = 0
    mine = claims_of_document(store, document_id)
    for row in mine:
        if row["stance"] == DENY and row["speaker_entity_id"]:
            others = disputable_claims_about(store, row["speaker_entity_id"], document_id, list(NOT_DISPUTABLE))
            if not pairs_of_denial(store, row["id"]):
                others = [*_answerable_beside(row, mine), *others]
            linked += _link_best(store, row, others)
        elif row["stance"] not in NOT_DISPUTABLE:
            deniers = list(_about(row))
            if not deniers:
                continue
            others = denials_by(store, deniers, document_id)
            for other in others:
                linked += _link_best(store, other, [row])
    return linked


def _answerable_beside(denial: dict, mine: list[dict]) -> list[dict]:
    """The claims of the denial's own article it may answer, for a denial the article's own pass left unpaired:
    that pass sees each name as written ("Seven & i" beside "Seven"), the store as one entity, so a claim about
    the denier is known as such only here. Never the denial itself, words inside it, or a claim it reports."""
    return [
        c
        for c in mine
        if c["id"] != denial["id"]
        and c["speaker_entity_id"]  # another party, named: never a statement nobody is said to have made
        and c["stance"] not in NOT_DISPUTABLE
        and not (c["start"] < denial["end"] and denial["start"] < c["end"])
        and denial["id"] != c["parent_id"]
        and c["id"] != denial["parent_id"]
    ]


def _link_best(store: Store, denial: dict, claims: list[dict]) -> int:
    if not rebuts(denial["stance"], denial["quote"], denial["cue_lemma"] or ""):
        return 0
    best, best_score, tied = None, tuning().dispute_threshold, False
    for claim in claims:
        here = claim["document_id"] == denial["document_id"]
        score = dispute_score(
            denial["speaker_entity_id"],
            _about(denial),
            denial["quote"],
            claim["speaker_entity_id"],
            _about(claim),
            claim["quote"],
            across=not here,
            denial_cue=denial["cue_lemma"] or "",
        )
        if score > best_score + 1e-9:
            best, best_score, tied = claim, score, False
        elif here and best is not None and abs(score - best_score) <= 1e-9:
            tied = True  # two claims beside it answer it equally well: as in the article's own pass, no pairing
    if best is None or tied:
        return 0
    # A denial answers one claim: the one its own article sets it against, else the best match elsewhere; pairing
    # it with every close claim in the store would set one denial against statements it never answered.
    paired = pairs_of_denial(store, denial["id"])
    if any(p["document_id"] == denial["document_id"] or p["score"] >= best_score for p in paired):
        return 0
    unpair_denial(store, denial["id"])
    insert_disputes(
        store,
        [{"claim_id": best["id"], "other_claim_id": denial["id"], "kind": "denial", "score": round(best_score, 3)}],
    )
    return 1
