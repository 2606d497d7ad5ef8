"""Who does a verb the parser hung somewhere other than on its doer's clause.

`roles.subject` climbs from a verb without a subject of its own to the verb it hangs on; three shapes send that
climb to the wrong clause:
- a passive "asked" after the verb of answering ("X told the Herald, when asked whether Y, that Z"): who asked is
  the one told, and nobody named when no one is ("X said, when asked ..."), never X, who was asked;
- a trailing participle hung inside a clause that says when ("X said, after Y won the vote, noting that Z"): it
  goes on from the main clause, whose subject is X, not Y;
- a list of acts whose middle the parser hangs on the sentence's main verb ("was when X spoke, referred to Y and
  considered Z"): "referred" goes on from "spoke", the act before it in the list.
"""

from __future__ import annotations

SETTING_MARKS = {"after", "before", "when", "while", "since", "as", "once"}
ANSWERING = {"tell", "answer", "reply", "respond"}


def asked_by(verb) -> tuple[bool, object | None]:
    """(decided, who asked) for a passive "asked" participle clause; (False, None) for any other verb."""
    passive = verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl"
    if not passive or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False, None
    head = verb.head
    if head.lemma_.lower() in ANSWERING:
        told = [c for c in head.children if c.dep_ in ("dative", "dobj") and c.pos_ in ("PROPN", "NOUN")]
        return True, told[0] if told else None
    return True, None


def owner_verb(verb):
    """The verb whose subject does `verb` when the parse hangs it on another clause (see the module), else None."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i == verb.i or any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.tag_ == "VBG" and head.dep_ == "advcl" and head.head.pos_ in ("VERB", "AUX") and verb.i > head.i:
        if any(m.dep_ in ("mark", "advmod") and m.lower_ in SETTING_MARKS for m in head.children):
            return head.head
    if verb.tag_ in ("VBD", "VBZ") and verb.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",":
        before = [
            c
            for c in head.children
            if c.dep_ == "advcl" and c.i < verb.i and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        ]
        if before and before[-1].tag_ == verb.tag_ and before[-1].right_edge.i >= verb.left_edge.i - 2:
            return before[-1]
    return None


def quoted_as(verb):
    """'quoted' in "X was quoted (by Y) as saying ..." when `verb` is that "saying", else None."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_ == "quote":
        return head.head
    return None
