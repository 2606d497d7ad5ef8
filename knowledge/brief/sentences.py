"""Whole sentences around cited spans: what a summary line quotes when the source's own sentence says it best.

News is written lead-first, so the sentence a claim or event was found in — above all an article's first
sentence, its lede — is usually the best summary line there is, and quoting it whole keeps it true and well
formed. Here: finding the sentence around a span in a window of stored text (no parser: sentence ends are
punctuation followed by a capital, except after abbreviations and initials), removing a leading dateline
("MOSCOW (Reuters) -") and trailing credits by the furniture rules of `knowledge.text`, cutting a long sentence only between clauses, and counting where in
its article a sentence stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from knowledge.text.furniture import is_furniture_text, lead_furniture_end, mask, trailing_credit_start
from knowledge.text.headline import is_headline

# A sentence ends at . ! ? (and any closing quote or bracket) before a space and a capital, digit or opening quote.
_END = re.compile(r"[.!?][”\"’')\]]*(?=\s+[“\"‘(\[]?[A-Z0-9])|\n+")
ABBREVIATIONS = set(
    """mr mrs ms dr gov sen rep gen lt col capt sgt st jr sr inc co corp ltd no vs jan feb mar apr aug sep sept oct nov
    dec prof rev hon adm cmdr maj pres supt fig""".split()
)
# Where a long sentence may be cut with a whole clause before it: a semicolon or dash, or a comma before a
# conjunction, a participle or a relative; the clause left is then checked like any line.
_CLAUSE_BREAK = re.compile(
    r"\s*;\s+|\s+[—–]\s+|,\s+(?=(?:and|but|while|as|although|though|after|before|because|which|who|when|where|"
    r"whereas|since|saying|adding|according)\b)|,\s+(?=[a-z]+ing\b)|,\s+(?=(?:in|during|under|through|by|from)\s+which\b)"
)
_SUBORDINATE = re.compile(r"^(?:If|When|Although|Though|Because|While|As|After|Before|Since|Unless|Despite|Once)\b")
# News ledes run long and often set no comma where a main clause ends: "India has decided to withdraw its envoy
# after Canada named him …", "The union and the ports have reached a deal on wages and have agreed to extend …".
# Before an adverbial conjunction, or before "and"/"but" opening a second verb phrase, the words before are a
# whole clause too (the cut is checked like any line) ...
_BARE_BREAK = re.compile(
    r"\s+(?=(?:after|before|until|because|while|whereas|unless)\s)"
    r"|\s+(?=(?:and|but)\s+(?:has|have|had|will|would|is|are|was|were|said|says|added|agreed|vowed|called)\b)"
)
# ... unless they leave a relative clause or a parenthesis open ("The talks, which began" is no sentence), or the
# conjunction is measured by the word before it ("in the weeks after the vote", "shortly before noon"), or the verb
# before it only means what follows ("The order came after …", "The move follows …": "The order came" says nothing).
_OPEN_ASIDE = re.compile(
    r"(?:,\s+(?:which|who|whom|whose|where)\b[^,]*|\([^)]*"
    r"|\b(?:seconds|minutes|hours|days|weeks|months|years|moments|shortly|soon|long|just|right|immediately|even"
    r"|comes|came|come|coming|follows|followed))$"
)


# Lede windows remembered per process (`_ledes`): each holds a few kB of text, so this bounds memory to a few MB.
LEDE_CACHE = 1024


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: absolute offsets, its words, and its place in the article (0: the lede)."""

    start: int
    end: int
    text: str
    index: int | None  # body sentences before it, when the window shows the article's start; -1: the title line


def _is_end(window: str, m: re.Match[str]) -> bool:
    if m.group(0).startswith("\n"):
        return True
    before = window[: m.start()].rsplit(None, 1)
    word = before[-1] if before else ""
    bare = word.lstrip('“"‘(').lower()
    if bare in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
        return False  # "Gov. Pence", "J. Smith"
    return not ("." in bare and len(bare) <= 6)  # "U.S. Army", "D-Va." inside a sentence


def sentence_bounds(window: str, most: int | None = None) -> list[tuple[int, int]]:
    """Sentences of `window` as (start, end) offsets, whitespace trimmed, final punctuation kept; the first
    `most` only, when given (an article's lede needs its first few)."""
    out, start = [], 0
    for m in _END.finditer(window):
        if not _is_end(window, m):
            continue
        end = m.start() if m.group(0).startswith("\n") else m.end()
        if window[start:end].strip():  # a blank stretch (furniture masked to spaces) is no sentence
            out.append((start, end))
        start = m.end()
        if most is not None and len(out) >= most:
            return _trimmed(window, out)
    out.append((start, len(window)))
    return _trimmed(window, out)


# a list item's mark ("• Apple filed …", "- The court ruled …" in a key-points box): no part of the sentence
_BULLET = re.compile(r"(?:[•·▪◦‣●]|[-*](?=\s))\s*")


