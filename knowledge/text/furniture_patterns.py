"""The furniture rules of `furniture_rules` compiled once, with the line patterns `furniture` and `furniture_page`
both read: one home for each."""

from __future__ import annotations

import re

from knowledge.text.furniture_lines import LINE
from knowledge.text.furniture_rules import INLINE, START


def _whole_line(long_only: bool) -> re.Pattern[str]:
    """Line rules in one pattern, each a named group ("r12", its index in LINE), so a line is read once, not once
    per rule; `long_only`: the rules a line longer than a caption may still match (a long caption closed by its
    photo credit)."""
    groups = [
        f"(?P<r{i}>{r.pattern if r.ignore_case else '(?-i:' + r.pattern + ')'})"
        for i, r in enumerate(LINE)
        if r.long or not long_only
    ]
    return re.compile(r"^\s*(?:" + "|".join(groups) + r")\s*[.:]?\s*$", re.I)


_LINE = _whole_line(long_only=False)
_LONG_LINE = _whole_line(long_only=True)
_START = [(r, re.compile(r"^\s*(?:" + r.pattern + r")", re.I if r.ignore_case else 0)) for r in START]
_INLINE = [(r, re.compile(r.pattern, re.I if r.ignore_case else 0)) for r in INLINE]
# The upper-case tokens of a byline must stay upper-case-initial: re.I would let "by the way he said" match.
_BYLINE = re.compile(r"^\s*by\s+", re.I)
_BYLINE_NAMES = re.compile(r"^\s*[Bb][Yy]\s+(?:[A-Z][\w.'’-]*(?:\s+|,\s*|\s*&\s*|$)|and\s+)+")
_TEASER_LABEL = re.compile(
    r"^\s*[\"“]?(?:(?:prev|previous|next) (?:post|article|story)|read (?:next|more|also)|related(?: stories| articles| posts)?"
    r"|you (?:may|might) also like|more on this(?: story)?|most (?:read|popular)|recommended(?: for you)?)\s*[.:]?[\"”]?\s*$",
    re.I,
)
FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at by for from with as than that which who whose its their his her our more"
    " most some any this these those is are was were be been has have had will would said says".split()
)
# a place and a colon alone on a line: "New Delhi:", "Washington DC:", "ISLAMABAD:"
_COLON_PLACE = re.compile(r"^\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\s*:\s*$")
_AUTHOR_BOX = re.compile(r"^\s*(?:about the (?:author|writer|reporter)|author bio(?:graphy)?)\s*:?\s*$", re.I)
# The first date-marker rule is a page's own date stamp ("date 2025-03-07"), never prose wherever it stands; the
# others ("Updated 14:32 GMT") are furniture only where a paragraph opens.
_STAMP_PATTERN = next(r.pattern for r in START if r.kind == "date-marker")
_MARKER = re.compile(r"^\s*(?:" + _STAMP_PATTERN + ")")
_PAGE_STAMP = re.compile(r"\b(?:" + _STAMP_PATTERN + ")", re.I)
# a photo credit ("Jane Roe/AP", "© REUTERS", "Photo: EFE", "Jane Roe—Getty Images for X"), not a hat tip ("h/t
# TheBlaze")
_PHOTO_CREDIT = re.compile(r"[\w.]{2,}\s*/\s*[\w.]{2,}|©|\bphoto\b|\bpool\b|[—–]\s*(?:getty|shutterstock)\b", re.I)
_WORD = re.compile(r"[\w’'&$%-]+")


def sentences(text: str) -> int:
    """How many sentence ends a line holds."""
    return len(re.findall(r"[.!?][”\"’']?(?:\s|$)", text.strip() + " "))
