"""Quotations around a cue: the parse stops at sentence ends, but a speaker's words often do not.

'"A," she said. "B."' is one statement in two sentences; '"Why?" he asked.' puts the question before the sentence
that holds its cue; 'He continued:' hands the floor to the next paragraph. These rules work on characters and
quote pairs rather than on the dependency tree.
"""

from __future__ import annotations

import re

from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.roles import speech_verb
from knowledge.extract.parse.spans import Frag, QuoteIndex, char_span, doc_text, first_token_from, sentence

QUOTE_CHARS = ("“", '"', "''")
# the rest of a sentence, up to its last stop and closing marks: "…, he said at the meeting."
_SENTENCE_TAIL = re.compile(r"[^.!?\n]*[.!?]?[”\"'\s\u00a0]*")


def adjacent_content(doc, quotes: QuoteIndex, tok) -> Frag | None:
    """Content the verb does not govern in the parse: a quote or paragraph right after it, or a quote right before."""
    text = doc_text(doc)
    end = tok.idx + len(tok)
    nxt = text[end : end + 1]
    if nxt in (",", ":"):
        q = quotes.following(end + 1, text)
        if q is not None:
            return char_span(doc, *q)
    sent = sentence(tok)
    tail = text[end : sent.end_char].strip(" \u00a0")
    if tail == ":" or (nxt == ":" and not text[end + 1 : sent.end_char].strip()):
        para_start = end + 1 + len(text[end + 1 :]) - len(text[end + 1 :].lstrip())
        para_end = text.find("\n", para_start)
        para_end = len(text) if para_end < 0 else para_end
        if para_end > para_start:
            return char_span(doc, para_start, para_end)
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is not None and tok.i - subj.right_edge.i <= 3:  # '"...," he said' with the quote outside the parse
        q = _quote_closing_at(text, quotes, subj.left_edge.idx)
        if q is not None:
            return char_span(doc, *q)
    q = _quote_closing_at(text, quotes, tok.idx)  # '"...," said X' with the quote outside the parse
    if q is not None:
        return char_span(doc, *q)
    # '"Why now?" he asked.' — a short sentence holding only the speaker and the cue, right after a closing quote
    if tok.i - sent.start <= 4 and not any(q in sent.text for q in QUOTE_CHARS):
        q = _quote_closing_at(text, quotes, sent.start_char)
        if q is not None:
            return char_span(doc, *q)
    return None


def quote_before(doc, quotes: QuoteIndex, pos: int) -> Frag | None:
    """The quotation closing right before character `pos` ('"…," the lawsuit states'), trimmed, if one does."""
    q = _quote_closing_at(doc_text(doc), quotes, pos)
    return char_span(doc, *q) if q is not None else None


def _quote_closing_at(text: str, quotes: QuoteIndex, pos: int) -> Frag | None:
    """The quote whose closing mark is the last thing before `pos` (spaces aside)."""
    before = text[:pos].rstrip(" \u00a0")
    q = quotes.at(len(before) - 1) if before else None
    return q if q is not None and q[1] == len(before) else None


def quote_content(doc, quotes: QuoteIndex, cue_toks, content_frags):
    """Grow content to the whole quote it touches, and pull in the quote that resumes after the cue's sentence."""
    text = doc_text(doc)
    frags = list(content_frags)
    grown = []
    for s, e in frags:
        q1, q2 = quotes.at(s), quotes.at(max(s, e - 1))
        s2 = q1[0] if q1 else s
        e2 = q2[1] if q2 else e
        if q1 and not q2 and q1[1] <= cue_toks[0].idx < e:
            e2 = q1[1]  # the quote closed before the cue: what follows it is the speaker, not the content
        elif q1 and not q2 and e <= cue_toks[0].idx and q1[1] < e:
            e2 = q1[1]
        grown.append(char_span(doc, s2, e2))
    signed = _split_opening(doc, quotes, cue_toks[0])
    if signed is not None and not any(a < signed[1] and signed[0] < b for a, b in grown):
        grown.append(signed)
    cue_end = cue_toks[-1].idx + len(cue_toks[-1])
    sent = sentence(cue_toks[0])
    tail = text[cue_end : sent.end_char]
    after = quotes.following(cue_end + len(tail) - len(tail.lstrip(" ,:")), text)
    if after and not any(a <= after[0] < b for a, b in grown):
        if text[cue_end : after[0]].strip(" \n") in (":", ",", ""):
            grown.append(char_span(doc, *after))
    before_cue = [g for g in grown if g[1] <= cue_toks[0].idx]
    # the content before the cue is a quote, or ends in one ('Both parties "saw Burma as ...," said X.')
    quoted_before = before_cue and (quotes.at(before_cue[0][0]) is not None or quotes.at(before_cue[-1][1]) is not None)
    nxt = quotes.next_after(cue_end)
    if quoted_before and nxt is not None and nxt[0] <= sent.end_char + 3:
        between = text[cue_end : nxt[0]].strip(" \n\u00a0")
        if between.endswith((".", "!", "?")) and not any(q in between for q in QUOTE_CHARS) and not _signed(doc, nxt):
            if not any(a <= nxt[0] < b for a, b in grown):
                grown.append(char_span(doc, *nxt))
                grown += _quotes_running_on(doc, quotes, nxt)
    grown = _cut_out(doc, grown, (cue_toks[0].idx, cue_end))
    grown = sorted({g for g in grown if g[1] > g[0]})
    if grown:  # 'X said: "A."' then '"B."' in the next paragraph, unsigned: B goes on with A's speaker
        piece = max(grown, key=lambda g: g[1])
        last = piece[1]
        q = quotes.at(last) or quotes.at(last - 1)
        # the content is that quote, not narration ending in a quoted phrase ('accuses her of "bad faith."')
        spoken = not _quoted(text, quotes, cue_toks[0].idx)  # a cue inside a quote reports another's words
        if spoken and q is not None and q[1] >= last and q[1] > cue_end and q[0] + 1 >= piece[0]:
            grown += [g for g in _quotes_running_on(doc, quotes, q) if g[0] >= last]
        elif spoken and last > sent.start_char and any(speech_verb(t) for t in cue_toks):
            grown += _paragraph_quoted_next(doc, quotes, max(last, cue_end))
    merged: list[Frag] = []
    for g in sorted(grown):
        if merged and g[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], g[1]))
        else:
            merged.append(g)
    return tuple(merged)


