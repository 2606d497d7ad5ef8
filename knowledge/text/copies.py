"""Wire copies: which stored articles are one story re-posted, and which of them is the original.

Re-posts of an agency story differ in their page furniture (a caption, a teaser, a byline, "Read more" lines), in
light edits and often in their headline, and one site may carry only the first paragraphs of the story or add its
own. So the test is *containment*, not resemblance: most word 4-shingles of the shorter story body (the text with
its furniture masked, headline left out) are in the longer one, by a margin unrelated articles on one event do
not reach even when they quote the same statement. Two articles under one headline, published within days of each
other, need less: a few sentences in common (two sites' excerpts of one wire story, each a different part of it).
The original is the copy another one names as its source ("first published by the Harbor Ledger"), else the
earliest published, else the one that credits the wire in its own text (a dateline "SEATTLE (AP) —", a credit
line) over one that does not, else the one nearest the wire's feed: a subscriber prints the story as the wire
sent it, with the wire's dateline, its reporter's byline ("NORA FELD, Associated Press"), its photo credits
("(AP Photo/…)", "REUTERS/Name") and its own reporting ("told Reuters"), while a site re-posting it from another
site keeps fewer of them (`wire_marks`). Then the fuller telling, and only then the first ingested: ingestion
order says nothing about who wrote the story.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from knowledge.names import name_key
from knowledge.text.furniture import furniture_ranges, mask
from knowledge.text.headline import first_line_headline
from knowledge.text.shingles import word_shingles, words
from knowledge.tuning import tuning

FULLER = 1.2  # a story this much longer than its copies is the fuller telling they were cut from
# Lines that are page furniture, not the story: notes about the story, bylines, share and read-more lines.
_FURNITURE = re.compile(
    r"^\s*(?:editor['’]s note\b|this (?:story|article) (?:was|first|originally)\b|(?:by|from)\s+[A-Z][\w .,&'-]{0,60}$|"
    r"read more\b|share this\b|sign up\b|subscribe\b|advertisement\b|copyright\b|©)",
    re.I | re.M,
)
_WIRE = r"(?:AP|AFP|Reuters|REUTERS|Bloomberg|UPI|PTI|IANS|ANI|dpa|EFE|Kyodo|(?:The )?Associated Press|(?:The )?Canadian Press)"
# The story's own credit to a wire: a dateline, a credit line, a byline, a "this report by" note; not a photo credit.
_WIRE_CREDIT = re.compile(
    rf"^[ \t]*(?:[^\n]{{0,60}}\(\s*{_WIRE}\s*\)[ \t]*[-–—]|(?:source[ \t]*:[ \t]*)?{_WIRE}[ \t]*$"
    rf"|this report by {_WIRE} was|[A-Z][A-Za-z .'’-]{{2,60}},[ \t]*{_WIRE}[ \t]*$)",
    re.M,
)
_WIRE_NAME = re.compile(rf"\b{_WIRE}\b")
# the wire's own reporting in its story: who talked to it, what it could not check
_WIRE_VOICE = re.compile(
    rf"\b(?:told|spoke to|(?:in )?an interview with)[ \t]+{_WIRE}\b|\b{_WIRE}[ \t]+(?:could not|was unable to|"
    r"has not been able to|cannot)[ \t]+(?:independently[ \t]+)?(?:verify|confirm)"
)
# a photo credit ("Jane Roe/AP", "(AP Photo/…)", "© Reuters", "(Kyodo News via AP)"), not a "Source: AFP" line
_PHOTO = re.compile(r"/|©|\bphoto\b|\bvia\b", re.I)
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
# a syndicator's credit at the head of the story: "(MENAFN- Live Mint) The ministry said …" — the syndicator in
# capitals, then the outlet whose story it carries; read only in the first lines, where such credits stand
_SYNDICATED = re.compile(rf"\([A-Z][A-Z0-9.]{{2,20}}[ \t]*[-—–][ \t]*(?P<outlet>{_OUTLET})\)")


@dataclass(frozen=True)
class Copy:
    """What copy detection needs of one stored or incoming article."""

    id: str
    text: str
    outlet: str | None = None
    domain: str | None = None
    published_at: datetime | None = None
    ingested_at: datetime | None = None
    title: str | None = None


def body(text: str) -> str:
    """The story without its page furniture lines (as the parser sees it: furniture blanked)."""
    masked = mask(text)
    return "\n".join(line for line in masked.splitlines() if not _FURNITURE.match(line))


@functools.lru_cache(maxsize=256)
def story_words(text: str) -> list[str]:
    """The words of the story: furniture blanked, the headline line at the top left out (copies retitle). Cached:
    a new article is compared with up to 20 stored ones, each of which meets many new ones. Do not mutate."""
    if first_line_headline(text):
        text = text.partition("\n")[2]
    return words(body(text))


@dataclass(frozen=True)
class Overlap:
    """How much of the shorter story is inside the longer: `contained` (0-1) and `shared` 4-shingles."""

    contained: float
    shared: int


def overlap(a: str, b: str) -> Overlap:
    """Not token-set similarity: two items from one template ("quay 1 will reopen", "quay 2 will reopen") share all
    but one word and are different news."""
    wa, wb = story_words(a), story_words(b)
    if not wa or not wb:
        return Overlap(0.0, 0)
    sa, sb = word_shingles(wa), word_shingles(wb)
    shared = len(sa & sb)
    return Overlap(shared / min(len(sa), len(sb)), shared)


def copy_score(a: str, b: str) -> float:
    """0-1: how much of the shorter story body is in the longer, by word 4-shingles."""
    return overlap(a, b).contained


def _same_headline(a: Copy, b: Copy) -> bool:
    ta, tb = (words(c.title or c.text.partition("\n")[0]) for c in (a, b))
    if len(ta) < 5 or ta != tb:
        return False
    if a.published_at and b.published_at:
        days = abs((_naive(a.published_at) - _naive(b.published_at)).total_seconds()) / 86400
        return days <= tuning().copy_headline_days
    return True


def is_copy(a: str | Copy, b: str | Copy) -> bool:
    return copy_match(a, b) is not None


def copy_match(a: str | Copy, b: str | Copy) -> Overlap | None:
    """The overlap when one is a copy of the other: most of the shorter story inside the longer, or one headline
    and a few sentences in common; else None."""
    ca = a if isinstance(a, Copy) else Copy("a", a)
    cb = b if isinstance(b, Copy) else Copy("b", b)
    found, t = overlap(ca.text, cb.text), tuning()
    if found.contained >= t.copy_contained and found.shared >= t.copy_min_shared:
        return found
    return found if found.shared >= t.copy_headline_shared and _same_headline(ca, cb) else None


def credits_wire(text: str) -> bool:
    """The article credits a news agency in its own words (dateline, credit line, byline), not only under a photo."""
    return bool(_WIRE_CREDIT.search(text[:1500]) or _WIRE_CREDIT.search(text[-800:]))


@functools.lru_cache(maxsize=256)
def wire_marks(text: str) -> int:
    """How many kinds of the wire's own marks the article carries (0-4): its dateline ("TOKYO (AP) —"), its
    reporter's byline, its photo credits, its own reporting ("told Reuters"). A credit line alone ("Source:
    Reuters", "Reuters - Reuters") is what a re-poster writes, so it is not one of them (`credits_wire` has it)."""
    kinds = set()
    for s, e, kind in furniture_ranges(text):
        span = text[s:e]
        if not _WIRE_NAME.search(span):
            continue
        if kind in ("dateline", "byline"):
            kinds.add(kind)
        elif kind in ("caption", "credit") and _PHOTO.search(span):
            kinds.add("photo")
    if _WIRE_VOICE.search(text):
        kinds.add("voice")
    return len(kinds)


