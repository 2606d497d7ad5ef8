"""Storylines: the events and claims of a briefing grouped into the stories a reader follows.

One event reported by three outlets, a speaker repeating the same point a week later, a claim and the denial
of it: each is one storyline, so the summary spends one line on it and can say how widely it was reported.

Two members join when the structure says so (one sentence gave both; the same speaker goes on in the next
sentence; a claim and its denial; the same trigger with the same actors within a few days) or when their
normalized words are nearly the same (rapidfuzz token-set similarity). Candidate pairs for the word test come
from an inverted index of rare words, or from MinHash LSH (datasketch) once the member count is large, so the
cost stays near linear however many rows a topic has.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from knowledge.brief.bursts import bursts
from knowledge.brief.candidates import LSH_ABOVE, candidate_pairs
from knowledge.brief.event_dates import Stated, dating_members, dating_reports
from knowledge.brief.model import CitationRef
from knowledge.brief.query import FUNCTION_WORDS
from knowledge.brief.same_news import Weights, same_news, within
from knowledge.brief.sentences import Sentence
from knowledge.names import strip_accents
from knowledge.tuning import tuning

SAME_EVENT_WORDS = 50  # lower bar when trigger, actors and dates already agree
EVENT_SHARED = 0.5  # share of the shorter event sentence's words the other must have
SAME_PROPOSITION = 60  # the same speaker saying nearly the same thing
PROPOSITION_SHARED = 0.6  # ... with this share of the shorter statement's words in the other
FOLLOW_UP_DAYS = 10  # a near-identical sentence may come back a week later
MAX_HEADS = 6  # earlier groups (or events) a member is compared with, newest first
NEAR_CHARS = 400  # the same speaker going on within a paragraph
CONTAINED = 0.7  # share of the shorter text's words the longer must hold for a word match
MIN_SHARED = 3  # words the shorter of two texts needs beyond this for a word match

_WORD = re.compile(r"[\w][\w'’.-]*")
_EXTRA_STOP = {"according", "who", "whom", "whose", "also", "would", "will", "its", "it", "s"}


def _stem(word: str) -> str:
    word = _LEMMA.get(word, word)  # "withdrew" and "withdrawn" are "withdraw", as "withdrawing" is
    if word.endswith("wn") and len(word) > 5:
        word = word[:-1]  # "withdrawn", "shown", "thrown": the participle as its verb
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=65536)
def _word_key(raw: str) -> str:
    """One word as `content_words` keeps it ("" for a function word); cached: news reuses its words."""
    word = raw.strip(".'-")
    if word.endswith("'s"):
        word = word[:-2]
    return "" if not word or word in FUNCTION_WORDS or word in _EXTRA_STOP else _stem(word)


def content_words(text: str) -> list[str]:
    """Lowercased, accent-free, stemmed words without function words: what two reports of one thing share."""
    plain = text if text.isascii() else strip_accents(text)
    return [k for k in map(_word_key, _WORD.findall(plain.casefold().replace("’", "'"))) if k]


@dataclass
class Member:
    """One event or claim row, reduced to what grouping and summarizing need."""

    key: str  # "e:<event id>" or "c:<claim id>"
    kind: str  # "event" | "claim"
    text: str
    document_id: str
    source_id: str
    outlet: str
    start: int
    end: int
    when: date | None  # when it happened or was said
    published: date | None
    citation: CitationRef
    entities: frozenset[str] = frozenset()  # actors, or the claim's speaker and what it is about
    trigger: str | None = None
    speaker: str | None = None  # entity id, else the lowercased speaker text
    speaker_name: str | None = None
    stance: str | None = None
    negated: bool = False
    precision: str = "day"  # of `when`: "day", "week", "month", "year" ("in 2020"), "reported" (date of the report)
    stated: Stated = Stated.REPORTED  # how firmly the text states `when` (brief/event_dates)
    central: float = 0.6  # how central the topic is to this member (1.0: it is the actor or the speaker)
    copies: tuple[str, ...] = ()  # outlets that republished this member's document
    fields: dict[str, Any] = field(
        default_factory=dict
    )  # stored fields the summary uses (place, via, cue, date precision)
    sentence: Sentence | None = None  # the whole sentence it was found in (brief/sentences), once read
    echo: int = 0  # other articles of its storyline that say the same (set when its storyline is summarized)
    words: list[str] = field(default_factory=list, repr=False)
    norm: str = field(default="", repr=False)
    day: int | None = field(default=None, repr=False)  # ordinal of `when` (or `published`), for fast windows

    def __post_init__(self) -> None:
        if not self.words:
            self.words = content_words(self.text)
        self.norm = " ".join(self.words)
        dated = self.when or self.published
        self.day = dated.toordinal() if dated else None


@dataclass
class Storyline:
    id: str
    members: list[Member]
    disputes: list[tuple[str, str]] = field(default_factory=list)  # (claim key, denial key)

    def _dates(self) -> list[date]:
        return [d for d in (m.when or m.published for m in self.members) if d]

    @functools.cached_property
    def first(self) -> date | None:
        return min(self._dates(), default=None)

    @functools.cached_property
    def last(self) -> date | None:
        return max(self._dates(), default=None)

    @functools.cached_property
    def precision(self) -> str:
        """How exactly the latest date is known: a storyline dated "in 2020" must not read as "1 Jan"."""
        dated = [(d, m.precision) for m in self.members if (d := m.when or m.published)]
        return max(dated)[1] if dated else "day"

    def shown_dates(self) -> tuple[date | None, date | None]:
        """The dates a reader is told: the day an event happened where a report gives it, else when it was said
        or reported (an event and the claims reporting it a day later read "21 Jun", not "21–22 Jun"); an event
        several articles date differently shows the one date `event_dates` chooses."""
        exact = [m.when for m in dating_members(self.members) if m.when and m.precision == "day"]  # one per event
        if exact:
            return min(exact), max(exact)
        said = [d for m in self.members if m.precision in ("day", "reported") and (d := m.when or m.published)]
        return (min(said), max(said)) if said else (self.first, self.last)

    @functools.cached_property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(m.document_id for m in self.members))

    @functools.cached_property
    def outlets(self) -> list[str]:
        """Every outlet that carried it, copies included."""
        names = list(dict.fromkeys(m.outlet for m in self.members))
        for m in self.members:
            names += [o for o in m.copies if o not in names]
        return names

    @functools.cached_property
    def independent(self) -> int:
        """Outlets with their own report: a syndicated copy is already counted with its original."""
        return len({m.source_id or m.document_id for m in self.members})

    @functools.cached_property
    def citations(self) -> list[CitationRef]:
        """Each span once, the reports whose words date an event first, then by publication."""
        seen, out, dating = set(), [], dating_reports(self.members)
        for m in sorted(
            self.members, key=lambda m: (m.key not in dating, m.published or date.max, m.document_id, m.start)
        ):
            span = (m.citation.document_id, m.citation.start, m.citation.end)
            if span not in seen:
                seen.add(span)
                out.append(m.citation)
        return out

    @functools.cached_property
    def central(self) -> float:
        return max(m.central for m in self.members)

    def outlet_label(self) -> str:
        """ "3 outlets, 1 original", "2 outlets", or "" for a single report."""
        total, independent = len(self.outlets), self.independent
        if total <= 1:
            return ""
        if independent < total:
            return f"{total} outlets, {independent} original"
        return f"{total} outlets"


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _same_event(a: Member, b: Member) -> bool:
    """Same trigger, the actors of one contained in the other's, close in time, and some of the same words."""
    if not (a.trigger and a.trigger == b.trigger and within(a.day, b.day, tuning().storyline_window_days)):
        return False
    small, big = sorted((a.entities, b.entities), key=len)
    if small and not small <= big:
        return False
    wa, wb = set(a.words), set(b.words)
    if len(wa & wb) < EVENT_SHARED * min(len(wa), len(wb)):
        return False  # "pay talks collapsed" and "the first direct talks" are not one event
    return fuzz.token_set_ratio(a.norm, b.norm) >= SAME_EVENT_WORDS