def _quoted(text: str, quotes: QuoteIndex, pos: int) -> bool:
    """`pos` is inside quoted words: a quote holds it, or its paragraph opens with a mark that no closer answers
    before it ('“Since then, 7&i noted it is “seriously” weighing it.' — the inner quote breaks the pairing)."""
    if quotes.at(pos) is not None:
        return True
    start = text.rfind("\n", 0, pos) + 1
    start += len(text[start:pos]) - len(text[start:pos].lstrip())
    first = quotes.at(start)
    return text[start : start + 1] in QUOTE_CHARS and (first is None or first[1] > pos)


def _quotes_running_on(doc, quotes: QuoteIndex, last: Frag, limit: int = 3) -> list[Frag]:
    """'"A," she said. "B." / "C."': quotes that follow one another with nothing but space between them, none
    signed by a cue of its own, go on with the same speaker (the newsroom convention PolNeAR annotates too)."""
    text = doc_text(doc)
    out: list[Frag] = []
    while len(out) < limit:
        nxt = quotes.next_after(last[1])
        if nxt is None or text[last[1] : nxt[0]].strip(" \n\u00a0") or _signed(doc, nxt):
            break
        out.append(char_span(doc, *nxt))
        last = nxt
    return out


def _paragraph_quoted_next(doc, quotes: QuoteIndex, last: int) -> list[Frag]:
    """'X said the talks had failed.' closing its paragraph, then a paragraph that is one unsigned quotation: the
    reporter, by newsroom convention, hands the floor on to the speaker just reported, in their own words (and the
    quote paragraphs that follow it go on with them too). Only after a speech verb: "The court denies the motion."
    then a quotation from its order is an act and the words that explain it, not one statement."""
    text = doc_text(doc)
    line_end = text.find("\n", last)
    line_end = len(text) if line_end < 0 else line_end
    if not _SENTENCE_TAIL.fullmatch(text[last:line_end]) or _verb_between(doc, last, line_end):
        return []  # another sentence, or another verb ("Noting X, the union said Y"), ends the paragraph
    nxt = quotes.next_after(line_end)
    if nxt is None or text[line_end : nxt[0]].strip(" \n\u00a0") or _signed(doc, nxt):
        return []
    close = text.find("\n", nxt[1])
    if text[nxt[1] : len(text) if close < 0 else close].strip(" \u00a0"):
        return []  # the quotation is not the whole paragraph: narration or a cue of its own follows
    return [char_span(doc, *nxt), *_quotes_running_on(doc, quotes, nxt)]


def _verb_between(doc, start: int, end: int) -> bool:
    tok = first_token_from(doc, start)
    return any(t.pos_ in ("VERB", "AUX") for t in doc[tok:] if t.idx < end)


def _split_opening(doc, quotes: QuoteIndex, head) -> Frag | None:
    """'"A," he said, "B."' / '"A," said X': a quote left open by its comma and closing right before the speaker
    and cue is the first half of what the cue says, though the parser may hang only the second half on it."""
    text = doc_text(doc)
    subj = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    anchor = subj.left_edge.idx if subj is not None and head.i - subj.right_edge.i <= 3 else head.idx
    q = _quote_closing_at(text, quotes, anchor)
    if q is None or not text[q[0] : q[1]].rstrip("”\"' ").endswith(","):
        return None
    return char_span(doc, *q)


def _signed(doc, quote: Frag) -> bool:
    """'"B," she added.': a quote followed by a cue of its own is that cue's content, not the previous speaker's."""
    start = first_token_from(doc, quote[1])
    for t in doc[start : start + 12]:  # '"B," Ana Ruiz, a lawyer for the city, wrote.'
        if (t.is_sent_start and t.i > start) or t.text in ("“", '"'):
            break
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.VERB_CUES:
            return True
    return False


def _cut_out(doc, frags, hole: Frag) -> list[Frag]:
    """Growing to whole quotes can swallow the cue between two quotes; cut it back out."""
    out = []
    for s, e in frags:
        if s < hole[1] and hole[0] < e:
            for a, b in ((s, hole[0]), (hole[1], e)):
                if b > a:
                    out.append(char_span(doc, a, b))
        else:
            out.append((s, e))
    return out
