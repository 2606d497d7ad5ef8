"""Storyline members built in code from an invented story (a port strike in Lindenport), for the summary tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from knowledge.brief.model import CitationRef
from knowledge.brief.storylines import Member

OUTLETS = {"ledger": "Harbor Ledger", "wire": "Northern Wire", "post": "Quay Post", "echo": "Bay Echo"}


def member(
    key: str,
    text: str,
    *,
    doc: str,
    outlet: str = "ledger",
    day: int = 5,
    kind: str = "event",
    start: int = 0,
    trigger: str | None = None,
    entities: tuple[str, ...] = (),
    speaker: str | None = None,
    speaker_name: str | None = None,
    stance: str | None = None,
    negated: bool = False,
    central: float = 1.0,
    copies: tuple[str, ...] = (),
    cue_lemma: str = "say",
    month: int = 5,
) -> Member:
    when = date(2025, month, day)
    cite = CitationRef(
        document_id=doc,
        start=start,
        end=start + len(text),
        quote=text,
        outlet=OUTLETS[outlet],
        source_id=outlet,
        url=f"https://{outlet}.example/{doc}",
        title="Port story",
        published_at=datetime(2025, month, day, 9, tzinfo=UTC),
    )
    return Member(
        key=key,
        kind=kind,
        text=text,
        document_id=doc,
        source_id=outlet,
        outlet=OUTLETS[outlet],
        start=start,
        end=start + len(text),
        when=when,
        published=when,
        citation=cite,
        entities=frozenset(entities),
        trigger=trigger,
        speaker=speaker,
        speaker_name=speaker_name,
        stance=stance,
        negated=negated,
        central=central,
        copies=copies,
        fields={"cue_lemma": cue_lemma, "kind": "indirect", "speaker_text": speaker_name},
    )


PEOPLE = {"person:maria-lindqvist": "Maria Lindqvist", "person:tomas-berger": "Tomas Berger"}


def strike_story() -> tuple[list[Member], list[tuple[str, str]]]:
    """Members of the invented story and its one dispute (claim key, denial key)."""
    lindqvist = ("person:maria-lindqvist", "org:dockers-union")
    members = [
        member(
            "e:1",
            "Dockers' union leader Maria Lindqvist called a strike at the port of Lindenport on Monday, halting "
            "container traffic.",
            doc="d1",
            day=5,
            trigger="strike",
            entities=lindqvist,
        ),
        member(
            "e:2",
            "Maria Lindqvist, who has led the dockers' union since 2019, called the strike at Lindenport port on "
            "Monday, halting container traffic.",
            doc="d2",
            outlet="wire",
            day=5,
            trigger="strike",
            entities=lindqvist,
            copies=("Bay Echo",),
        ),
        member(
            "c:1",
            "that the union had agreed to a pay offer worth nine percent",
            doc="d3",
            outlet="post",
            day=7,
            kind="claim",
            entities=("person:maria-lindqvist", "org:dockers-union"),
            speaker="person:tomas-berger",
            speaker_name="Mayor Tomas Berger",
            stance="assert",
            central=0.8,
        ),
        member(
            "c:2",
            "that the union had accepted any offer",
            doc="d4",
            outlet="ledger",
            day=8,
            kind="claim",
            start=40,
            entities=("person:maria-lindqvist",),
            speaker="person:maria-lindqvist",
            speaker_name="Maria Lindqvist",
            stance="deny",
            cue_lemma="deny",
        ),
        member(
            "e:3",
            "Tomas Berger met Maria Lindqvist at the town hall of Lindenport on Friday.",
            doc="d5",
            outlet="wire",
            day=9,
            trigger="meet",
            entities=("person:tomas-berger", "person:maria-lindqvist"),
        ),
        member(
            "e:4",
            "Freight operators rerouted four ships to the port of Varna on Tuesday.",
            doc="d6",
            outlet="post",
            day=6,
            trigger="reroute",
            entities=("gpe:varna",),
            central=0.6,
        ),
        member(
            "c:3",
            "that the strike will cost the region's economy dearly within weeks",
            doc="d6",
            outlet="post",
            day=6,
            kind="claim",
            start=300,
            speaker="shipping analysts",
            speaker_name="shipping analysts",
            stance="forecast",
            cue_lemma="predict",
            central=0.6,
        ),
    ]
    return members, [("c:1", "c:2")]
