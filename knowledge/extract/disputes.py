"""Disputes: a denial linked to the claim it denies, within one article and across articles.

A denial is tied to a claim when the denier is who the claim is about (Lukashenko claims Kellogg agreed; Kellogg
denies), or when both speak about the same people and their wording overlaps. The score keeps the best match only,
so one denial does not fan out to every claim in the store.
"""

from __future__ import annotations

from typing import Optional, Sequence

from rapidfuzz import fuzz

from knowledge.extract.analysis import LocalClaim, LocalDispute

THRESHOLD = 0.45
DENY = "deny"


def dispute_score(
    denial_speaker: Optional[str], denial_about: set[str], denial_text: str,
    claim_speaker: Optional[str], claim_about: set[str], claim_text: str,
) -> float:
    """Entity keys are opaque strings so the same scoring serves local indexes and stored ids."""
    if denial_speaker is not None and denial_speaker == claim_speaker:
        return 0.0
    wording = fuzz.token_set_ratio(denial_text.lower(), claim_text.lower()) / 100
    score = 0.5 * wording
    if denial_speaker is not None and denial_speaker in claim_about:
        score += 0.4
    shared = (denial_about & claim_about) - {denial_speaker}
    if shared:
        score += 0.1 * min(len(shared), 2)
    return score


def link_in_document(text: str, claims: Sequence[LocalClaim]) -> list[LocalDispute]:
    disputes: list[LocalDispute] = []
    for i, denial in enumerate(claims):
        if denial.stance != DENY:
            continue
        best, best_score = None, THRESHOLD
        for j, claim in enumerate(claims):
            if j == i or claim.stance == DENY or claim.parent == i or denial.parent == j:
                continue
            score = dispute_score(
                _key(denial.speaker_entity), {_key(a) for a in denial.about}, text[slice(*denial.content)],
                _key(claim.speaker_entity), {_key(a) for a in claim.about}, text[slice(*claim.content)],
            )
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            disputes.append(LocalDispute(claim=best, other=i, kind="denial", score=round(best_score, 3)))
    return disputes


def _key(idx: Optional[int]) -> Optional[str]:
    return None if idx is None else str(idx)