def _trimmed(window: str, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span without the whitespace around it and without a list item's mark in front."""
    trimmed = []
    for s, e in out:
        text = window[s:e]
        lead = len(text) - len(text.lstrip())
        bullet = _BULLET.match(text, lead)
        if bullet:
            lead = bullet.end()
            text = " " * lead + text[lead:]
        if text.strip():
            trimmed.append((s + lead, s + lead + len(text.strip())))
    return trimmed


def sentences_of(window: str, window_start: int, title: str | None = None, most: int | None = None) -> list[Sentence]:
    """Every sentence of `window` (stored text from `window_start`; the first `most` when given), dateline and
    credits removed, each with its place in the article when the window shows its start. `title` (the
    document's) tells a headline line above the story from a first paragraph."""
    bounds = sentence_bounds(window, most)
    headline_end = _headline_end(window, bounds, title) if window_start == 0 else 0
    out, body = [], 0
    for s, e in bounds:
        index = None
        if window_start == 0:
            index = -1 if s < headline_end else body
            body += s >= headline_end
        s += lead_furniture_end(window[s:e])  # a span may open on the dateline: its sentence starts after it
        credit = trailing_credit_start(window[s:e])
        e = s + credit if credit is not None else e
        if s < e:
            out.append(Sentence(window_start + s, window_start + e, window[s:e], index))
    return out


def lede_sentences(window: str, title: str | None, most: int, whole: bool = True) -> list[Sentence]:
    """The first sentences of an article (`window`: its stored text from the start), counted as extraction reads
    it: page furniture above the lead (a repeated headline, a standfirst, a caption, a time stamp) is no sentence
    of the story, so the lede is the story's own first sentence. Each keeps its own words. When the window is not
    the `whole` article, a sentence running to its end may go on after it ("… said his campaign has"), so it is
    left out rather than quoted cut."""
    return list(_ledes(window, title, most, whole))


@lru_cache(maxsize=LEDE_CACHE)
def _ledes(window: str, title: str | None, most: int, whole: bool) -> tuple[Sentence, ...]:
    """`lede_sentences`, remembered: a function of its arguments only, and the costliest step of a briefing's
    summary (the page-furniture scan of every lede window: a third of compose time at 1M claims under cProfile,
    benchmarks/README.md). One article leads several topics' storylines, and a briefing's buttons (sources,
    details, share) compose the same topic again, so the same windows come back."""
    found = sentences_of(mask(window), 0, title, most)
    if not whole:
        found = [s for s in found if s.end < len(window.rstrip())]
    return tuple(replace(s, text=window[s.start : s.end]) for s in found)


@lru_cache(maxsize=LEDE_CACHE * 4)
def sentence_around(window: str, window_start: int, start: int, end: int, title: str | None = None) -> Sentence | None:
    """The sentence of `window` holding the span [start, end) (see `sentences_of`); None when the span crosses a
    sentence end (a quote running over several sentences). Away from the article's start only the ends next to
    the span are looked at, so a long window costs little. Remembered like `_ledes` (a function of its arguments
    only, the answer frozen): a topic briefed again reads the same windows around the same members."""
    if window_start == 0:
        return holding(sentences_of(window, 0, title), start, end)
    lo, hi = start - window_start, end - window_start
    ends = list(_END.finditer(window))
    before = next((m for m in reversed(ends) if m.end() <= lo and _is_end(window, m)), None)
    inside = next((m for m in ends if lo < m.start() < hi - 1 and _is_end(window, m)), None)
    after = next((m for m in ends if m.start() >= hi - 1 and _is_end(window, m)), None)
    if before is None or inside is not None:
        return None  # the sentence may begin before the window, or the span runs over a sentence end
    s = before.end()
    e = (after.start() if after.group(0).startswith("\n") else after.end()) if after else len(window)
    return holding(sentences_of(window[s:e], window_start + s), start, end)


def holding(sentences: list[Sentence], start: int, end: int) -> Sentence | None:
    """The first sentence that `start` comes before the end of, if the span also ends in it (a span may open on
    the dateline removed from its sentence)."""
    for sentence in sentences:
        if start < sentence.end:
            return sentence if end <= sentence.end + 1 else None
    return None


def _headline_end(window: str, bounds: list[tuple[int, int]], title: str | None) -> int:
    """Where the headline line above the story ends (0: none). A first line that is the document's title (or,
    with no title known, a first line of one short sentence above more text) is the headline."""
    first_line = window.split("\n", 1)[0].strip()
    if title:
        headline = first_line.rstrip(".").startswith(title.strip().rstrip(".")[:40])
    else:
        headline = "\n" in window and is_headline(first_line)
    return len(first_line) if headline else 0


def clause_cuts(text: str) -> list[str]:
    """Leading parts of `text` that end between clauses, longest first (each still to be checked as a line)."""
    cuts = {m.start() for m in _CLAUSE_BREAK.finditer(text)}
    cuts |= {m.start() for m in _BARE_BREAK.finditer(text) if not _OPEN_ASIDE.search(text[: m.start()])}
    parts = (text[:end].rstrip(" ,;") for end in sorted(cuts, reverse=True))
    return [c for c in dict.fromkeys(parts) if c and not _SUBORDINATE.match(c)]


@lru_cache(maxsize=LEDE_CACHE * 8)
def is_furniture(text: str) -> bool:
    """Page furniture, by the rules of `knowledge.text.furniture` (their one home). Remembered: a function of the
    words alone, asked of every candidate sentence of a summary (each rule a pattern run over it), and the same
    sentences come back as the storylines' candidates and again when a topic is briefed again."""
    return is_furniture_text(text)
