"""The briefing as data: one model that every renderer (Slack blocks, terminal, markdown, JSON) draws from.

Each line carries its citations; a line is only built from citations that were re-verified against the stored
text, so renderers never need to check anything themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field


class CitationRef(BaseModel):
    """Exact words of a stored document plus what a reader needs to judge and follow them."""

    document_id: str
    start: int
    end: int
    quote: str
    # a quote split by its cue ('"A," she said. "B"'): where the speaker's own words are inside start..end, so a
    # reader (or a check) can tell the words from the "she said" between them; empty when the span is all words
    words: list[tuple[int, int]] = Field(default_factory=list)
    outlet: str | None = None
    source_id: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None


class Identity(BaseModel):
    entity_id: str
    name: str
    type: str
    role: str | None = None  # as described by the sources: "U.S. special envoy for Ukraine"
    aliases: list[str] = Field(default_factory=list)
    citations: list[CitationRef] = Field(default_factory=list)


class Development(BaseModel):
    """One event, merged across every report of it."""

    text: str
    trigger: str
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str = "unknown"
    date_label: str = "date unknown"
    place: str | None = None
    actors: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    independent_outlets: int = 1
    citations: list[CitationRef]


class ClaimLine(BaseModel):
    """One claim (possibly reported many times): who, how, through whom, what."""

    claim_ids: list[str]
    speaker: str
    speaker_entity_id: str | None = None
    stance: str
    stance_label: str  # "claim", "denial", "speculation", "forecast", ...
    negated: bool = False
    cue: str
    via: str | None = None
    quote: str
    # the cue as the source writes it ("accused", "rejected"), shown before a quote that is no clause of its own:
    # "Musk (criticism): accused “OpenAI of breach of duty”", never "Musk (criticism): “OpenAI of breach of duty”"
    lead: str = ""
    date: dt.date | None = None
    date_label: str = "date unknown"
    outlets: list[str] = Field(default_factory=list)
    independent_outlets: int = 1
    citations: list[CitationRef]

    def said(self, quote: str | None = None, escape: Callable[[str], str] = str) -> str:
        """The words as a line shows them: the lead, if any, then the quote (`quote`: a shortened or escaped form;
        `escape`: the renderer's escaping, applied to the lead)."""
        words = f"“{self.quote if quote is None else quote}”"
        return f"{escape(self.lead)} {words}" if self.lead else words


class Matter(BaseModel):
    """Claims that speak to the same question, listed together."""

    label: str
    claims: list[ClaimLine]


class DisputeLine(BaseModel):
    """A claim and its denial, shown side by side."""

    claim: ClaimLine
    denial: ClaimLine


class SummaryLine(BaseModel):
    """One storyline in one sentence, with every citation it was built from.

    `origin` says who wrote the words: "extractive" (compressed from the spans), "model" (an optional language
    model, checked like the rest) or "verbatim" (the span itself, when a shorter line could not be grounded).
    """

    text: str
    storyline_id: str
    date_label: str = ""
    outlets: list[str] = Field(default_factory=list)
    independent_outlets: int = 1
    citations: list[CitationRef]
    origin: Literal["extractive", "model", "verbatim"] = "extractive"
    body: str = Field(default="", exclude=True)  # the text without its "(2 outlets, 14 Mar)" tail


class SourceSummary(BaseModel):
    outlet: str
    documents: int
    copies: int = 0  # syndicated copies of other outlets' stories, counted once with their original
    url: str | None = None

    def counts(self) -> str:
        """ "3", "1, +1 copy", "2 copies": an outlet that only carried others' stories must not read as "(0)"."""
        copies = f"{self.copies} cop{'y' if self.copies == 1 else 'ies'}" if self.copies else ""
        if not self.documents:
            return copies or "0"
        return f"{self.documents}, +{copies}" if copies else str(self.documents)


class Choice(BaseModel):
    entity_id: str
    name: str
    type: str
    role: str | None = None
    mentions: int = 0


class Briefing(BaseModel):
    kind: Literal["briefing"] = "briefing"
    topic: str
    query: str
    identity: Identity | None = None
    summary: list[SummaryLine] = Field(default_factory=list)  # the storylines at a glance; details follow
    developments: list[Development] = Field(default_factory=list)
    matters: list[Matter] = Field(default_factory=list)
    disputes: list[DisputeLine] = Field(default_factory=list)
    sources: list[SourceSummary] = Field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    undated_documents: int = 0
    filters: dict[str, str] = Field(default_factory=dict)
    dropped_unverified: int = 0
    generated_at: datetime
    note: str | None = None  # e.g. "Using the bundled demo corpus."
    empty_reason: str | None = None  # set when nothing matched: why, with the newest stored date
    alternatives: list[Choice] = Field(default_factory=list)  # namesakes the topic could also mean, outweighed

    def also_line(self) -> str | None:
        """One line naming the namesakes a bare surname could also mean: "Also matching: Kellogg (org, 2 mentions)"."""
        if not self.alternatives:
            return None
        named = ", ".join(
            f"{c.name} ({c.type.lower()}, {c.mentions} mention{'s' if c.mentions != 1 else ''})"
            for c in self.alternatives
        )
        return f"Also matching “{self.query}”: {named}; type the full name to brief on one of them."

    def citations(self) -> list[CitationRef]:
        out: list[CitationRef] = []
        if self.identity:
            out += self.identity.citations
        for summary_line in self.summary:
            out += summary_line.citations
        for dev in self.developments:
            out += dev.citations
        for matter in self.matters:
            for line in matter.claims:
                out += line.citations
        for pair in self.disputes:
            out += pair.claim.citations + pair.denial.citations
        return out


class Ambiguous(BaseModel):
    """The topic could mean several entities: ask, do not guess."""

    kind: Literal["ambiguous"] = "ambiguous"
    query: str
    choices: list[Choice]


class Unknown(BaseModel):
    """Nothing in the store matches: say so helpfully."""

    kind: Literal["unknown"] = "unknown"
    query: str
    suggestions: list[str] = Field(default_factory=list)
    documents_in_store: int = 0
    hint: str = ""


BriefResult = Briefing | Ambiguous | Unknown
