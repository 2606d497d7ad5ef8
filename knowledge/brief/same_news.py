"""The same news in other words: two outlets' reports of one event, joined although their sentences differ.

Outlets rewrite a story: "Acme said on Wednesday it was withdrawing its $9 billion bid for Brill" and "Acme
announced Thursday it has withdrawn its buyout offer for Brill, worth $9 billion" are one development. The
near-identical-words test (`storylines._alike`) misses them, so the development's coverage is scattered over
several storylines of one article each, and the summary ranks it as if one outlet had reported it while one
article's several points crowd it out.

Two reports from different articles published within `storyline_window_days` are the same news when the words
they share carry most of the weight of the shorter one, each word weighed by how few of the briefing's articles
use it (inverse document frequency): the topic's own name, in every article, is no evidence; "withdraw", "$9
billion" and "buyout" together are. Short members (a bare name, "these assertions") never join this way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from knowledge.tuning import tuning


class Report(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def document_id(self) -> str: ...
    @property
    def words(self) -> list[str]: ...
    @property
    def day(self) -> int | None: ...


class Weights:
    """Inverse document frequency of each content word over the members' articles, and each report's word set
    and total weight, computed once (a summary compares the same reports many times)."""

    def __init__(self, members: Sequence[Report]) -> None:
        per_doc: dict[str, set[str]] = {}
        for m in members:
            per_doc.setdefault(m.document_id, set()).update(m.words)
        df: dict[str, int] = {}
        for words in per_doc.values():
            for w in words:
                df[w] = df.get(w, 0) + 1
        n = len(per_doc) + 1
        self.weight = {w: math.log(n / k) for w, k in df.items()}
        self._reports: dict[str, tuple[frozenset[str], float]] = {}

    def of(self, word: str) -> float:
        return self.weight.get(word, 0.0)

    def report(self, r: Report) -> tuple[frozenset[str], float]:
        """`r`'s distinct words and their total weight."""
        found = self._reports.get(r.key)
        if found is None:
            words = frozenset(r.words)
            found = self._reports[r.key] = (words, math.fsum(self.weight.get(w, 0.0) for w in words))
        return found


def overlap(a: Report, b: Report, weights: Weights) -> float:
    """The share of the shorter report's weight its shared words carry (0 when either is too short to tell, or
    they share too few words)."""
    return shared_share(weights.report(a), weights.report(b), weights)


def shared_share(a: tuple[frozenset[str], float], b: tuple[frozenset[str], float], weights: Weights) -> float:
    """`overlap` of two reports given as `Weights.report` gives them (for callers that keep those at hand)."""
    t = tuning()
    (wa, ta), (wb, tb) = a, b
    if min(len(wa), len(wb)) < t.same_news_min_words:
        return 0.0
    shared = wa & wb
    if len(shared) < t.same_news_min_shared:
        return 0.0
    total = min(ta, tb)
    # fsum: a set's order changes with string hashing from run to run, and a plain float sum with it, enough to
    # flip a share that sits on its threshold; fsum's exactly rounded total is the same in any order
    return math.fsum(weights.weight.get(w, 0.0) for w in shared) / total if total > 0 else 0.0


def within(a: int | None, b: int | None, days: int) -> bool:
    """Two reports' days are close in time, or one is undated (an undated report cannot be told apart by date)."""
    return a is None or b is None or abs(a - b) <= days


def same_news(a: Report, b: Report, weights: Weights) -> bool:
    """`a` and `b` (from different articles, close in time or undated) report the same development: enough shared
    words, and the shared ones carry `same_news_share` of the shorter report's weight."""
    t = tuning()
    if a.document_id == b.document_id:
        return False
    if not within(a.day, b.day, t.storyline_window_days):
        return False
    return overlap(a, b, weights) >= t.same_news_share
