"""Who said what: attribution relations (source, cue, content) read off the dependency parse.

Rules carry the structure (the subject of a speech verb is its source, its clausal complement is its content, a quote
next to it is its content), because structure is what generalises across outlets; a small learned scorer
(`rules_scorer`) only decides whether an ambiguous word is acting as a cue here, where a word list alone over- or
under-fires.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right

from knowledge.extract.attribution.asides import gap_content
from knowledge.extract.attribution.candidate import CueCandidate
from knowledge.extract.attribution.chains import according_chain, chain_verbs, reported_subject, verb_chain
from knowledge.extract.attribution.inverted import inverted_speaker, short_name
from knowledge.extract.attribution.nested import continued_content, cue_subject, own_clause
from knowledge.extract.attribution.quotes import adjacent_content, quote_before, quote_content
from knowledge.extract.attribution.record import Attribution
from knowledge.extract.attribution.responses import claims_answered, denials_in_apposition, noun_cue
from knowledge.extract.attribution.scan import colons, cue_scan
from knowledge.extract.attribution.tails import drop_trailing_aside
from knowledge.extract.model.learned import get_scorer as _get_scorer
from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.channels import via_of
from knowledge.extract.parse.clauses import WH_WORDS, for_clause
from knowledge.extract.parse.roles import (
    comp_children,
    content_tokens,
    cue_tokens,
    drop_leading_cc,
    first_cue_of,
    negated,
    source_tokens,
    subject,
    subtree,
)
from knowledge.extract.parse.spans import QuoteIndex, caches, char_span, doc_text, fragments, sentence
from knowledge.extract.parse.stranded import compound_article, misread_cue

# '"..." ― Jane Doe' at the end of a line: a quote signed with its author's name, as in reader-voice round-ups.
# A name starts with a capital; '"a fraud" ― just as he did in 2012.' is the writer's aside, not a signature.
_SIGNED = re.compile(r"(?<=[”\"'])[ \t\u00a0]*([―—])[ \t\u00a0]*([A-Z][^\n“”\"]{1,59}?)[ \t\u00a0]*(?=\n|$)")


def _in_place(doc, comma: int) -> bool:
    """ "the Boise, Idaho-based grocer": a comma between a city and its state inside "X-based" is part of the
    description, not the one closing "According to X,"."""
    after = doc[comma + 1 : comma + 4]
    stop = next((t.i for t in after if t.text == ","), after.end)
    return any(t.lower_.endswith("-based") or t.lower_ == "based" for t in doc[comma + 1 : stop])


def _according(doc, tok, beliefs: bool = True):
    """'According to X, Y' — X is the source, the rest of the sentence the content."""
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    sent = sentence(tok)
    pp = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
    comma = next((t.i for t in doc[to.i + 1 : sent.end] if t.text == "," and not _in_place(doc, t.i)), None)
    if tok.i == sent.start and comma is not None and sent.end - comma > 3 and (len(pp) > comma - tok.i + 2 or not objs):
        pp = set(range(tok.i, comma + 1))  # the parser swallowed the clause, or left "to" bare
        objs = [doc[i] for i in range(to.i + 1, comma)][-1:]
        src_override = set(range(to.i + 1, comma))
    else:
        src_override = None
    content = drop_leading_cc(doc, {t.i for t in sent if t.i not in pp})
    src = set().union(*(set(subtree(o)) for o in objs)) if objs else set()
    if src_override is not None:
        src = src_override
    main = tok.head if tok.head.pos_ in ("VERB", "AUX") else None
    if beliefs and main is not None and _belief_verb(main):
        subj = subject(main)
        via = fragments(doc, src)
        belief = {t.i for t in main.subtree if t.i > main.i} - pp
        return CueCandidate(
            [main], source_tokens(subj), belief, main.lemma_, lex.SPECULATE, negated(main), via[0] if via else None
        )
    src, content, via = according_chain(doc, src, pp, content)  # "according to X, which cited Y": Y, via X
    return CueCandidate([tok, to], src, content, "according to", lex.REPORT, False, via)


def _belief_verb(verb) -> bool:
    """'According to NBC, officials see it as a threat': the officials hold the view, the outlet only carries it."""
    if verb.lemma_ not in lex.COGNITION or subject(verb) is None:
        return False
    finite = [
        c
        for c in comp_children(verb)
        if c.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(a.dep_ == "aux" for a in c.children)
    ]
    as_pp = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    return bool(finite) or as_pp


def _candidates(doc, quotes: QuoteIndex) -> list[CueCandidate]:
    """Every cue in the doc, with its source, content and channel as token indices."""
    consumed: set[int] = set()  # the "cited" of a reporting chain, which comes after its "according to"
    scorer = _get_scorer()
    out = []
    for tok in cue_scan(doc):  # the words no cue rule below could take are never built
        if tok.i in consumed:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            consumed.update(chain_verbs(doc, tok))
            found = _according(doc, tok)
            out.append(found)
            if found.lemma != "according to":  # the outlet carried the view: its report is the outer link
                out.append(_according(doc, tok, beliefs=False))
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.NOUN_CUES:
            found = noun_cue(tok)
            if found is not None:
                out.append(found)
            continue
        misread = misread_cue(tok, lex.VERB_CUES)
        if misread is not None:  # '"…," the lawsuit states.' with "states" tagged a plural noun
            said = quote_before(doc, quotes, doc[misread.speaker_start].idx)
            span = doc.char_span(*said, alignment_mode="expand") if said is not None else None
            if span is not None and len(span):
                stance = lex.VERB_CUES.get(misread.lemma, lex.ASSERT)
                content = {t.i for t in span}
                out.append(CueCandidate([tok], set(misread.source), content, misread.lemma, stance, False, None))
            continue
        in_lex = scorer.candidate(tok)  # the learned model weighs more verbs
        accepted = scorer.accept(tok, in_lex, quotes.at(tok.idx) is not None) if in_lex is not None else False
        if in_lex is None or not (accepted or _second_cue(tok) or (in_lex and own_clause(tok))):
            continue
        subj = cue_subject(tok, quotes)
        content = continued_content(tok, content_tokens(tok, subj)) or gap_content(tok)
        if subj is not None and (subj.i in content or _placeholder(subj, tok)):
            subj = None
        if subj is not None and reported_subject(subj, tok):
            continue
        if not content and adjacent_content(doc, quotes, tok) is None:
            continue
        lemma = tok.lemma_.lower()
        stance = _stance(tok, lemma)
        src = source_tokens(subj) | compound_article(subj) if subj is not None else set()
        # "Reuters reported, citing three sources, that ...": the sources said it, via Reuters
        src, content, via = verb_chain(doc, tok, src, content, via_of(tok, subj), consumed)
        out.append(CueCandidate(cue_tokens(tok), src, content, lemma, stance, negated(tok), via))
    return out


def _second_cue(tok) -> bool:
    """'X said A and insisted B': a lexicon cue with a clause of its own, joined (without a subject) to the clause
    of an accepted cue, is the same speaker going on; the scorer, which sees a conjunct in a reported clause,
    under-rates it."""
    outer = first_cue_of(tok)
    if outer is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    return _get_scorer().accept(outer, True)


def _placeholder(subj, verb) -> bool:
    """'It was reported that ...', 'It is believed that ...': the "it" stands in for the clause, nobody said it."""
    return (
        subj.lower_ == "it"
        and subj.dep_ in ("nsubjpass", "expl")
        and subj.head.i == verb.i
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    )


def _stance(tok, lemma: str) -> str:
    """The lexicon's stance, except that refusing to comment is neither a claim nor a denial of one."""
    if negated(tok) and lemma in lex.COMMENT_VERBS | lex.DISCLOSE_VERBS:
        asks = any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for c in comp_children(tok) for m in c.children)
        # "did not say why ...", "have not said when ..." (an embedded question, parsed as a clause or an adverbial)
        asks = asks or any(
            c.dep_ in ("ccomp", "advcl") and c.i > tok.i and c.left_edge.lower_ in WH_WORDS for c in tok.children
        )
        if asks or lemma not in lex.DISCLOSE_VERBS:
            # "did not say whether ...", "did not confirm whether ..."; but "did not say that ..." and "did not
            # confirm the report" are claims, negated
            return lex.NO_COMMENT
    if lemma == "decline" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in lex.COMMENT_VERBS | lex.DISCLOSE_VERBS for c in tok.children
    ):
        return lex.NO_COMMENT
    if lemma == "call" and any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on") and c.i == tok.i + 1 for c in tok.children
    ):
        return lex.DEMAND  # "called for his resignation", "called on the council to act"
    if for_clause(tok) is not None:
        return lex.DEMAND  # "called for the council to act", parsed with "for" as the clause's marker
    return lex.VERB_CUES.get(lemma, lex.ASSERT)


