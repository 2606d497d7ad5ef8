"""Who each extracted claim is pinned on, as a briefing shows it: the helper the speaker tests share."""

from __future__ import annotations

from datetime import datetime

from knowledge.extract.pipeline import analyze_doc


def claim_speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    """(first three words of the content, speaker as a briefing shows it) for every claim, in order."""
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    out = []
    for c in a.claims:
        shown = a.entities[c.speaker_entity].name if c.speaker_entity is not None else c.speaker
        out.append((" ".join(text[c.content[0] : c.content[1]].split()[:3]), shown))
    return out


def speakers_by_opening(nlp, text: str) -> dict[str, str | None]:
    """first three words of each claim's content -> its speaker; fails when the text gave no claim at all."""
    out = dict(claim_speakers(nlp, text))
    assert out, "no claim was extracted"
    return out


def claim_vias(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    """(first three words of the content, speaker as a briefing shows it, channel) for every claim, in order."""
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    out = []
    for c in a.claims:
        shown = a.entities[c.speaker_entity].name if c.speaker_entity is not None else c.speaker
        out.append((" ".join(text[c.content[0] : c.content[1]].split()[:3]), shown, c.via))
    return out
