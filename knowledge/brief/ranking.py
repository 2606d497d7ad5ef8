"""The one ranking formula a briefing's lines share: recency, independent coverage and the topic's centrality.

The details (brief/compose) rank a line by these three; the summary (brief/summary) ranks a storyline by the
same three and adds what only a storyline has (the topic in a headline or lede, a dispute, further articles).
Every weight is `Tuning`'s, so a deployment tunes one place.
"""

from __future__ import annotations

from datetime import date

from knowledge.tuning import tuning


def recency(when: date | None, newest: date | None) -> float:
    """1.0 for the newest item, halving every `half_life_days` before it; an undated item counts as
    `undated_age_days` old."""
    t = tuning()
    age = (newest - when).days if when and newest else t.undated_age_days
    return float(0.5 ** (age / t.half_life_days))


def coverage(independent: int) -> float:
    """Rank for outlets with their own report beyond the first (a syndicated copy is counted with its original)."""
    t = tuning()
    return t.corroboration_weight * min(independent - 1, t.corroboration_cap)


def rank(when: date | None, newest: date | None, independent: int, relevance: float) -> float:
    """Recency, independent coverage, and how central the topic is to the line."""
    return recency(when, newest) + coverage(independent) + relevance
