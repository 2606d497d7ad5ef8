"""Near-duplicate detection with MinHash over word shingles.

Syndicated copies and lightly edited re-posts must count as one source, yet exact hashing misses them. MinHash
signatures split into bands give index keys: documents sharing a band are candidates, confirmed by the Jaccard
similarity of their shingle sets, so a store of any size is checked with a few indexed lookups.
"""

from __future__ import annotations

import hashlib
import struct

import numpy

from knowledge.text.shingles import SHINGLE, word_shingles, words
from knowledge.tuning import tuning

PERMUTATIONS = 64
BANDS = 16  # 4 rows per band: candidates from about 0.5 similarity, near-certain above 0.8
ROWS = PERMUTATIONS // BANDS
_MASK = (1 << 61) - 1
# Fixed salts make signatures stable across processes and versions (Python's hash() is randomized).
_SALTS = [struct.unpack("<QQ", hashlib.blake2b(str(i).encode(), digest_size=16).digest()) for i in range(PERMUTATIONS)]
# The salts as columns, for all permutations at once: the mask keeps the low 61 bits, which 64-bit arithmetic that
# wraps (numpy's uint64) leaves exactly as Python's unbounded integers compute them, so signatures are unchanged.
_A = numpy.array([a for a, _ in _SALTS], dtype=numpy.uint64)[:, None]
_B = numpy.array([b for _, b in _SALTS], dtype=numpy.uint64)[:, None]


def shingles(text: str) -> set[int]:
    """The text's word shingles hashed to 64 bits (stable across processes: stored band keys depend on them)."""
    return {
        int.from_bytes(hashlib.blake2b(" ".join(s).encode(), digest_size=8).digest(), "little")
        for s in word_shingles(words(text))
    }


def signature(shingle_set: set[int]) -> list[int]:
    """The least `(a * s + b) & _MASK` over the shingles, for each salt (a, b); computed as one array (a Python
    loop over every shingle and salt cost ~8 ms an article, half of ingesting its keys)."""
    hashes = numpy.fromiter(shingle_set, dtype=numpy.uint64, count=len(shingle_set))
    least: list[int] = ((_A * hashes + _B) & numpy.uint64(_MASK)).min(axis=1).tolist()  # uint64 → Python ints
    return least


def band_keys(sig: list[int]) -> list[str]:
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(struct.pack(f"<{ROWS}Q", *chunk), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def similarity(a: set[int], b: set[int]) -> float:
    """Share of the smaller text found in the other; 0 unless the texts are also broadly alike (Jaccard)."""
    if not a or not b or jaccard(a, b) < tuning().min_jaccard:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def fingerprints(story: list[str]) -> list[str]:
    """Winnowing keys of a story (the smallest shingle hash of each window of `copy_window` shingles): any run of
    `copy_window + SHINGLE - 1` words two stories share gives both one key, however little else they share — so a
    site's excerpt of a wire story meets the full story, which MinHash bands (made for resemblance) would miss."""
    window = tuning().copy_window
    hashes = [
        int.from_bytes(hashlib.blake2b(" ".join(story[i : i + SHINGLE]).encode(), digest_size=8).digest(), "little")
        for i in range(len(story) - SHINGLE + 1)
    ]
    keys: set[int] = set()
    for i in range(max(1, len(hashes) - window + 1)):
        chunk = hashes[i : i + window]
        if chunk:
            keys.add(min(chunk))
    return sorted(f"w:{h:016x}" for h in keys)


def index_keys(text: str) -> list[str]:
    """Keys a document is stored and looked up under: MinHash bands of its whole text, and (prefixed "b") of its
    body without page furniture, so two re-posts of one wire story with different notes and bylines still meet;
    and (prefixed "w") the winnowing fingerprints of its story, so an excerpt meets the story it was cut from."""
    from knowledge.text.copies import body, story_words

    keys = band_keys(signature(shingles(text)))
    story = body(text)
    if story.strip() and story != text:
        keys += ["b" + k for k in band_keys(signature(shingles(story)))]
    return keys + fingerprints(story_words(text))