# Past forms of common event triggers, so "Kellogg met Lukashenko" is found as a report of a "meet" event.
IRREGULAR = dict(
    pair.split(":")
    for pair in """meet:met hold:held take:took make:made give:gave leave:left fly:flew win:won lose:lost send:sent
    bring:brought sell:sold buy:bought speak:spoke begin:began break:broke choose:chose come:came run:ran
    strike:struck fight:fought shoot:shot lead:led keep:kept freeze:froze stand:stood withdraw:withdrew
    throw:threw""".split()
)
_LEMMA = {past: lemma for lemma, past in IRREGULAR.items()}


def trigger_forms(trigger: str) -> set[str]:
    """The trigger as `content_words` would leave it in a sentence: stem, -ing and irregular past forms."""
    lemma = trigger.lower()
    return {_stem(lemma), _stem(lemma + "ing"), _stem(lemma + "ed"), IRREGULAR.get(lemma, lemma)}


def _reports_event(event: Member, other: Member) -> bool:
    """`other` (an event or a claim from another document) tells the same event: it uses the trigger's verb,
    shares two of its actors and falls within the window."""
    if (
        not event.trigger
        or event.document_id == other.document_id
        or not within(event.day, other.day, tuning().storyline_window_days)
    ):
        return False
    if len(event.entities & other.entities) < 2:
        return False
    return bool(trigger_forms(event.trigger) & set(other.words))