def named_source(text: str) -> str | None:
    """The outlet an article names as where the story came from ("first published by the Harbor Ledger")."""
    m = _NAMED_SOURCE.search(text[:3000]) or _NAMED_SOURCE.search(text[-1500:])
    if not m:
        syndicated = _SYNDICATED.search(text[: tuning().syndication_head])
        return syndicated["outlet"] if syndicated else None
    return next(g for g in m.groups() if g).rstrip(".,;:")


def _names(c: Copy) -> set[str]:
    """The keys an outlet goes by: its name and its domain's first label."""
    return _outlet_keys(c.outlet or "", (c.domain or "").split(".")[0])


def _outlet_keys(*names: str) -> set[str]:
    """Each name's key, also without spaces, since a domain runs an outlet's words together ("Live Mint" →
    livemint.com)."""
    keys = {k for k in map(name_key, names) if k}
    return keys | {k.replace(" ", "") for k in keys}


def choose_original(copies: list[Copy]) -> Copy:
    """The original among copies of one story: the one another copy names as its source, else the earliest
    published (undated ones last), else the first ingested, else the smallest id (stable)."""
    if not copies:
        raise ValueError("no copies to choose from")
    named: dict[str, int] = {}
    for c in copies:
        source = named_source(c.text)
        if source:
            keys = _outlet_keys(source)
            for other in copies:
                if other.id != c.id and keys & _names(other):
                    named[other.id] = named.get(other.id, 0) + 1
    if named:
        copies = [c for c in copies if named.get(c.id) == max(named.values())]
    best = min(_rank(c) for c in copies)
    tied = [c for c in copies if _rank(c) == best]
    sizes = {c.id: len(story_words(c.text)) for c in tied}
    fullest = max(tied, key=lambda c: (sizes[c.id], c.id))
    if all(sizes[fullest.id] >= FULLER * sizes[c.id] for c in tied if c.id != fullest.id):
        return fullest  # a copy trims the story it carries; a light edit is no sign either way
    return min(tied, key=lambda c: (_ingested(c), c.id))


def _naive(d: datetime) -> datetime:
    return d.astimezone(UTC).replace(tzinfo=None) if d.tzinfo else d


def _rank(c: Copy) -> tuple[datetime, bool, int]:
    """Earliest published (undated last), then crediting the wire, then the most of the wire's own marks; among
    ties, the clearly fuller story (a fifth longer), else the first ingested."""
    published = _naive(c.published_at) if c.published_at else datetime.max
    return (published, not credits_wire(c.text), -wire_marks(c.text))


def _ingested(c: Copy) -> datetime:
    return _naive(c.ingested_at) if c.ingested_at else datetime.max


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
            if find(i) != find(j) and is_copy(docs[i], docs[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[Copy]] = {}
    for i, d in enumerate(docs):
        groups.setdefault(find(i), []).append(d)
    out = []
    for members in groups.values():
        original = choose_original(members)
        out.append([original] + [m for m in members if m.id != original.id])
    return out
