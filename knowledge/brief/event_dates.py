"""One date per event across its reports: which report's date a grouped event shows, and why.

Several articles report one meeting, and each dates it its own way: "on June 21" names the day; "yesterday" or
"on Friday" is resolved against that article's publish date and the verb's tense, so a report published a day
later or read in another time zone can land a day off; a report that gives no date at all falls back to its
publish date. Shown side by side these read as two events ("20 Jun" here, "21 Jun" there). The rule, in order:

1. a day the text states outright ("June 21", "21 June 2025") beats a day resolved from relative words
   ("yesterday", "on Friday"), which need an anchor that can be wrong;
2. a stated day, relative or not, beats a coarser stated date ("last week", "in June");
3. a publish-date fallback never overrides a date the text states;
4. among equals, the earliest report (its relative words sit closest to the event), then document and offset,
   so the choice is stable.

The chosen report is the one the line cites first: the reader sees whose words give the date. When no report
states a date there are no such words: the citations keep their order and a development is "reported" on its
latest report, as before.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time
from enum import IntEnum
from typing import Any, Protocol, TypeVar

from knowledge.extract.dates import WEEKDAYS, resolve_date, states_calendar_date
from knowledge.text.wellformed import has_finite_verb
from knowledge.tuning import tuning


class Stated(IntEnum):
    """How firmly a report dates its event; lower wins."""

    CALENDAR_DAY = 0  # "June 21"
    RELATIVE_DAY = 1  # "yesterday", "on Friday"
    COARSE = 2  # "last week", "in June", "in 2020"
    REPORTED = 3  # no date in the text: the publish date stands in


def stated(text: str | None, precision: str | None, unresolved: bool = False) -> Stated:
    """The strength of one report's date from its stored date words and precision."""
    if not text or unresolved or precision not in ("day", "week", "month", "year"):
        return Stated.REPORTED
    if precision != "day":
        return Stated.COARSE
    return Stated.CALENDAR_DAY if states_calendar_date(text) else Stated.RELATIVE_DAY


def dating_key(strength: Stated, published: date | None, document_id: str, start: int) -> tuple[int, date, str, int]:
    """Sort key of the report whose date an event shows: the first after sorting wins."""
    return int(strength), published or date.max, document_id, start


def may_be_one_day(a: date | None, b: date | None, a_stated: Stated, b_stated: Stated, slack: int) -> bool:
    """Two reports' dates can belong to one event: the same day, one undated, or days apart by no more than
    `slack` when at least one of them was resolved from relative words (two stated calendar days that differ
    are two events)."""
    if a is None or b is None or a == b:
        return True
    days = (Stated.CALENDAR_DAY, Stated.RELATIVE_DAY)
    if a_stated not in days or b_stated not in days or Stated.CALENDAR_DAY == a_stated == b_stated:
        return False
    return abs((a - b).days) <= slack


Row = dict[str, Any]  # an event row the store read for a briefing (knowledge.store.events)


def row_stated(row: Row) -> Stated:
    """`stated` for a stored row, kept on the row: grouping compares each row with many others."""
    found = row.get("_stated")
    if found is None:
        found = row["_stated"] = stated(
            row.get("date_text"), row.get("date_precision"), bool(row.get("date_unresolved"))
        )
    return found


def start_day(row: Row) -> date | None:
    """The row's `date_start` as a date, kept on the row like `row_stated`."""
    if "_start_day" not in row:
        row["_start_day"] = _day(row.get("date_start"))
    return row["_start_day"]  # type: ignore[no-any-return]


def rows_may_be_one_day(a: Row, b: Row) -> bool:
    """`may_be_one_day` for two stored event rows, with the slack from `Tuning.event_date_slack_days`."""
    return may_be_one_day(start_day(a), start_day(b), row_stated(a), row_stated(b), tuning().event_date_slack_days)


def cited_first(rows: list[Row]) -> list[Row]:
    """`rows` (one event) with the report whose words give its date first; unchanged when none states one."""
    head = dating_row(rows)
    return [head] + [r for r in rows if r is not head]


def dating_row(rows: list[Row]) -> Row:
    """The report among `rows` (one event, newest first as the store reads them) whose date the event shows; when
    none states one, the first (the event is "reported" on, and ranked by, its latest report, as before)."""
    best = min(
        rows,
        key=lambda r: dating_key(row_stated(r), _day(r.get("published_at")), r["document_id"], r["start"]),
    )
    return best if row_stated(best) < Stated.REPORTED else rows[0]


_MONTH_NAMES = (
    {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
    | {"sept": 9}
)
_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
# "January 17", "Jan. 17, 2025", "17 January 2025"
_CALENDAR_DAY = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>[A-Z][a-z]{{2,8}})\.?(?:\s+(?P<year2>\d{{4}}))?)\b"
)


