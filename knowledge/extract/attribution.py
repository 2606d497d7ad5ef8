"""Who said what: attribution relations (source, cue, content) read off the dependency parse.

Rules carry the structure (the subject of a speech verb is its source, its clausal complement is its content, a quote
next to it is its content), because structure is what generalises across outlets; a small learned scorer
(`cue_model`) only decides whether an ambiguous word is acting as a cue here, where a word list alone over- or
under-fires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract import cues as lex
from knowledge.extract.cue_model import CueScorer
from knowledge.extract.quotes import adjacent_content, quote_content
from knowledge.extract.spans import EDGE, TEXT_KEY, QuoteIndex, char_span, doc_text, fragments

Frag = tuple[int, int]
# '"..." ― Jane Doe' at the end of a line: a quote signed with its author's name, as in reader-voice round-ups.
_SIGNED = re.compile(r"(?<=[”\"'])[ \t\u00a0]*([―—])[ \t\u00a0]*([^\n“”\"]{2,60}?)[ \t\u00a0]*(?=\n|$)")


@dataclass(frozen=True)
class Attribution:
    cue: tuple[Frag, ...]
    content: tuple[Frag, ...]
    source: tuple[Frag, ...]
    stance: str
    negated: bool
    via: Frag | None
    parent: int | None
    kind: str
    cue_lemma: str


COMP_DEPS = {"ccomp", "xcomp"}
WIDE_OBJ = False
SETTING_PREPS = {"during", "after", "before", "since", "amid", "at", "on", "in", "while", "despite"}
OBJECT_PREPS = {"to", "as", "for", "with"}
PREP_CONTENT = {"about", "of", "on", "against", "with", "for"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
RELATIVE = {"who", "that", "which"}
_scorer: CueScorer | None = None


def _get_scorer() -> CueScorer:
    global _scorer
    if _scorer is None:
        _scorer = CueScorer.load()
    return _scorer


def _subtree(tok, exclude=()) -> set[int]:
    """Subtree indices, leaving out the subtrees of `exclude` tokens (nested clauses, the cue itself)."""
    drop: set[int] = set()
    for t in exclude:
        drop.update(x.i for x in t.subtree)
    return {x.i for x in tok.subtree} - drop


def _source_tokens(subj) -> set[int]:
    """The subject phrase minus participle clauses ("speaking anonymously to ..."), which describe the channel."""
    if subj.lower_ in RELATIVE and subj.head.dep_ == "relcl":
        noun = subj.head.head
        return {t.i for t in noun.subtree if t.i < subj.head.i and t.i <= noun.i} | {noun.i}
    cut = [c for c in subj.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"]
    return _subtree(subj, cut)


def _subject(verb, depth: int = 0):
    """The verb's own subject, else the one it shares through coordination or a participle clause."""
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [x for x in c.children if x.dep_ == "pobj"]
            if objs:
                return objs[0]
    for c in verb.children:
        if c.dep_ in SUBJ_DEPS:
            return c
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, depth + 1)
    return None


def _negated(verb) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in lex.NEGATORS


def _via(verb, subj) -> Frag | None:
    """The channel: who was told ("told RT"), or a medium preposition on the verb or on the speaker."""
    doc = verb.doc
    holders = [verb] + ([c for c in subj.children if c.dep_ in ("acl", "advcl")] if subj is not None else [])
    holders += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and not _comp_children(c)]
    for h in holders:
        for c in h.children:
            if h.lemma_ == "tell" and c.dep_ in ("dobj", "dative"):
                return char_span(doc, c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "in", "on", "with"):
                objs = [x for x in c.children if x.dep_ == "pobj"]
                if not objs:
                    continue
                o = objs[0]
                is_medium = o.lemma_.lower() in lex.MEDIA_NOUNS or (c.lower_ == "to" and (o.ent_type_ in ("ORG", "PERSON") or o.pos_ == "PROPN"))
                if is_medium or (c.lower_ in ("on", "to") and o.ent_type_ == "ORG"):
                    return char_span(doc, o.left_edge.idx, o.right_edge.idx + len(o.right_edge))
    return None