def _cue_head(cue_toks):
    return next((t for t in cue_toks if t.dep_ not in ("aux", "auxpass", "neg", "advmod", "prt", "prep")), cue_toks[0])


def _fold_participles(cands: list[CueCandidate]) -> list[CueCandidate]:
    """'X refuted the claim, stating that Y': one denial whose content is Y, not an assertion plus a denial."""
    by_cue = {_cue_head(c.cue).i: n for n, c in enumerate(cands)}
    dropped = set()
    for n, c in enumerate(cands):
        v = _cue_head(c.cue)
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "conj") and v.head.i in by_cue:
            m = by_cue[v.head.i]
            hc = cands[m]
            objs = [o for o in v.head.children if o.dep_ == "dobj"]
            if (
                objs
                and objs[0].lemma_.lower() in lex.CLAIM_NOUNS
                and len(hc.content) <= 4
                and not comp_children(v.head)
            ):
                cands[m] = dataclasses.replace(
                    hc, content=c.content, negated=hc.negated or c.negated, via=hc.via or c.via
                )
                dropped.add(n)
    return [c for n, c in enumerate(cands) if n not in dropped]


def _colon_quotes(doc, quotes: QuoteIndex, taken: set[int]):
    """'X didn't mince words: "..."' — the colon is the cue when no speech verb governs the quote."""
    out = []
    for tok in colons(doc):
        if tok.i in taken:
            continue
        q = quotes.following(tok.idx + 1, doc_text(doc))
        if not q:
            continue
        start = sentence(tok).start
        before = [t for t in doc[start : tok.i] if t.pos_ in ("VERB", "AUX")]
        heads = [t for t in before if not (start <= t.head.i < tok.i) or t.head.i == t.i]
        verb = heads[0] if heads else None
        subj = subject(verb) if verb is not None else None
        src = source_tokens(subj) if subj is not None else set()
        inverted = inverted_speaker(doc, start, tok.i) if not src else None
        if inverted is not None:  # 'Added Berg: "…"'
            verb, src = inverted
        signed = _dash_signature(doc, start, tok.i)
        if signed:  # "Turnout matters - Jane Roe: '...'": the name after the dash is the speaker, not the subject
            verb, src = None, signed
        out.append((tok, src, char_span(doc, *q), verb))
    return out