def _alike(a: Member, b: Member) -> bool:
    """Nearly the same words, and not merely the same few names: most of the shorter text is in the longer one."""
    wa, wb = set(a.words), set(b.words)
    shared = len(wa & wb)
    if min(len(wa), len(wb)) < MIN_SHARED + 1 or shared < CONTAINED * min(len(wa), len(wb)):
        return False
    return fuzz.token_set_ratio(a.norm, b.norm) >= tuning().storyline_same_words


def _same_proposition(a: Member, b: Member) -> bool:
    """One speaker saying the same thing again: nearly the same words, and most of the shorter statement's words
    in the other (token-set similarity alone calls "the truce starts Wednesday" and "120 prisoners were swapped
    a week after the truce began" one statement because one is almost contained in the other's names)."""
    if a.speaker is None or a.speaker != b.speaker or a.negated != b.negated:
        return False
    wa, wb = set(a.words), set(b.words)
    if len(wa & wb) < PROPOSITION_SHARED * min(len(wa), len(wb)):
        return False
    return fuzz.token_set_ratio(a.norm, b.norm) >= SAME_PROPOSITION


_DENIAL_CUES = ("deny", "deni", "reject", "dismiss", "refut", "rebut")  # the cue's words, whatever its reading


def _goes_on(a: Member, b: Member) -> bool:
    """The next claim of the same speaker nearby continues the first one (a denial and what follows it), unless
    both are plain statements on different points: "Field said the truce starts Wednesday. Field said 120 prisoners
    would be swapped" are two storylines, and joining them would chain every article's points into one."""
    cue = (a.fields.get("cue") or "").lower().split()
    if a.stance not in ("assert", None) or any(w.startswith(_DENIAL_CUES) for w in cue):
        return True  # a denial (an accusation, a warning) and what the speaker goes on to say in its support
    if (b.fields.get("cue") or "").lower().endswith("ing") and b.start - a.end <= 40:
        return True  # "denied ..., saying ...": a participle carries the same statement on
    return fuzz.token_set_ratio(a.norm, b.norm) >= SAME_PROPOSITION


