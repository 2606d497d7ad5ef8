"""Counter-statements: a statement worded as no denial that says another party's claim is not so.

"He said he had settled the row by raising the levy" (one minister) against "the levy was never raised at any
level" (the other): the second denies the first without a denial cue, in words that restate it under a negation.
Most negated statements answer nobody, and word overlap cannot tell a denial from agreement ("he supports an
exception, but not for X" against "he opposes exceptions for X"), so the evidence asked is narrow and measured on
PolNeAR: a categorical negation ("never", "none of", "neither … nor", "at no time"), as an official denial is
worded; two parties who speak of each other (one names the other's speaker); negating sentences that restate at
least `counter_words` of the claim's content words and `proposition_overlap` of the shorter one's (what the
statement goes on to state is no evidence); a claim that negates or refuses nothing (of "talks did not fail" and
"no deal was reached" neither says the other is not so); both speakers named, since a description ("the two
companies") may take in the counter's own speaker. It runs after the article's denials, answers and
contradictions, for statements none of them paired.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.extract.analysis import LocalClaim, LocalDispute
from knowledge.extract.disputes import VERDICT_STANCES, proposition_words
from knowledge.extract.in_article import best_answered
from knowledge.extract.parse.cues import REFUSALS
from knowledge.tuning import tuning

# "not", "never", "no decision", "didn't": words that say something is not so
NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|neither|nor)\b|n[’']t\b", re.I)
# a claim worded as a refusal or a lack ("disappointed by its refusal to engage") already says something is not so
_NEGATIVE = re.compile(r"\b(?:refus\w*|declin\w*|reject\w*|fail\w*|lack\w*|den(?:y|ies|ied|ial)\w*)\b", re.I)
# how a denial in other words is worded: "never", "none of", "neither … nor", "at no time", "no one"
_CATEGORICAL = re.compile(r"\b(?:never|none\s+of|neither|at\s+no\s+(?:time|point|level|stage)|no\s+one|nobody)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n")


def counters(stance: str, text: str, cue_lemma: str = "") -> bool:
    """A statement that may counter a claim: one that states something (not a question, a forecast or a refusal
    to act: "declined to raise the levy") and negates categorically ("was never raised", "none of them")."""
    return cue_lemma.lower() not in REFUSALS and stance in VERDICT_STANCES and bool(_CATEGORICAL.search(text))


def negated_words(text: str) -> frozenset[str]:
    """The content words of the sentences of `text` that negate: what a counter-statement says is not so ("there
    was no talk of a loan. The talks were held directly": "talk", "loan"), not what it goes on to state."""
    return frozenset().union(*(proposition_words(s) for s in _SENTENCE_END.split(text) if NEGATION.search(s)))


def restates(counter_text: str, claim_text: str) -> bool:
    """Whether a counter-statement's negating sentences restate the claim: `counter_words` of its content words
    and `proposition_overlap` of the shorter one's; never a claim that itself negates or refuses."""
    if NEGATION.search(claim_text) or _NEGATIVE.search(claim_text):
        return False
    negated, claimed = negated_words(counter_text), proposition_words(claim_text)
    shared = len(negated & claimed)
    t = tuning()
    return shared >= t.counter_words and shared >= t.proposition_overlap * min(len(negated), len(claimed))


def link_counters(text: str, claims: Sequence[LocalClaim], taken: Sequence[LocalDispute]) -> list[LocalDispute]:
    """Each statement no earlier pass paired, set against the claim of another named party it counters best (the
    same scoring as a denial's, among the claims of a party it speaks of, or that speak of it, whose words it
    negates); a tie pairs nothing."""
    answered = {d.other for d in taken}
    out: list[LocalDispute] = []
    for i, said in enumerate(claims):
        words = text[slice(*said.content)]
        if i in answered or said.speaker_entity is None or not counters(said.stance, words, said.cue_lemma):
            continue

        def countered(claim: LocalClaim, said: LocalClaim = said, words: str = words) -> bool:
            if claim.speaker_entity is None:
                return False
            of_each_other = claim.speaker_entity in said.about or said.speaker_entity in claim.about
            return of_each_other and restates(words, text[slice(*claim.content)])

        found = best_answered(text, claims, i, countered)
        if found.claim is not None:
            out.append(LocalDispute(claim=found.claim, other=i, kind="counter", score=round(found.score, 3)))
    return out