def _dash_signature(doc, start: int, colon: int) -> set[int]:
    """The tokens of a short proper name between a dash and the colon that opens a quote ("... - Jane Roe: "),
    as roundups credit a quoted writer; empty when the colon follows anything else."""
    dash = next((t.i for t in reversed(doc[start:colon]) if t.text in ("-", "—", "–", "--")), None)
    return short_name(doc, dash + 1, colon, 5) if dash is not None else set()


def _sentence_before_speaker(doc, quotes, content: set[int], src: set[int], cue: set[int]) -> set[int]:
    """ "A, but B, another source said.": a speaker and cue closing the sentence own everything before them,
    though the parser hangs the cue on the nearest clause only. Quotes are left to `quote_content`."""
    if not content or not src:
        return content
    c0, s0 = min(cue), min(src)
    if max(content) >= s0 or max(src) >= c0 or doc[s0 - 1].text != ",":
        return content
    start = sentence(doc[c0]).start
    while start < s0 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start >= min(content) or start >= s0 - 1 or quotes.at(doc[min(content)].idx) is not None:
        return content
    return set(range(start, s0 - 1))


def _kind(quotes: QuoteIndex, frags) -> str:
    inside = [quotes.at(s) is not None and quotes.at(e - 1) is not None for s, e in frags]
    return "direct" if all(inside) else "mixed" if any(inside) else "indirect"


def find_attributions(doc) -> list[Attribution]:
    with caches(doc):
        return claims_answered(doc, denials_in_apposition(doc, _find(doc)))


