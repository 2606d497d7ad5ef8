"""Disputes the writer states: a statement set against another's claim in the same sentence.

"Responding to Holt's assertion that P, Vik said Q" presents Q as the answer to P; "Dar said P, contradicting
Holt's claim that Q" presents P as going against Q. Neither is worded as a denial, and their words may share
little, but the writer has told the reader which claim each one answers, which is better evidence than shared
words (`disputes.same_proposition`). A response still rebuts only when it says the opposite (it negates, on a
subject the claim spoke of); "contradicting", "contrary to", "refuting" say so themselves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.extract.analysis import LocalClaim, LocalDispute
from knowledge.extract.counters import NEGATION
from knowledge.extract.disputes import NOT_DISPUTABLE, disputable_by, names_its_claimant, proposition_words
from knowledge.extract.in_article import speaker_name
from knowledge.extract.parse.cues import DENY
from knowledge.tuning import tuning

# "Responding to Holt's assertion that P, Vik said Q", "In response to ...": the writer says Q answers P
_RESPONDING = re.compile(r"\b(?:(?:respond|repl|react)\w*|in\s+(?:response|reply)|answering)\s+to\b", re.I)


def answered_in_sentence(text: str, claims: Sequence[LocalClaim], taken: Sequence[LocalDispute]) -> list[LocalDispute]:
    """A statement the writer presents as the answer to another's claim in the same sentence ("Responding to
    Holt's assertion that loans swayed the towns, Vik said loans never came up") rebuts it when it says the
    opposite: it negates, and it speaks of what the claim spoke of (a content word they share). An answer that
    agrees, thanks or changes the subject ("Responding to Holt's claim, Vik said talks would go on") is no
    rebuttal; nor is a party answering itself."""
    answered = {d.other for d in taken}
    out: list[LocalDispute] = []
    for i, answer in enumerate(claims):
        if i in answered or answer.stance in NOT_DISPUTABLE or not NEGATION.search(text[slice(*answer.content)]):
            continue
        start = max(text.rfind(". ", 0, answer.context[0]), text.rfind("\n", 0, answer.context[0])) + 1
        lead = _RESPONDING.search(text, start, answer.context[0])
        if lead is None:
            continue
        claim = next(
            (
                j
                for j, c in enumerate(claims)
                if lead.end() <= c.context[0] and c.content[1] <= answer.context[0] and disputable_by(c, answer)
            ),
            None,
        )
        said = text[slice(*answer.content)]
        if claim is not None and proposition_words(said) & proposition_words(text[slice(*claims[claim].content)]):
            out.append(LocalDispute(claim=claim, other=i, kind="answer", score=tuning().dispute_threshold + 0.05))
    return out


# "..., contradicting Holt's claim that Q", "contrary to comments made by Holt", "refuting Holt's account"
CONTRADICTING = re.compile(
    r",\s+(?:contradicting|refuting|rebutting|disputing|countering|belying|contrary\s+to|at\s+odds\s+with)\s", re.I
)


def contradicted_in_sentence(
    text: str, claims: Sequence[LocalClaim], taken: Sequence[LocalDispute]
) -> list[LocalDispute]:
    """ "Dar said India never accepted mediation, contradicting Holt's claim that he had been invited to
    mediate": the statement before the connective goes against the claim after it, in the same sentence and by
    another party (a party never contradicts itself). The first such claim after the connective is the one
    named."""
    answered = {d.other for d in taken}
    out: list[LocalDispute] = []
    for i, said in enumerate(claims):
        if i in answered or said.stance in NOT_DISPUTABLE:
            continue
        end = min(
            (e for e in (text.find(". ", said.content[0]), text.find("\n", said.content[0])) if e >= 0),
            default=len(text),
        )
        turn = CONTRADICTING.search(text, said.content[0], end)
        if turn is None:
            continue
        claim = next(
            (
                j
                for j, c in sorted(enumerate(claims), key=lambda jc: jc[1].content)
                if turn.end() <= c.content[0] < end and disputable_by(c, said)
            ),
            None,
        )
        if claim is not None:
            out.append(LocalDispute(claim=claim, other=i, kind="answer", score=tuning().dispute_threshold + 0.05))
    return out


def denied_in_apposition(text: str, claims: Sequence[LocalClaim], names: Sequence[str] = ()) -> list[LocalDispute]:
    """ "Holt claimed that P, a claim firmly denied by Westport": the denial's words are the claim's own
    (`attribution.responses.denials_in_apposition` gives both the same content), by another party. Two
    statements of one span by two speakers arise no other way with a denial among them. So with "Westport
    rejected Holt's claim that P": the denial holds Holt's claim in its own words and names whose it is, so it
    answers that claim and no other statement of Holt's nearby, however many words those share with P."""
    out: list[LocalDispute] = []
    for i, denial in enumerate(claims):
        if denial.stance != DENY:
            continue
        said = text[slice(*denial.content)]
        claim = next(
            (j for j, c in enumerate(claims) if c.content == denial.content and disputable_by(c, denial)),
            None,
        )
        if claim is None and names_its_claimant(said):
            claim = next(
                (
                    j
                    for j, c in enumerate(claims)
                    if j != i
                    and denial.content[0] <= c.content[0]
                    and c.content[1] <= denial.content[1]
                    and disputable_by(c, denial)
                    and _named_in(speaker_name(c, names), text[denial.content[0] : c.content[0]])
                ),
                None,
            )
        if claim is not None:
            out.append(LocalDispute(claim=claim, other=i, kind="denial", score=tuning().dispute_threshold + 0.1))
    return out


def _named_in(speaker: str, words: str) -> bool:
    """The speaker's surname (the last capitalised word of the name) among the words: "former mayor Ada Holt's
    claim" names Ada Holt."""
    capitals = re.findall(r"[A-Z][\w-]+", speaker)
    return bool(capitals) and re.search(rf"\b{re.escape(capitals[-1])}\b", words) is not None
