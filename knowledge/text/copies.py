"""Wire copies: which stored articles are one story re-posted, and which of them is the original.

Re-posts of an agency story differ in their page furniture (an editor's note, a byline, "Read more" lines) and in
light edits, so exact hashing and whole-text comparison miss them. Two articles are copies when most word
4-shingles of the shorter body (the text without furniture lines) are in the longer one. The original is the copy
another one names as its source ("first published by the Harbor Ledger"), else the earliest published, and only
then the first ingested: ingestion order says nothing about who wrote the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from knowledge.names import name_key
from knowledge.text.shingles import word_shingles, words

CONTAINED = 0.8  # share of the shorter body's shingles found in the longer one (as for whole texts in dedup)
# Lines that are page furniture, not the story: notes about the story, bylines, share and read-more lines.
_FURNITURE = re.compile(
    r"^\s*(?:editor['’]s note\b|this (?:story|article) (?:was|first|originally)\b|(?:by|from)\s+[A-Z][\w .,&'-]{0,60}$|"
    r"read more\b|share this\b|sign up\b|subscribe\b|advertisement\b|copyright\b|©)",
    re.I | re.M,
)
_OUTLET = r"[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,4}"
_THE = r"(?:[Tt]he[ \t]+)?"
_NAMED_SOURCE = re.compile(
    rf"(?i:first|originally)[ \t]+(?i:published|appeared|ran|reported)[ \t]+(?i:by|in|on|at)[ \t]+{_THE}(?P<a>{_OUTLET})"
    rf"|(?i:republished|reproduced|reprinted)[ \t]+(?i:with[ \t]+permission[ \t]+)?(?i:from|courtesy[ \t]+of)[ \t]+"
    rf"{_THE}(?P<b>{_OUTLET})"
    rf"|^[ \t]*(?i:source|via|courtesy[ \t]+of)[ \t]*:?[ \t]+{_THE}(?P<c>{_OUTLET})[ \t]*$"
    r"|^[ \t]*\((?P<d>[A-Z][A-Za-z]{1,12})\)[ \t]*[-—–]",
    re.M,
)


@dataclass(frozen=True)
class Copy:
    """What copy detection needs of one stored or incoming article."""

    id: str
    text: str
    outlet: str | None = None
    domain: str | None = None
    published_at: datetime | None = None
    ingested_at: datetime | None = None


def body(text: str) -> str:
    """The story without its page furniture lines."""
    return "\n".join(line for line in text.splitlines() if not _FURNITURE.match(line))


def copy_score(a: str, b: str) -> float:
    """0-1: how much of the shorter body (page furniture removed) is in the longer, by word 4-shingles. Not
    token-set similarity: two items from one template ("quay 1 will reopen", "quay 2 will reopen") share all but
    one word and are different news."""
    wa, wb = words(body(a)), words(body(b))
    if not wa or not wb:
        return 0.0
    sa, sb = word_shingles(wa), word_shingles(wb)
    return len(sa & sb) / min(len(sa), len(sb))


def is_copy(a: str, b: str) -> bool:
    return copy_score(a, b) >= CONTAINED


def named_source(text: str) -> str | None:
    """The outlet an article names as where the story came from ("first published by the Harbor Ledger")."""
    m = _NAMED_SOURCE.search(text[:3000]) or _NAMED_SOURCE.search(text[-1500:])
    if not m:
        return None
    return next(g for g in m.groups() if g).rstrip(".,;:")


def _names(c: Copy) -> set[str]:
    keys = {name_key(c.outlet or ""), name_key((c.domain or "").split(".")[0])}
    return {k for k in keys if k}


def choose_original(copies: list[Copy]) -> Copy:
    """The original among copies of one story: the one another copy names as its source, else the earliest
    published (undated ones last), else the first ingested, else the smallest id (stable)."""
    if not copies:
        raise ValueError("no copies to choose from")
    named: dict[str, int] = {}
    for c in copies:
        source = named_source(c.text)
        if source:
            key = name_key(source)
            for other in copies:
                if other.id != c.id and key in _names(other):
                    named[other.id] = named.get(other.id, 0) + 1
    if named:
        return min((c for c in copies if c.id in named), key=lambda c: (-named[c.id], _when(c), c.id))
    return min(copies, key=lambda c: (_when(c), c.id))


def _when(c: Copy) -> tuple[datetime, datetime]:
    def naive(d: datetime | None) -> datetime:
        if d is None:
            return datetime.max
        return d.astimezone(UTC).replace(tzinfo=None) if d.tzinfo else d

    return (naive(c.published_at), naive(c.ingested_at))


def copy_groups(docs: list[Copy]) -> list[list[Copy]]:
    """Candidates (from the store's MinHash bands, say) split into stories: copies of each other go together,
    original first. Each group is one independent report, however many outlets carried it."""
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if find(i) != find(j) and is_copy(docs[i].text, docs[j].text):
                parent[find(j)] = find(i)
    groups: dict[int, list[Copy]] = {}
    for i, d in enumerate(docs):
        groups.setdefault(find(i), []).append(d)
    out = []
    for members in groups.values():
        original = choose_original(members)
        out.append([original] + [m for m in members if m.id != original.id])
    return out
