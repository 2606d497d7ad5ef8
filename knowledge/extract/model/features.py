"""Features of a candidate cue for the learned cue model, read off the spaCy parse.

The older scorer (`rules_scorer.features`) was trained on 58 articles, so it could afford only a few dozen feature
kinds; trained on PolNeAR's 840-article train split, lexicalised pairs (the verb with its object, its governor, the
word after it) carry weight: "make the case" and "show a film" differ in the object, "declined to comment" in the
governor. Names are stable strings because the shipped weights are keyed by them.
"""

from __future__ import annotations

from knowledge.extract.model.rules_scorer import PRONOUNS
from knowledge.extract.model.rules_scorer import features as base_features
from knowledge.extract.parse.spans import doc_text, sentence

QUOTES = {"“", "”", '"', "''", "``"}
ROLE_DEPS = ("nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "prep", "prt", "agent", "dative", "oprd", "advcl", "neg")


def _kind(tok) -> str:
    if tok.lower_ in PRONOUNS:
        return "pron"
    return tok.ent_type_ or tok.pos_


def verb_features(tok, in_lexicon: bool, in_quote: bool) -> list[str]:
    """The base scorer's features plus lexicalised context, for a verb the rules consider."""
    f = base_features(tok, in_lexicon, in_quote)
    f += context_features(tok)
    return f


def context_features(tok) -> list[str]:
    """Lexical and structural context: the word's governor, its arguments by word, its neighbours, where it sits."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    f = [f"pos={tok.pos_}", f"pos_lemma={tok.pos_}|{lemma}", f"lemma_tag={lemma}|{tok.tag_}"]
    head = tok.head
    if head.i != tok.i:
        f += [f"head_lemma={head.lemma_.lower()}", f"lemma_head={lemma}|{head.lemma_.lower()}|{tok.dep_}"]
        f.append(f"head_pos_dep={head.pos_}|{tok.dep_}")
    for c in tok.children:
        if c.dep_ not in ROLE_DEPS:
            continue
        f.append(f"lemma_child={lemma}|{c.dep_}")
        if c.dep_ in ("dobj", "prep", "prt", "agent", "dative", "oprd"):
            f.append(f"lemma_child_word={lemma}|{c.dep_}|{c.lemma_.lower()}")
            f.append(f"child_word={c.dep_}|{c.lemma_.lower()}")
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
            f.append(f"child_kind={c.dep_}|{_kind(c)}")
        if c.dep_ == "prep":
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if objs:
                f.append(f"prep_obj={c.lower_}|{_kind(objs[0])}")
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prv = doc[tok.i - 1] if tok.i > 0 else None
    if nxt is not None:
        f += [f"lemma_next={lemma}|{nxt.lower_}", f"next_word={nxt.lower_}", f"next_tag={nxt.tag_}"]
    if prv is not None:
        f += [f"lemma_prev={lemma}|{prv.lower_}", f"prev_word={prv.lower_}", f"prev_tag={prv.tag_}"]
    sent = sentence(tok)
    pos = tok.i - sent.start
    f.append(f"sent_pos={min(pos, 6)}")
    f.append(f"to_end={min(sent.end - tok.i, 6)}")
    text = doc_text(doc)
    left = text[max(sent.start_char, tok.idx - 3) : tok.idx]
    if any(q in left for q in ("”", '"')):
        f.append("after_closing_quote")
    if tok.is_sent_start or (prv is not None and prv.text in QUOTES and prv.is_sent_start):
        f.append("sent_first")
    f.append(f"ent={tok.ent_type_ or '-'}")
    return f
