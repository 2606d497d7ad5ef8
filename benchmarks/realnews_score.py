"""Scoring briefings against gold attributions: the figures `realnews.py` prints for any real-news store.

Briefings are taken as a user gets them: `parse_query` + `compose` + the JSON renderer, as `briefbot brief TOPIC
--format json` runs them. The default view is the summary; `--full` adds the claims (grouped, and both sides of
every dispute), which is what "claims shown" counts. Every figure keeps its list, so a number can be checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from realnews_gold import GoldAttribution, covers, covers_with_siblings, overlap, same_speaker, union_overlap
from realnews_judge import sentence_problems

from knowledge.brief.compose import compose
from knowledge.brief.query import parse_query
from knowledge.render.jsonview import render_json
from knowledge.store import Store
from knowledge.store.events import event_spans

Span = tuple[int, int]


@dataclass
class Shown:
    """One line a briefing shows (a claim line or a summary line), with its cited spans."""

    topic: str
    text: str
    speaker: str | None
    citations: list[tuple[str, Span]]  # (document id, span)
    kind: str  # "claim" | "summary"
    words: list[list[Span]] = field(default_factory=list)  # per citation: a split quote's pieces (else empty)
    body: str | None = None  # a summary line's words without its "(3 outlets, 16 Sep)" tail

    def key(self) -> tuple:
        return (self.kind, self.text, tuple(self.citations))


@dataclass
class Briefings:
    """What the briefings on a list of topics showed, each line once (a claim shown in two topics counts once)."""

    topics: dict[str, str] = field(default_factory=dict)  # topic -> briefing | ambiguous | unknown
    claims: list[Shown] = field(default_factory=list)
    summary: list[Shown] = field(default_factory=list)
    disputes: list[tuple[Shown, Shown]] = field(default_factory=list)
    # per topic, every line as shown (not de-duplicated across topics): the summary, and the full view's other lines
    summary_text: dict[str, list[str]] = field(default_factory=dict)
    full_text: dict[str, list[str]] = field(default_factory=dict)
    summary_counts: dict[str, int] = field(default_factory=dict)  # topic -> summary lines
    subjects: dict[str, str] = field(default_factory=dict)  # topic -> the name of what it was resolved to


def _cites(item: dict) -> list[tuple[str, Span]]:
    return [(c["document_id"], (c["start"], c["end"])) for c in item.get("citations", [])]


def _words(item: dict) -> list[list[Span]]:
    return [[(s, e) for s, e in c.get("words") or []] for c in item.get("citations", [])]


def _claim(topic: str, line: dict) -> Shown:
    return Shown(topic, line["quote"], line.get("speaker"), _cites(line), "claim", _words(line))


def take_briefings(store: Store, topics: list[tuple[str, str | None]]) -> Briefings:
    """Brief on each (query, entity id): by the query as typed; an ambiguous answer is then settled with the
    entity id, as a user picking the choice would."""
    out = Briefings()
    seen: set[tuple] = set()
    disputes_seen: set[tuple] = set()
    for query_text, entity_id in topics:
        query = parse_query(query_text)
        result = compose(store, query)
        if result.kind == "ambiguous" and entity_id:
            result = compose(store, query, entity_id=entity_id)
        out.topics[query_text] = result.kind
        if result.kind != "briefing":
            continue
        data = json.loads(render_json(result))
        out.subjects[query_text] = data["topic"]
        out.summary_counts[query_text] = len(data["summary"])
        for line in data["summary"]:
            body = re.sub(r"\s\([^()]*\)$", "", line["text"])  # the JSON leaves the body out: the tail removed
            shown = Shown(query_text, line["text"], None, _cites(line), "summary", _words(line), body=body)
            if shown.key() not in seen:
                seen.add(shown.key())
                out.summary.append(shown)
        out.summary_text[query_text] = [line["text"] for line in data["summary"]]
        out.full_text[query_text] = [d["text"] for d in data["developments"]] + [
            line["quote"] for line in [*(c for m in data["matters"] for c in m["claims"]),
                                       *(x for p in data["disputes"] for x in (p["claim"], p["denial"]))]
        ]  # fmt: skip
        sides = [(p["claim"], p["denial"]) for p in data["disputes"]]
        for matter in data["matters"]:
            for line in matter["claims"]:
                shown = _claim(query_text, line)
                if shown.key() not in seen:
                    seen.add(shown.key())
                    out.claims.append(shown)
        for a, b in sides:
            pair = (_claim(query_text, a), _claim(query_text, b))
            key = (pair[0].key(), pair[1].key())
            if key not in disputes_seen:
                disputes_seen.add(key)
                out.disputes.append(pair)
            for side in pair:
                if side.key() not in seen:
                    seen.add(side.key())
                    out.claims.append(side)
    return out


def gold_for(shown: Shown, gold: dict[str, list[GoldAttribution]]) -> GoldAttribution | None:
    """The gold attribution whose content a citation of the line covers (the best-overlapping one, counting only
    a split quote's pieces; of two that cover the same words, as in "Holt claimed P, a claim refuted by Vik", the
    one whose source is the shown speaker)."""
    best, best_key = None, (0, True)
    for i, (doc_id, span) in enumerate(shown.citations):
        words = shown.words[i] if i < len(shown.words) else []
        for g in gold.get(doc_id, []):
            if covers(span, g.content, words=words, units=g.units):
                shared = sum(overlap(c, piece) for c in words or [span] for piece in g.content)
                key = (shared, same_speaker(g.source or "", shown.speaker))
                if key > best_key:
                    best, best_key = g, key
    if best is not None:
        return best
    # one citation holding several annotated contents of one speaker (a quote over paragraphs, annotated one
    # paragraph a claim): backed by the one it holds most of, when the others of that speaker make up the rest
    for i, (doc_id, span) in enumerate(shown.citations):
        cited = (shown.words[i] if i < len(shown.words) else []) or [span]
        golds = gold.get(doc_id, [])
        for g in golds:
            siblings = [o.content for o in golds if o is not g and _same_source(o, g)]
            if covers_with_siblings(cited, g.content, siblings):
                shared = sum(overlap(c, piece) for c in cited for piece in g.content)
                key = (shared, same_speaker(g.source or "", shown.speaker))
                if key > best_key:
                    best, best_key = g, key
    return best


def dispute_side(shown: Shown, golds: dict[str, list[GoldAttribution]]) -> GoldAttribution | None:
    """The annotated claim one side of a shown dispute is: the one its citation covers (`gold_for`); else, for a
    rebuttal stored with the words it restates ('rejected what it called "slanders", among them Holt's accusation
    of "funding gangs"', annotated as two claims of two speakers), the one claim of the shown speaker it holds
    whole, when annotated contents make up half of the citation, as `realnews_misses` finds such a claim ("shared")."""
    g = gold_for(shown, golds)
    if g is not None:
        return g
    for doc_id, span in shown.citations:
        size = lambda x: sum(e - s for s, e in x.content)  # noqa: E731
        inside = [x for x in golds.get(doc_id, []) if sum(overlap(span, c) for c in x.content) == size(x)]
        if union_overlap(span, [c for x in inside for c in x.content]) * 2 >= span[1] - span[0]:
            mine = [x for x in inside if same_speaker(x.source or "", shown.speaker)]
            if len(mine) == 1:
                return mine[0]
    return None


def dispute_sides(shown: Shown, golds: dict[str, list[GoldAttribution]]) -> list[GoldAttribution]:
    """Every annotated claim one side of a shown dispute shows whole: the one `dispute_side` reads it as, and each
    one a piece of a split quote covers ('"A," Moriarty said. "B."' shown as one side, annotated as A and B), as
    `realnews_misses` finds a claim in a piece of a split quote. A pair annotated between B and the other side is
    shown when that side holds B, though A is the bigger piece."""
    out = [g] if (g := dispute_side(shown, golds)) is not None else []
    for i, (doc_id, _) in enumerate(shown.citations):
        pieces = shown.words[i] if i < len(shown.words) else []
        if len(pieces) < 2:
            continue
        out += [x for x in golds.get(doc_id, []) for p in pieces if covers(p, x.content) and x not in out]
    return out


def _same_source(a: GoldAttribution, b: GoldAttribution) -> bool:
    return (a.source or "") == (b.source or "") or same_speaker(a.source or "", b.source or "")


# the cue a summary line puts after its speaker: a present-tense verb ("says", "recalls", "denies"), a past one
# the briefing uses, or a stance label / colon ("Kellogg (claim): …", "Kellogg says: …")
_SPEAKER_END = re.compile(r"\s(?:[a-z]+s|said|denied|claimed)\b|\s\(|:")


def line_speaker(text: str) -> str:
    """Who a summary line names as speaker: its words before the cue ("Lukashenko says …", "Kellogg (claim): …",
    "Clinton recalls …")."""
    m = _SPEAKER_END.search(text)
    return text[: m.start()].strip() if m else ""


def verbatim(shown: Shown, text_of: Callable[[str], str | None]) -> bool:
    """The line is a cited source's own sentence, not a "Speaker says …" frame: its body is in a cited document
    (`text_of`: a document id's stored text). Such a line attributes as its source did ("In a statement, Misri
    said that …"), so its speaker is whoever the sentence names, anywhere in it — not the words before its first
    verb, which is what `line_speaker` reads in a frame."""
    if not shown.body:
        return False
    body = shown.body.strip().rstrip(".")
    return any(body in (text_of(doc_id) or "") for doc_id in dict.fromkeys(d for d, _ in shown.citations))


@dataclass
class Scorecard:
    """The figures of one corpus; each list holds the cases behind a count, for the listing."""

    name: str
    documents: int = 0
    ingest: dict[str, int] = field(default_factory=dict)
    topics: int = 0
    briefings: int = 0
    claims_shown: int = 0
    claims_backed: int = 0
    unbacked: list[Shown] = field(default_factory=list)
    speakers_checked: int = 0
    speakers_agree: int = 0
    disagreements: list[tuple[Shown, GoldAttribution]] = field(default_factory=list)
    summary_lines: int = 0
    summary_speakers_checked: int = 0
    summary_speakers_agree: int = 0
    summary_disagreements: list[tuple[Shown, GoldAttribution]] = field(default_factory=list)
    summary_ungrounded: list[Shown] = field(default_factory=list)
    summary_malformed: list[tuple[Shown, list[str]]] = field(default_factory=list)
    disputes_shown: int = 0
    disputes_both_backed: int = 0
    disputes: list[tuple[Shown, Shown]] = field(default_factory=list)
    copies: dict[str, object] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)

    def share(self, part: int, whole: int) -> str:
        return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def score(
    name: str,
    store: Store,
    b: Briefings,
    gold: dict[str, list[GoldAttribution]],
    nlp=None,
    in_scope: Callable[[Shown], bool] = lambda s: True,
) -> Scorecard:
    """Claims backed by gold, speaker agreement on named gold sources, summary lines grounded and well formed,
    disputes shown. `in_scope` limits the lines scored (e.g. to held-out articles)."""
    card = Scorecard(name, topics=len(b.topics), briefings=sum(1 for k in b.topics.values() if k == "briefing"))
    for shown in filter(in_scope, b.claims):
        card.claims_shown += 1
        g = gold_for(shown, gold)
        if g is None:
            card.unbacked.append(shown)
            continue
        card.claims_backed += 1
        if g.source_is_name:
            card.speakers_checked += 1
            if same_speaker(g.source or "", shown.speaker):
                card.speakers_agree += 1
            else:
                card.disagreements.append((shown, g))
    events: dict[str, list[Span]] = {}

    def text_of(doc_id: str) -> str | None:
        doc = store.get_document(doc_id)
        return doc.text if doc else None

    for shown in filter(in_scope, b.summary):
        card.summary_lines += 1
        g = gold_for(shown, gold)
        grounded = g is not None
        if g is not None and g.source_is_name:
            card.summary_speakers_checked += 1
            if any(same_speaker(g.source or "", line_speaker(part)) for part in shown.text.split(";")) or (
                verbatim(shown, text_of) and same_speaker(g.source or "", shown.body)
            ):
                card.summary_speakers_agree += 1
            else:
                card.summary_disagreements.append((shown, g))
        for doc_id, span in shown.citations:
            spans = events.setdefault(doc_id, event_spans(store, doc_id))
            grounded = grounded or any(overlap(span, e) * 2 >= span[1] - span[0] for e in spans)
        if not grounded:
            card.summary_ungrounded.append(shown)
        problems = sentence_problems(shown.text, nlp)
        if problems:
            card.summary_malformed.append((shown, [str(p) for p in problems]))
    for a, d in b.disputes:
        if in_scope(a) or in_scope(d):
            card.disputes_shown += 1
            card.disputes.append((a, d))
            card.disputes_both_backed += gold_for(a, gold) is not None and gold_for(d, gold) is not None
    return card
