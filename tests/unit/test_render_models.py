"""Briefings built in code for the renderer tests (invented people, outlets and events), plus sanity checks on them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from knowledge.brief.model import (
    Ambiguous,
    Briefing,
    Choice,
    CitationRef,
    ClaimLine,
    Development,
    DisputeLine,
    Identity,
    Matter,
    SourceSummary,
    SummaryLine,
    Unknown,
)

HOSTILE = ["<!channel>", "<!here>", "<@U024BE7LH>", "<https://evil.example|click>"]
OUTLETS = {
    "Coastal Courier": "https://courier.example/news/",
    "Fjord Post": "https://fjordpost.example/a/",
    "Radio Nordvik": None,  # a broadcast transcript with no URL
}


def cite(
    quote: str, n: int, outlet: str = "Coastal Courier", day: int = 12, url: str | None | bool = True
) -> CitationRef:
    base = OUTLETS.get(outlet)
    return CitationRef(
        document_id=f"{n:04d}f3a9c0d1e2b4a5",
        start=100 + 37 * n,
        end=100 + 37 * n + len(quote),
        quote=quote,
        outlet=outlet,
        source_id=outlet.lower()[:6],
        url=(f"{base}{n}" if base else None) if url is True else (url or None),
        title=f"Story {n} from {outlet}",
        published_at=datetime(2026, 3, day, 7, 30, tzinfo=UTC) if day else None,
    )


def claim(
    speaker: str,
    quote: str,
    n: int,
    *,
    stance="assert",
    label="claim",
    via=None,
    outlet="Coastal Courier",
    cites: list[CitationRef] | None = None,
) -> ClaimLine:
    return ClaimLine(
        claim_ids=[f"claim-{n}"],
        speaker=speaker,
        speaker_entity_id=f"person:{speaker.lower().replace(' ', '-')}",
        stance=stance,
        stance_label=label,
        negated=stance == "deny",
        cue="said",
        via=via,
        quote=quote,
        date=date(2026, 3, 12),
        date_label="12 Mar 2026",
        outlets=[outlet],
        citations=cites or [cite(quote, n, outlet)],
    )


def sample_briefing() -> Briefing:
    """A realistic, small briefing: identity, three developments, a dispute, two matters."""
    ferry = "Harbour director Ingrid Solberg suspended the Nordvik ferry line after a hull inspection."
    return Briefing(
        topic="Ingrid Solberg",
        query="solberg",
        identity=Identity(
            entity_id="person:ingrid-solberg",
            name="Ingrid Solberg",
            type="PERSON",
            role="director of the Port of Nordvik",
            aliases=["I. Solberg"],
            citations=[cite("Ingrid Solberg, director of the Port of Nordvik", 1)],
        ),
        developments=[
            Development(
                text=ferry,
                trigger="suspended",
                date_start=date(2026, 3, 12),
                date_precision="day",
                date_label="12 Mar 2026",
                place="Nordvik",
                actors=["Ingrid Solberg"],
                outlets=["Coastal Courier", "Fjord Post"],
                independent_outlets=2,
                citations=[cite(ferry, 2), cite("Solberg halted the ferry line on Thursday", 3, "Fjord Post")],
            ),
            Development(
                text="The port board met in emergency session.",
                trigger="met",
                date_label="11 Mar 2026",
                place="Nordvik",
                citations=[cite("the board met in emergency session", 4, "Radio Nordvik", 11)],
            ),
            Development(
                text="Dock workers held a vote on strike action.",
                trigger="held",
                date_label="date unknown",
                citations=[cite("dock workers held a vote on strike action", 5, day=0)],
            ),
        ],
        matters=[
            Matter(
                label="Ferry safety",
                claims=[
                    claim("Ingrid Solberg", "the hull shows corrosion that makes crossings unsafe", 6),
                    claim(
                        "A ministry official",
                        "the inspection was routine",
                        7,
                        via="Fjord Post",
                        outlet="Fjord Post",
                        label="speculation",
                        stance="hedge",
                    ),
                ],
            ),
            Matter(
                label="Port finances",
                claims=[
                    claim(
                        "Lars Eide",
                        "repairs will cost 40 million kroner & take a year",
                        8,
                        label="forecast",
                        stance="predict",
                    ),
                ],
            ),
        ],
        disputes=[
            DisputeLine(
                claim=claim("Union chair Per Hald", "Solberg knew about the corrosion in January", 9),
                denial=claim(
                    "Ingrid Solberg",
                    "I learned of the corrosion this week",
                    10,
                    stance="deny",
                    label="denial",
                    outlet="Fjord Post",
                ),
            )
        ],
        summary=[
            SummaryLine(
                text="Solberg suspended the Nordvik ferry line after a hull inspection (2 outlets, 12 Mar)",
                body="Solberg suspended the Nordvik ferry line after a hull inspection",
                storyline_id="st-ferry",
                date_label="12 Mar 2026",
                outlets=["Coastal Courier", "Fjord Post"],
                independent_outlets=2,
                citations=[cite(ferry, 2), cite("Solberg halted the ferry line on Thursday", 3, "Fjord Post")],
            ),
            SummaryLine(
                text="Hald says Solberg knew about the corrosion in January; Solberg denies it (2 outlets, 12 Mar)",
                body="Hald says Solberg knew about the corrosion in January; Solberg denies it",
                storyline_id="st-corrosion",
                date_label="12 Mar 2026",
                outlets=["Coastal Courier", "Fjord Post"],
                independent_outlets=2,
                citations=[
                    cite("Solberg knew about the corrosion in January", 9),
                    cite("I learned of the corrosion this week", 10, "Fjord Post"),
                ],
            ),
            SummaryLine(
                text="Lars Eide (forecast): “repairs will cost 40 million kroner & take a year” (12 Mar)",
                body="Lars Eide (forecast): “repairs will cost 40 million kroner & take a year”",
                storyline_id="st-cost",
                date_label="12 Mar 2026",
                outlets=["Coastal Courier"],
                citations=[cite("repairs will cost 40 million kroner & take a year", 8)],
                origin="verbatim",
            ),
        ],
        sources=[
            SourceSummary(outlet="Coastal Courier", documents=4),
            SourceSummary(outlet="Fjord Post", documents=2, copies=1),
            SourceSummary(outlet="Radio Nordvik", documents=1),
        ],
        date_from=date(2026, 3, 1),
        date_to=date(2026, 3, 12),
        undated_documents=1,
        filters={"since": "14d"},
        generated_at=datetime(2026, 3, 13, 6, tzinfo=UTC),
    )


def big_briefing(n: int = 200) -> Briefing:
    """n developments and n claims, each with a unique marker so tests can find every line exactly once."""
    b = sample_briefing()
    b.developments = [
        Development(
            text=f"Crane {i} was moved to berth {i} overnight (marker dev-{i}-end).",
            trigger="moved",
            date_label="10 Mar 2026",
            place="Nordvik",
            independent_outlets=1 + i % 3,
            citations=[cite(f"crane {i} was moved to berth {i}", i, ["Coastal Courier", "Fjord Post"][i % 2])],
        )
        for i in range(n)
    ]
    b.matters = [
        Matter(
            label=f"Berth {k}",
            claims=[
                claim(f"Speaker {i}", f"berth work item {i} is on schedule (marker claim-{i}-end)", 1000 + i)
                for i in range(k * 50, min(n, k * 50 + 50))
            ],
        )
        for k in range((n + 49) // 50)
    ]
    return b


def hostile_briefing() -> Briefing:
    """Stored text that tries to ping, mention, forge links, break out of markup and blow every limit."""
    nasty = " ".join(HOSTILE) + " @channel @here @everyone &amp; *bold* _it_ ~s~ | `code` " + "x" * 10_000
    b = big_briefing(3)
    for d in b.developments:
        d.text = nasty
        d.place = nasty
        d.date_label = "<!channel>"
        d.citations = [
            cite(nasty, 1),
            cite(nasty, 2, url="javascript:alert(1)"),
            cite(nasty, 3, url="https://evil.example|click"),
        ]
    for m in b.matters:
        m.label = nasty
        for line in m.claims:
            line.speaker, line.via, line.quote, line.stance_label = nasty, nasty, nasty, "<@U024BE7LH>"
            line.citations = [cite(nasty, 4, outlet=nasty, url="https://courier.example/news/4")]
    b.disputes[0].claim.quote = nasty
    b.disputes[0].denial.speaker = nasty
    b.topic = nasty
    b.query = nasty
    b.note = nasty
    b.identity.role = nasty
    b.sources = [SourceSummary(outlet=nasty, documents=1) for _ in range(20)]
    b.filters = {"from": nasty}
    return b


def ambiguous(n: int = 7) -> Ambiguous:
    return Ambiguous(
        query="solberg",
        choices=[
            Choice(
                entity_id=f"person:solberg-{i}",
                name=f"Solberg {i}",
                type="PERSON",
                role="port director" if i == 0 else None,
                mentions=10 - i,
            )
            for i in range(n)
        ],
    )


def unknown() -> Unknown:
    return Unknown(
        query="Nordvik ferry",
        suggestions=["Nordvik", "Ingrid Solberg"],
        documents_in_store=42,
        hint="Try a person's surname.",
    )


def test_the_sample_briefing_has_every_kind_of_line_the_renderers_show():
    b = sample_briefing()
    assert b.identity and b.developments and b.disputes and len(b.matters) == 2
    assert any(c.url is None for c in b.citations()) and any(c.published_at is None for c in b.citations())


def test_the_big_briefing_has_unique_markers_for_every_line():
    b = big_briefing(200)
    assert len(b.developments) == 200 and sum(len(m.claims) for m in b.matters) == 200


def test_an_outlet_that_only_carried_copies_is_counted_by_its_copies_not_as_zero():
    from knowledge.brief.model import SourceSummary

    assert SourceSummary(outlet="Northgate Daily", documents=0, copies=1).counts() == "1 copy"
    assert SourceSummary(outlet="Fjord Post", documents=2, copies=3).counts() == "2, +3 copies"
    assert SourceSummary(outlet="Radio Nordvik", documents=1).counts() == "1"
