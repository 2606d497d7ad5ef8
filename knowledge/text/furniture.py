"""Page furniture that stays in a stored text but is not news: marked as non-body so extraction skips it.

`boilerplate` cuts what it safely can before a document is stored. What is left — a time stamp between
paragraphs, a byline, a dateline before the lead, a photo caption and its credit, a ticker link inside a sentence,
a sub-headline, "X did not immediately respond to a request for comment", a newsletter plug, a "Read more" teaser —
and everything already stored before these rules existed, is found here at extraction time instead. Removing it
from a stored text would move every offset cited after it, so it is *masked*: its characters are replaced by
spaces (line breaks kept) in the text the parser sees, which keeps every offset and means no claim, event or
entity can come from it.

The rules are data: `RULES` (in `furniture_rules`), one row per page shape with its kind, where it must sit (a whole
line, the start of a paragraph, or anywhere inside one) and an example the tests mask. A few shapes need the
page's layout rather than one line, and are written out below: the headline repeated in the body and the
standfirst under it, short label lines between paragraphs (and longer ones: a press release's title-case
sub-headline, another story's headline linked between two paragraphs), a caption right above its photo credit, a
caption shown twice, and a standfirst the lead repeats.
"""

from __future__ import annotations

import re

from knowledge.names import is_designator
from knowledge.text.furniture_lines import LINE
from knowledge.text.furniture_page import (
    above_wire_opening,
    bare_tickers,
    below_furniture,
    captions_by_credit,
    closing_teasers,
    lost_embeds,
    teaser_above_lead,
)
from knowledge.text.furniture_patterns import (
    _AUTHOR_BOX,
    _BYLINE,
    _BYLINE_NAMES,
    _COLON_PLACE,
    _INLINE,
    _LINE,
    _LONG_LINE,
    _MARKER,
    _PAGE_STAMP,
    _START,
    _TEASER_LABEL,
    _WORD,
    FUNCTION_WORDS,
)
from knowledge.text.furniture_patterns import sentences as _sentences
from knowledge.text.furniture_rules import Rule
from knowledge.text.headline import is_headline

MAX_LINE = 320  # captions can be long; article paragraphs usually are longer, and a rule must match all of the line
LONG_LINE = 1000  # a caption closed by its photo credit may run on: only the rules marked `long` are tried on it
LABEL_WORDS = 12  # a sub-headline, section label, bare byline or teaser headline between paragraphs: no sentence
STANDFIRST_WORDS = 30  # a standfirst under the repeated headline is one or two short sentences; a lead runs longer
LINK_WORDS = 20  # another story's headline linked between paragraphs: one headline's length, no stop
TITLED_SHARE = 0.85  # a title-case sub-headline capitalises nearly every word no function word; prose does not

_ENTRY_TIME = re.compile(r"\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?")
_CLOSE_QUOTES = "”\"’'»"


