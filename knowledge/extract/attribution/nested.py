"""Reports inside reports: "A told B that X and Y, C said", "According to C, A urged X".

The parser often hangs "and Y" on the outer cue (a second clause of what C said) rather than inside what A told,
which cuts A's claim at "and". When the inner cue's reported clause is followed straight away (no comma) by "and"
and a clause with its own subject that is no speech verb, that clause goes on with what A said.

"According to C, A urged X" is sometimes read with "to" left without an object and C as the subject of "urged",
A in apposition to C: C only reported it, A is the one who urged.
"""

from __future__ import annotations

from knowledge.extract.attribution.asides import gap_content
from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.clauses import relative_report
from knowledge.extract.parse.roles import SUBJ_DEPS, setting_clause, subject, subtree
from knowledge.extract.parse.stranded import compound_subject, stranded_subject


def continued_content(tok, content: set[int]) -> set[int]:
    """`content` of the inner cue `tok`, with a clause the parser split off after "and" added back."""
    if not content or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in lex.VERB_CUES:
        return content
    doc = tok.doc
    end = max(content) + 1
    while end < len(doc) and doc[end].is_punct and doc[end].text != ",":
        end += 1  # a closing quote mark
    if end >= len(doc) - 1 or doc[end].lower_ not in ("and", "but"):
        return content
    nxt = [
        c
        for c in [*tok.head.children, *tok.children]
        if c.dep_ in ("ccomp", "conj")
        and c.i > end
        and c.lemma_.lower() not in lex.VERB_CUES
        and any(s.dep_ in SUBJ_DEPS and s.i > end for s in c.children)
        and min(subtree(c)) == end + 1
    ]
    return content | set(range(min(content), end + 1)) | subtree(nxt[0]) if nxt else content


def _according_comma(tok) -> int | None:
    """The comma closing a sentence-initial "According to C," in the sentence of `tok`, if it opens that way."""
    doc, sent = tok.doc, tok.sent
    start = sent.start
    if start + 2 >= sent.end or doc[start].lower_ != "according" or doc[start + 1].lower_ != "to":
        return None
    return next((t.i for t in doc[start + 2 : sent.end] if t.text == ","), None)


def outside_according(subj):
    """The subject of a verb, unless the parser took it from inside "According to C,": then the name set off by
    the comma after C ("According to C, A urged": A), or nobody."""
    if subj is None:
        return None
    comma = _according_comma(subj)
    if comma is None or subj.i > comma:
        return subj
    after = [c for c in subj.children if c.dep_ == "appos" and c.i > comma]
    return after[0] if after else None


def own_clause(tok) -> bool:
    """A lexicon cue whose reported clause the parser put elsewhere: in a gap ("A, he said, B") or on the noun of
    its setting ("clarified in a call that B"). The learned scorer, which sees no clause on the verb, rejects it."""
    return bool(gap_content(tok)) or setting_clause(tok) is not None or relative_report(tok) is not None


def cue_subject(tok, quotes):
    """The speaker of cue `tok`, never one the parser took from a quotation the cue stands outside ("X reiterated
    it, saying, “… They shot …”": the parser may hang the cue on a verb inside the quote; X said it) nor from
    inside "According to C," (`outside_according`); one the parser stranded in an opening phrase is found there
    ("In a letter to A, B called X": B, `stranded`)."""
    subj = subject(tok)
    subj = outside_according(subj if subj is not None else stranded_subject(tok) or compound_subject(tok))
    if subj is None or quotes.at(subj.idx) is None or quotes.at(tok.idx) is not None:
        return subj
    own = [c for c in tok.children if c.dep_ in SUBJ_DEPS and quotes.at(c.idx) is None]
    if own:  # '"… our customers and our communities," said Holt': the quoted words read as a second subject
        return own[0]
    head = tok.head
    outer = subject(head) if tok.dep_ in ("advcl", "conj", "xcomp") and head.i != tok.i else None
    return outer if outer is not None and quotes.at(outer.idx) is None else None
