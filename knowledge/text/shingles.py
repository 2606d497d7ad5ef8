"""Word shingles: the unit both near-duplicate tests compare texts by (MinHash keys in `dedup`, wire copies in
`copies`), so both read words and cut them into shingles the same way."""

from __future__ import annotations

import re

SHINGLE = 4  # words per shingle
_WORD = re.compile(r"\w+", re.UNICODE)


# Greek and Cyrillic letters drawn like Latin ones. Scraper sites swap them into a copied story ("flιghts" with a
# Greek iota) so that it no longer matches its source; inside a word that also has Latin letters they are read
# as the Latin letter, while a word wholly in Greek or Cyrillic is left as it is.
_LOOKALIKES = str.maketrans("ιοαεκνρτυχϲаеорсухіјѕһԁӏ", "ioaeknptuxcaeopcyxijshdl")


def words(text: str) -> list[str]:
    """The text's words, case-folded: punctuation, spacing, case and look-alike letters never make two copies
    differ."""
    return [_latin(w) for w in _WORD.findall(text.casefold())]


def _latin(word: str) -> str:
    if word.isascii() or not any("a" <= ch <= "z" for ch in word):
        return word
    return word.translate(_LOOKALIKES)


def word_shingles(words: list[str]) -> set[tuple[str, ...]]:
    """Every run of `SHINGLE` consecutive words; a text shorter than that is one shingle, padded with empty words."""
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
