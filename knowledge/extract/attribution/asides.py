"""Claims told inside an aside: "aid to Kyiv—something Russia claims only prolongs the conflict—", "freezing the
war, an idea the Kremlin rejects".

The cue sits in a relative clause on a summary noun ("something", "an idea", "a move") with the claim's
subject or object gapped, so the parse gives the cue no clause of its own. What was claimed is the phrase the summary
noun stands for — the one before the dash or comma — and, when the noun is the subject of the rest of the aside,
what the aside says of it ("only prolongs the conflict"). "Belarus released X, a move the government described as
Y" keeps only X: the release is the writer's own narration, an event, and must not become hearsay.
"""

from __future__ import annotations

SUMMARY_NOUNS = {"something", "idea", "move", "step", "claim", "plan", "proposal", "policy", "decision", "measure"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _antecedent(doc, noun) -> set[int]:
    """The phrase right before the dash or comma that opens the aside, up to the clause it belongs to."""
    opener = noun.left_edge.i - 1
    if opener < 1 or doc[opener].text not in (",", "—", "–", "-", "--"):
        return set()
    tok = doc[opener - 1]
    while tok.head.i != tok.i and tok.head.i < opener:
        head = tok.head
        if head.tag_ in _FINITE or head.dep_ == "ROOT" or _clause_head(head):
            break
        tok = head
    span = set(range(tok.left_edge.i, opener))
    while span and (doc[min(span)].pos_ in ("ADP", "CCONJ", "PUNCT") or doc[min(span)].dep_ == "cc"):
        span.discard(min(span))  # "for freezing the war": the preposition belongs to the sentence, not the claim
    return span


def _clause_head(tok) -> bool:
    """A verb with a subject or an auxiliary of its own ("has advocated"); "to rebuild" is still inside a phrase."""
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") or c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in tok.children
    )


def gap_content(verb) -> set[int]:
    """Token indices of what a cue in such an aside claims, or nothing when the cue is not in one."""
    doc = verb.doc
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lemma_.lower() not in SUMMARY_NOUNS or noun.i > verb.i:
        return set()
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return set()
    out = _antecedent(doc, noun)
    if not out:
        return set()
    pred = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and pred.i > verb.i:
        # "something Russia claims only prolongs the conflict": what the aside says of the gapped subject
        stop = next(
            (t.i for t in doc[verb.i + 1 : pred.right_edge.i + 1] if t.text in ("—", "–", "--") or t.dep_ == "cc"),
            pred.right_edge.i + 1,
        )
        out |= {t.i for t in doc[verb.right_edge.i + 1 : stop] if not t.is_punct or t.i < stop - 1}
    for c in verb.children:  # "a move Moscow condemned as outright theft"
        if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i:
            out |= {t.i for t in c.subtree}
    return out
