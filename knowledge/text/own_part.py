"""A wire copy's own part: the passages of a copy that its original does not hold.

A copy is stored without facts of its own, because everything it repeats is already extracted from its original.
But a copy is rarely only a repeat: one site prints the story's later paragraphs that another site's excerpt cut
off, adds its own reporting, or a reaction it gathered. Those passages are extracted from the copy itself, so what
only the copy says is not lost; what it shares with the original is never counted twice.

A word of the copy is shared when a word shingle holding it is in the original (the same 4-word test that found
the copy: case, punctuation and look-alike letters never make two copies differ). A run of words no shingle
covers is the copy's own when it is long enough to say something (`Tuning.own_part_min_words`): a word edited in a
repeated sentence ("94.6%" for "94.6 percent") leaves a run of a word or two, never a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text.shingles import SHINGLE, word_shingles, words

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class OwnPart:
    """Character ranges of a copy that its original does not hold, in order."""

    ranges: tuple[tuple[int, int], ...]

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def holds(self, start: int, end: int) -> bool:
        """True when most of the characters of `start:end` lie in the copy's own part."""
        size = end - start
        if size <= 0:
            return any(a <= start < b for a, b in self.ranges)
        inside = sum(max(0, min(end, b) - max(start, a)) for a, b in self.ranges)
        return inside * 2 > size


def own_part(copy_text: str, original_text: str, min_words: int) -> OwnPart:
    """The runs of at least `min_words` words of `copy_text` that no shingle of `original_text` covers."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(copy_text)]
    folded = words(copy_text)
    if len(folded) != len(spans):  # casefolding split a word (rare letters): read the words one by one instead
        folded = [words(copy_text[a:b])[0] if words(copy_text[a:b]) else "" for a, b in spans]
    have = word_shingles(words(original_text))
    shared = [False] * len(folded)
    for i in range(max(0, len(folded) - SHINGLE + 1)):
        if tuple(folded[i : i + SHINGLE]) in have:
            for j in range(i, i + SHINGLE):
                shared[j] = True
    ranges: list[tuple[int, int]] = []
    run_start: int | None = None
    for i, is_shared in enumerate([*shared, True]):
        if not is_shared and run_start is None:
            run_start = i
        elif is_shared and run_start is not None:
            if i - run_start >= min_words:
                ranges.append((spans[run_start][0], spans[i - 1][1]))
            run_start = None
    return OwnPart(tuple(ranges))
