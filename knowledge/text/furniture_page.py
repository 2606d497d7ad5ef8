"""Page furniture that only the layout of a whole page shows, past what a line says of itself: the paragraphs
above a wire story's opening credit, another story's teaser above the lead, headlines of other stories listed
after the last paragraph, and stock tickers in bare brackets (told from acronyms by the whole text)."""

from __future__ import annotations

import re

from knowledge.text.furniture_patterns import _MARKER, _PHOTO_CREDIT, _START, _WORD, FUNCTION_WORDS, sentences
from knowledge.text.furniture_rules import _MONTH, CAPTION_VERBS
from knowledge.text.headline import MAX_HEADLINE

WIRE_OPENING_LINES = 4  # a wire credit opening one of the first lines: what sits above it is the page's
TEASER_WORDS = 30  # a teaser's standfirst is one short sentence; a lead runs longer
CAPTION_WORDS = 45  # a caption beside its credit line: one or two sentences
CREDIT_WORDS = 8  # a photo credit alone on its line: a name or two and an agency
HEAD_FURNITURE = 3  # lines of furniture (a byline, the outlet's name, a label) a standfirst may sit under
EMBED_LEAD_WORDS = 6  # a sentence introducing an embedded post or statement, not a list's label ("Demands:")

_POINTER = re.compile(r"\b(?:the following|here['’]s what|here is what|(?:has|had) to say|below)\b", re.I)
_CAPTION_VERB = re.compile(r"\b(?:" + "|".join(CAPTION_VERBS) + r")\b")
# a caption's one sentence glued before the lead, closed by the day the photo was taken: "... on Sept. 16. The ..."
_DATED_CAPTION = re.compile(rf"[^\n]{{10,300}}?\b{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?\.(?=\s+[A-Z“\"])")


def below_furniture(lines: list[str], kinds: list[str | None], j: int | None) -> int | None:
    """The first line from `j` on that is no furniture, past at most `HEAD_FURNITURE` lines that are (a byline, the
    outlet's name, a section label between a repeated headline and its standfirst)."""
    passed = 0
    while j is not None and kinds[j] is not None and passed < HEAD_FURNITURE:
        passed += 1
        j = next((k for k in range(j + 1, len(lines)) if lines[k].strip()), None)
    return j if j is not None and kinds[j] is None else None


def captions_by_credit(
    lines: list[str], kinds: list[str | None], cuts: list[int], cut_kinds: dict[int, str], i: int
) -> None:
    """A photo credit alone on line `i` sits beside its caption. Above it, a short paragraph without a quotation is
    the caption. Below it, a paragraph is the caption when its first sentence says in the present tense what the
    photo shows ("A sign is seen outside the plant …"): all of it when it is short, or only that sentence when it
    is closed by the day the photo was taken and the lead is glued after it."""
    stripped = lines[i].strip()
    if kinds[i] not in ("credit", "caption") or len(_WORD.findall(stripped)) > CREDIT_WORDS:
        return
    if not _PHOTO_CREDIT.search(stripped):
        return
    j = next((k for k in range(i - 1, 0, -1) if lines[k].strip()), None)
    if j is not None and kinds[j] is None and _caption_sized(lines[j]) and not any(q in lines[j] for q in '“”"'):
        kinds[j] = "caption"
    k = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
    if k is None or kinds[k] is not None or cuts[k] or any(q in lines[k] for q in '“”"'):
        return
    dated = _DATED_CAPTION.match(lines[k])
    opening = dated.group(0) if dated else lines[k]
    if not _CAPTION_VERB.search(opening):
        return
    if _caption_sized(lines[k]):
        kinds[k] = "caption"
    elif dated:
        cuts[k], cut_kinds[k] = dated.end(), "caption"


def _caption_sized(line: str) -> bool:
    return len(_WORD.findall(line)) <= CAPTION_WORDS and sentences(line) <= 2


def lost_embeds(lines: list[str], kinds: list[str | None]) -> None:
    """Sentences introducing an embedded post or statement ("X released the following statement on Twitter:") one
    right under another: the page lost what each introduced (the scraper keeps no embed), so none of them says
    anything. The last keeps its text when a quotation follows it."""
    run: list[int] = []
    for i in [i for i in range(1, len(lines)) if lines[i].strip()] + [None]:
        if i is not None and kinds[i] is None and _embed_lead(lines[i].strip()):
            run.append(i)
            continue
        if len(run) >= 2:
            quoted = i is not None and lines[i].strip()[:1] in "“\"‘'"
            for j in run[:-1] if quoted else run:
                kinds[j] = "caption"
        run = []


def _embed_lead(line: str) -> bool:
    """A sentence that only points at what follows it ("X said the following:", "Here's what the judge wrote:"),
    not one that says something itself before its colon ("Ruiz noted that the port was ignored:")."""
    words = len(_WORD.findall(line))
    return line.endswith(":") and words >= EMBED_LEAD_WORDS and line[:1].isupper() and bool(_POINTER.search(line))


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
