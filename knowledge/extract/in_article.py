"""Pairing within one article: each denial or verdict with the claim it answers there.

A denial answers the claim of its article it scores best with (`disputes.dispute_score`: the same proposition, told
by another party); one that names no proposition of its own ("denied the claim", "rejected Quill's account",
"This is an attempt to distract") refers back to the statement just before it, by the claimant it names when it
names one. The scoring lives in `disputes`, shared with the pairing across articles; this module reads one
article's order: what was said before, which clause of a statement is its reason, which statements stand apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from knowledge.extract.analysis import LocalClaim, LocalDispute
from knowledge.extract.disputes import (
    BACKREF,
    CLAIM_NOUN_WORDS,
    NOT_DISPUTABLE,
    STATEMENT,
    VERDICT,
    disputable_by,
    dispute_score,
    judges_what_came_before,
    proposition_words,
    rebuts,
    speaker_key,
)
from knowledge.extract.parse.cues import ASSERT, CRITICIZE, NAMING, SUPPORT
from knowledge.tuning import tuning

# "parts of the announcement", "some of the claims": a verdict on part of a statement is one on the statement
_PART_OF = re.compile(r"^(?:(?:parts?|some|much|most|elements|portions?|sections?)\s+of\s+)", re.I)
# the same after the cue, when a participle gave the denial its own content: "rejected Quill's account, saying ..."
_LEAD_BACKREF = re.compile(
    rf"\b(?:([A-Z][\w’'-]+)[’']s?|the|this|that|these|those|such)\s+(?:\w+\s+)?(?:{STATEMENT})\b"
)
# where a sentence ends: a full stop before a capital, not the dots of "U.S." or "Mr." inside a sentence
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St))(?<!\bMrs)[.!?][”\"’']?\s+(?=[“\"‘'(]?[A-Z0-9])")
_PLURAL_REF = re.compile(r"\b(?:claims|allegations|accusations|assertions|charges|remarks|statements)\b", re.I)
# a back-reference is a short noun phrase, not a clause: "Quill's account", and before a verdict, which says it is
# a statement, "the allegations in the lawsuit" ("dismissed the story about her emails" may be the news story)
BACKREF_WORDS, JUDGED_BACKREF_WORDS = 4, 6
_WRONGDOING = re.compile(r"\b(?:wrongdoing|charges?|accusations?|allegations?)\b", re.I)
# the verdict after a back-reference: "the claim as pure invention", "Quill's claims were highly misleading"
_BEFORE_VERDICT = re.compile(r"\s+(?:as|is|are|was|were|had been|has been)\s+.*$", re.S)
# "claims made by former President Ada Holt regarding ...": the claimant, by the last word of the name
_CLAIMS_BY = re.compile(
    r"^(?:the\s+)?(?:claims?|allegations?|accusations?|assertions?|remarks?|statements?|comments?)\s+(?:made\s+)?"
    r"by\s+(?:[a-z]+\s+)*((?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*)*)"
)


def link_in_document(text: str, claims: Sequence[LocalClaim], names: Sequence[str] = ()) -> list[LocalDispute]:
    """`names` are the document's entity names by index, so "rejected Quill's account" can find Quill's claim."""
    disputes: list[LocalDispute] = []
    for i, denial in enumerate(claims):
        if not rebuts(denial.stance, text[slice(*denial.content)], denial.cue_lemma):
            continue
        found = best_answered(text, claims, i)
        best, best_score = found.claim, found.score
        if best is None and not found.tied:
            best, best_score = _referred_back(text, claims, i, names)
        if best is not None:
            disputes.append(LocalDispute(claim=best, other=i, kind="denial", score=round(best_score, 3)))
    return disputes


@dataclass(frozen=True)
class Answered:
    """The claim an answer is paired with (None: no claim, or two tied) and the pairing's score."""

    claim: int | None
    score: float
    tied: bool


