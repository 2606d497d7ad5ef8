"""Dates in news text, resolved against the article's publish date with their precision kept.

"Last month" in an article of 14 March means February, to month precision; "June 21" means the latest June 21
on or before publication. Without a publish date a relative expression cannot be placed and is marked unresolved
rather than guessed; an expression with its own year ("February 2022") needs no anchor.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where first used: briefings read `states_calendar_date` without paying for it
    from dateparser.date import DateData, DateDataParser

_NOISE = re.compile(r"^(late|early|mid|on|in|by|since|until|as of|from|around|about|the)\s+", re.I)
_LAST_DAY = re.compile(r"^last\s+(?=(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_THIS_YEAR = re.compile(r"\b(earlier|later)?\s*this year\b", re.I)
_NO_DATE = re.compile(
    r"^(recent|the past|the coming|years?|decades?|months?|weeks?|days?|today's|daily|weekly)\b"
    r"|^[\w.]+-(?:second|minute|hour|day|night|week|month|year)s?\b"  # a length ("a 35-minute call"), not a date
    # a count of days with nothing placing it ("reduced to three days", "for two weeks"); "three days ago" is a date
    r"|^(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|some|\d+)\s+(?:more\s+)?"
    r"(?:second|minute|hour|day|night|week|month|year|decade)s?$",
    re.I,
)


@dataclass(frozen=True)
class ResolvedDate:
    start: date | None
    end: date | None
    precision: str  # day | week | month | year | unknown
    text: str
    unresolved: bool


_ANY_DAY = datetime(2000, 6, 15)  # an anchor only for telling whether words are a date at all, and its precision
# the days of the week, by their number (also the words a name never runs on into: "Ana Ruiz Tuesday said")
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_MONTHS = {m: i for i, m in enumerate(calendar.month_name) if m} | {
    m: i for i, m in enumerate(calendar.month_abbr) if m
}
_MONTHS = {k.lower(): v for k, v in _MONTHS.items()} | {"sept": 9}
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$", re.I)
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$", re.I)
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?(?:\s+(\d{4}))?$", re.I)
_NUMERIC_DAY = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")


def states_calendar_date(text: str) -> bool:
    """The words name a calendar day or year themselves ("June 21", "21 June 2025", "2025-06-21", "Sept. 11"),
    rather than counting from the day of writing ("yesterday", "on Friday", "last week"), which only the
    article's publish date can place."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(w in _MONTHS for w in words) or bool(_YEAR.search(text) or _NUMERIC_DAY.search(text))


def _fast(expr: str, anchor: datetime) -> tuple[date, str] | None:
    """A day the calendar cannot hold ("December 31, 0000"; "December 31" in a paper dated in the year 1, which
    only bad metadata gives) is no date here either: None, and dateparser decides."""
    try:
        return _fast_forms(expr, anchor)
    except (ValueError, OverflowError):
        return None


def _fast_forms(expr: str, anchor: datetime) -> tuple[date, str] | None:
    """The forms news uses most ("Thursday", "June 21", "Sept. 11, 2001", "March 2022", "2016"), read without
    dateparser, which costs ~1.5 ms a call; the answers are the ones dateparser gives (a test compares them).
    None means: ask dateparser."""
    low = expr.lower()
    today = anchor.date()
    if low in WEEKDAYS:  # strictly before the anchor: "Thursday" in a Thursday paper is last week's
        return today - timedelta(days=(today.weekday() - WEEKDAYS[low] - 1) % 7 + 1), "day"
    if low.isdecimal() and len(low) == 4:  # isdecimal: "²²²²" is digits int() cannot read
        return date(int(low), today.month, min(today.day, 28)), "year"
    m = _MONTH_DAY.match(expr)
    d = _DAY_MONTH.match(expr)
    if d and d.group(2).lower() in _MONTHS:  # "4 April" reads as "April 4"
        m = _MONTH_DAY.match(f"{d.group(2)} {d.group(1)}" + (f", {d.group(3)}" if d.group(3) else ""))
    if m and m.group(1).lower() in _MONTHS:
        month, day = _MONTHS[m.group(1).lower()], int(m.group(2))
        year = int(m.group(3)) if m.group(3) else today.year
        if not 1 <= day <= calendar.monthrange(year, month)[1] or (not m.group(3) and month == 2 and day == 29):
            return None
        found = date(year, month, day)
        if not m.group(3) and found > today:
            found = found.replace(year=year - 1)
        return found, "day"
    m = _MONTH_YEAR.match(expr)
    if m and m.group(1).lower() in _MONTHS and len(m.group(1)) > 2:
        month = _MONTHS[m.group(1).lower()]
        year = int(m.group(2)) if m.group(2) else (today.year if month <= today.month else today.year - 1)
        return date(year, month, 1), "month"
    return None