def line_rule(line: str) -> Rule | None:
    """The rule a whole line matches as furniture, or None: article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > LONG_LINE:
        return None
    m = (_LINE if len(stripped) <= MAX_LINE else _LONG_LINE).match(stripped)
    if m is None or m.lastgroup is None:
        return None
    rule = LINE[int(m.lastgroup[1:])]
    if _BYLINE.match(stripped) and not stripped.lower().startswith(("by reuters", "by ap")):
        # a byline is names after "By": "By the end of the week, talks resumed." is article text
        names = bool(_BYLINE_NAMES.match(stripped)) and not stripped.rstrip().endswith((".", "!", "?", "”", '"'))
        return rule if names else None
    labelled = stripped.lower().startswith(("photo", "image", "caption", "picture", "file photo", "credit", "©"))
    if rule.kind not in ("no-response", "promo", "nav") and stripped.endswith(("”", '"', ").")) and not labelled:
        # a quotation closing the line is somebody's words; "... she said (Reuters)." is a sentence, while a
        # caption's credit closes it: "... in Minsk on June 21. (Reuters)"
        return None
    return rule


def _is_label(line: str, prev_line: str | None, next_line: str, last: bool) -> bool:
    """A short line that is no sentence: a sub-headline, a section label, a bare byline, a teaser headline. Its
    last character (quotes aside) is a letter, digit or bracket, never sentence punctuation, a colon (which
    introduces a quote) or a comma, and the next line does not carry on its sentence in lower case. A line in
    sentence case must also stand between whole paragraphs (`prev_line` ends one, or is furniture: None), hold no
    sentence break and not end on a function word: texts wrapped at a fixed width, or cut off at the end, give
    short lines that are pieces of sentences."""
    stripped = line.strip().rstrip(_CLOSE_QUOTES).rstrip()
    words = _WORD.findall(stripped)
    if not words:
        return False
    titled = sum(1 for w in words if w[0].isupper() or w[0].isdigit()) >= 0.6 * len(words)
    named = titled and stripped.endswith(".") and is_designator(words[-1])  # a company's name: "Galen Ports Inc."
    if not (stripped[-1].isalnum() or stripped[-1] in ")*»" or named):
        return False
    if len(words) > LABEL_WORDS:
        return _long_label(stripped, words, prev_line, next_line)
    if next_line.lstrip()[:1].islower() and not (stripped.isupper() and len(words) >= 2):
        return False  # the line is a piece of a sentence wrapped at a fixed width (an all-caps label is not)
    if last:
        # a text cut off mid-sentence ends on a short piece ("Misri said T"); a closing label is whole words
        return titled and "," not in stripped and 2 <= len(words) <= 6 and len(words[-1]) >= 3
    if titled:
        return True
    first = stripped.lstrip("“\"‘'")[:1]
    return (
        first.isupper()
        and not re.search(r"[.!?]\s+[A-Z]", stripped)
        and words[-1].lower() not in FUNCTION_WORDS
        and (prev_line is None or prev_line.rstrip().endswith((".", "!", "?", "”", '"', "’", ":")))
    )


def _long_label(stripped: str, words: list[str], prev_line: str | None, next_line: str) -> bool:
    """A line too long for a label that is still none of the story's sentences: a press release's sub-headline
    in title case ("Union Leader Subjected to Threats, Including Paper Publishing His Address"; not a live blog's
    time-stamped entry headline), or another story's
    headline linked between two paragraphs ("Port owner says it will sell if the strike goes on"), which stands
    between whole sentences with no stop of its own and no sentence break inside."""
    content = [w for w in words if w.lower() not in FUNCTION_WORDS and w[0].isalpha()]
    if len(content) >= 6 and sum(1 for w in content if w[0].isupper()) >= TITLED_SHARE * len(content):
        # a live blog's entry opens on its time and headline ("9:12PM Mayor Says Port Will Reopen"): the news
        return len(stripped) <= MAX_LINE and not _ENTRY_TIME.search(stripped)
    return (
        len(words) <= LINK_WORDS
        and stripped[:1].isupper()
        and stripped[-1].isalnum()
        and words[-1].lower() not in FUNCTION_WORDS
        and not re.search(r"[.!?:;,]", stripped)
        and prev_line is not None
        and prev_line.rstrip().endswith((".", "!", "?", "”", '"'))
        and next_line.lstrip()[:1].isupper()
    )


def _standfirst(text: str, next_kind: str | None, next_line: str = "") -> bool:
    """The paragraph right under a headline repeated in the body is its standfirst when it is short or furniture
    follows it (a byline, a time stamp, a credit), and it does not open with the lead's dateline."""
    if not text.strip() or any(rx.match(text) for r, rx in _START if r.kind == "dateline"):
        return False
    short = len(_WORD.findall(text)) <= STANDFIRST_WORDS and _sentences(text) <= 2
    return short or next_kind is not None or bool(_COLON_PLACE.match(next_line))


