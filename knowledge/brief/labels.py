"""Words a reader sees for stances and dates, kept in one place so every view says the same thing."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

STANCE_LABELS = {
    "assert": "claim",
    "deny": "denial",
    "speculate": "speculation",
    "forecast": "forecast",
    "acknowledge": "acknowledgement",
    "question": "question",
    "accuse": "accusation",
    "criticize": "criticism",
    "support": "support",
    "demand": "call",
    "report": "report",
    "no_comment": "no comment",
}


def stance_label(stance: str, negated: bool = False) -> str:
    label = STANCE_LABELS.get(stance, stance)
    return f"{label} (negated)" if negated and stance not in ("deny", "no_comment") else label


@lru_cache(maxsize=4096)  # a briefing labels hundreds of lines with a few dozen dates; strftime is no quick call
def date_label(start: date | None, end: date | None, precision: str | None, unresolved: bool, text: str | None) -> str:
    if start is None:
        if unresolved and text:
            return f"“{text}” (date unknown)"
        return "date unknown"
    if precision == "month":
        return start.strftime("%B %Y")
    if precision == "year":
        return str(start.year)
    if precision == "week":
        return f"week of {start.strftime('%-d %b %Y')}"
    if end and end != start:
        first = start.strftime("%-d %b" if start.year == end.year else "%-d %b %Y")  # "5 Aug 2024–23 May 2025"
        return f"{first}–{end.strftime('%-d %b %Y')}"
    return start.strftime("%-d %b %Y")
