"""Event and claim rows as storyline members: the stored fields grouping and summary lines are built from.

A member's date is when it happened where the text says so to the day, else when it was reported; its
centrality says how much it is about the topic (the topic acts or speaks: 1.0; it is talked about: 0.8).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from knowledge.brief.model import CitationRef
from knowledge.brief.storylines import Member
from knowledge.tuning import tuning

_GOING_ON = re.compile(r"\b(?:saying|stating|adding|arguing|insisting|explaining|writing)(?:\s+that)?\s*$", re.I)


def centrality(acts: bool, about: bool = False) -> float:
    """How central the topic is to an event or claim: it acts or speaks, a claim is about it, or it is only there."""
    t = tuning()
    return t.speaker_relevance if acts else t.summary_about_relevance if about else t.bystander_relevance


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _ids(value: str | None) -> frozenset[str]:
    return frozenset((value or "").split("|")) - {""}


def event_member(row: dict[str, Any], cite: CitationRef, topic_id: str | None, copies: dict[str, list[str]]) -> Member:
    actors = _ids(row.get("actor_ids"))
    precision = row.get("date_precision") or "unknown"
    when = _day(row["date_start"]) if precision in ("day", "week", "month", "year") else None
    return Member(
        key=f"e:{row['id']}",
        kind="event",
        text=cite.quote,
        document_id=row["document_id"],
        source_id=row.get("source_id") or row["document_id"],
        outlet=row.get("outlet") or "unknown outlet",
        start=row["start"],
        end=row["end"],
        when=when or _day(row.get("published_at")),
        published=_day(row.get("published_at")),
        citation=cite,
        entities=actors,
        trigger=row.get("trigger"),
        central=centrality(bool(topic_id and topic_id in actors)),
        copies=tuple(copies.get(row["document_id"], [])),
        precision=precision if when else "reported",
        fields={"place": row.get("place_text")},
    )


def claim_member(
    row: dict[str, Any], cite: CitationRef, spoken: str, topic_id: str | None, copies: dict[str, list[str]]
) -> Member:
    about = _ids(row.get("about_ids"))
    stance, lemma = row.get("stance"), row.get("cue_lemma")
    if stance == "deny" and _GOING_ON.search(row.get("lead") or ""):
        # "rejected that account, saying that his remarks were twisted": the words after "saying" are what the
        # speaker asserts, not what they deny; a line must not read "Kellogg denies his remarks were twisted".
        stance, lemma = "assert", "say"
    speaker = row.get("speaker_entity_id") or (row.get("speaker_name") or "").lower() or None
    central = centrality(
        bool(topic_id and row.get("speaker_entity_id") == topic_id), bool(topic_id and topic_id in about)
    )
    return Member(
        key=f"c:{row['id']}",
        kind="claim",
        text=spoken,
        document_id=row["document_id"],
        source_id=row.get("source_id") or row["document_id"],
        outlet=row.get("outlet") or "unknown outlet",
        start=row["start"],
        end=row["end"],
        when=_day(row.get("sort_date")) or _day(row.get("published_at")),
        published=_day(row.get("published_at")),
        citation=cite,
        entities=about | ({row["speaker_entity_id"]} if row.get("speaker_entity_id") else set()),
        speaker=speaker,
        speaker_name=row.get("speaker_name") or row.get("speaker"),
        stance=stance,
        negated=bool(row.get("negated")),
        central=central,
        copies=tuple(copies.get(row["document_id"], [])),
        fields={
            "speaker_text": row.get("speaker"),
            "cue": row.get("cue"),
            "cue_lemma": lemma,
            "kind": row.get("kind"),
            "via": row.get("via"),
        },
    )