def _classify(lines: list[str]) -> tuple[list[str | None], list[int], dict[int, str]]:
    """The kind of furniture each whole line is (or None), how much of each other line's start is the headline
    glued to its date marker ("date 2025-03-07 <headline> <standfirst>") or a caption glued to the lead, and the
    kind of those cuts that are no headline."""
    n = len(lines)
    nxt = [""] * n
    following = ""
    for i in range(n - 1, -1, -1):
        nxt[i] = following
        if lines[i].strip():
            following = lines[i]
    kinds: list[str | None] = [None] * n
    cuts = [0] * n
    cut_kinds: dict[int, str] = {}  # a line whose cut opening is no dateline: a caption glued to the lead
    headline = lines[0].strip() if lines else ""
    last = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.strip()] = counts.get(line.strip(), 0) + 1
    prev: str | None = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if i == 0 or not stripped:
            continue  # the headline stays: its entities count (extraction reads its claims from the body)
        marker = _MARKER.match(line)  # a scraper's "date 2024-09-13" glued to the line: judge what follows it
        rule = line_rule(line[marker.end() :] if marker else line)
        if len(headline) >= 20 and stripped.endswith(headline):
            kinds[i] = "headline"  # repeated, or after a breadcrumb ("Home > World > <headline>")
        elif rule is not None:
            kinds[i] = rule.kind
        elif _is_label(line, prev, nxt[i], i == last):
            kinds[i] = "subhead"
        elif counts[stripped] >= 3 and len(_WORD.findall(stripped)) >= 3:
            kinds[i] = "nav"  # a line printed three times or more is the page's, not the story's
        prev = None if kinds[i] else line
    seen: dict[str, str] = {}
    for i in range(1, n):
        stripped = lines[i].strip()
        j = next((k for k in range(i + 1, n) if lines[k].strip()), None)
        if kinds[i] is None and len(headline) >= 20 and headline in stripped:
            if lines[i].index(headline) <= 40:
                cut = lines[i].index(headline) + len(headline)
                glued = _standfirst(lines[i][cut:], kinds[j] if j is not None else None, lines[j] if j else "")
                kinds[i], cuts[i] = ("headline", 0) if glued else (None, cut)
        first = below_furniture(lines, kinds, j) if kinds[i] == "headline" else None
        if first is not None:  # the first paragraph under the repeated headline, or past its byline or label
            k = next((k for k in range(first + 1, n) if lines[k].strip()), None)
            below = kinds[k] if k is not None else None
            if first == j:
                standfirst = _standfirst(lines[first], below, lines[k] if k else "")
            else:  # past a byline a short lead is as likely: furniture under a short paragraph tells a standfirst
                standfirst = below is not None and _standfirst(lines[first], None)
            if standfirst:
                kinds[first] = "subhead"
        captions_by_credit(lines, kinds, cuts, cut_kinds, i)
        if kinds[i] and len(stripped) >= 20:
            seen.setdefault(stripped, kinds[i] or "")
    later: list[str] = []
    for i in range(n - 1, 0, -1):
        marker = _MARKER.match(lines[i])  # a teaser glued to the page's date marker is judged without it
        stripped = lines[i][marker.end() if marker else 0 :].strip()
        if kinds[i] is None and stripped in seen:
            kinds[i] = seen[stripped]  # a caption or teaser shown twice: every copy goes
        elif kinds[i] is None and len(_WORD.findall(stripped)) >= 8 and _repeated_below(stripped, later):
            kinds[i] = "promo"  # a paragraph printed again below, or its opening: the earlier one is a teaser
        if stripped:
            later.append(stripped)
    tail = next((i for i in range(1, n) if _AUTHOR_BOX.match(lines[i])), None)
    for i in range(tail or n, n):
        if lines[i].strip():
            kinds[i] = "byline"  # an author box closes the page: every line of it is about the writer
    above_wire_opening(lines, kinds, cuts)
    lost_embeds(lines, kinds)
    teaser_above_lead(lines, kinds)
    closing_teasers(lines, kinds)
    return kinds, cuts, cut_kinds


def _repeated_below(line: str, later: list[str]) -> bool:
    opening = line.rstrip(" .…")
    return any(other == line or (len(other) > len(opening) and other.startswith(opening)) for other in later)


def _prefix_end(line: str, first_lead: bool, headline: bool = False) -> int:
    """How much of a paragraph's start is furniture: a date marker, a dateline, a glued time stamp, repeatedly
    ("date 2024-09-13 SEATTLE (AP) — Boeing ..."). A place and a colon ("NEW DELHI: ...") only opens the lead:
    further down, "TAPPER: ..." is a transcript's speaker."""
    pos = 0
    while True:
        rest = line[pos:]
        for rule, rx in _START:
            if (rule.lead_only and not first_lead) or (headline and rule.kind != "date-marker"):
                continue  # a headline keeps "Trump: ..." and its place names; only a glued time stamp goes
            m = rx.match(rest)
            if m and m.end() > 0:
                after = rest[m.end() :].lstrip()
                starts = after[:1].isupper() or after[:1].isdigit() or (after[:1] in "“\"‘'(" and not rule.lead_only)
                if after and (starts or rule.kind == "date-marker"):
                    pos += m.end()
                    break
        else:
            return pos


def _inline(line: str) -> list[tuple[int, int, str]]:
    out = []
    low = line.lower()
    for rule, rx in _INLINE:
        if not rule.needs or any(n in low for n in rule.needs):  # a cheap look before the costly pattern
            out += [(m.start(), m.end(), rule.kind) for m in rx.finditer(line)]
    return out


