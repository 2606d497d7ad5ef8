"""Claims told in noun-phrase form: "Holt's claim that P", "a warning by the agency that P", the claim a
speaker answers, "Responding to Holt's assertion that P, Vik said Q", and a denial told in apposition to the
claim it denies, "Holt said P, a claim firmly denied by Westport" (`denials_in_apposition`).

In the last, P is Holt's claim and Vik only answers it. The small English model often hangs the that-clause on
"Responding" instead of on the noun, so the rules read "Vik responded P", which puts Holt's words in Vik's mouth. Here such an attribution becomes the noun's: the possessor ("Holt's") or the
"by" agent is the speaker, the noun is the cue. Without a named owner ("responding to the claim that P") nobody
is shown to have said P, so the attribution is dropped. `disputes.answered_in_sentence` then reads the rest of
the sentence as the answer.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from knowledge.extract.attribution.candidate import CueCandidate
from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.roles import subtree
from knowledge.extract.parse.spans import fragments, tokens_with_lemma

if TYPE_CHECKING:
    from knowledge.extract.attribution.record import Attribution

RESPONSE_VERBS = frozenset({"respond", "reply", "react"})


def _answered_noun(verb):
    """The statement noun of "responding to X's claim": the object of the verb's "to"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            if noun.lemma_.lower() in lex.NOUN_CUES:
                return noun
    return None


def _owner(noun) -> set[int]:
    """ "Holt's assertion", "the assertion by Holt": who made the statement the noun names."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in ("his", "her", "its", "their", "my", "our", "your"):
            return {t.i for t in c.subtree if t.dep_ != "case"}
        if c.dep_ == "prep" and c.lower_ == "by":
            return {t.i for o in c.children if o.dep_ == "pobj" for t in o.subtree}
    return set()


def clause_on_verb(noun) -> list:
    """The that-clause of "Responding to X's claim that P, ..." when the parser hangs it on the responding verb
    (as an adverbial or complement clause right after the noun) instead of on the noun. Only there: in "we know
    from his statements that P" the clause is what "we know"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.lemma_.lower() not in RESPONSE_VERBS:
        return []
    return [
        c
        for c in prep.head.children
        if c.dep_ in ("ccomp", "advcl")
        and c.left_edge.i == noun.right_edge.i + 1
        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)
    ]


def noun_cue(tok) -> CueCandidate | None:
    """'Trump's claim that ...', 'a warning by the agency that ...': a statement noun with a that-clause."""
    clauses = [
        c
        for c in tok.children
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    clauses = clauses or clause_on_verb(tok)  # "Responding to X's claim that P": P hung on the verb
    if not clauses:
        return None
    src: set[int] = set()
    for c in tok.children:
        if c.dep_ == "poss":
            src = {t.i for t in c.subtree if t.dep_ != "case"}
        elif c.dep_ == "prep" and c.lower_ == "by":
            src = {t.i for o in c.children if o.dep_ == "pobj" for t in o.subtree}
    return CueCandidate(
        [tok], src, subtree(clauses[0]), tok.lemma_.lower(), lex.NOUN_CUES[tok.lemma_.lower()], False, None
    )


def claims_answered(doc, atts: list[Attribution]) -> list[Attribution]:
    """Each "responding to X's claim that P" attribution given to X (cue: the noun), or dropped when the noun
    names no one; every other attribution unchanged."""
    if not any(a.cue_lemma in RESPONSE_VERBS and a.content for a in atts):
        return list(atts)  # no response verb: nothing to re-attribute (and no token index to build)
    by_start = {t.idx: t for t in doc}
    nouns = {a.cue[0] for a in atts if a.cue_lemma in lex.NOUN_CUES}  # "claim" already the cue of its own clause
    out = []
    for a in atts:
        verb = by_start.get(a.cue[0][0]) if a.cue_lemma in RESPONSE_VERBS and a.content else None
        noun = _answered_noun(verb) if verb is not None else None
        if noun is None or a.content[0][0] <= noun.idx:
            out.append(a)  # "responded to questions", or the clause is not the noun's
            continue
        owner = _owner(noun)
        if not owner or (noun.idx, noun.idx + len(noun)) in nouns:
            continue  # P is nobody's here ("responding to the claim that P"), or already the noun's; never the responder's
        lemma = noun.lemma_.lower()
        cue = fragments(doc, {noun.i})
        out.append(
            dataclasses.replace(a, cue=cue, source=fragments(doc, owner), stance=lex.NOUN_CUES[lemma], cue_lemma=lemma)
        )
    return out


def _appositive_denial(noun):
    """ "…, a claim categorically refuted by New Delhi": the denying participle and its agent, or None."""
    doc = noun.doc
    if noun.lemma_.lower() not in lex.CLAIM_NOUNS or noun.left_edge.i < 1 or doc[noun.left_edge.i - 1].text != ",":
        return None
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i):
        if lex.VERB_CUES.get(verb.lemma_.lower()) != lex.DENY:
            continue
        agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        if agents:
            return verb, agents[0]
    return None


def denials_in_apposition(doc, atts: list[Attribution]) -> list[Attribution]:
    """ "Holt claimed that P, a claim firmly denied by Westport": the writer's apposition is no part of Holt's
    words, so her content ends before it, and Westport's denial of P becomes an attribution of its own (cue: the
    participle, content: P), which `answers.denied_in_apposition` pairs with Holt's claim."""
    out = list(atts)
    for noun in tokens_with_lemma(doc, lex.CLAIM_NOUNS):  # `_appositive_denial` wants no other word
        found = _appositive_denial(noun)
        if found is None:
            continue
        verb, agent = found
        comma = doc[noun.left_edge.i - 1].idx
        # the statement the apposition follows: its content runs over the comma or ends right at it
        n = next((k for k, a in enumerate(out) if a.content and a.content[0][0] < comma <= a.content[-1][1] + 1), None)
        if n is None:
            continue
        said = tuple((s, min(e, comma)) for s, e in out[n].content if s < comma)
        out[n] = dataclasses.replace(out[n], content=said)
        cue = fragments(doc, {verb.i} | {c.i for c in verb.children if c.dep_ in ("advmod", "neg")})
        source = fragments(doc, {t.i for t in agent.subtree})
        lemma = verb.lemma_.lower()
        out.append(
            dataclasses.replace(
                out[n], cue=cue, source=source, stance=lex.DENY, negated=False, via=None, parent=None, cue_lemma=lemma
            )
        )
    return out
