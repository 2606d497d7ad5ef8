"""The writer's asides that close a reported clause: not part of what the speaker said.

The parse hangs whatever follows a reported clause inside it, so "said turnout was high, while rivals disputed it",
"said the plan was sound, even as critics scoffed" and "said prices would rise, an admission that ..." carry the
writer's words at the end of the content. Annotated news (PolNeAR) more often ends the content before them than
keeps them (a trailing "according to" source is `pipeline`'s to cut; a relative clause inside a reported clause
stays, see `roles.drop_trailing_relative`: annotators split about evenly on it). Only an unquoted tail that runs
to the end of the content is dropped: inside a quote every word is the speaker's.
"""

from __future__ import annotations

from knowledge.extract.attribution.asides import SUMMARY_NOUNS

CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
# nouns by which the writer sums up the clause before ("..., a swipe at X", "..., an acknowledgment that Y")
COMMENT_NOUNS = frozenset(SUMMARY_NOUNS) | frozenset(
    {
        "acknowledgment",
        "acknowledgement",
        "admission",
        "swipe",
        "jab",
        "dig",
        "message",
        "point",
        "reference",
        "sign",
        "signal",
        "indication",
        "nod",
        "tactic",
        "warning",
        "charge",
        "accusation",
        "rebuke",
        "allusion",
        "echo",
        "reversal",
        "departure",
        "shift",
        "concession",
    }
)


def drop_trailing_aside(doc, idxs: set[int], quotes) -> set[int]:
    """`idxs` without the first unquoted aside (see the module) that runs from a comma or dash to its end."""
    if len(idxs) < 4:
        return idxs
    first, last = min(idxs), max(idxs)
    if quotes.at(doc[last].idx) is not None:
        return idxs
    for k in range(first + 3, last + 1):
        if k not in idxs or quotes.at(doc[k].idx) is not None:
            continue
        if _aside_at(doc, k, last, idxs):
            kept = {i for i in idxs if i < k - 1}
            return kept if len(kept) >= 2 else idxs
    return idxs


def _aside_at(doc, k: int, last: int, idxs: set[int]) -> bool:
    opener, tok = doc[k - 1], doc[k]
    if opener.text != ",":
        return False
    low = tok.lower_
    if low in CONTRAST_MARKS or (low == "even" and k < last and doc[k + 1].lower_ in ("as", "though")):
        clause = doc[k + 1].head if low == "even" else tok.head
        return _closing_clause(clause, last, idxs)
    if low in ("a", "an") and tok.head.lemma_.lower() in COMMENT_NOUNS:
        noun = tok.head
        return noun.left_edge.i == k and noun.right_edge.i >= last - 1
    return False


def _closing_clause(clause, last: int, idxs: set[int]) -> bool:
    """A clause with a subject of its own, hung on the content, that runs to the content's end."""
    return (
        clause.dep_ == "advcl"
        and clause.head.i in idxs
        and clause.right_edge.i >= last - 1
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    )
