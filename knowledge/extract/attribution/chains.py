"""Chains of reporting: who said it first, and through whom it reached the article.

"According to the Herald, which cited two officials" and "Reuters reported, citing three sources, that ..." name
two links: the officials and the sources said it, the Herald and Reuters carried it. A briefing shows the first
link as the speaker and the second as the channel ("two officials, via the Herald"), so a reader knows the outlet
did not claim it itself. The citing verb is part of the chain, not a claim of its own.
"""

from __future__ import annotations

from knowledge.extract.parse.spans import fragments, sentence

CITING = {"cite", "quote"}
# what a trailing "citing Y" names when Y is who said it, not a reason ("citing the release of prisoners")
CITED_SOURCES = frozenset("source people person official officials document documents report".split())


def _citing_object(tok):
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in CITING:
        return None
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return objs[0] if objs else None


def _quoted_by(tok):
    """The outlet of "X quoted by Y" / "X cited by Y" (a participle on the speaker's noun), else None."""
    if tok.lemma_.lower() not in CITING or tok.tag_ != "VBN" or tok.dep_ != "acl":
        return None
    for agent in (c for c in tok.children if c.dep_ == "agent"):
        for obj in agent.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def _trim(doc, idxs: set[int]) -> set[int]:
    """No comma or relative pronoun left at the edges of the outlet's phrase."""
    while idxs and (doc[max(idxs)].is_punct or doc[max(idxs)].lower_ in ("which", "who", "that")):
        idxs = idxs - {max(idxs)}
    while idxs and doc[min(idxs)].is_punct:
        idxs = idxs - {min(idxs)}
    return idxs


def cited_in_source(doc, src: set[int]) -> tuple[set[int], set[int], int] | None:
    """ "the Herald, which cited two officials" inside a source phrase: (the officials, the Herald, the citing verb)."""
    for i in sorted(src):
        tok = doc[i]
        agent = _quoted_by(tok)
        if agent is not None:  # "two diplomats quoted by the Post": the diplomats, via the Post
            said = _trim(doc, {j for j in src if j not in {t.i for t in tok.subtree}})
            if said:
                return said, {t.i for t in agent.subtree}, tok.i
        obj = _citing_object(tok)
        if obj is None or tok.dep_ not in ("relcl", "acl", "advcl"):
            continue
        clause = {t.i for t in tok.subtree}
        outlet = _trim(doc, {j for j in src if j not in clause})
        if outlet:
            return {t.i for t in obj.subtree}, outlet, tok.i
    return None


def citing_aside(doc, after: int, content: set[int]) -> tuple[set[int], set[int], int] | None:
    """ "..., citing three sources, ..." (or "..., which cited three sources, ...") opening the content right after
    `after` (the cue or the according-to phrase): (the sources, the content without the aside, the citing verb)."""
    for i in sorted(content)[:3]:
        tok = doc[i]
        obj = _citing_object(tok)
        relative = tok.left_edge.lower_ in ("which", "who")  # "According to X, which cited Y, ..." parsed apart
        if obj is None or not (tok.tag_ == "VBG" or relative) or not 0 < tok.left_edge.i - after <= 2:
            continue
        aside = {t.i for t in tok.subtree}
        nxt = tok.right_edge.i + 1
        if nxt < len(doc) and doc[nxt].text == ",":
            aside.add(nxt)
        rest = {j for j in content if j not in aside}
        if rest:
            return {t.i for t in obj.subtree}, rest, tok.i
    return None


def _trailing_citing(verb, content: set[int]) -> tuple[set[int], set[int], int] | None:
    """ "A, Bloomberg said, citing people familiar with the matter": the words come before the cue and the ones
    cited after it, so they said A, via the outlet."""
    if not content or max(content) > verb.i:
        return None
    for c in verb.children:
        obj = _citing_object(c) if c.i > verb.i and c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp") else None
        if obj is not None and (
            obj.ent_type_ in ("PERSON", "ORG") or obj.lemma_.lower() in CITED_SOURCES
        ):  # "citing people with knowledge of it": the parser may hang "with" on "citing"
            return {t.i for t in c.subtree if t.i >= obj.left_edge.i and not t.is_punct}, content, c.i
    return None


def according_chain(doc, src: set[int], pp: set[int], content: set[int]):
    """(source, content, via) of an according-to phrase: "according to X, which cited Y" and "According to X,
    citing Y, ..." make Y the source and X the channel; otherwise X is the source and there is no channel."""
    if not src:
        return src, content, None
    chain = cited_in_source(doc, src)
    if chain is None:
        aside = citing_aside(doc, max(pp), content)
        if aside is None:
            return src, content, None
        chain, content = (aside[0], src, aside[2]), aside[1]
    outlet = fragments(doc, chain[1])
    return chain[0], content, outlet[0] if outlet else None


def verb_chain(doc, verb, src: set[int], content: set[int], via, consumed: set[int]):
    """(source, content, via) of a cue verb, with a "citing Y" aside passing the claim to Y via the subject."""
    aside = citing_aside(doc, verb.i, content) if src else None
    if aside is None:
        aside = _trailing_citing(verb, content) if src else None
    if aside is None:
        return src, content, via
    consumed.add(aside[2])
    outlet = fragments(doc, src)
    return aside[0], aside[1], outlet[0] if outlet else via


def chain_verbs(doc, tok) -> list[int]:
    """The citing verbs of an according-to phrase ("which cited Y", "citing Y"), which are not cues of their own."""
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return []
    pp = {t.i for t in tok.subtree} | {t.i for t in doc[tok.i + 1].subtree}
    return [
        t.i
        for t in doc[tok.i : sentence(tok).end]
        if t.lemma_.lower() in CITING
        and (
            t.i in pp
            or (t.tag_ == "VBG" or t.left_edge.lower_ in ("which", "who"))
            and 0 < t.left_edge.i - max(pp) <= 2
        )
    ]


def reported_subject(subj, verb) -> bool:
    """ "She said A but that fuel prices worried B": a subject opened by a "that" the parser took for a determiner,
    on a verb joined to a reported clause, belongs to that clause, so its verb is part of what was said, not a new
    speaker's cue. (Also firing on a "that" parsed as a marker cost 0.1 cue and content F1 in CV.)"""
    first = subj.left_edge
    return first.lower_ == "that" and first.dep_ == "det" and verb.dep_ == "conj" and verb.head.dep_ == "ccomp"
