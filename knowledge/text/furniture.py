"""Page furniture that stays in a stored text but is not news: marked as non-body so extraction skips it.

`boilerplate` cuts what it safely can before a document is stored. What is left — a time stamp between
paragraphs, a byline, a photo caption and its credit, an ad label, a "Read more" teaser that ends with a period,
share and subscribe buttons — and everything already stored before these rules existed, is found here at extraction
time instead. Removing it from a stored text would move every offset cited after it, so it is *masked*: its
characters are replaced by spaces (line breaks kept) in the text the parser sees, which keeps every offset and means
no claim, event or entity can come from it. The rules are data below; each must match a whole line (or, for a
time stamp glued to the first sentence, a prefix), so a sentence that mentions photos or updates is untouched.
"""

from __future__ import annotations

import re

from knowledge.text.headline import is_headline

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk|et|pt))?"
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_STAMP = rf"(?:{_WEEKDAY}\s+)?(?:{_CLOCK}(?:,?\s+(?:on\s+)?{_DAY})?|{_DAY}(?:,?\s+(?:at\s+)?{_CLOCK})?|\d+\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago)"

# Whole lines (case-insensitive, surrounding spaces and a final "." or ":" allowed).
FURNITURE_LINES = [
    # time stamps: "Updated 14:32 GMT", "Published 3 March 2025, 09:10", "Last updated: 2 hours ago", "14:32 GMT"
    rf"(?:(?:last\s+)?(?:updated|published|posted|modified|first published)(?:\s+on|\s+at)?\s*:?\s*)?{_STAMP}"
    rf"(?:\s*[|,·•]\s*(?:updated\s*:?\s*)?{_STAMP})*",
    # bylines: "By Jane Doe", "By Jane Doe and Tom Roe, Reuters", "By JANE DOE | Staff Writer"
    r"by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}){0,3}"
    r"(?:\s*[,|–—-]\s*[\w .'’&-]{1,40})?",
    r"(?:reporting|writing|additional reporting|editing|compiled) by\s+.{1,120}",
    # teasers, whatever they end with
    r"(?:read more|read next|read also|also read|related|see also|more on this(?: story)?|watch|listen)"
    r"(?:\s*:\s*.{0,160}|\s*)",
    r"(?:related|more) (?:stories|articles|coverage|news|videos?)",
    # photo and image captions and credits
    r"(?:photo|image|picture|photograph|caption|image caption|file photo|video|graphic|illustration)"
    r"(?:\s+(?:credit|source))?\s*:.{0,300}",
    r"(?:image source|image caption|photo credit|picture credit|credit)\s*[,:]?.{0,300}",
    r".{0,300}\((?:photo|image|picture)?[:\s]*[\w .&/'-]{0,40}"
    r"(?:reuters|afp|ap|associated press|getty images|epa|anadolu|tass|xinhua|efe|dpa|pool)[\w .&/'-]{0,30}\)",
    r".{0,200}/\s*(?:reuters|afp|ap|ap photo|epa|getty images|pool|tass|anadolu)\s*",
    r".{0,200}\bgetty images",
    # ad slots
    r"advertisement|sponsored(?: content)?|story continues below(?: this)? advertisement|scroll to continue(?: reading)?"
    r"|ad feedback|paid content|promoted",
    # share, save and subscribe widgets
    r"(?:share|tweet|email|print|save|copy link|comments?|\d+\s+comments?|listen to (?:this )?article"
    r"|\d+\s+min(?:ute)?s?\s+read)(?:\s*[|/·•]\s*(?:share|tweet|email|print|save|copy link|comments?))*",
    r"share (?:this|the) (?:article|story|post|page)|share on (?:facebook|twitter|x|linkedin|whatsapp|telegram|email)"
    r"|shareable (?:url|link)",
    r"(?:subscribe|sign up|follow us)(?:\s+(?:to|for|on|now)\b.{0,80})?|(?:click|tap) here to (?:subscribe|sign up).{0,80}",
]
_LINE = re.compile(r"^\s*(?:" + "|".join(FURNITURE_LINES) + r")\s*[.:]?\s*$", re.I)
# The upper-case tokens of a byline must stay upper-case-initial: re.I would let "by the way he said" match.
_BYLINE = re.compile(r"^\s*by\s+", re.I)
_BYLINE_NAMES = re.compile(r"^\s*[Bb][Yy]\s+(?:[A-Z][\w.'’-]*(?:\s+|,\s*|\s*&\s*|$)|and\s+)+")
# A time stamp glued to the start of a paragraph ("Updated 14:32 GMT Moscow has ..."): only the stamp is masked.
_STAMP_PREFIX = re.compile(rf"^\s*(?:last\s+)?(?:updated|published|posted)\s*:?\s*{_STAMP}\s*[|–—-]?\s*", re.I)
_TEASER_LABEL = re.compile(
    r"^\s*(?:(?:prev|previous|next) (?:post|article|story)|read (?:next|more|also)|related(?: stories| articles| posts)?"
    r"|you (?:may|might) also like|more on this(?: story)?|most (?:read|popular)|recommended(?: for you)?)\s*[.:]?\s*$",
    re.I,
)
MAX_LINE = 320  # captions can be long; article paragraphs usually are longer, and a rule must match all of the line


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_LINE or not _LINE.match(stripped):
        return False
    if _BYLINE.match(stripped) and not stripped.lower().startswith(("by reuters", "by ap")):
        # a byline is names after "By": "By the end of the week, talks resumed." is article text
        return bool(_BYLINE_NAMES.match(stripped)) and not stripped.rstrip().endswith((".", "!", "?", "”", '"'))
    labelled = stripped.lower().startswith(("photo", "image", "caption", "picture", "file photo", "credit"))
    if stripped.endswith(("”", '"', ").")) and not labelled:
        # a quotation closing the line is somebody's words; "... she said (Reuters)." is a sentence, while a
        # caption's credit closes it: "... in Minsk on June 21. (Reuters)"
        return False
    return True


def nonbody_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` that are page furniture, in order. The headlines listed under a teaser label
    ("Next Post", "Related stories", "Read next") are furniture too, up to the first line that is a sentence."""
    out: list[tuple[int, int]] = []
    pos = 0
    teasers = False
    for line in text.split("\n"):
        end = pos + len(line)
        if not line.strip():
            pass  # a blank line neither ends a teaser list nor is furniture itself
        elif _TEASER_LABEL.match(line):
            out.append((pos, end))
            teasers = True
        elif teasers and is_headline(line):
            out.append((pos, end))
        elif _is_furniture(line):
            teasers = False
            out.append((pos, end))
        else:
            teasers = False
            m = _STAMP_PREFIX.match(line)
            if m and m.end() < len(line) and line[m.end()].isupper():
                out.append((pos, pos + m.end()))
        pos = end + 1
    return out


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