def furniture_ranges(text: str) -> list[tuple[int, int, str]]:
    """Character ranges of `text` that are page furniture, in order, with their kind. The headlines listed under
    a teaser label ("Next Post", "Related stories", "Read next") are furniture too, up to the first line that is
    a sentence."""
    lines = text.split("\n")
    kinds, cuts, cut_kinds = _classify(lines)
    tickers = bare_tickers(text)
    out: list[tuple[int, int, str]] = []
    pos = 0
    teasers = False
    lead_seen = False
    for i, line in enumerate(lines):
        end = pos + len(line)
        if not line.strip():
            pass  # a blank line neither ends a teaser list nor is furniture itself
        elif i > 0 and _TEASER_LABEL.match(line):
            out.append((pos, end, "promo"))
            teasers = True
        elif teasers and (is_headline(line) or _titled(line)):
            out.append((pos, end, "promo"))
        elif kinds[i] is not None:
            # a paywall's "To continue reading, please subscribe:" lists its offers under it
            teasers = kinds[i] == "promo" and line.rstrip().endswith(":")
            out.append((pos, end, kinds[i] or ""))
        elif not lead_seen and _COLON_PLACE.match(line) and _lead_follows(lines, i):
            out.append((pos, end, "dateline"))  # "New Delhi:" on its own line above the lead
        else:
            teasers = False
            first_lead = i > 0 and not lead_seen and len(_WORD.findall(line[cuts[i] :])) >= 15
            lead_seen = lead_seen or first_lead
            cut = max(cuts[i], _prefix_end(line, first_lead, headline=i == 0))
            kind = cut_kinds.get(i, "dateline") if cut == cuts[i] else "dateline"
            spans = ([(0, cut, kind)] if cut else []) + [x for x in _inline(line) if x[0] >= cut]
            spans += [(ts - pos, te - pos, k) for ts, te, k in tickers if pos + cut <= ts and te <= end]
            out += [(pos + s, pos + e, k) for s, e, k in _merge(spans)]
        pos = end + 1
    return out


def _lead_follows(lines: list[str], i: int) -> bool:
    nxt = next((line for line in lines[i + 1 :] if line.strip()), "")
    return len(_WORD.findall(nxt)) >= 15 and nxt.lstrip()[:1].isupper() and not _COLON_PLACE.match(nxt)


def nonbody_ranges(text: str) -> list[tuple[int, int]]:
    """The ranges the parser must not see. A sentence saying somebody did not answer a request for comment is
    not among them: it is article text (PolNeAR annotates it, and its words may name people), but never a claim
    of the one who did not answer, nor a mention of anyone — `no_response_ranges` gives those to extraction."""
    return [(s, e) for s, e, k in furniture_ranges(text) if k != "no-response"]


def no_response_ranges(text: str) -> list[tuple[int, int]]:
    """ "X did not immediately respond to a request for comment", "The Ledger reached out to X but has not heard
    back": furniture of the reporting, not a statement by X."""
    return [(s, e) for s, e, k in furniture_ranges(text) if k == "no-response"]


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for s, e, k in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]), merged[-1][2])
        else:
            merged.append((s, e, k))
    return merged


def _titled(line: str) -> bool:
    """A headline in title case, whatever it ends with ("Rand Paul Scores Direct Hit On Rival.")."""
    words = _WORD.findall(line)
    return 3 <= len(words) <= 20 and sum(1 for w in words if w[0].isupper() or w[0].isdigit()) >= 0.7 * len(words)


def mask(text: str, ranges: list[tuple[int, int]] | None = None) -> str:
    """The text with furniture blanked to spaces: same length and line breaks, so every offset still holds."""
    ranges = nonbody_ranges(text) if ranges is None else ranges
    if not ranges:
        return text
    parts, last = [], 0
    for s, e in ranges:
        parts.append(text[last:s])
        parts.append("".join(c if c == "\n" else " " for c in text[s:e]))
        last = e
    parts.append(text[last:])
    return "".join(parts)


def body_text(text: str) -> str:
    return mask(text)


def lead_furniture_end(sentence: str) -> int:
    """How much of a sentence's start is furniture (a date marker, a dateline, a glued time stamp), by the same
    rules that mask it at extraction: a summary quoting an article's lede drops exactly what extraction skipped."""
    return _prefix_end(sentence, first_lead=True)


def trailing_credit_start(sentence: str) -> int | None:
    """Where a credit closing a sentence begins ("… on Friday. (Reporting by …)", "… (AFP)"), if one does."""
    for rule, rx in _INLINE:
        if rule.kind == "credit":
            m = rx.search(sentence)
            if m and not sentence[m.end() :].strip():
                return m.start()
    return None


def is_furniture_text(text: str) -> bool:
    """A whole line of furniture ("Share this article", "Updated 14:32 GMT"), or text with a page's date marker
    inside it ("… reports date 2025-05-07 …"): neither is a statement a summary may quote."""
    stripped = text.strip(' “"')
    return line_rule(stripped) is not None or _PAGE_STAMP.search(text) is not None
