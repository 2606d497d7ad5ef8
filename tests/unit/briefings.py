"""Briefings built in code (invented content) for renderer tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from knowledge.brief.model import (
    Briefing,
    CitationRef,
    ClaimLine,
    Development,
    DisputeLine,
    Identity,
    Matter,
    SourceSummary,
)

WHEN = datetime(2025, 5, 5, 8, tzinfo=UTC)


def cite(quote: str, n: int = 0, url: str | None = "https://ledger.example/a", when=WHEN) -> CitationRef:
    return CitationRef(
        document_id=f"doc{n:04d}abcdef0123",
        start=10 * n,
        end=10 * n + len(quote),
        quote=quote,
        outlet="Harbor Ledger" if n % 2 == 0 else "Northern Wire",
        source_id=f"s{n % 2}",
        url=url,
        title="Quay story",
        published_at=when,
    )


def claim(speaker: str, quote: str, stance="assert", label="claim", via=None, n=0) -> ClaimLine:
    return ClaimLine(
        claim_ids=[f"c{n}"],
        speaker=speaker,
        stance=stance,
        stance_label=label,
        cue="said",
        via=via,
        quote=quote,
        date=WHEN.date(),
        date_label="5 May 2025",
        outlets=["Harbor Ledger"],
        citations=[cite(quote, n)],
    )


def briefing(developments: int = 2, claims: int = 2, quote: str = "the quay will reopen in June") -> Briefing:
    devs = [
        Development(
            text=f"Maria Lindqvist opened quay {i} in Gdansk. {quote}",
            trigger="open",
            date_start=date(2025, 5, 5),
            date_precision="day",
            date_label="5 May 2025",
            place="Gdansk",
            outlets=["Harbor Ledger", "Northern Wire"],
            independent_outlets=2,
            citations=[cite(f"Maria Lindqvist opened quay {i} in Gdansk. {quote}", i)],
        )
        for i in range(developments)
    ]
    undated = Development(
        text="The union held a vote.",
        trigger="hold",
        date_label="date unknown",
        citations=[cite("The union held a vote.", 99, url=None, when=None)],
    )
    lines = [claim("Maria Lindqvist", f"claim number {i}: {quote}", n=i) for i in range(claims)]
    lines.append(claim("A port official", "the budget is exhausted", via="the Harbor Ledger", n=7))
    return Briefing(
        topic="Maria Lindqvist",
        query="lindqvist",
        identity=Identity(
            entity_id="person:maria-lindqvist",
            name="Maria Lindqvist",
            type="PERSON",
            role="harbour chief",
            citations=[cite("harbour chief Maria Lindqvist", 5)],
        ),
        developments=devs + [undated],
        matters=[Matter(label="On Gdansk", claims=lines)],
        disputes=[
            DisputeLine(
                claim=claim("Union leader Ola Berg", "Lindqvist agreed to a pay rise", n=3),
                denial=claim("Maria Lindqvist", "she never agreed to a pay rise", "deny", "denial", n=4),
            )
        ],
        sources=[
            SourceSummary(outlet="Harbor Ledger", documents=3),
            SourceSummary(outlet="Northern Wire", documents=1, copies=1),
        ],
        date_from=date(2025, 5, 1),
        date_to=date(2025, 5, 5),
        undated_documents=1,
        generated_at=datetime(2025, 5, 6, tzinfo=UTC),
    )