def _comp_children(verb):
    return [c for c in verb.children if c.dep_ in COMP_DEPS and c.i != verb.i]


def _content_tokens(verb, subj) -> set[int]:
    comps = _comp_children(verb)
    if verb.lemma_ in ("call", "urge", "ask") and not comps:
        comps = [c for c in verb.children if c.dep_ in ("oprd", "dobj")]
    if comps:
        out = set()
        for c in comps:
            # "said he would act and warned ...": a cue verb coordinated into the clause is the speaker's next act
            drop = [k for k in c.children if k.dep_ == "conj" and _speech_verb(k)
                    and not any(x.dep_ in SUBJ_DEPS for x in k.children)]
            out |= _subtree(c, drop)
            own_subj = any(m.dep_ in SUBJ_DEPS for m in c.children)
            if c.dep_ == "xcomp" or not own_subj:  # "expects X to win": X belongs to what is expected
                out |= set().union(set(), *(_subtree(o) for o in verb.children if o.dep_ == "dobj" and o.i < c.i))
            if c.dep_ == "xcomp" and _raising(verb):  # "X is expected to win": X is part of the expectation
                out |= set().union(set(), *(_subtree(o) for o in verb.children if o.dep_ in SUBJ_DEPS))
        return _drop_leading_cc(verb.doc, out)
    head = verb.head
    # "A, he said, B" / "A, he said." : the cue hangs off the content's verb.
    if verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and verb.i != head.i and (verb.i > head.i or verb.dep_ == "parataxis"):
        if verb.dep_ != "conj" or (subj is not None and subj.i > head.i):
            return _drop_leading_cc(verb.doc, _subtree(head, [verb]) - ({t.i for t in subj.subtree} if subj is not None else set()))
    objs = [c for c in verb.children if c.dep_ in ("dobj",)]
    if objs and verb.lemma_ not in ("say", "tell"):
        out = _subtree(objs[0])
        for c in verb.children:  # "linked X to Y": the object and where it is put together are the claim
            if c.i <= max(out):
                continue
            if c.dep_ == "prep" and (c.lower_ in OBJECT_PREPS or (WIDE_OBJ and c.lower_ not in SETTING_PREPS)):
                out |= _subtree(c)
            elif WIDE_OBJ and c.dep_ in ("oprd", "xcomp", "ccomp", "dative"):
                out |= _subtree(c)
            elif c.dep_ in ("punct",) and c.text != ",":
                continue
            else:
                break
        return out
    that = [c for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if that:  # "tweeted in the morning that ...", parsed as an adverbial clause
        return _subtree(that[0])
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in verb.children):  # "was endorsed by X": the endorsed is the content
        return _subtree(passive[0])
    if PREP_CONTENT:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in PREP_CONTENT and c.i > verb.i]
        if preps:
            return {t.i for t in preps[0].subtree if t.i != preps[0].i}
    return set()


def _speech_verb(tok) -> bool:
    lemma = tok.lemma_.lower()
    return lex.VERB_CUES.get(lemma) in (lex.ASSERT, lex.FORECAST, lex.CRITICIZE) and lemma not in lex.NEEDS_CLAUSE


def _raising(verb) -> bool:
    """'is expected to', 'seems to': the grammatical subject is inside the content and nobody is the source."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)
    return passive or verb.lemma_ in lex.RAISING


def _drop_leading_cc(doc, idxs: set[int]) -> set[int]:
    """'But the goal is ...': the connective links to the previous sentence, not to what was said."""
    while idxs and doc[min(idxs)].dep_ == "cc" or (idxs and doc[min(idxs)].is_punct and doc[min(idxs)].text not in "“\"'"):
        idxs = idxs - {min(idxs)}
    while idxs and (doc[max(idxs)].dep_ == "cc" or doc[max(idxs)].text in (",", "--", "—")):
        idxs = idxs - {max(idxs)}
    return idxs


def _cue_tokens(verb) -> list:
    """The verb with its particle ("called for") and the auxiliaries right before it ("has also said")."""
    toks = [verb]
    i = verb.i - 1
    left = {c.i: c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < verb.i}
    while i in left and left[i].lower_ != "to" and (left[i].dep_ != "advmod" or left[i].lower_ in lex.CUE_ADVERBS
                                                    or left[i].lower_.endswith("ly")):
        toks.insert(0, left[i])
        i -= 1
    for c in verb.children:
        if c.dep_ in ("prt", "prep") and (verb.lemma_, c.lower_) in lex.PARTICLE_CUES and c.i == verb.i + 1:
            toks.append(c)
    return toks


def verb_candidate(tok) -> bool | None:
    """None when the token cannot be a verb cue; else whether the lexicon knows it (the scorer decides the rest)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        return None
    if tok.lemma_.lower() in lex.VERB_CUES:
        return True
    if _comp_children(tok) or any(c.dep_ == "dobj" for c in tok.children):
        return False
    return None


