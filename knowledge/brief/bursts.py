"""Bursts of reporting: a storyline cut where its reports fall silent.

Storyline joins chain (a claim and its denial, the same speaker saying it again, an event and the claims that
report it), so a running story of months would otherwise be one storyline, one summary line however many
developments it had, dated "11 May–30 Oct". Cut where the reports fall silent for longer than a follow-up takes,
each burst is one development, told and ranked on its own. Dates are publication dates: when a thing was said
or done may lie years back ("in 1935"), and a wrong one must not tear a storyline apart.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, TypeVar


class Report(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def document_id(self) -> str: ...
    @property
    def published(self) -> date | None: ...


R = TypeVar("R", bound=Report)


def bursts(members: list[R], pairs: list[tuple[str, str]], gap_days: int) -> list[list[R]]:
    """`members` split where no report was published for more than `gap_days`; an undated report stays with its
    own article's reports, and a denial (the second key of a pair) with the claim it denies."""

    def day(m: R) -> int:
        return m.published.toordinal() if m.published else 0

    dated = sorted((m for m in members if m.published is not None), key=day)
    if len(dated) < 2 or day(dated[-1]) - day(dated[0]) <= gap_days:
        return [members]
    parts: list[list[R]] = [[dated[0]]]
    for m in dated[1:]:
        if day(m) - day(parts[-1][-1]) > gap_days:
            parts.append([])
        parts[-1].append(m)
    part_of = {m.document_id: i for i, part in enumerate(parts) for m in part}
    for m in members:
        if m.published is None:
            parts[part_of.get(m.document_id, 0)].append(m)
    where = {m.key: i for i, part in enumerate(parts) for m in part}
    for claim, denial in pairs:
        if claim in where and denial in where and where[claim] != where[denial]:
            moved = next(m for m in parts[where[denial]] if m.key == denial)
            parts[where[denial]].remove(moved)
            parts[where[claim]].append(moved)
            where[denial] = where[claim]
    return [part for part in parts if part]
