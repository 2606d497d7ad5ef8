"""Disputes: a denial linked to the claim it denies, within one article and across articles.

A denial is tied to a claim only when both are about the same proposition: the denial's content shares the claim's
content words or entities beyond the two speakers, or refers back to it ("denied the claim", "rejected
Lukashenko's account"). Who the claim is about and whom the denial names rank the candidates; each denial keeps
its best match only, so it does not fan out to every claim in the store, while one claim may draw several denials.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from knowledge.extract.analysis import LocalClaim, LocalDispute
from knowledge.extract.parse.cues import DENY, NO_COMMENT
from knowledge.tuning import tuning

NOT_DISPUTABLE = (DENY, NO_COMMENT)  # a denial answers a claim; declining to comment claims nothing


# "denied the claim", "rejected Lukashenko's account", "dismissed the reports": a denial that points back at a claim
_BACKREF = re.compile(
    r"^(?:that\s+)?(?:(?:the|these|those|such|this|his|her|their|[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*[’']s?)\s+)?"
    r"(?:\w+\s+)?(?:claims?|allegations?|accusations?|reports?|account|accounts|remarks?|suggestions?|assertions?"
    r"|charges?|rumou?rs?|story|stories|version|statements?|comments?)\b",
    re.I,
)
# the same after the cue, when a participle gave the denial its own content: "rejected Quill's account, saying ..."
_LEAD_BACKREF = re.compile(
    r"\b(?:([A-Z][\w’'-]+)[’']s?|the|this|that|these|those|such)\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?"
    r"|reports?|account|accounts|remarks?|suggestions?|assertions?|charges?|version|statements?)\b"
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from about as into over after before than that this these
    those it its he she they them his her their we our you your i me my be is are was were been being have has had
    do does did not no nor so such there here what which who whom whose when where why how all any both each few
    more most other some own same very can could will would shall should may might must also only just even still
    then now again further once very said says say told tell claim claims claimed denied deny denies would ever
    never against while during without within because upon out up down off""".split()
)


@functools.lru_cache(maxsize=1024)
def proposition_words(text: str) -> frozenset[str]:
    """Lower-case words that carry meaning, crudely stemmed; capitalised words are names, which entity keys cover,
    so two statements never match on who they name alone. Not `brief.storylines.content_words`, which keeps names
    and folds accents: that one asks whether two reports tell one story, this one whether a denial and a claim are
    about one proposition beyond who is named."""
    out = set()
    for m in _WORD.finditer(text):
        w = m.group()
        if w[0].isupper() or w.lower() in STOPWORDS or len(w) < 3:
            continue
        w = w.lower().rstrip("’'")
        for suffix in ("ing", "ed", "es", "s"):
            if len(w) > len(suffix) + 3 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        out.add(w)
    return frozenset(out)


