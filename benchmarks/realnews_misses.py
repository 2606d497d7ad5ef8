"""Which annotated claims of a real-news set the store holds, and why the others are missing.

"Found" asks whether the words an annotator marked as said are stored as a claim's content, whoever the speaker
(`realnews_set.speakers_per_claim` then checks the speaker). A stored claim's span and an annotated one rarely
agree to the character, so a claim is found in one of four ways, each a stored claim (or claims) whose content
is the annotated content:
- `covered`: one stored claim covers it (≥ half of each in the other, `covers`; a split quote's characters are its
  pieces, without the "she said" between them);
- `piece of a split quote`: one piece of a stored split quote covers it ("“A,” she said. “B.”" stored as one
  claim, annotated as two);
- `via the original`: the article is stored as a copy, whose claims live in its original; the annotated words
  are placed in the original's text and matched there;
- `in the copy's own part`: the article is stored as a copy and its original does not hold these words; they are
  matched among the claims extracted from the copy's own passages;
- `split`: the annotated content spans two or more stored claims (a quote of two sentences stored sentence by
  sentence), each of them inside the annotated words, together covering half of them;
- `shared`: one stored claim holds this annotated claim and another one of the same article ("X said A and that
  B", annotated as two claims): half of this one is in it and half of its words are annotated content.
A stored claim that overlaps the content in any other way is a wrong span, never counted as found.

The misses, per article, in categories the scorer can tell apart:
- `copy: words only in the copy`: a copy's claim whose words its original does not hold and that no claim of the
  copy's own passages covers;
- `masked as furniture`: the content lies in text extraction blanks as page furniture;
- `wrong span`: a stored claim overlaps the content but neither covers it nor is covered by it;
- `not extracted`: no stored claim overlaps it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from realnews_gold import GoldAttribution, covers, overlap, union_overlap

from knowledge.store import Store
from knowledge.store.claims import claim_spans
from knowledge.text.furniture import furniture_ranges

Span = tuple[int, int]
MISS_KINDS = ("copy: words only in the copy", "masked as furniture", "wrong span", "not extracted")


@dataclass
class Placement:
    """One annotated claim and what the store holds for it."""

    cid: str
    gold: GoldAttribution  # in the document matched (the original for a copy)
    how: str  # covered | via the original | split | shared | one of MISS_KINDS
    rows: list[dict] = field(default_factory=list)  # the stored claims matched (best first)

    @property
    def found(self) -> bool:
        return self.how not in MISS_KINDS


def _shared(span: Span, golds: list[GoldAttribution]) -> int:
    """Characters of `span` inside any of the annotated contents (each character once)."""
    return union_overlap(span, [c for g in golds for c in g.content])


_WORDS = re.compile(r"\w+")


# letters a site swaps in to make its copy look different (Greek iota for "i"): read as the Latin ones, one for one
_LOOKALIKES = str.maketrans("αεικνορτυχаеорсухі", "aeikvoptuxaeopcyxi")


def in_copy_original(original: str, words: str, share: float = 0.7) -> Span | None:
    """Where a copy's words stand in its original: the exact words, else the run of as many words holding the
    most of them (a copy edits a little: "94.6%" / "94.6 percent", a quote mark, a Greek iota for an "i"), from
    its first to its last word shared; None when under `share` of the words are there."""
    original, words = original.translate(_LOOKALIKES), words.translate(_LOOKALIKES)
    at = original.find(words)
    if at >= 0:
        return (at, at + len(words))
    want = [w.lower() for w in _WORDS.findall(words)]
    have = [(m.start(), m.end(), m.group().lower()) for m in _WORDS.finditer(original)]
    if not want or len(have) < len(want):
        return None
    need = Counter(want)
    best, best_i = 0, 0
    for i in range(len(have) - len(want) + 1):
        n = sum((Counter(w for _, _, w in have[i : i + len(want)]) & need).values())
        if n > best:
            best, best_i = n, i
    if best < share * len(want):
        return None
    window = [h for h in have[best_i : best_i + len(want)] if h[2] in need]
    return (window[0][0], window[-1][1])


def pieces(row: dict) -> list[Span]:
    """The characters a stored claim holds as said: a split quote's pieces (around its "she said"), else its span."""
    return [(a, b) for a, b in json.loads(row["fragments"])] if row.get("fragments") else [(row["start"], row["end"])]


def _in(row: dict, g: GoldAttribution) -> int:
    return sum(overlap(p, c) for p in pieces(row) for c in g.content)