def _belief_verb(verb) -> bool:
    """'According to NBC, officials see it as a threat': the officials hold the view, the outlet only carries it."""
    if verb.lemma_ not in lex.COGNITION or _subject(verb) is None:
        return False
    finite = [c for c in _comp_children(verb) if c.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(a.dep_ == "aux" for a in c.children)]
    as_pp = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    return bool(finite) or as_pp


def _candidates(doc, quotes: QuoteIndex):
    """(cue tokens, source token, content token set, lemma, stance, negated, via) for every cue in the doc."""
    scorer = _get_scorer()
    out = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            sent = tok.sent
            pp = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
            comma = next((t.i for t in doc[to.i + 1:sent.end] if t.text == ","), None)
            if tok.i == sent.start and comma is not None and sent.end - comma > 3 and len(pp) > comma - tok.i + 2:
                pp = set(range(tok.i, comma + 1))  # the parser swallowed the clause into the phrase
                objs = [doc[i] for i in range(to.i + 1, comma)][-1:]
                src_override = set(range(to.i + 1, comma))
            else:
                src_override = None
            content = {t.i for t in sent if t.i not in pp}
            src = set().union(*(set(_subtree(o)) for o in objs)) if objs else set()
            if src_override is not None:
                src = src_override
            main = tok.head if tok.head.pos_ in ("VERB", "AUX") else None
            if main is not None and _belief_verb(main):
                subj = _subject(main)
                via = fragments(doc, src)
                belief = {t.i for t in main.subtree if t.i > main.i} - pp
                out.append(([main], _source_tokens(subj), belief, main.lemma_, lex.SPECULATE,
                            _negated(main), via[0] if via else None))
                continue
            out.append(([tok, to], src, content, "according to", lex.REPORT, False, None))
            continue
        in_lex = verb_candidate(tok)
        if in_lex is None or not scorer.accept(tok, in_lex, quotes.at(tok.idx) is not None):
            continue
        subj = _subject(tok)
        content = _content_tokens(tok, subj)
        if subj is not None and subj.i in content:
            subj = None
        if not content and adjacent_content(doc, quotes, tok) is None:
            continue
        lemma = tok.lemma_.lower()
        stance = lex.VERB_CUES.get(lemma, lex.ASSERT)
        out.append((_cue_tokens(tok), _source_tokens(subj) if subj is not None else set(), content, lemma, stance,
                    _negated(tok), _via(tok, subj)))
    return out


def _cue_head(cue_toks):
    return next((t for t in cue_toks if t.dep_ not in ("aux", "auxpass", "neg", "advmod", "prt", "prep")), cue_toks[0])


def _fold_participles(cands):
    """'X refuted the claim, stating that Y': one denial whose content is Y, not an assertion plus a denial."""
    by_cue = {_cue_head(c[0]).i: n for n, c in enumerate(cands)}
    dropped = set()
    for n, (cue, src, content, lemma, stance, neg, via) in enumerate(cands):
        v = _cue_head(cue)
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "conj") and v.head.i in by_cue:
            m = by_cue[v.head.i]
            hc = cands[m]
            objs = [c for c in v.head.children if c.dep_ == "dobj"]
            if objs and objs[0].lemma_.lower() in lex.CLAIM_NOUNS and len(hc[2]) <= 4 and not _comp_children(v.head):
                cands[m] = (hc[0], hc[1], content, hc[3], hc[4], hc[5] or neg, hc[6] or via)
                dropped.add(n)
    return [c for n, c in enumerate(cands) if n not in dropped]


