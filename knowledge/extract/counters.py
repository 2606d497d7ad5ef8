"""Counter-statements: a statement worded as no denial that says another party's claim is not so.

"They agreed to hold talks at a neutral site" (one minister) against "there had been no decision to hold talks
anywhere else" (the other government): the second denies the first without a denial cue, in words that restate
it under a negation. Such a statement rebuts a claim of its article only on narrow evidence, since most negated
statements answer nobody: its negating sentences must restate enough of the claim's content words (what it goes
on to state is no evidence), the claim must itself negate nothing (of "talks did not fail" and "no deal was
reached" neither says the other is not so, nor does "we see no basis to engage" answer "their refusal to
engage"), and both speakers must be named, since a description ("the two companies") may take in the counter's
own speaker. It runs after the article's denials, answers and contradictions, for statements none of them paired.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.extract.analysis import LocalClaim, LocalDispute
from knowledge.extract.disputes import VERDICT_STANCES, best_answered, proposition_words
from knowledge.extract.parse.cues import REFUSALS
from knowledge.tuning import tuning

# "not", "never", "no decision", "didn't": words that say something is not so
NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|neither|nor)\b|n[’']t\b", re.I)
# a claim worded as a refusal or a lack ("disappointed by its refusal to engage") already says something is not so
_NEGATIVE = re.compile(r"\b(?:refus\w*|declin\w*|reject\w*|fail\w*|lack\w*|den(?:y|ies|ied|ial)\w*)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n")


def counters(stance: str, text: str, cue_lemma: str = "") -> bool:
    """A statement that may counter a claim: one that states something (not a question, a forecast or a refusal
    to act: "declined to raise the levy") and negates."""
    return cue_lemma.lower() not in REFUSALS and stance in VERDICT_STANCES and bool(NEGATION.search(text))


def negated_words(text: str) -> frozenset[str]:
    """The content words of the sentences of `text` that negate: what a counter-statement says is not so ("there
    was no talk of a loan. The talks were held directly": "talk", "loan"), not what it goes on to state."""
    return frozenset().union(*(proposition_words(s) for s in _SENTENCE_END.split(text) if NEGATION.search(s)))


def counter_evidence(counter_text: str, claim_text: str) -> int:
    """How many of a claim's content words a counter-statement negates; 0 when the claim itself negates or
    refuses."""
    if NEGATION.search(claim_text) or _NEGATIVE.search(claim_text):
        return 0
    return len(negated_words(counter_text) & proposition_words(claim_text))


def link_counters(text: str, claims: Sequence[LocalClaim], taken: Sequence[LocalDispute]) -> list[LocalDispute]:
    """Each statement no earlier pass paired, set against the claim of another named party it counters best (the
    same scoring as a denial's, among the claims whose words it negates); a tie pairs nothing."""
    answered = {d.other for d in taken}
    out: list[LocalDispute] = []
    for i, said in enumerate(claims):
        words = text[slice(*said.content)]
        if i in answered or said.speaker_entity is None or not counters(said.stance, words, said.cue_lemma):
            continue

        def countered(claim: LocalClaim, words: str = words) -> bool:
            evidence = counter_evidence(words, text[slice(*claim.content)])
            return claim.speaker_entity is not None and evidence >= tuning().counter_words

        found = best_answered(text, claims, i, countered)
        if found.claim is not None:
            out.append(LocalDispute(claim=found.claim, other=i, kind="counter", score=round(found.score, 3)))
    return out