def _structural(members: list[Member], union: _Union) -> None:
    # One sentence gave several members (an event and the claim it was reported in): same document, spans overlap.
    by_doc: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        by_doc.setdefault(m.document_id, []).append(i)
    for idxs in by_doc.values():
        idxs.sort(key=lambda i: members[i].start)
        reach, owner = -1, -1
        for i in idxs:
            m = members[i]
            if m.start < reach:
                union.join(owner, i)
            if m.end > reach:
                reach, owner = m.end, i
            # The same speaker going on in the same article ("denied ..., saying ... In a post, he wrote ...").
        last_by_speaker: dict[str, int] = {}
        for i in idxs:
            m = members[i]
            if m.kind != "claim" or not m.speaker:
                continue
            prev = last_by_speaker.get(m.speaker)
            if prev is not None and m.start - members[prev].end <= NEAR_CHARS and _goes_on(members[prev], m):
                union.join(prev, i)
            last_by_speaker[m.speaker] = i
    # Events with the same trigger, compared only with the first member of each group of that trigger.
    heads: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        if m.kind != "event" or not m.trigger:
            continue
        group = heads.setdefault(m.trigger, [])
        for h in group[-MAX_HEADS:]:  # rows come newest first: reports of one event are near each other
            if _same_event(members[h], m):
                union.join(h, i)
                break
        else:
            group.append(i)
    # Other reports of an event (a claim or an event elsewhere using its trigger's verb about the same actors):
    # candidates are events indexed by (trigger form, actor), so only events sharing an actor are looked at.
    by_key: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(members):
        if m.kind == "event" and m.trigger:
            for form in trigger_forms(m.trigger):
                for entity in m.entities:
                    by_key.setdefault((form, entity), []).append(i)
    for i, m in enumerate(members):
        shared: dict[int, int] = {}
        for w in dict.fromkeys(m.words):
            for entity in m.entities:
                for h in by_key.get((w, entity), ())[:MAX_HEADS]:
                    shared[h] = shared.get(h, 0) + 1
        for h, n in shared.items():
            if n >= 2 and h != i and union.find(h) != union.find(i) and _reports_event(members[h], m):
                union.join(h, i)
    # Claims of one speaker on the same proposition, across documents.
    speakers: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        if m.kind == "claim" and m.speaker:
            group = speakers.setdefault(m.speaker, [])
            for h in group:
                if members[h].document_id != m.document_id and _same_proposition(members[h], m):
                    union.join(h, i)
                    break
            else:
                group.append(i)


def _storyline_id(members: list[Member]) -> str:
    """Stable across runs and renderers: derived from the earliest member's key."""
    first = min(members, key=lambda m: (m.published or date.max, m.key))
    return "st-" + hashlib.blake2b(first.key.encode(), digest_size=5).hexdigest()


def group(
    members: list[Member], disputes: Iterable[tuple[str, str]] = (), lsh_above: int = LSH_ABOVE
) -> list[Storyline]:
    """Storylines of `members`; `disputes` are (claim key, denial key) pairs as the store pairs them."""
    union = _Union(len(members))
    _structural(members, union)
    position = {m.key: i for i, m in enumerate(members)}
    pairs = [(a, b) for a, b in disputes if a in position and b in position]
    for a, b in pairs:
        union.join(position[a], position[b])
    weights = Weights(members)
    for i, j in candidate_pairs([m.words for m in members], lsh_above):
        if union.find(i) == union.find(j):
            continue
        mi, mj = members[i], members[j]
        if (within(mi.day, mj.day, FOLLOW_UP_DAYS) and _alike(mi, mj)) or same_news(mi, mj, weights):
            union.join(i, j)
    clusters: dict[int, list[Member]] = {}
    for i, m in enumerate(members):
        clusters.setdefault(union.find(i), []).append(m)
    out = []
    for whole in clusters.values():
        for cluster in bursts(whole, pairs, FOLLOW_UP_DAYS):
            keys = {m.key for m in cluster}
            out.append(
                Storyline(_storyline_id(cluster), cluster, [(a, b) for a, b in pairs if a in keys and b in keys])
            )
    return out