def _colon_quotes(doc, quotes: QuoteIndex, taken: set[int]):
    """'X didn't mince words: "..."' — the colon is the cue when no speech verb governs the quote."""
    out = []
    for tok in doc:
        if tok.text != ":" or tok.i in taken:
            continue
        q = quotes.following(tok.idx + 1, doc_text(doc))
        if not q:
            continue
        before = [t for t in doc[tok.sent.start:tok.i] if t.pos_ in ("VERB", "AUX")]
        heads = [t for t in before if not (tok.sent.start <= t.head.i < tok.i) or t.head.i == t.i]
        verb = heads[0] if heads else None
        subj = _subject(verb) if verb is not None else None
        src = _source_tokens(subj) if subj is not None else set()
        out.append((tok, src, char_span(doc, *q)))
    return out


def _kind(quotes: QuoteIndex, frags) -> str:
    inside = [quotes.at(s) is not None and quotes.at(e - 1) is not None for s, e in frags]
    return "direct" if all(inside) else "mixed" if any(inside) else "indirect"


def find_attributions(doc) -> list[Attribution]:
    try:
        return _find(doc)
    finally:
        doc.user_data.pop(TEXT_KEY, None)  # the cached text must not travel with the Doc


def _find(doc) -> list[Attribution]:
    quotes = QuoteIndex(doc_text(doc))
    cands = _fold_participles(_candidates(doc, quotes))
    built: list[Attribution] = []
    cue_toks_used: set[int] = set()
    for cue, src, content, lemma, stance, neg, via in cands:
        cue_set = {t.i for t in cue}
        content -= cue_set
        content = {i for i in content if i not in src}
        if content:
            frags = quote_content(doc, quotes, cue, fragments(doc, content))
        else:
            near = adjacent_content(doc, quotes, _cue_head(cue))
            frags = quote_content(doc, quotes, cue, (near,)) if near else ()
        if not frags:
            continue
        cue_frags = fragments(doc, cue_set)
        if not cue_frags:
            continue
        cue_toks_used |= cue_set
        built.append(Attribution(cue_frags, frags, fragments(doc, src), stance, neg, via, None, _kind(quotes, frags), lemma))
    for colon, src, q in _colon_quotes(doc, quotes, cue_toks_used):
        if any(a.content and a.content[0][0] <= q[0] < a.content[-1][1] and a.cue[0][0] < q[0] for a in built):
            continue
        if q[1] <= q[0]:
            continue
        built.append(Attribution(((colon.idx, colon.idx + 1),), (q,), fragments(doc, src), lex.ASSERT,
                                 False, None, None, "direct", ":"))
    for m in _SIGNED.finditer(doc_text(doc)):
        q = quotes.at(m.start() - 1) if m.start() > 0 else None
        if q is None:
            continue
        content = char_span(doc, *q)
        if any(a.content and a.content[0] == content for a in built):
            continue
        name = char_span(doc, m.start(2), m.end(2))
        built.append(Attribution(((m.start(1), m.end(1)),), (content,), (name,), lex.ASSERT, False, None, None,
                                 "direct", "signed"))
    built.sort(key=lambda a: a.cue[0])
    return _link_parents(built)


def _link_parents(atts: list[Attribution]) -> list[Attribution]:
    """An attribution whose cue sits inside another's content is nested in the smallest such one."""
    out = []
    for a in atts:
        c = a.cue[0][0]
        best, size = None, None
        for j, b in enumerate(atts):
            if b is a:
                continue
            for s, e in b.content:
                if s <= c < e and (size is None or e - s < size):
                    best, size = j, e - s
        out.append(Attribution(a.cue, a.content, a.source, a.stance, a.negated, a.via, best, a.kind, a.cue_lemma))
    return out


def text_of(doc_text: str, frags) -> str:
    return " ".join(doc_text[s:e] for s, e in frags)


__all__ = ["Attribution", "find_attributions", "text_of", "EDGE"]