def _find(doc) -> list[Attribution]:
    quotes = QuoteIndex(doc_text(doc))
    cands = _fold_participles(_candidates(doc, quotes))
    built: list[Attribution] = []
    cue_toks_used: set[int] = set()
    scorer = _get_scorer()
    for cand in cands:
        src, content = cand.source, cand.content
        cue = scorer.refine_cue(doc, cand.cue, content)  # learned span edges
        cue_set = {t.i for t in cue}
        content -= cue_set
        content = {i for i in content if i not in src}
        content = _sentence_before_speaker(doc, quotes, content, src, cue_set)
        content = drop_trailing_aside(doc, scorer.refine_content(doc, cue, content), quotes)
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
        built.append(
            Attribution(
                cue_frags,
                frags,
                fragments(doc, src),
                cand.stance,
                cand.negated,
                cand.via,
                None,
                _kind(quotes, frags),
                cand.lemma,
            )
        )
    for colon, src, q, verb in _colon_quotes(doc, quotes, cue_toks_used):
        if any(a.content and a.content[0][0] <= q[0] < a.content[-1][1] and a.cue[0][0] < q[0] for a in built):
            continue
        if q[1] <= q[0]:
            continue
        if verb is not None and verb.i < colon.i and verb.lemma_.lower() in lex.VERB_CUES:
            # "McCaskill scolded him: '...'": the speech verb is the cue (and gives the stance), not the colon
            toks = [t for t in cue_tokens(verb) if t.i not in src]
            lemma = verb.lemma_.lower()
            built.append(
                Attribution(
                    fragments(doc, {t.i for t in toks}),
                    (q,),
                    fragments(doc, src),
                    _stance(verb, lemma),
                    negated(verb),
                    None,
                    None,
                    "direct",
                    lemma,
                )
            )
            continue
        built.append(
            Attribution(
                ((colon.idx, colon.idx + 1),), (q,), fragments(doc, src), lex.ASSERT, False, None, None, "direct", ":"
            )
        )
    text = doc_text(doc)
    for m in _SIGNED.finditer(text):
        q = quotes.at(m.start() - 1) if m.start() > 0 else None
        if q is None:  # the quote opened with a mark the pairing cannot read (a reversed ”): take its whole line
            line = text.rfind("\n", 0, m.start()) + 1
            if not text[line : m.start()].lstrip(" \u00a0").startswith(("“", "”", '"')):
                continue
            q = (line, m.start())
        said = char_span(doc, *q)
        if any(a.content and a.content[0] == said for a in built):
            continue
        name = char_span(doc, m.start(2), m.end(2))
        built.append(
            Attribution(((m.start(1), m.end(1)),), (said,), (name,), lex.ASSERT, False, None, None, "direct", "signed")
        )
    built = _drop_inner_cues(built)
    built.sort(key=lambda a: a.cue[0])
    return _link_parents(built)


def _drop_inner_cues(atts: list[Attribution]) -> list[Attribution]:
    """'appeared' inside the chain cue 'appeared to suggest': one attribution, not a second one about the chain."""
    spans = sorted((a.cue[0][0], a.cue[-1][1]) for a in atts)
    out = []
    for a in atts:
        s, e = a.cue[0][0], a.cue[-1][1]
        k = bisect_right(spans, (s, 1 << 62))
        # only cues starting at or before this one can contain it; cues are short, so look back a few
        if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans[max(0, k - 8) : k]):
            out.append(a)
    return out


def _link_parents(atts: list[Attribution]) -> list[Attribution]:
    """An attribution whose cue sits inside another's content is nested in the smallest such one."""
    out = []
    for a in atts:
        c = a.cue[0][0]
        best, size = None, None
        for j, b in enumerate(atts):
            if b is a or any(s <= b.cue[0][0] < e for s, e in a.content):
                continue  # two claims inside each other's content: a parse accident, not nesting
            for s, e in b.content:
                if s <= c < e and (size is None or e - s < size):
                    best, size = j, e - s
        out.append(Attribution(a.cue, a.content, a.source, a.stance, a.negated, a.via, best, a.kind, a.cue_lemma))
    return out


def text_of(doc_text: str, frags) -> str:
    return " ".join(doc_text[s:e] for s, e in frags)


__all__ = ["Attribution", "find_attributions", "text_of"]
