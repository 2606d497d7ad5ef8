"""How much of a candidate summary line the lines already chosen have told: the summary's redundancy test.

Five lines should tell five things. Storylines are one event or one exchange, but outlets tell one event in many
words ("A federal judge rejected the agency's bid to block the deal", "The agency sought an injunction to block
the deal"), and those tellings land in storylines of their own that rank alike, so a summary built by rank alone
can give four of its five lines to one event while the reaction, the commitment and the deadline fall out. The
standard remedy in extractive summarisation is maximal marginal relevance: a line's gain is its rank less a share
(`summary_redundancy_weight`) of its overlap with the most similar line already chosen, so a second telling of a
shown event gives way to the next different thing.

The overlap is over a line's content: its content words (stemmed, as `storylines.content_words` keeps them,
figures such as "69" and "10" among them) and the initials of its multi-word names ("Federal Trade Commission"
and "FTC" are one unit), less the topic's own words, which every line shares. Each unit is weighed by how few of
the briefing's articles use it (inverse document frequency over the members' articles): a name in every article
says less than a figure in one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.brief.query import FUNCTION_WORDS
from knowledge.brief.storylines import Member, content_words

_NAME = re.compile(r"\b[A-Z][\w’'&.-]*(?:\s+(?:of\s+|and\s+|for\s+|the\s+)?[A-Z][\w’'&.-]*)+")


def units(text: str, topic: Iterable[str] = ()) -> frozenset[str]:
    """The content units of `text`: its content words and the initials of each multi-word name, without the
    topic's own words (`topic`, as `content_words` gives them)."""
    found = set(content_words(text))
    for name in _NAME.finditer(text):
        words = [w for w in name.group(0).split() if w.lower() not in FUNCTION_WORDS]  # "The FTC": "ftc"
        if len(words) >= 2:
            found.add("".join(w[0] for w in words).lower())
    return frozenset(found - set(topic))


@dataclass(frozen=True)
class Rarity:
    """Inverse document frequency of content units over the briefing's articles; a unit none of them has (a word
    of a whole sentence beyond its member's span) weighs as the rarest."""

    weight: dict[str, float]
    rarest: float

    @classmethod
    def of(cls, members: Sequence[Member]) -> Rarity:
        per_doc: dict[str, set[str]] = {}
        for m in members:
            per_doc.setdefault(m.document_id, set()).update(units(m.text))
        df: dict[str, int] = {}
        for found in per_doc.values():
            for u in found:
                df[u] = df.get(u, 0) + 1
        n = len(per_doc) + 1
        return cls({u: math.log(n / k) for u, k in df.items()}, math.log(n + 1))

    def total(self, found: Iterable[str]) -> float:
        # fsum: a set's order changes with string hashing from run to run; the exactly rounded sum does not
        return math.fsum(self.weight.get(u, self.rarest) for u in found)


def redundancy(line: frozenset[str], chosen: Sequence[frozenset[str]], rarity: Rarity) -> float:
    """The largest share of `line`'s weight that one chosen line also has (0: nothing told yet, 1: all of it)."""
    whole = rarity.total(line)
    if whole <= 0 or not chosen:
        return 0.0
    return max(rarity.total(line & c) for c in chosen) / whole
