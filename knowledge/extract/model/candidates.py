"""Which verbs may be attribution cues at all: the one gate the rules and the learned model share, kept apart
from both so neither has to import the other."""

from __future__ import annotations

from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.roles import comp_children


def verb_candidate(tok) -> bool | None:
    """None when the token cannot be a verb cue; else whether the lexicon knows it (the scorer decides the rest)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        return None
    if tok.lemma_.lower() in lex.NAMING and any(c.lower_ == "what" and c.i < tok.i for c in tok.children):
        return None  # "condemned what he called a breach": the writer's words quoting a label, not a claim
    if (
        tok.i > 0
        and tok.doc[tok.i - 1].lower_ == "than"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    ):
        # "smaller than feared": a comparison with nobody's words in it (PolNeAR marks a few such expectations; a
        # briefing line "the gap (speculation): 'was smaller than'" helps no reader — CV −0.1 content, kept)
        return None
    if tok.lemma_.lower() in lex.VERB_CUES:
        return True
    if comp_children(tok) or any(c.dep_ == "dobj" for c in tok.children):
        return False
    return None
