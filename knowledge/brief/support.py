"""How widely a storyline's news was carried: its own outlets, and the other outlets that tell the same thing.

Storylines join reports of one development, but not every retelling: an article months later recalls "Acme's $9
billion bid, withdrawn in July" in a sentence of its own, and an outlet's lede on the day may share too few words
with another's to be joined. Those retellings are what makes a development the lead story of the topic, so the
summary ranks a storyline by its outlets plus every other outlet with a report whose rarer words mostly echo one
of its members (`same_news.overlap`, at `echo_share`; a retelling comes after the news, never before it), and
gives one line to one development: a storyline whose members mostly echo, within days, a line already chosen is
the same news again.
"""

from __future__ import annotations

from knowledge.brief.same_news import Weights, shared_share, within
from knowledge.brief.storylines import Member, Storyline
from knowledge.tuning import tuning


class Echoes:
    """Echoes among the members of a briefing's storylines, weighed over all of them; each pair compared once."""

    def __init__(self, storylines: list[Storyline]) -> None:
        self.members = [m for s in storylines for m in s.members]
        weights = Weights(self.members)
        t = tuning()
        self.echoing: dict[str, set[str]] = {m.key: set() for m in self.members}
        # `overlap` is 0 for a report with fewer than `same_news_min_words` words or a pair sharing fewer than
        # `same_news_min_shared`: each report's words as bits, so most pairs are ruled out by one AND, and only
        # the rest weighed (a topic's reports are compared pairwise, and most pairs share only the name)
        bit: dict[str, int] = {}
        masks: list[tuple[str, tuple[frozenset[str], float], int]] = []  # key, words and weight, words as bits
        for m in self.members:
            report = weights.report(m)
            if len(report[0]) >= t.same_news_min_words:
                masks.append((m.key, report, sum(1 << bit.setdefault(w, len(bit)) for w in report[0])))
        for i, (a, report_a, mask_a) in enumerate(masks):
            for b, report_b, mask_b in masks[i + 1 :]:
                if (mask_a & mask_b).bit_count() < t.same_news_min_shared:
                    continue
                if shared_share(report_a, report_b, weights) >= t.echo_share:
                    self.echoing[a].add(b)
                    self.echoing[b].add(a)
        self._cache: dict[str, frozenset[str]] = {}

    def _echoes(self, m: Member, others: list[Member], window: bool = False) -> bool:
        """`m` tells what one of `others` tells; with `window`, only a report within `storyline_window_days`
        of it (a development and the next one in the same words, "voted to reject the offer" and two weeks
        later "voted to accept the offer", are two stories)."""
        days = tuning().storyline_window_days
        echoing = self.echoing.get(m.key, set())
        return any(o.key in echoing and (not window or within(m.day, o.day, days)) for o in others)

    def sources(self, s: Storyline) -> frozenset[str]:
        """Independent sources that carry `s`: its own, and those of other reports echoing one of its members."""
        if s.id not in self._cache:
            own = {m.source_id or m.document_id for m in s.members}
            keys = {m.key for m in s.members}
            start = min((m.day for m in s.members if m.day is not None), default=None)
            days = tuning().storyline_window_days
            near = set().union(*(self.echoing.get(m.key, set()) for m in s.members)) - keys  # echo one of them
            echoing = {
                o.source_id or o.document_id
                for o in self.members
                if o.key in near
                and (o.source_id or o.document_id) not in own
                and (start is None or o.day is None or o.day >= start - days)  # a retelling comes after the news
            }
            self._cache[s.id] = frozenset(own | echoing)
        return self._cache[s.id]

    def repeats(self, s: Storyline, chosen: list[Storyline]) -> bool:
        """`s` tells a development a chosen storyline already told: most of its members echo that one's."""
        for c in chosen:
            echoed = sum(1 for m in s.members if self._echoes(m, c.members, window=True))
            if echoed and echoed * 2 >= len(s.members):
                return True
        return False
