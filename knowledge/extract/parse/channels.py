"""The channel of a report: the outlet or medium a speaker spoke through ("told RT", "in a statement", "quoted by
the Herald"), kept apart from the speaker. A person spoken to is a listener, not a channel: "A told B that ..."
stores no `via` for B (a nested report takes its reporter as channel instead, in `speakers.claims`)."""

from __future__ import annotations

from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.roles import comp_children, quoted_as
from knowledge.extract.parse.spans import Frag, char_span


def via_of(verb, subj) -> Frag | None:
    """The channel: the outlet told ("told RT"), the one who quoted, or a medium preposition on the verb or on the
    speaker. A person told ("told the president that") is the listener, never the channel."""
    doc = verb.doc
    quoted = quoted_as(verb)
    if quoted is not None:  # "X was quoted by the Herald as saying", "the Herald quoted X as saying": the quoter
        for o in [x for a in quoted.children if a.dep_ == "agent" for x in a.children if x.dep_ == "pobj"] + [
            c for c in quoted.children if c.dep_ == "nsubj" and any(d.dep_ == "dobj" for d in quoted.children)
        ]:
            return char_span(doc, o.left_edge.idx, o.right_edge.idx + len(o.right_edge))
    holders = [verb] + ([c for c in subj.children if c.dep_ in ("acl", "advcl")] if subj is not None else [])
    holders += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and not comp_children(c)]
    for h in holders:
        for c in h.children:
            if h.lemma_ == "tell" and c.dep_ in ("dobj", "dative") and outlet(c):
                return char_span(doc, c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "in", "on", "with"):
                objs = [x for x in c.children if x.dep_ == "pobj"]
                if not objs:
                    continue
                o = objs[0]
                is_medium = o.lemma_.lower() in lex.MEDIA_NOUNS or (c.lower_ == "to" and outlet(o))
                if is_medium or (c.lower_ in ("on", "to") and o.ent_type_ == "ORG"):
                    end = _before(o, subj)
                    return char_span(doc, o.left_edge.idx, end.idx + len(end))
    return None


def _before(obj, subj):
    """The channel's last token, stopping short of a speaker the parser hung inside it ("in a letter to A, B
    said": the channel is the letter to A, not "a letter to A, B")."""
    end = obj.right_edge
    if subj is None or not obj.left_edge.i < subj.left_edge.i <= end.i:
        return end
    last = subj.left_edge.i - 1
    while last > obj.i and obj.doc[last].is_punct:
        last -= 1
    return obj.doc[last]


def outlet(tok) -> bool:
    """Is `tok` (told, spoken to) a channel: an organisation, a medium, the press ("told reporters") or a title
    ("the Courier"), not a person or a country listening?"""
    if tok.ent_type_ == "ORG" or tok.lemma_.lower() in lex.MEDIA_NOUNS | lex.PRESS_NOUNS:
        return True
    listener = ("PERSON", "GPE", "NORP")  # any word of the name: the tagger may leave a surname untagged
    return tok.pos_ == "PROPN" and not any(t.ent_type_ in listener for t in tok.subtree)
