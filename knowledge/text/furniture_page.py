"""Page furniture that only the layout of a whole page shows, past what a line says of itself: the paragraphs
above a wire story's opening credit, another story's teaser above the lead, headlines of other stories listed
after the last paragraph, and stock tickers in bare brackets (told from acronyms by the whole text)."""

from __future__ import annotations

import re

from knowledge.text.furniture_patterns import _MARKER, _START, _WORD, FUNCTION_WORDS, sentences
from knowledge.text.headline import MAX_HEADLINE

WIRE_OPENING_LINES = 4  # a wire credit opening one of the first lines: what sits above it is the page's
TEASER_WORDS = 30  # a teaser's standfirst is one short sentence; a lead runs longer


def above_wire_opening(lines: list[str], kinds: list[str | None], cuts: list[int]) -> None:
    """A wire story opens on its bracketed credit ("(Bloomberg) --", "GALEN (Reuters) -"): a paragraph or two
    between the headline and it are the page's (a photo caption, a standfirst), never the story."""
    shown = [i for i in range(1, len(lines)) if lines[i].strip()][:WIRE_OPENING_LINES]
    for i in shown:
        marker = _MARKER.match(lines[i])
        rest = lines[i][marker.end() :] if marker else lines[i]
        if kinds[i] is None and _wire_credit(rest):
            for j in shown[: shown.index(i)]:
                if kinds[j] is None and not cuts[j]:
                    kinds[j] = "caption"
            return


def _wire_credit(line: str) -> bool:
    for rule, rx in _START:
        m = rx.match(line) if rule.kind == "dateline" else None
        if m and "(" in m.group(0):
            return True
    return False


def closing_teasers(lines: list[str], kinds: list[str | None]) -> None:
    """Headlines of other stories listed after the last paragraph with no label above them: the sub-headline-like
    ones are marked already; one asked as a question ("What went wrong for X?") goes with them when a teaser
    follows it. A line cut off at the very end ("Port sa") is skipped over."""
    shown = [i for i in range(1, len(lines)) if lines[i].strip()]
    if shown and kinds[shown[-1]] is None and len(_WORD.findall(lines[shown[-1]])) <= 3:
        shown.pop()
    teasers = 0
    for i in reversed(shown):
        stripped = lines[i].strip()
        if kinds[i] in ("subhead", "promo"):
            teasers += 1
        elif kinds[i] is None and teasers and stripped.endswith("?") and sentences(stripped) == 1:
            if len(stripped) < MAX_HEADLINE and not any(q in stripped for q in '“”"'):
                kinds[i] = "promo"
                continue
            return
        else:
            return


def teaser_above_lead(lines: list[str], kinds: list[str | None]) -> None:
    """Another story's teaser above the lead: its headline (a label line) and its one-sentence standfirst, which
    repeats the label's words while neither shares a word with this article's headline, and the paragraph after
    them does (it is this story's lead). Both are the page's, and the actors they name are no part of this story."""
    headline = _content(lines[0]) if lines else set()
    shown = [i for i in range(1, len(lines)) if lines[i].strip() and kinds[i] in (None, "subhead")][:3]
    if not headline or len(shown) < 3 or [kinds[i] for i in shown] != ["subhead", None, None]:
        return
    label, standfirst, lead = (_content(lines[i]) for i in shown)
    words = len(_WORD.findall(lines[shown[1]]))
    if words > TEASER_WORDS or sentences(lines[shown[1]]) > 1 or headline & (label | standfirst):
        return
    if len(label & standfirst) * 2 >= len(label) > 0 and headline & lead:
        kinds[shown[0]] = kinds[shown[1]] = "promo"


def _content(line: str) -> set[str]:
    return {w for w in (w.lower() for w in _WORD.findall(line)) if len(w) >= 3 and w not in FUNCTION_WORDS}


_BRACKETED_CAPS = re.compile(r"(?<=[\w.’'])\s*\(([A-Z]{2,5})\)")
_NAME_WORD = re.compile(r"[\w’'.&-]+")
_NAME_JOINERS = {"of", "for", "and", "the", "de", "del", "la", "le", "du", "von", "van", "on"}
ACRONYM_SHARE = 0.6  # an acronym's letters are mostly the initials of the words it follows ("Maritime Alliance (USMX)")


def bare_tickers(text: str) -> list[tuple[int, int, str]]:
    """Stock tickers in brackets with no exchange ("Galen Foods (GF) and Harbor Mart (HMI) said"): capitals
    after a name that are neither an acronym of that name (one being introduced: "National Port Council (NPC)",
    in any language's order) nor used again anywhere in the text (a short name the story goes on to use)."""
    out = []
    for m in _BRACKETED_CAPS.finditer(text):
        token = m.group(1)
        name = _name_before(text[max(0, m.start() - 160) : m.start()])
        if not name or len(re.findall(rf"\b{token}\b", text)) > 1:
            continue
        letters = "".join(w[0].upper() + "".join(c for c in w[1:] if c.isupper()) for w in name)
        if sum(1 for c in token if c in letters) < ACRONYM_SHARE * len(token):
            out.append((m.start(), m.end(), "ticker"))
    return out


def _name_before(text: str) -> list[str]:
    """The name the text ends on: its capitalised words, with the small words a name holds ("of", "d’")."""
    name: list[str] = []
    for word in reversed(_NAME_WORD.findall(text)):
        if word[:1].isupper() or any(c.isupper() for c in word[1:]):
            name.append(word)
        elif word.lower() in _NAME_JOINERS and name:
            continue
        else:
            break
    return name[::-1]
