"""What extraction finds in one document, before its entities are matched to the store's canonical ones.

Extraction runs outside any database transaction (it is the slow part); the store then resolves the local
entities and writes everything of the document in one transaction. Entities are referred to by `key`, an index
into `entities`, so claims and events can name them before canonical ids exist.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
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
