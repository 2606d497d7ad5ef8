"""Reports inside reports: "A told B that X and Y, C said".

The parser often hangs "and Y" on the outer cue (a second clause of what C said) rather than inside what A told,
which cuts A's claim at "and". When the inner cue's reported clause is followed straight away (no comma) by "and"
and a clause with its own subject that is no speech verb, that clause goes on with what A said.
"""

from __future__ import annotations

from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.roles import SUBJ_DEPS, subtree


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