def _match(g: GoldAttribution, rows: list[dict], golds: list[GoldAttribution]) -> tuple[str, list[dict]] | None:
    # most of the annotated words first; of stored claims holding as much, the tightest: "C said A told B that X"
    # stores C's report and A's words, and the annotated "X" is A's claim, not C's report of it
    best = sorted((r for r in rows if _in(r, g)), key=lambda r: (-_in(r, g), r["end"] - r["start"]))
    whole = [r for r in best if covers((r["start"], r["end"]), g.content, words=pieces(r))]
    if whole:
        return "covered", whole
    one_piece = [r for r in best if any(covers(p, g.content) for p in pieces(r))]
    if one_piece:
        return "piece of a split quote", one_piece
    gold_len = sum(e - s for s, e in g.content)
    size = lambda r: sum(b - a for a, b in pieces(r))  # noqa: E731
    inside = [r for r in best if _in(r, g) * 2 >= size(r)]
    if len(inside) >= 2 and _covered_by(g, [p for r in inside for p in pieces(r)]) * 2 >= gold_len:
        return "split", inside
    for r in best:
        if _in(r, g) * 2 >= gold_len and sum(_shared(p, golds) for p in pieces(r)) * 2 >= size(r):
            return "shared", [r]
    return None


def _covered_by(g: GoldAttribution, spans: list[Span]) -> int:
    as_gold = [GoldAttribution(g.document_id, [sp], None, False) for sp in spans]
    return sum(_shared(c, as_gold) for c in g.content)


def place_claims(
    store: Store, gold_of_claim: dict[str, GoldAttribution], article_of: dict[str, str]
) -> list[Placement]:
    """Every annotated claim placed: found (how) or missed (why). `article_of`: document id → article id."""
    rows = {d: claim_spans(store, d) for d in article_of}
    by_doc: dict[str, list[GoldAttribution]] = {}
    for g in gold_of_claim.values():
        by_doc.setdefault(g.document_id, []).append(g)
    docs = {d: store.get_document(d) for d in article_of}
    masked: dict[str, list[Span]] = {}
    out = []
    for cid, g in gold_of_claim.items():
        doc = docs.get(g.document_id)
        original = (
            docs.get(doc.duplicate_of) or store.get_document(doc.duplicate_of) if doc and doc.duplicate_of else None
        )
        if doc is not None and original is not None:
            at = in_copy_original(original.text, doc.text[slice(*g.span)])
            if at is None:  # words only the copy holds: extracted from the copy's own passages, if at all
                hit = _match(g, rows.get(g.document_id, []), by_doc.get(g.document_id, []) + [g])
                out.append(
                    Placement(cid, g, "in the copy's own part", hit[1]) if hit else Placement(cid, g, MISS_KINDS[0])
                )
                continue
            g = GoldAttribution(original.id, [at], g.source, g.source_is_name, g.label, g.speaker_kind)
            rows.setdefault(original.id, claim_spans(store, original.id))
        hit = _match(g, rows.get(g.document_id, []), by_doc.get(g.document_id, []) + [g])
        if hit is not None:
            how = "via the original" if original is not None else hit[0]
            out.append(Placement(cid, g, how, hit[1]))
            continue
        text = (original or doc).text if (original or doc) else ""
        if g.document_id not in masked:
            masked[g.document_id] = [(s, e) for s, e, _ in furniture_ranges(text)]
        fur = sum(overlap(c, f) for c in g.content for f in masked[g.document_id])
        near = [r for r in rows.get(g.document_id, []) if _in(r, g)]
        if fur * 2 >= sum(e - s for s, e in g.content):
            out.append(Placement(cid, g, MISS_KINDS[1], near))
        else:
            out.append(Placement(cid, g, MISS_KINDS[2] if near else MISS_KINDS[3], near))
    return out


FOUND_KINDS = ("covered", "piece of a split quote", "via the original", "in the copy's own part", "split", "shared")


def counts(placed: list[Placement]) -> Counter:
    return Counter(p.how for p in placed)


def miss_listing(store: Store, placed: list[Placement], annotated: dict[str, dict]) -> list[str]:
    """One line per missed claim, grouped by article: why, the annotated speaker, the words before the content
    in its sentence (where the cue is) and the content; a wrong span also shows what was stored."""
    out = []
    texts: dict[str, str] = {}
    for p in sorted((p for p in placed if not p.found), key=lambda p: p.cid):
        doc_id = p.gold.document_id
        if doc_id not in texts:
            doc = store.get_document(doc_id)
            texts[doc_id] = doc.text if doc else ""
        text = texts[doc_id]
        s, e = p.gold.span
        lead_start = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), s - 90) + 1
        before = " ".join(text[lead_start:s].split())
        after = " ".join(text[e : e + 40].split())
        c = annotated.get(p.cid, {})
        line = f"{p.cid} [{p.how}] {c.get('speaker')!r} ({c.get('stance')}): …{before} ⟦{' '.join(text[s:e].split())[:160]}⟧ {after}…"
        if p.rows:
            line += "  | stored: " + "; ".join(
                f"{r['speaker']!r} {r['start'] - s:+d}/{r['end'] - e:+d}" for r in p.rows[:3]
            )
        out.append(line)
    return out