def same_proposition(
    denial_text: str, claim_text: str, shared_entities: set[str], named: bool, about_denier: bool, across: bool
) -> float:
    """Evidence (0 = none) that a denial answers this claim: content words shared beyond names, entities shared
    beyond the two speakers, or a back-reference ("denied the claim") to a claim about the denier or by someone the
    denial names. Across articles a bare back-reference is too vague: there it must name the claimant."""
    dw, cw = proposition_words(denial_text), proposition_words(claim_text)
    shared = dw & cw
    overlap = len(shared) / max(1, min(len(dw), len(cw)))
    linked = bool(shared_entities) or named or about_denier  # the two are about the same people, too
    t = tuning()
    if len(shared) >= t.proposition_words + across and overlap >= t.proposition_overlap:
        return 0.5 + overlap
    if linked and (len(shared) >= 2 and overlap >= 0.2 or not across and shared and overlap >= 0.5):
        return 0.5 + overlap  # "Daal had walked out" / Daal: "I did not walk out": short, but the same act
    if _BACKREF.match(denial_text.strip()) and (named or about_denier and not across):
        return 0.4
    return 0.0


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

    A denial and a claim are paired only when they are about the same proposition (`same_proposition`); who the
    claim is about and whom the denial names only rank the candidates that pass, so a denial is never paired on
    its speakers alone, and an unrelated denial by the same person stays a plain denial.
    """
    if denial_speaker is None or denial_speaker == claim_speaker:
        return 0.0
    shared = (denial_about & claim_about) - {denial_speaker, claim_speaker}
    named = claim_speaker is not None and claim_speaker in denial_about
    about_denier = denial_speaker in claim_about
    evidence = same_proposition(denial_text, claim_text, shared, named, about_denier, across)
    if not evidence:
        return 0.0
    score = tuning().dispute_threshold + 0.1 * evidence + 0.1 * min(len(shared), 2)
    return score + 0.1 * named + 0.1 * about_denier


def link_in_document(text: str, claims: Sequence[LocalClaim], names: Sequence[str] = ()) -> list[LocalDispute]:
    """`names` are the document's entity names by index, so "rejected Quill's account" can find Quill's claim."""
    disputes: list[LocalDispute] = []
    for i, denial in enumerate(claims):
        if denial.stance != DENY:
            continue
        best, best_score, tied = None, tuning().dispute_threshold, False
        for j, claim in enumerate(claims):
            if j == i or claim.stance in NOT_DISPUTABLE or claim.parent == i or denial.parent == j:
                continue
            score = dispute_score(
                _speaker_key(denial),
                {str(a) for a in denial.about},
                text[slice(*denial.content)],
                _speaker_key(claim),
                {str(a) for a in claim.about},
                text[slice(*claim.content)],
            )
            if score > best_score + 1e-9:
                best, best_score, tied = j, score, False
            elif best is not None and abs(score - best_score) <= 1e-9:
                tied = True
        if tied:
            # two claims answer it equally well ("she proposed a meeting" / "he rejected the meeting"): pairing
            # either could set unrelated statements side by side, so the denial stays plain
            best = None
        elif best is None:
            best, best_score = _referred_back(text, claims, i, names)
        if best is not None:
            disputes.append(LocalDispute(claim=best, other=i, kind="denial", score=round(best_score, 3)))
    return disputes


def _referred_back(text: str, claims: Sequence[LocalClaim], i: int, names: Sequence[str]) -> tuple[int | None, float]:
    """ "X claimed A. Y rejected the claim." / "Y rejected X's account, saying B": a denial that refers back to a
    claim answers the claim just before it (by someone else, in the two sentences before) — by the one it names,
    when it names someone — if nothing else in the article matched."""
    denial = claims[i]
    # "dismissed the claim as pure invention": the back-reference is what comes before the verdict
    words = re.sub(r"\s+as\s+.*$", "", text[slice(*denial.content)], flags=re.S).split()
    lead = text[denial.context[0] : denial.content[0]]  # "Holt rejected Quill's account, saying"
    named = _LEAD_BACKREF.search(lead)
    if not (len(words) <= 4 and _BACKREF.match(" ".join(words)) or named):
        return None, 0.0

    def shown(c: LocalClaim) -> str:
        return (
            names[c.speaker_entity]
            if c.speaker_entity is not None and c.speaker_entity < len(names)
            else c.speaker or ""
        )

    before = [
        j
        for j, c in enumerate(claims)
        if j != i
        and c.stance not in NOT_DISPUTABLE
        and c.content[1] <= denial.context[0]
        and text.count(".", c.content[1], denial.context[0]) <= 2
        and (c.speaker_entity is None or c.speaker_entity != denial.speaker_entity)
        and (named is None or not named.group(1) or named.group(1) in shown(c).split())
    ]
    return (
        (max(before, key=lambda j: claims[j].content[1]), tuning().dispute_threshold + 0.05) if before else (None, 0.0)
    )


def _speaker_key(claim: LocalClaim) -> str | None:
    """An unnamed speaker ("a council spokesman") is keyed by its words, so it can deny and be denied too."""
    if claim.speaker_entity is not None:
        return str(claim.speaker_entity)
    return f"words:{claim.speaker.lower()}" if claim.speaker else None