@functools.lru_cache(maxsize=64)
def _parser(anchor: datetime | None) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": []}
    if anchor is not None:
        settings["RELATIVE_BASE"] = anchor.replace(tzinfo=None)
    return DateDataParser(languages=["en"], settings=settings)


def _range(day: date, period: str) -> tuple[date, date]:
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, min(monday + timedelta(days=min(6, (date.max - monday).days)), date.max)
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


_DAY_BY_TENSE = re.compile(
    r"^(?:(last|past|next|coming|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)
_NEAR_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _by_tense(expr: str, today: date, tense: str | None) -> date | None:
    """A weekday placed by the verb's tense: "met on Friday" in a Wednesday paper is the Friday before, "will meet
    on Friday" the coming one, and a past or present "on Monday" the latest Monday not after publication (the same
    day included: a Monday paper's "on Monday" is today). "Last" and "next" say which week themselves."""
    low = expr.lower()
    if low in _NEAR_DAYS:
        return today + timedelta(days=_NEAR_DAYS[low])
    m = _DAY_BY_TENSE.match(expr)
    if not m:
        return None
    which, day = (m.group(1) or "").lower(), WEEKDAYS[m.group(2).lower()]
    back, ahead = (today.weekday() - day) % 7, (day - today.weekday()) % 7
    if which in ("last", "past"):
        return today - timedelta(days=back or 7)
    if which in ("next", "coming") or tense == "future":
        return today + timedelta(days=(ahead or 7) if which else ahead)
    return today - timedelta(days=back)


def _dateparser(anchor: datetime, expr: str) -> DateData | None:
    """dateparser's reading, or None where its arithmetic leaves the calendar (an anchor near the year 1 or 9999)."""
    try:
        return _parser(anchor).get_date_data(expr)
    except (ValueError, OverflowError):
        return None


@functools.lru_cache(maxsize=4096)
def resolve_date(text: str, published: datetime | None, tense: str | None = None) -> ResolvedDate | None:
    """None when the words are not a date at all ("recent weeks", "decades"). `tense` ("past", "present",
    "future") is the tense of the verb the date belongs to, which places a weekday and allows a future date."""
    raw = " ".join(text.split())
    expr = raw
    while _NOISE.match(expr):
        expr = _NOISE.sub("", expr, count=1)
    if published is not None:
        try:
            near = _by_tense(expr, published.date(), tense)
        except OverflowError:  # "tomorrow" in a paper dated 9999-12-31 (bad metadata): no such day
            near = None
        if near is not None:
            return ResolvedDate(near, near, "day", raw, False)
    expr = _LAST_DAY.sub("", expr)
    if not expr or _NO_DATE.match(expr):
        return None
    has_year = bool(_YEAR.search(expr))
    if _THIS_YEAR.search(expr) and not has_year:
        if published is None:
            return ResolvedDate(None, None, "year", raw, True)
        start, end = _range(published.date(), "year")
        return ResolvedDate(start, min(end, published.date()), "year", raw, False)
    anchor = published if published is not None else (datetime(2000, 1, 1) if has_year else None)
    if anchor is None:
        fast = _fast(expr, _ANY_DAY)
        if fast is not None:
            return ResolvedDate(None, None, fast[1], raw, True)
        data = _dateparser(_ANY_DAY, expr)
        return ResolvedDate(None, None, data.period or "unknown", raw, True) if data and data.date_obj else None
    anchor = anchor.replace(tzinfo=None)
    fast = _fast(expr, anchor)
    if fast is not None:
        day, period = fast
    else:
        data = _dateparser(anchor, expr)
        if not data or not data.date_obj:
            return None
        day = data.date_obj.date()
        period = data.period or "day"
    if has_year and period == "year" and not re.search(r"[a-z]", expr, re.I):
        period = "year"
    start, end = _range(day, period)
    if published is not None and start > published.date() and tense != "future":
        return None  # a "date" after publication in the past tense is a misparse
    return ResolvedDate(start, end, period, raw, False)