def best_answered(
    text: str, claims: Sequence[LocalClaim], i: int, admits: Callable[[LocalClaim], bool] = lambda c: True
) -> Answered:
    """The claim of the article that claim `i` answers best (`dispute_score`), among those `admits` lets through;
    none when two tie, since pairing either could set unrelated statements side by side ("she proposed a
    meeting" / "he rejected the meeting")."""
    answer = claims[i]
    best, best_score, tied = None, tuning().dispute_threshold, False
    for j, claim in enumerate(claims):
        if j == i or claim.stance in NOT_DISPUTABLE or claim.parent == i or answer.parent == j or not admits(claim):
            continue
        if claim.content[0] < answer.content[1] and answer.content[0] < claim.content[1]:
            # words it shares with the answer: P restated inside "rejected the statement that P", or the answer
            # itself reported ("X rejected P, according to a press release")
            continue
        score = dispute_score(
            speaker_key(answer),
            {str(a) for a in answer.about},
            text[slice(*answer.content)],
            speaker_key(claim),
            {str(a) for a in claim.about},
            text[slice(*claim.content)],
            denial_cue=answer.cue_lemma,
        )
        if score > best_score + 1e-9:
            best, best_score, tied = j, score, False
        elif best is not None and abs(score - best_score) <= 1e-9:
            tied = True
    if tied:
        return Answered(None, 0.0, True)
    if best is not None:
        best = stated_clause(text, claims, best, text[slice(*answer.content)], admits)
    return Answered(best, best_score if best is not None else 0.0, False)


def stated_clause(
    text: str, claims: Sequence[LocalClaim], j: int, answer_text: str, admits: Callable[[LocalClaim], bool]
) -> int:
    """Of a statement and the clause it gives as its reason ("said it was ending its bid, saying the other side
    had never engaged"), the clause is what an answer disputes when it speaks of the clause's words ("said the
    claims were misleading and that it had engaged in good faith"): the act announced is not in dispute, the
    reason given is. The clause, when one inside claim `j` shares a content word with the answer; else `j`."""
    outer = claims[j]
    said = proposition_words(answer_text)
    inner = [
        k
        for k, c in enumerate(claims)
        if c.parent == j
        and outer.content[0] <= c.content[0]
        and c.content[1] <= outer.content[1]
        and c.stance not in NOT_DISPUTABLE
        and admits(c)
        and said & proposition_words(text[slice(*c.content)])
    ]
    return inner[0] if len(inner) == 1 else j


def _referred_back(text: str, claims: Sequence[LocalClaim], i: int, names: Sequence[str]) -> tuple[int | None, float]:
    """ "X claimed A. Y rejected the claim." / "Y rejected X's account, saying B": a denial that refers back to a
    claim answers the claim just before it (by someone else, in the two sentences before) — by the one it names,
    when it names someone — if nothing else in the article matched."""
    denial = claims[i]
    # "dismissed the claim as pure invention", "said Quill's claims were misleading": the back-reference is what
    # comes before the verdict
    said = text[slice(*denial.content)]
    words = _PART_OF.sub("", _before_verdict(said)).split()
    judged = VERDICT.search(said) is not None
    lead = text[denial.context[0] : denial.content[0]]  # "Holt rejected Quill's account, saying"
    short = len(words) <= (JUDGED_BACKREF_WORDS if judged else BACKREF_WORDS)
    # "the claim", "Quill's account"; or "This is an attempt to deflect": what was said just before
    backref = bool(short and BACKREF.match(" ".join(words))) or judges_what_came_before(said)
    named = _LEAD_BACKREF.search(lead) or (_LEAD_BACKREF.search(" ".join(words)) if backref else None)
    made_by = _CLAIMS_BY.match(" ".join(words[:CLAIM_NOUN_WORDS]))  # "claims made by former President Holt ..."
    if not (backref or named or made_by):
        return _named_in_verdict(text, claims, i, names) if judged else (None, 0.0)
    claimant = re.sub(r"[’']s?$", "", named.group(1)) if named and named.group(1) else ""
    claimant = made_by.group(1).split()[-1] if made_by else claimant

    # "denied the claim" answers a statement, not a naming or praise ("describing Modi as a fantastic man"); "denied any
    # wrongdoing", "called the allegations baseless" answer an accusation ("accusing him of fraud") or a statement
    # about the one who answers it ("said Norvik had broken its lease")
    of_wrongdoing = bool(_WRONGDOING.search(" ".join(words)))

    def accuses(c: LocalClaim) -> bool:
        return c.stance == CRITICIZE or (
            c.stance == ASSERT and denial.speaker_entity is not None and denial.speaker_entity in c.about
        )

    near = [
        j
        for j, c in enumerate(claims)
        if j != i
        and disputable_by(c, denial)
        and (accuses(c) if of_wrongdoing else c.cue_lemma.lower() not in NAMING and c.stance != SUPPORT)
        and c.content[1] <= denial.context[0]
        and len(_SENTENCE_END.findall(text, c.content[1], denial.context[0])) <= 2
    ]
    # by the claimant it names; else, when none is near, one whose speaker is a definite description ("the US
    # president repeatedly claimed P. New Delhi rejected Trump's assertions"), which refers back to someone known
    # and may be the one named, never an unnamed source ("a person familiar with the talks")
    before = [j for j in near if not claimant or claimant in speaker_name(claims[j], names).split()] or [
        j for j in near if claims[j].speaker_entity is None and (claims[j].speaker or "").lower().startswith("the ")
    ]
    # statements about the one who answers, none worded as an accusation: "the allegations" is one of them only
    # when one party made them all; "Quill's claims" after two separate statements of Quill's are all of them.
    # Either way the one meant is unknown, and no other claim (one after it) is taken instead.
    if (
        of_wrongdoing
        and not any(claims[j].stance == CRITICIZE for j in before)
        and len({speaker_key(claims[j]) for j in before}) > 1
    ) or (_PLURAL_REF.search(" ".join(words[:CLAIM_NOUN_WORDS])) and _apart(claims, before)):
        return None, 0.0
    # the nearest; of a claim and the clause inside it ("said …, saying P"), the clause
    nearest = max(before, key=lambda j: claims[j].content[::-1]) if before else None
    if nearest is None and claimant:
        # a lede that opens on the denial ("India denied claims made by Holt regarding ...") and reports the
        # claim after it ("Holt had claimed that ..."): the first statement of the claimant it names
        after = [
            j
            for j, c in enumerate(claims)
            if c.content[0] >= denial.context[1]
            and disputable_by(c, denial)
            and c.cue_lemma.lower() not in NAMING
            and c.stance != SUPPORT
            and claimant in speaker_name(c, names).split()
        ]
        nearest = min(after, key=lambda j: claims[j].content) if after else None
    return (nearest, tuning().dispute_threshold + 0.05) if nearest is not None else (None, 0.0)


