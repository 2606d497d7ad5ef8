"""Token sets to character fragments, and quotation marks paired across the whole text.

Attribution parts are collected as sets of token indices because the parse hands us subtrees with holes (a cue
inside its own content); the holes become separate fragments here, and punctuation at the edges is dropped so a
span reads the way a person would highlight it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from contextlib import contextmanager

from spacy.attrs import IDX, LEMMA, ORTH

EDGE = set(",.:;—–-―([]\"'“”‘’«»") | {"''", "``", "--"}
_QUOTE = re.compile(r"''|[“”\"«»]")
OPENERS, CLOSERS = "“«", "”»"
Frag = tuple[int, int]  # a (start, end) character span of the document text


def fragments(doc, idxs) -> tuple[Frag, ...]:
    """Contiguous runs of tokens, trimmed of edge punctuation, as (start, end) character offsets."""
    idxs = sorted(set(idxs))
    runs: list[list[int]] = []
    for i in idxs:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out = []
    for run in runs:
        while run and (doc[run[0]].text in EDGE or doc[run[0]].is_space):
            run = run[1:]
        while run and (doc[run[-1]].text in EDGE or doc[run[-1]].is_space or _unmatched_close(doc, run)):
            run = run[:-1]
        if run:
            out.append((doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)))
    return tuple(out)


TEXT_KEY = "briefbot_text_cache"


def doc_text(doc) -> str:
    """`doc.text` rebuilds the string on every access; attribution reads it hundreds of times per article."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


SENT_KEY = "briefbot_sentence_starts"
QUOTED_KEY = "briefbot_quoted_sentences"
SCOPE_KEY = "briefbot_cache_scope"
QUOTE_TOKENS = {"“", "”", '"', "''"}


def sentence(tok):
    """`tok.sent` rescans the whole document on every call; the passes ask for sentences thousands of times per
    article, so the boundaries are computed once per Doc (and dropped with the text cache after extraction)."""
    doc = tok.doc
    starts = doc.user_data.get(SENT_KEY)
    if starts is None:
        starts = doc.user_data[SENT_KEY] = [s.start for s in doc.sents] + [len(doc)]
    k = bisect_right(starts, tok.i) - 1
    return doc[starts[k] : starts[k + 1]]


def quoted_sentence(tok) -> bool:
    """Whether the token's sentence holds a quotation mark token; the cue scorers ask it of every candidate verb,
    so the sentences holding one are found once per Doc (a scan of each candidate's sentence cost more)."""
    doc = tok.doc
    quoted = doc.user_data.get(QUOTED_KEY)
    if quoted is None:
        marks = tokens_where(doc, ORTH, {doc.vocab.strings[q] for q in QUOTE_TOKENS})
        quoted = doc.user_data[QUOTED_KEY] = {sentence(t).start for t in marks}
    return sentence(tok).start in quoted


def tokens_where(doc, attr: int, ids: set[int]) -> list:
    """The tokens whose `attr` (ORTH, POS, ...) is one of `ids`, in document order, read off one array: a loop
    over `doc` builds a Token object for every word just to test it."""
    return [doc[i] for i, value in enumerate(doc.to_array(attr).tolist()) if value in ids]


def tokens_with_lemma(doc, words: set[str] | frozenset[str]) -> list:
    """The tokens whose lemma, lower-cased, is one of `words`, in document order: the lemmas are read off one
    array and each distinct one tested once, so no Token is built for the other words."""
    lemmas = doc.to_array(LEMMA).tolist()
    wanted = {i for i in set(lemmas) if doc.vocab.strings[i].lower() in words}
    return [doc[i] for i, value in enumerate(lemmas) if value in wanted]


def first_token_from(doc, pos: int) -> int:
    """Index of the first token starting at or after character `pos` (len(doc) when none does)."""
    return bisect_left(doc.to_array(IDX).tolist(), pos)


@contextmanager
def caches(doc):
    """Scope of the per-Doc caches: whoever opens the first scope drops them at its end, so they never travel with
    the Doc (pickled to worker processes, stored in DocBins), while nested passes share them."""
    outermost = not doc.user_data.get(SCOPE_KEY)
    doc.user_data[SCOPE_KEY] = True
    try:
        yield
    finally:
        if outermost:
            for key in (TEXT_KEY, SENT_KEY, QUOTED_KEY, SCOPE_KEY):
                doc.user_data.pop(key, None)


