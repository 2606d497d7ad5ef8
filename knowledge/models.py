"""The concepts the store is built on, one pydantic model each: an outlet (`Source`), an article as stored
(`Document`) and as an ingester hands it over (`DocumentInput`), and the vocabulary of stances.

Every fact that reaches a user points back to exact characters of `Document.text`, which is never rewritten after
storage; extracted facts travel as `knowledge.extract.analysis` rows and briefing lines as `knowledge.brief.model`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


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


class Stance(str, Enum):
    """How the speaker holds the content; the cue lexicon (`extract/parse/cues.py`) gives every cue one of these."""

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
