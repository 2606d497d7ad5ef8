"""Disputes: a denial linked to the claim it denies, within one article and across articles.

A denial is tied to a claim when the denier is who the claim is about (Lukashenko claims Kellogg agreed; Kellogg
denies), or when both speak about the same people and their wording overlaps. The score keeps the best match only,
so one denial does not fan out to every claim in the store.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from knowledge.extract.analysis import LocalClaim, LocalDispute
from knowledge.extract.cues import DENY, NO_COMMENT
from knowledge.tuning import tuning

NOT_DISPUTABLE = (DENY, NO_COMMENT)  # a denial answers a claim; declining to comment claims nothing


def dispute_score(
    denial_speaker: str | None,
    denial_about: set[str],
    denial_text: str,
    claim_speaker: str | None,
    claim_about: set[str],
    claim_text: str,
    across: bool = False,
) -> float:
    """Entity keys are opaque strings so the same scoring serves local indexes and stored ids.

    The decisive evidence is that the claim is about the person who denies; shared other entities and similar
    wording add to it. Wording alone never links two claims: similar phrasing is common in unrelated stories.
    """
    if denial_speaker is None or denial_speaker == claim_speaker:
        return 0.0
    score = 0.55 if denial_speaker in claim_about else 0.0
    shared = (denial_about & claim_about) - {denial_speaker, claim_speaker}
    if shared:
        score += 0.1 * min(len(shared), 2)
    named = claim_speaker is not None and claim_speaker in denial_about
    if named:
        score += 0.15  # the denial names who made the claim ("denied allegations made by Lukashenko")
    wording = fuzz.token_set_ratio(denial_text.lower(), claim_text.lower()) / 100
    if across and not (named or wording >= 0.7):
        return 0.0  # across articles, being about the same person is not enough
    return score + 0.3 * wording


def link_in_document(text: str, claims: Sequence[LocalClaim]) -> list[LocalDispute]:
    disputes: list[LocalDispute] = []
    for i, denial in enumerate(claims):
        if denial.stance != DENY:
            continue
        best, best_score = None, tuning().dispute_threshold
        for j, claim in enumerate(claims):
            if j == i or claim.stance in NOT_DISPUTABLE or claim.parent == i or denial.parent == j:
                continue
            score = dispute_score(
                _key(denial.speaker_entity),
                {str(a) for a in denial.about},
                text[slice(*denial.content)],
                _key(claim.speaker_entity),
                {str(a) for a in claim.about},
                text[slice(*claim.content)],
            )
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            disputes.append(LocalDispute(claim=best, other=i, kind="denial", score=round(best_score, 3)))
    return disputes


def _key(idx: int | None) -> str | None:
    return None if idx is None else str(idx)