def _unmatched_close(doc, run) -> bool:
    """A closing bracket stays only when its opener is inside the span: "Rep. X (D-N.Y.)" keeps it."""
    last = doc[run[-1]].text
    return last == ")" and not any(doc[i].text == "(" for i in run)


def char_span(doc, start: int, end: int) -> tuple[int, int]:
    """Shrink a raw character range to drop edge punctuation and spaces."""
    text = doc_text(doc)
    strip = set(" \n\t\r\u00a0)") | {c for c in EDGE if len(c) == 1}
    while start < end and text[start] in strip and not _EDITORIAL.match(text, start, end):
        start += 1
    while end > start and text[end - 1] in strip and not (text[end - 1] == "—" and _CUT_OFF.match(text, end)):
        end -= 1
    return start, end


# "[W]e are reminded": a bracketed editorial letter opens the quote and stays; "and —." ends speech cut off.
_EDITORIAL = re.compile(r"\[\w{1,3}\]")
_CUT_OFF = re.compile(r"[.\s]*[”\"]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted stretches (marks included). Curly quotes pair by direction; straight ones alternate per paragraph.
    A quote running over paragraphs is written, by newsroom convention, with no closing mark at the end of each
    paragraph but the last and an opening mark at the start of the next: each such paragraph is a quote of its
    own (to its line end), so the paragraphs after the first are quoted words too, not narration. Only with
    curly marks: straight ones also open paragraphs excerpted from other texts and transcripts ("WALLACE: …"),
    whose words are not one speaker's run."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE.finditer(text):
        ch, pos = m.group(), m.start()
        end = m.end()
        if open_at is not None and ch not in CLOSERS and "\n" in text[open_at:pos]:
            line_start = text.rfind("\n", 0, pos) + 1
            line_end = len(text[:line_start].rstrip())
            # the next paragraph opens with a quote mark: this one runs on (a lone mark at a line's end runs nowhere)
            opened = text[open_at:line_end]  # the unclosed quote's own paragraph, right above the next opener
            curly = text[open_at] in OPENERS and ch in OPENERS  # straight marks also open block excerpts of text
            if curly and not text[line_start:pos].strip() and "\n" not in opened and any(c.isalnum() for c in opened):
                out.append((open_at, line_end))
                open_at = None
            elif "\n\n" in text[open_at:pos]:
                open_at = None  # a paragraph break without a closer: the quote continues in the next paragraph's opener
        if ch in OPENERS:
            open_at = pos
        elif ch in CLOSERS:
            if open_at is not None:
                out.append((open_at, end))
            open_at = None
        elif open_at is None:
            open_at = pos
        else:
            out.append((open_at, end))
            open_at = None
    cut = _cut_off_quote(text, open_at)
    return out + [cut] if cut is not None else out


def _cut_off_quote(text: str, open_at: int | None) -> tuple[int, int] | None:
    """A page cut off mid-quotation (a paywall, a teaser, a clipped feed: '… said the spokeswoman. “This lawsuit
    is yet another'): the last paragraph opens a quote that nothing closes before the text ends. Its words are
    still the quoted speaker's, so the quote runs to the end of the text. A mark before the last paragraph that
    was never closed is not one: the paragraphs in between are narration."""
    if open_at is None:
        return None
    end = len(text.rstrip())
    words = text[open_at + 1 : end]
    if "\n" in words or not any(c.isalnum() for c in words) or not text[open_at + 1 : open_at + 2].strip():
        return None  # a lone mark, or one that closes a word ('6\'2" tall') rather than opening words
    return (open_at, end)


class QuoteIndex:
    """Which quote, if any, a character offset falls in."""

    def __init__(self, text: str):
        self.spans = find_quotes(text)
        self.starts = [s for s, _ in self.spans]

    def at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def next_after(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, pos - 1)
        return self.spans[i] if i < len(self.spans) else None

    def following(self, pos: int, text: str, max_gap: int = 3) -> tuple[int, int] | None:
        """The quote that opens within a few spaces after `pos`."""
        i = bisect_left(self.starts, pos)  # a quote opening right at `pos` follows it too
        if (
            i < len(self.spans)
            and not text[pos : self.spans[i][0]].strip(" \n\u00a0")
            and self.spans[i][0] - pos <= max_gap
        ):
            return self.spans[i]
        return None
