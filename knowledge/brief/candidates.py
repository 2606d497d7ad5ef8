"""Candidate pairs for the word test of storylines: which members are worth comparing at all.

Comparing every pair is quadratic; reports of one thing share rare words, so pairs come from an inverted index of
the words few members have (a word most members share, like the topic's own name, is no evidence), or, once the
member count is large, from MinHash LSH over each member's word set (datasketch), which finds pairs of high
Jaccard similarity in near-linear time.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_SHARED = 3  # rare words two members must share before their texts are compared
MAX_CANDIDATES = 8  # per member, the partners with most shared words
COMMON_SHARE = 0.3  # a word in more than this share of members (the topic's own name) is no evidence
LSH_ABOVE = 400  # members beyond which candidates come from MinHash LSH rather than the word index
LSH_THRESHOLD = 0.4
LSH_PERMUTATIONS = 64


def _index_candidates(words: list[list[str]]) -> Iterable[tuple[int, int]]:
    """Pairs sharing at least MIN_SHARED rare words, the MAX_CANDIDATES best per member."""
    postings: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in dict.fromkeys(ws):  # first-use order, not a set's: the same candidates on every run
            postings.setdefault(w, []).append(i)
    common = max(2, int(COMMON_SHARE * len(words)))
    shared: dict[int, dict[int, int]] = {}
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > common:
            continue
        for n, a in enumerate(ids):
            row = shared.setdefault(a, {})
            for b in ids[n + 1 :]:
                row[b] = row.get(b, 0) + 1
    for a, row in shared.items():
        best = sorted((b for b, k in row.items() if k >= MIN_SHARED), key=lambda b: (-row[b], b))
        for b in best[:MAX_CANDIDATES]:
            yield a, b


def _lsh_candidates(words: list[list[str]]) -> Iterable[tuple[int, int]]:
    """MinHash LSH over each member's word set: sub-quadratic candidates for large member sets."""
    from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]  # only when needed: numpy, scipy

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=LSH_PERMUTATIONS)
    hashes = MinHash.bulk([[w.encode() for w in set(ws)] for ws in words], num_perm=LSH_PERMUTATIONS)
    near = lsh.query  # the LSH index's lookup (not SQL)
    for i, mh in enumerate(hashes):
        if words[i]:
            for j in near(mh):
                yield int(j), i
            lsh.insert(i, mh)


def candidate_pairs(words: list[list[str]], lsh_above: int = LSH_ABOVE) -> Iterable[tuple[int, int]]:
    """Index pairs (i, j) of texts (given as their content words) worth comparing."""
    return _lsh_candidates(words) if len(words) > lsh_above else _index_candidates(words)
