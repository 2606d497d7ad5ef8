"""The concepts briefbot stores, one pydantic model each.

Every fact that reaches a user points back to the exact characters of a stored document through a `Citation`,
so the models carry character offsets into `Document.text` rather than copies of sentences alone.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso_utc(value: datetime) -> str:
    """One text form for stored instants, so SQL string comparison is time comparison."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def normalize_for_hash(text: str) -> str:
    """Whitespace and Unicode form must not make two copies of one article look different."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()[:20]


def slugify(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


class Model(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid")


class Source(Model):
    """An outlet. Independent-source counts are per outlet, so its identity is its domain when known."""

    id: str
    name: str
    domain: str | None = None

    @classmethod
    def from_name(cls, name: str | None, domain: str | None = None) -> Source:
        domain = (domain or "").lower().removeprefix("www.") or None
        label = (name or domain or "Unknown outlet").strip()
        return cls(id=slugify(domain or label), name=label, domain=domain)


class Citation(Model):
    """Exact words of a stored document; `verify` is the gate every rendered line must pass."""

    document_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str

    @model_validator(mode="after")
    def _ordered(self) -> Citation:
        if self.end < self.start:
            raise ValueError("citation end before start")
        return self

    def verify(self, text: str) -> bool:
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.quote

    @classmethod
    def of(cls, document_id: str, text: str, start: int, end: int) -> Citation:
        return cls(document_id=document_id, start=start, end=end, quote=text[start:end])


class Document(Model):
    """One article as stored: `text` is the clean text every offset points into, never rewritten after storage."""

    id: str
    url: str | None = None
    title: str | None = None
    source_id: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    retrieved_at: datetime = Field(default_factory=utcnow)
    text: str
    language: str = "en"
    duplicate_of: str | None = None
    origin: str | None = None  # where it came from: a path, URL or feed, for messages and re-ingest


class EntityType(str, Enum):
    person = "PERSON"
    org = "ORG"
    place = "GPE"
    group = "NORP"
    other = "OTHER"


class Entity(Model):
    """A canonical entity across documents; `descriptions` keeps the roles sources give it ("U.S. envoy")."""

    id: str
    name: str
    type: EntityType = EntityType.other
    aliases: list[str] = Field(default_factory=list)
    descriptions: list[str] = Field(default_factory=list)


class Mention(Model):
    entity_id: str
    document_id: str
    start: int
    end: int
    text: str


class DatePrecision(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    unknown = "unknown"


class EventDate(Model):
    """When something happened, as precisely as the text allows; `unresolved` marks relative dates with no anchor."""

    start: date | None = None
    end: date | None = None
    precision: DatePrecision = DatePrecision.unknown
    text: str | None = None
    unresolved: bool = False


class Event(Model):
    id: str
    document_id: str
    what: str
    trigger: str
    actors: list[str] = Field(default_factory=list)  # entity ids
    date: EventDate = Field(default_factory=EventDate)
    place: str | None = None  # entity id of the place
    place_text: str | None = None
    citation: Citation


class Stance(str, Enum):
    """How the speaker holds the content; the cue lexicon (`extract/cues.py`) gives every cue one of these."""

    assert_ = "assert"
    deny = "deny"
    speculate = "speculate"
    forecast = "forecast"
    acknowledge = "acknowledge"
    question = "question"
    demand = "demand"
    support = "support"
    criticize = "criticize"
    report = "report"
    no_comment = "no_comment"
    accuse = "accuse"


class Claim(Model):
    """Who said what, how and through whom. `citation` covers the content; `context` the whole attribution."""

    id: str
    document_id: str
    speaker_entity_id: str | None = None
    speaker: str | None = None  # the words naming the speaker: "A Russian official"
    cue: str
    cue_lemma: str
    stance: Stance = Stance.assert_
    negated: bool = False
    kind: str = "indirect"
    via: str | None = None
    parent_id: str | None = None
    about: list[str] = Field(default_factory=list)  # entity ids mentioned in the content
    citation: Citation
    context: Citation


class Dispute(Model):
    """Two claims that contradict each other on one matter; shown side by side."""

    claim_id: str
    other_claim_id: str
    kind: str = "denial"
    score: float = 1.0


class DocumentInput(Model):
    """What an ingester hands the store: text plus whatever metadata the input carried."""

    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    outlet_domain: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    language: str = "en"
    origin: str | None = None
    retrieved_at: datetime | None = None  # when it was fetched; now if not given
