"""Word shingles: the unit both near-duplicate tests compare texts by (MinHash keys in `dedup`, wire copies in
`copies`), so both read words and cut them into shingles the same way."""

from __future__ import annotations

import re

SHINGLE = 4  # words per shingle
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The text's words, case-folded: punctuation, spacing and case never make two copies differ."""
    return _WORD.findall(text.casefold())


def word_shingles(words: list[str]) -> set[tuple[str, ...]]:
    """Every run of `SHINGLE` consecutive words; a text shorter than that is one shingle, padded with empty words."""
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