def head_day(sentence: str, published: date | None) -> date | None:
    """The calendar day a sentence gives its own main event: a day it states before its verb ("Today (January 17),
    the court ruled …", "The court on Jan. 17 upheld …"), not one inside what follows ("… despite filing on May 7",
    "the April 30 ruling"); else the weekday of its main clause (`_relative_head_day`); None when it states none,
    or one after the report was published."""
    for m in _CALENDAR_DAY.finditer(sentence):
        if has_finite_verb(sentence[: m.start()]):
            break
        month = _MONTH_NAMES.get((m.group("month") or m.group("month2") or "").lower())
        year = m.group("year") or m.group("year2")
        if month is None or (published is None and year is None):
            continue
        try:
            day = date(int(year) if year else published.year, month, int(m.group("day") or m.group("day2")))  # type: ignore[union-attr]
        except ValueError:
            return None
        return day if published is None or day <= published else None
    return _relative_head_day(sentence, published)


# a weekday, or "yesterday", with the few words before it that say how it dates the verb ("until midnight Friday")
_RELATIVE_DAY = re.compile(
    rf"(?P<lead>(?:\b[a-z.:0-9]+\s+){{0,3}})\b(?P<day>yesterday|{'|'.join(WEEKDAYS)})\b",
    re.I,
)
# words that make a weekday a deadline or another event's day rather than the day of the verb it follows
_NOT_THE_VERBS_DAY = frozenset("until by before after since from through till ahead next coming this".split())
# between the main verb and its weekday: a clause of its own ("… a law that would ban it on Sunday"), an infinitive
# or a modal ("plans to strike on Friday", "will meet on Monday"), a quotation
_CLAUSE_OPENS = re.compile(
    r"[,;:(“\"]|\b(?:that|which|who|whom|whose|when|where|while|if|because|as|to|will|would|shall|could|may|might"
    r"|can|should|must)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|would|shall|is to|are to|set to|due to|plans? to|expected to)\b", re.I)


def _relative_head_day(sentence: str, published: date | None) -> date | None:
    """The day a weekday (or "yesterday") gives the sentence's main event, counted back from the report's publish
    date as a past event is: before its verb ("The court on Friday upheld …") or in its main clause right after it
    ("Workers rejected the offer on Wednesday, extending …"), not a deadline ("until midnight Friday"), a coming
    day ("will meet on Monday") or the day of a clause of its own ("… a law that would ban it on Sunday")."""
    m = _RELATIVE_DAY.search(sentence) if published is not None else None
    if m is None or published is None or _NOT_THE_VERBS_DAY & set(m.group("lead").lower().split()):
        return None
    before = sentence[: m.start("day")]
    if has_finite_verb(before):
        if _CLAUSE_OPENS.search(before[_first_verb_end(before) :]) or _FUTURE.search(before):
            return None
    found = resolve_date(m.group("day"), datetime.combine(published, time()), "past")
    return found.start if found is not None else None


def _first_verb_end(text: str) -> int:
    """Where the first finite verb of `text` ends (the end of the shortest opening that holds one)."""
    for w in re.finditer(r"\S+", text):
        if has_finite_verb(text[: w.end()]):
            return w.end()
    return len(text)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


class Report(Protocol):
    """What the rule reads of a storyline member (`brief.storylines.Member`, which imports this module)."""

    @property
    def key(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def trigger(self) -> str | None: ...
    @property
    def entities(self) -> frozenset[str]: ...
    @property
    def stated(self) -> Stated: ...
    @property
    def published(self) -> date | None: ...
    @property
    def document_id(self) -> str: ...
    @property
    def start(self) -> int: ...


Member = TypeVar("Member", bound=Report)


def _one_event(a: Member, b: Member) -> bool:
    """Reports of one happening inside a storyline: the same trigger, the actors of one among the other's."""
    small, big = sorted((a.entities, b.entities), key=len)
    return a.trigger == b.trigger and small <= big


def _events(members: list[Member]) -> list[list[Member]]:
    """The reports of each event told by `members` (events only, in first-seen order)."""
    events: list[list[Member]] = []
    for m in members:
        if m.kind != "event" or not m.trigger:
            continue
        for reports in events:
            if _one_event(reports[0], m):
                reports.append(m)
                break
        else:
            events.append([m])
    return events


def _dating(reports: list[Member]) -> Member:
    return min(reports, key=lambda m: dating_key(m.stated, m.published, m.document_id, m.start))


def dating_members(members: list[Member]) -> list[Member]:
    """For each event told by `members`, the one report whose date it shows."""
    return [_dating(reports) for reports in _events(members)]


def dating_reports(members: list[Member]) -> set[str]:
    """Keys of the reports whose words date an event other articles report too: the line cites these first (a
    publish-date fallback is no one's words, and moves no citation)."""
    chosen = [_dating(r) for r in _events(members) if len({m.document_id for m in r}) > 1]
    return {m.key for m in chosen if m.stated < Stated.REPORTED}
