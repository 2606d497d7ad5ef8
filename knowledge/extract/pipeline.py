"""Extraction of one or many documents: spaCy once over all texts, then our passes over each parsed doc."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import TypeVar

from spacy.tokens import Doc

from knowledge.extract.analysis import (
    Analysis,
    LocalClaim,
    LocalDispute,
    LocalEntity,
    LocalEvent,
    StageFailure,
    stage_failure,
)
from knowledge.extract.answers import (
    CONTRADICTING,
    answered_in_sentence,
    contradicted_in_sentence,
    denied_in_apposition,
)
from knowledge.extract.attribution.relations import Attribution, find_attributions
from knowledge.extract.contradictions import link_contradictions
from knowledge.extract.counters import link_counters
from knowledge.extract.entities import find_entities
from knowledge.extract.events import find_events
from knowledge.extract.in_article import link_in_document
from knowledge.extract.model.learned import get_scorer
from knowledge.extract.nlp import load_nlp
from knowledge.extract.parse.cues import FACTUAL_CUES
from knowledge.extract.parse.spans import caches, doc_text
from knowledge.extract.sides import apart, sides
from knowledge.extract.speakers.anaphora import resolve_document
from knowledge.extract.speakers.claims import to_claims
from knowledge.extract.speakers.ranker import make_resolver
from knowledge.text.furniture import furniture_ranges, mask, no_response_ranges
from knowledge.text.headline import is_headline

# Claims whose content is treated as established fact for event extraction: an official confirmation or
# announcement of what happened (parse/cues.FACTUAL_CUES), as opposed to hearsay, accusations or speculation.
FACTUAL_STANCES = {"acknowledge"}

T = TypeVar("T")


def headline_end(text: str) -> int:
    """End of a headline line at the top (short, no final period), or 0. A headline repeats the story in
    telegraphic form ("Kellogg denies agreeing to ..."); its entities count, but its claims and events are read
    from the body, where the wording is complete."""
    first, sep, _ = text.partition("\n")
    return len(first) if sep and is_headline(first) else 0


def _body_only(found: list[Attribution], body_start: int, unanswered: list[tuple[int, int]]) -> list[Attribution]:
    """Attributions after the headline and outside "X did not respond to a request for comment" (no claim of X's),
    their parent indices re-pointed into the shorter list."""

    def kept_cue(a: Attribution) -> bool:
        start = a.cue[0][0]
        return start >= body_start and not any(s <= start < e for s, e in unanswered)

    kept = [i for i, a in enumerate(found) if not a.cue or kept_cue(a)]
    new = {old: n for n, old in enumerate(kept)}
    return [
        dataclasses.replace(a, parent=None if a.parent is None else new.get(a.parent)) for a in (found[i] for i in kept)
    ]


# ", according to a press release" closing the words of another cue: it says where the whole sentence comes from
_TRAILING_SOURCE = re.compile(r",?\s+according\s+to\s+[^,;:.!?“”\"]+$", re.I)


def _without_trailing_source(claim: LocalClaim, text: str) -> LocalClaim:
    """ "X rejected the statement that P, according to a press release": X's words end before the according-to
    phrase, which is an attribution of its own (of the whole sentence), not part of what X rejected."""
    if claim.fragments or claim.cue_lemma == "according to":
        return claim
    start, end = claim.content
    m = _TRAILING_SOURCE.search(text, start, end)
    if m is None or m.start() <= start:
        return claim
    return dataclasses.replace(claim, content=(start, m.start()))


def _without_writers_contrast(claim: LocalClaim, text: str) -> LocalClaim:
    """ "Dar said P, contradicting Holt's claim that Q": the contrast is the writer's, set after the speaker's
    words (`answers.contradicted_in_sentence` pairs the two), not part of P; inside a quote it is the speaker's."""
    if claim.fragments:
        return claim
    start, end = claim.content
    m = CONTRADICTING.search(text, start, end)
    if m is None or m.start() <= start or any(q in text[max(0, start - 1) : m.start()] for q in '"“”'):
        return claim
    return dataclasses.replace(claim, content=(start, m.start()))


def _without_furniture(claim: LocalClaim, masked: list[tuple[int, int]]) -> LocalClaim:
    """A claim whose words run across furniture blanked inside a sentence ("Galen Ports (GLP.N), opens new tab
    said") keeps the pieces around it, so the ticker link is never quoted as anybody's words."""
    pieces = claim.fragments or [claim.content]
    cut: list[tuple[int, int]] = []
    for s, e in pieces:
        for ms, me in masked:
            if ms < e and s < me:
                if s < ms:
                    cut.append((s, ms))
                s = max(s, me)
        if s < e:
            cut.append((s, e))
    if cut == list(pieces) or not cut:
        return claim
    return dataclasses.replace(claim, fragments=cut if len(cut) > 1 else [])


def _guarded(stage: str, failures: list[StageFailure], fn: Callable[[], T]) -> T | None:
    """Run one stage; an exception becomes a StageFailure and None (the stage's layer is left empty)."""
    try:
        return fn()
    except Exception as exc:  # any bug in one stage on one document: reported, never the batch's end
        failures.append(stage_failure(stage, exc))
        return None


def analyze_doc(
    doc: Doc,
    published: datetime | None,
    masked: list[tuple[int, int]] | None = None,
    unanswered: list[tuple[int, int]] | None = None,
) -> Analysis:
    """Each stage is guarded: a stage that raises leaves its layer (and the layers built on it) empty and is
    reported in `failures`; the document keeps everything else. `masked`: the furniture blanked before parsing;
    `unanswered`: "X did not respond to a request for comment" sentences (found from the text when not given)."""
    failures: list[StageFailure] = []
    with caches(doc):  # one text and one set of sentence boundaries for every pass over this Doc
        ents = _guarded("entities", failures, lambda: find_entities(doc))
        if ents is None:  # every other layer names entities
            return Analysis(failures=failures)
        text = doc_text(doc)
        body_start = headline_end(text)
        # "he", "she", "they", "the envoy", "the company": the nearest compatible person or organisation before
        _guarded("speakers", failures, lambda: resolve_document(doc, ents, body_start=body_start, make=make_resolver))

        no_reply = no_response_ranges(text) if unanswered is None else unanswered

        def claims_stage() -> list[LocalClaim]:
            found = to_claims(text, _body_only(find_attributions(doc), body_start, no_reply), ents, doc)
            return [
                _without_writers_contrast(_without_trailing_source(_without_furniture(c, masked or []), text), text)
                for c in found
            ]

        claims = _guarded("claims", failures, claims_stage) or []
        reported = [c.content for c in claims if c.stance not in FACTUAL_STANCES and c.cue_lemma not in FACTUAL_CUES]
        events = _guarded("events", failures, lambda: find_events(doc, ents, published, reported)) or []
        events = [e for e in events if e.span[0] >= body_start]
        disputes = _guarded("disputes", failures, lambda: _disputes(doc, text, claims, ents.entities)) or []
    entities, claims, events = _unanswered_out(ents.entities, claims, events, no_reply)
    return Analysis(entities=entities, events=events, claims=claims, disputes=disputes, failures=failures)


def _unanswered_out(
    entities: list[LocalEntity], claims: list[LocalClaim], events: list[LocalEvent], unanswered: list[tuple[int, int]]
) -> tuple[list[LocalEntity], list[LocalClaim], list[LocalEvent]]:
    """A name inside "X did not respond to a request for comment" or "The Ledger reached out to X" is the page's
    reporting, no mention of X: the sentence is parsed (a pronoun after it may need its names) but its names are
    not stored, and an actor named only there is no entity, unless a claim or event of the body names it. An actor
    also named in the body keeps its other mentions. Claims and events are re-pointed into the shorter list."""
    if not unanswered:
        return entities, claims, events

    def inside(m: tuple[int, int]) -> bool:
        return any(s <= m[0] < e for s, e in unanswered)

    used = {c.speaker_entity for c in claims} | {a for c in claims for a in c.about}
    used |= {a for ev in events for a in ev.actors} | {ev.place for ev in events}
    kept: list[LocalEntity] = []
    new: dict[int, int] = {}
    for i, ent in enumerate(entities):
        mentions = [m for m in ent.mentions if not inside(m)]
        if mentions or i in used:
            new[i] = len(kept)
            kept.append(dataclasses.replace(ent, mentions=mentions))
    if len(kept) == len(entities):
        return kept, claims, events
    claims = [
        dataclasses.replace(
            c,
            speaker_entity=None if c.speaker_entity is None else new[c.speaker_entity],
            about=[new[a] for a in c.about],
        )
        for c in claims
    ]
    events = [
        dataclasses.replace(ev, actors=[new[a] for a in ev.actors], place=None if ev.place is None else new[ev.place])
        for ev in events
    ]
    return kept, claims, events


def _disputes(doc: Doc, text: str, claims: list[LocalClaim], entities: list[LocalEntity]) -> list[LocalDispute]:
    """Denials paired with the claims they answer, then claims the article sets against each other unworded, then
    statements that say another's claim is not so without a denial cue (`counters`); never two of one side
    (`sides`: a company and its lawyer)."""
    names = [e.name for e in entities]
    side = sides(text, claims, entities)
    restated = denied_in_apposition(
        text, claims, names
    )  # "P, a claim denied by X": X's denial is P's, whatever else it shares
    denials = restated + [
        d for d in link_in_document(text, claims, names) if d.other not in {r.other for r in restated}
    ]
    denials += answered_in_sentence(text, claims, denials)
    denials += contradicted_in_sentence(text, claims, denials)
    denials += link_contradictions(doc, claims, denials, names, side, entities)
    return apart(denials + link_counters(text, claims, denials), side)  # counters: narrowest, last


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


def _furniture(
    text: str, failures: dict[int, StageFailure], n: int
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The ranges to blank and the "did not respond" sentences; None when finding them fails."""
    try:
        found = furniture_ranges(text)
    except Exception as exc:  # unmasked furniture would become news: no facts rather than wrong ones
        failures[n] = stage_failure("furniture", exc)
        return None
    return [(s, e) for s, e, k in found if k != "no-response"], [(s, e) for s, e, k in found if k == "no-response"]


def _analyze_chunk(chunk: list[tuple[str, datetime | None]]) -> list[Analysis]:
    nlp = load_nlp()
    # page furniture (captions, bylines, time stamps, teasers) is blanked, offsets kept: it never becomes news
    failed: dict[int, StageFailure] = {}
    found = [_furniture(t, failed, n) for n, (t, _) in enumerate(chunk)]
    texts = [None if f is None else mask(t, f[0]) for (t, _), f in zip(chunk, found)]
    out = []
    for n, (parsed, (_, published)) in enumerate(zip(_parsed(nlp, texts), chunk)):
        if isinstance(parsed, StageFailure):
            out.append(Analysis(failures=[parsed]))
        elif n in failed:
            out.append(Analysis(failures=[failed[n]]))
        else:
            ranges, no_reply = found[n] or ([], [])
            out.append(analyze_doc(parsed, published, ranges, no_reply))
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
    get_scorer()  # and the cue model (~0.4 s of JSON), which each worker would otherwise read again
    chunks = [items[i : i + chunk_size] for i in range(0, len(items), chunk_size)]
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        for analyses in pool.imap(_analyze_chunk, chunks):
            yield from analyses