def speaker_name(claim: LocalClaim, names: Sequence[str]) -> str:
    """The name a claim's speaker goes by: its entity's, else the words at the claim."""
    if claim.speaker_entity is not None and claim.speaker_entity < len(names):
        return names[claim.speaker_entity]
    return claim.speaker or ""


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")


def _named_in_verdict(
    text: str, claims: Sequence[LocalClaim], i: int, names: Sequence[str]
) -> tuple[int | None, float]:
    """ "The Harbour Compact is a fiction Lind has invented", "as extraordinary as Lind's claims are contrived": a
    verdict that names its claimant (by surname) and what the claim spoke of, without a back-reference. It answers
    the one statement of that claimant in the article that shares `counter_words` words or names with it beyond
    the two parties' names (the thing the claim named, "Harbour Compact"); none when two do, or none does."""
    denial = claims[i]
    said = text[slice(*denial.content)]
    words = proposition_words(said)
    capitals = {w for w in _CAPITALISED.findall(said)}
    found: list[tuple[int, int]] = []
    for j, c in enumerate(claims):
        speaker = speaker_name(c, names).split()
        if j == i or not speaker or speaker[-1] not in capitals or not disputable_by(c, denial):
            continue
        if c.stance == SUPPORT or c.cue_lemma.lower() in NAMING or c.parent == i or denial.parent == j:
            continue
        claimed = text[slice(*c.content)]
        parties = set(speaker) | set(speaker_name(denial, names).split())
        shared = len(words & proposition_words(claimed))
        shared += len((capitals & set(_CAPITALISED.findall(claimed))) - parties)
        if shared >= tuning().counter_words:
            found.append((shared, j))
    found.sort(reverse=True)
    if not found or len(found) > 1 and found[0][0] == found[1][0]:
        return None, 0.0
    return found[0][1], tuning().dispute_threshold + 0.05


def _before_verdict(words: str) -> str:
    """What a verdict is said of: "the claim as pure invention", "Quill's claims were misleading" and "the
    allegations in the lawsuit baseless" (the verdict put straight after its object) all name the claim first."""
    judged = _BEFORE_VERDICT.sub("", words)
    verdict = None if judged != words else VERDICT.search(words)
    return words[: verdict.start()].rstrip(" “\"‘'") if verdict else judged


def _apart(claims: Sequence[LocalClaim], chosen: Sequence[int]) -> bool:
    """Two of the chosen claims stand apart: neither lies inside the other ("said …, saying P" is one statement)."""
    spans = [claims[j].content for j in chosen]
    return any(a[1] <= b[0] or b[1] <= a[0] for n, a in enumerate(spans) for b in spans[n + 1 :])
