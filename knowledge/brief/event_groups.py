"""Reports of one event: which stored event rows a briefing shows as one development.

A row joins the group of a row from the same sentence, else the first group (in the order groups were opened)
whose first row, its head, has the same trigger, shares an actor (any head, when the row names none) and may be
of the same day (`event_dates.rows_may_be_one_day`); else it opens a group. Walking every head of a trigger for
every row is quadratic in a topic's events (a name in hundreds of stories, most with one trigger), so heads are
indexed by (trigger, start day): a row looks only at the undated heads and those within `event_date_slack_days`
of its own day, the only ones the date test can pass, in the order they were opened; the first that passes every
test is the one the walk would have found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from knowledge.brief.event_dates import rows_may_be_one_day, start_day
from knowledge.tuning import tuning

Row = dict[str, Any]  # an event row the store read for a briefing (knowledge.store.events)


@dataclass
class _Group:
    head: Row
    actors: set[str]  # the head's actor ids, split once
    members: list[Row]


def _actors(row: Row) -> set[str]:
    return set((row["actor_ids"] or "").split("|")) - {""}


def _near_days(day: date, slack: int) -> list[date]:
    """`day` and the days within `slack` of it that a calendar can hold."""
    out = []
    for k in range(-slack, slack + 1):
        try:
            out.append(day + timedelta(days=k))
        except OverflowError:
            continue
    return out


class _Heads:
    """The groups opened so far, indexed by trigger and by (trigger, start day)."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.by_trigger: dict[Any, list[int]] = {}
        self.by_day: dict[tuple[Any, date | None], list[int]] = {}
        self.slack = tuning().event_date_slack_days

    def open(self, row: Row, actors: set[str]) -> list[Row]:
        n = len(self.groups)
        self.groups.append(_Group(row, actors, []))
        self.by_trigger.setdefault(row["trigger"], []).append(n)
        self.by_day.setdefault((row["trigger"], start_day(row)), []).append(n)
        return self.groups[n].members

    def first_for(self, row: Row, actors: set[str]) -> list[Row] | None:
        """The members of the first group `row` belongs to, or None."""
        trigger, day = row["trigger"], start_day(row)
        if day is None:  # an undated report may be of any day: every head of the trigger
            near: list[int] = self.by_trigger.get(trigger, [])
        else:
            keys = [(trigger, None)] + [(trigger, d) for d in _near_days(day, self.slack)]
            near = sorted({i for key in keys for i in self.by_day.get(key, ())})
        for i in near:
            group = self.groups[i]
            if (not actors or not actors.isdisjoint(group.actors)) and rows_may_be_one_day(group.head, row):
                return group.members
        return None


def event_groups(rows: list[Row]) -> list[list[Row]]:
    """`rows` (as the store reads them, newest first) grouped into events, groups in the order they opened."""
    heads = _Heads()
    by_sentence: dict[tuple[Any, ...], list[Row]] = {}  # (document, start) -> its group: same-sentence merges
    for row in rows:
        members = by_sentence.get((row["document_id"], row["start"]))
        if members is None:
            actors = _actors(row)
            members = heads.first_for(row, actors)
            if members is None:
                members = heads.open(row, actors)
        members.append(row)
        by_sentence[(row["document_id"], row["start"])] = members
    return [g.members for g in heads.groups]
