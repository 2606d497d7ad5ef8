"""What extraction finds in one document, before its entities are matched to the store's canonical ones.

Extraction runs outside any database transaction (it is the slow part); the store then resolves the local
entities and writes everything of the document in one transaction. Entities are referred to by `key`, an index
into `entities`, so claims and events can name them before canonical ids exist.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

Span = tuple[int, int]


@dataclass
class LocalEntity:
    name: str  # the fullest name seen in the document
    type: str  # spaCy label family: PERSON, ORG, GPE, NORP, OTHER
    mentions: list[Span] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)  # short forms the text defines: "MEA" in "… Affairs (MEA)"


@dataclass
class LocalEvent:
    what: str
    trigger: str
    span: Span
    actors: list[int] = field(default_factory=list)
    place: int | None = None
    place_text: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    date_unresolved: bool = False


@dataclass
class LocalClaim:
    speaker: str | None
    speaker_entity: int | None
    cue: str
    cue_lemma: str
    stance: str
    negated: bool
    kind: str
    via: str | None
    content: Span
    context: Span
    parent: int | None = None
    about: list[int] = field(default_factory=list)
    # the pieces of a quote split around its cue ('"A," X said. "B."'); `content` spans them all, cue included
    fragments: list[Span] = field(default_factory=list)


@dataclass
class LocalDispute:
    claim: int
    other: int
    kind: str = "denial"
    score: float = 1.0


@dataclass
class StageFailure:
    """One extraction stage that raised on this document: its layer is left out and the rest kept, so one odd
    article costs its own facts of that kind, never the batch. `detail` is the traceback, for the log."""

    stage: str  # furniture | parse | entities | speakers | claims | events | disputes | store
    error: str  # "IndexError: list index out of range"
    detail: str = ""


def stage_failure(stage: str, exc: BaseException) -> StageFailure:
    """The failure of `stage` on `exc`, with the traceback of the exception being handled."""
    return StageFailure(stage, f"{type(exc).__name__}: {exc}"[:300], traceback.format_exc())


@dataclass
class Analysis:
    entities: list[LocalEntity] = field(default_factory=list)
    events: list[LocalEvent] = field(default_factory=list)
    claims: list[LocalClaim] = field(default_factory=list)
    disputes: list[LocalDispute] = field(default_factory=list)
    failures: list[StageFailure] = field(default_factory=list)


def restricted(analysis: Analysis, keep: Callable[[int, int], bool]) -> Analysis:
    """The part of `analysis` that lies in the spans `keep` accepts (a wire copy's own passages, `text.own_part`):
    claims whose content and events whose sentence it keeps, the disputes between two kept claims, and the
    entities they name or that are mentioned there, with only their mentions in kept text. Indexes are renumbered;
    a kept claim whose parent is dropped loses its parent, not its words."""
    claims = [n for n, c in enumerate(analysis.claims) if keep(*c.content)]
    events = [n for n, e in enumerate(analysis.events) if keep(*e.span)]
    named: set[int] = set()
    for n in claims:
        c = analysis.claims[n]
        named.update(a for a in [c.speaker_entity, *c.about] if a is not None)
    for n in events:
        e = analysis.events[n]
        named.update(a for a in [*e.actors, e.place] if a is not None)
    entities = [n for n, ent in enumerate(analysis.entities) if n in named or any(keep(s, e) for s, e in ent.mentions)]
    ent_at = {old: new for new, old in enumerate(entities)}
    claim_at = {old: new for new, old in enumerate(claims)}
    out = Analysis(failures=list(analysis.failures))
    for n in entities:
        ent = analysis.entities[n]
        out.entities.append(replace(ent, mentions=[(s, e) for s, e in ent.mentions if keep(s, e)]))
    for n in events:
        e = analysis.events[n]
        place = ent_at.get(e.place) if e.place is not None else None
        out.events.append(replace(e, actors=[ent_at[a] for a in e.actors], place=place))
    for n in claims:
        c = analysis.claims[n]
        out.claims.append(
            replace(
                c,
                speaker_entity=ent_at.get(c.speaker_entity) if c.speaker_entity is not None else None,
                about=[ent_at[a] for a in c.about],
                parent=claim_at.get(c.parent) if c.parent is not None else None,
            )
        )
    for d in analysis.disputes:
        if d.claim in claim_at and d.other in claim_at:
            out.disputes.append(replace(d, claim=claim_at[d.claim], other=claim_at[d.other]))
    return out
