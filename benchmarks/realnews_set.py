"""Our own real-news set: annotations in the schema of the set's SCHEMA.md (set-*.json), texts in texts/<id>.txt.

Beyond the PolNeAR figures (with the annotated claims as gold), it scores what only a careful annotation can say:
- facts: each actor's 5-8 facts (`keys` alternatives) found in the default summary, and anywhere in the full
  briefing;
- disputes: annotated claim/rebuttal pairs shown side by side (right) and shown pairs that are not annotated
  (wrong);
- copies: annotated copy pairs recorded with the right original, with another, missed; joins not annotated;
- claims found and speakers per claim: every annotated claim placed in the store (`realnews_misses`: found how,
  or missed why, listed per article), the speaker of the stored claim compared (a name by its head word, an
  unnamed source by a shared content word);
- furniture: annotated page furniture inside stored claims and summary citations, and entities every mention of
  which is inside it (made by furniture alone).
Texts are copied with their sidecars into the work folder (ignored by git); a sha256 that differs from the
annotation is reported, since the annotated offsets may then be off.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from realnews_gold import GoldAttribution, LineMap, overlap, same_speaker
from realnews_misses import FOUND_KINDS, MISS_KINDS, Placement, counts, miss_listing, place_claims
from realnews_score import Briefings, Scorecard, dispute_sides, score, take_briefings

from knowledge.brief.topic import resolve_topic
from knowledge.names import name_key
from knowledge.store import Store
from knowledge.store.claims import claim_spans
from knowledge.store.entities import mention_spans

STOP = {"a", "an", "the", "of", "to", "in", "on", "with", "by", "for", "and", "or", "who", "that", "said", "people"}


@dataclass
class RealSet:
    stories: list[dict] = field(default_factory=list)
    articles: dict[str, dict] = field(default_factory=dict)
    claims: dict[str, dict] = field(default_factory=dict)
    disputes: list[dict] = field(default_factory=list)
    copies: list[dict] = field(default_factory=list)
    furniture: list[dict] = field(default_factory=list)


def load_set(folder: Path) -> RealSet:
    """Every set-*.json of the folder, merged (an article annotated twice keeps its first annotator's claims)."""
    out = RealSet()
    files = sorted(folder.glob("set-*.json"))
    if not files:
        raise SystemExit(f"{folder}: no set-*.json annotation files")
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        out.stories += data.get("stories", [])
        fresh = {a["id"] for a in data.get("articles", []) if a["id"] not in out.articles}
        out.articles.update({a["id"]: a for a in data.get("articles", []) if a["id"] in fresh})
        out.claims.update({c["id"]: c for c in data.get("claims", []) if c["article"] in fresh})
        out.disputes += data.get("disputes", [])
        out.copies += data.get("copies", [])
        out.furniture += [f for f in data.get("furniture", []) if f["article"] in fresh]
    return out


def write_texts(folder: Path, real: RealSet, into: Path) -> tuple[list[Path], list[str]]:
    """Copy each article's text beside a sidecar made from its annotation; report missing texts and sha256s
    that differ from the annotation's."""
    into.mkdir(parents=True, exist_ok=True)
    paths, problems = [], []
    for a in real.articles.values():
        src = folder / "texts" / f"{a['id']}.txt"
        if not src.exists():
            problems.append(f"{a['id']}: no text (run benchmarks/realnews_pull.py)")
            continue
        data = src.read_bytes()
        if a.get("sha256") and hashlib.sha256(data).hexdigest() != a["sha256"]:
            problems.append(f"{a['id']}: text differs from the annotated sha256")
        path = into / src.name
        path.write_bytes(data)
        meta = {k: a.get(k) for k in ("url", "title", "outlet", "outlet_domain", "published_at") if a.get(k)}
        (into / f"{src.name}.json").write_text(json.dumps(meta), encoding="utf-8")
        paths.append(path)
    return paths, problems


def _find(text: str, words: str) -> tuple[int, int] | None:
    at = text.find(words)
    if at < 0:  # tolerate a difference in spaces only
        pattern = r"\s+".join(re.escape(w) for w in words.split())
        m = re.search(pattern, text) if pattern else None
        return (m.start(), m.end()) if m else None
    return (at, at + len(words))


@dataclass
class SetIndex:
    doc_of: dict[str, str] = field(default_factory=dict)  # article id -> document id
    article_of: dict[str, str] = field(default_factory=dict)  # document id -> article id
    gold: dict[str, list[GoldAttribution]] = field(default_factory=dict)
    gold_of_claim: dict[str, GoldAttribution] = field(default_factory=dict)
    furniture: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # document id -> spans
    unplaced: list[str] = field(default_factory=list)
    # a copy's annotated claims placed in its original's text (copy article id -> attributions under the original's
    # document id): the store keeps claims for the original only, so a pair annotated in the copy is shown there
    in_original: dict[str, list[GoldAttribution]] = field(default_factory=dict)


def index(store: Store, folder: Path, real: RealSet) -> SetIndex:
    idx = SetIndex()
    for doc in store.iter_documents():
        aid = Path(doc.origin or "").stem
        if aid in real.articles:
            idx.doc_of[aid], idx.article_of[doc.id] = doc.id, aid
    for aid, doc_id in idx.doc_of.items():
        original = (folder / "texts" / f"{aid}.txt").read_text(encoding="utf-8")
        stored = store.get_document(doc_id)
        lines = LineMap(original, stored.text if stored else "")
        for c in (c for c in real.claims.values() if c["article"] == aid):
            found = _find(original, c["content"])
            mapped = lines.span(*found) if found else None
            if mapped is None:
                idx.unplaced.append(f"{c['id']}: content not found in the stored text")
                continue
            named = c.get("speaker_kind") in ("person", "organisation")
            g = GoldAttribution(doc_id, [mapped], c["speaker"], named, c["id"], c.get("speaker_kind"))
            idx.gold.setdefault(doc_id, []).append(g)
            idx.gold_of_claim[c["id"]] = g
        _place_in_original(store, idx, aid, doc_id)
        headline_end = original.find("\n")
        for f in (f for f in real.furniture if f["article"] == aid):
            found = _find(original, f["text"])
            if found and found[1] <= headline_end:  # line 1 is the title: a furniture text equal to it is its repeat
                found = _find(original[headline_end:], f["text"])
                found = (found[0] + headline_end, found[1] + headline_end) if found else None
            mapped = lines.span(*found) if found else None
            if mapped:
                idx.furniture.setdefault(doc_id, []).append(mapped)
    return idx


def _place_in_original(store: Store, idx: SetIndex, aid: str, doc_id: str) -> None:
    """A copy's annotated claims at the same words in its original's stored text (those the two texts share)."""
    stored = store.get_document(doc_id)
    original = store.get_document(stored.duplicate_of) if stored and stored.duplicate_of else None
    if original is None:
        return
    for g in idx.gold.get(doc_id, []):
        found = _find(original.text, stored.text[slice(*g.span)])
        if found:
            placed = GoldAttribution(original.id, [found], g.source, g.source_is_name, g.label, g.speaker_kind)
            idx.in_original.setdefault(aid, []).append(placed)


def _fact_present(fact: dict, lines: list[str]) -> bool:
    low = [line.lower() for line in lines]
    return any(all(k.lower() in line for k in alt) for alt in fact["keys"] for line in low)


_DESIGNATORS = {"inc", "corp", "co", "holdings", "plc", "ltd", "group", "the"}


def _acronym_of(word: str, words: list[str]) -> bool:
    """ "rcmp" for Royal Canadian Mounted Police; "usmx" for United States Maritime Alliance (a letter may stand for
    a word's later part: the first three letters must match and the lengths agree)."""
    initials = "".join(w[0] for w in words if w not in {"of", "and"})
    return len(word) >= 3 and len(word) == len(initials) and word[:3] == initials[:3]


def _names_actor(resolved: str, actor: str) -> bool:
    """Whether a briefing's subject is the annotated actor: the same name words, one the initials of the other
    ("RCMP"), a fuller form ("Stephen Hayes Dacus"), or a shorter one that keeps the name's last word
    ("Couche-Tard"; not "Nippon" for Nippon Steel). Designators ("Holdings", "Inc.") and a parenthesised gloss of
    the annotated actor are left out."""
    a = [w for w in name_key(actor.split("(")[0]).split() if w not in _DESIGNATORS]
    r = [w for w in name_key(resolved).split() if w not in _DESIGNATORS]
    if not a or not r:
        return False
    if len(a) == 1 and _acronym_of(a[0], r) or len(r) == 1 and _acronym_of(r[0], a):
        return True
    return set(a) <= set(r) or (set(r) <= set(a) and a[-1] in r)


def _topics_as_picked(store: Store, real: RealSet) -> tuple[list[tuple[str, str | None]], int]:
    """Each actor's query, with the entity a user would pick when the bot asks back ("Did you mean …"): the choice
    naming the annotated actor, if one does; and how many were asked."""
    topics: list[tuple[str, str | None]] = []
    asked = 0
    for actor in [a for story in real.stories for a in story["actors"]]:
        resolution = resolve_topic(store, actor["query"])
        picked = None
        if resolution.kind == "ambiguous":
            asked += 1
            fits = [c for c in resolution.choices if _names_actor(c.name, actor["name"])]
            whole = [c for c in fits if set(name_key(actor["name"]).split()) <= set(name_key(c.name).split())]
            picked = (whole or fits)[0].entity_id if fits else None  # the whole name before a part of it
        topics.append((actor["query"], picked))
    return topics, asked


def topic_subjects(real: RealSet, b: Briefings) -> tuple[int, int, list[str]]:
    """(actors briefed, briefed on the annotated actor with a summary, every subject named otherwise than the annotation, as
    "query → subject (annotated: actor)", for reading)."""
    n, right, wrong = 0, 0, []
    for story in real.stories:
        for actor in story["actors"]:
            subject = b.subjects.get(actor["query"])
            if subject is None:
                continue
            n += 1
            if b.summary_counts.get(actor["query"]) and _names_actor(subject, actor["name"]):
                right += 1
            if name_key(subject) != name_key(actor["name"]):
                wrong.append(f"{actor['query']} → {subject} (annotated: {actor['name']})")
    return n, right, wrong


def facts(real: RealSet, b: Briefings, per_actor: list[str] | None = None) -> tuple[int, int, int, list[str]]:
    """(facts, in the default summary, in the full briefing, missing from the summary); `per_actor` receives one
    "query: in summary / in full / facts" line per actor."""
    total = in_summary = in_full = 0
    missing = []
    for story in real.stories:
        for actor in story["actors"]:
            summary = b.summary_text.get(actor["query"], [])
            counts = [0, 0]
            for fact in actor["facts"]:
                total += 1
                if _fact_present(fact, summary):
                    counts[0] += 1
                else:
                    missing.append(f"[{actor['query']}] {fact['id']}: {fact['text']}")
                counts[1] += _fact_present(fact, summary + b.full_text.get(actor["query"], []))
            in_summary, in_full = in_summary + counts[0], in_full + counts[1]
            if per_actor is not None:
                per_actor.append(f"{actor['query']}: {counts[0]} in the summary, {counts[1]} in the full briefing, "
                                 f"of {len(actor['facts'])} facts ({story['id']})")  # fmt: skip
    return total, in_summary, in_full, missing


def disputes(real: RealSet, b: Briefings, idx: SetIndex) -> tuple[int, int, int, list[str]]:
    """(annotated pairs, annotated pairs shown, shown pairs not annotated, the wrong ones)."""
    gold_pairs = {frozenset((d["claim"], d["rebuttal"])) for d in real.disputes}
    shown_right: set[frozenset] = set()
    wrong = []
    # the annotations as they stand, and for each copy its own annotations read in its original's text (a pair
    # annotated in a copy is shown from the original, whose words are the same)
    views = [idx.gold] + [{**idx.gold, placed[0].document_id: placed} for placed in idx.in_original.values() if placed]
    for a, d in b.disputes:
        pairs = set()
        for golds in views:
            # each annotated claim either side shows whole (a split quote shows two): a pair of them annotated
            pairs |= {frozenset((x.label, y.label)) for x in dispute_sides(a, golds) for y in dispute_sides(d, golds)}
        right = pairs & gold_pairs
        if right:
            shown_right |= right
        else:
            wrong.append(f"{a.speaker!r}: {a.text[:60]!r} ⟷ {d.speaker!r}: {d.text[:60]!r}")
    return len(gold_pairs), len(shown_right), len(wrong), wrong


def copies(store: Store, real: RealSet, idx: SetIndex) -> dict[str, object]:
    recorded = {}
    for doc in store.iter_documents():
        if doc.duplicate_of and doc.id in idx.article_of:
            recorded[idx.article_of[doc.id]] = idx.article_of.get(doc.duplicate_of, doc.duplicate_of[:12])
    annotated = {c["copy"]: c["original"] for c in real.copies}
    right = [c for c, o in annotated.items() if recorded.get(c) == o]
    other = [
        f"{c} → {recorded[c]} (annotated: {o})" for c, o in annotated.items() if c in recorded and recorded[c] != o
    ]
    missed = [f"{c} (copy of {o})" for c, o in annotated.items() if c not in recorded]
    unrelated = [f"{c} → {o}" for c, o in recorded.items() if c not in annotated]
    wired = {a["id"] for a in real.articles.values() if a.get("wire")}
    return {"recorded as copies": len(recorded), "copies of a wire story": len(wired & set(recorded)),
            "annotated": len(annotated), "right original": len(right), "other original": other, "missed": missed,
            "joins not annotated": unrelated}  # fmt: skip


def _same_unnamed(gold: str, speaker: str | None) -> bool:
    words = lambda t: {w.lower().rstrip("s") for w in re.findall(r"\w+", t or "")} - STOP  # noqa: E731
    return bool(words(gold) & words(speaker or ""))


def speakers_per_claim(store: Store, real: RealSet, idx: SetIndex) -> tuple[int, int, int, list[str], list[Placement]]:
    """(annotated claims placed, found in the store, speaker right, the wrong ones, every placement): found as
    `realnews_misses.place_claims` decides, the speaker read from the best-matching stored claim."""
    right = 0
    wrong = []
    placed = place_claims(store, idx.gold_of_claim, idx.article_of)
    for p in placed:
        if not p.found:
            continue
        g, row = p.gold, p.rows[0]
        shown = row["speaker_name"] or row["speaker"]
        ok = same_speaker(g.source or "", shown) if g.source_is_name else _same_unnamed(g.source or "", shown)
        right += ok
        if not ok:
            wrong.append(f"{p.cid}: stored {shown!r}, annotated {g.source!r} ({g.speaker_kind})")
    return len(idx.gold_of_claim), sum(p.found for p in placed), right, wrong, placed


def furniture(store: Store, b: Briefings, idx: SetIndex) -> dict[str, object]:
    def inside(doc_id: str, span: tuple[int, int]) -> bool:
        return any(overlap(span, f) * 2 > span[1] - span[0] for f in idx.furniture.get(doc_id, []))

    claims = [r for d in idx.article_of for r in claim_spans(store, d) if inside(d, (r["start"], r["end"]))]
    lines = [s for s in b.summary if any(inside(d, span) for d, span in s.citations)]
    # An entity is furniture's when furniture made it: every mention of it sits in furniture, or its name is
    # written only there (a sub-headline's "Jane Roe Subjected" naming the entity later mentions join). A name a
    # caption repeats ("Elon Musk" in a caption of an article about him) is no defect: the body made the entity.
    where: dict[str, set[bool]] = {}
    named_in: dict[str, set[bool]] = {}
    for d in idx.article_of:
        doc = store.get_document(d)
        for n, s, e in mention_spans(store, d):
            where.setdefault(n, set()).add(inside(d, (s, e)))
            if doc is not None and doc.text[s:e] == n:
                named_in.setdefault(n, set()).add(inside(d, (s, e)))
    ents = sorted(n for n in where if where[n] == {True} or named_in.get(n) == {True})
    return {"claims": len(claims), "summary lines": len(lines), "entities": len(ents), "entity names": ents,
            "claim texts": [r["quote"][:80] for r in claims], "summary texts": [s.text[:100] for s in lines]}  # fmt: skip


def set_cards(folder: Path, work: Path, reuse: bool, nlp) -> list[Scorecard]:
    from knowledge.ingest.service import ingest_paths

    real = load_set(folder)
    db = work / f"set-{folder.resolve().name}.db"
    paths, problems = write_texts(folder, real, work / "set-texts" / folder.resolve().name)
    ingest: dict[str, int] = {"exceptions escaping": 0}
    saved = db.parent / f"{db.stem}.ingest.json"
    started = time.perf_counter()
    if reuse and db.exists() and saved.exists():
        done = json.loads(saved.read_text())
        ingest, problems, seconds = done["ingest"], problems + done["problems"], done.get("seconds")
    else:
        reported: list[str] = []
        db.unlink(missing_ok=True)
        with Store.open(db) as store:
            try:
                report = ingest_paths(store, paths)
                reported += report.problems
                ingest.update(stored=report.stored, copies=report.count("duplicate"), skipped=len(report.skipped))
                ingest["already stored"] = report.count("exists")
                ingest["failed stages"] = len(report.failed)
            except Exception as exc:  # counted, never hidden
                ingest["exceptions escaping"] = 1
                reported.append(f"ingest raised {type(exc).__name__}: {exc}")
        seconds = round(time.perf_counter() - started, 1)
        saved.write_text(json.dumps({"ingest": ingest, "problems": reported, "seconds": seconds}))
        problems += reported
    store = Store.open(db)
    idx = index(store, folder, real)
    topics, asked = _topics_as_picked(store, real)
    b = take_briefings(store, topics)
    card = score(f"our set: {folder.resolve().name} ({len(real.articles)})", store, b, idx.gold, nlp)
    card.documents, card.ingest = len(idx.doc_of), ingest
    card.extra["ingest seconds"] = seconds if seconds is not None else "not recorded"
    per_actor: list[str] = []
    n, summ, full, missing = facts(real, b, per_actor)
    card.extra["facts per actor"] = per_actor
    card.extra["facts in the default summary"] = f"{summ}/{n}"
    card.extra["facts in the full briefing (summary, developments, claims)"] = f"{full}/{n}"
    g, right, wrong_n, wrong = disputes(real, b, idx)
    card.extra["disputes: annotated pairs shown"] = f"{right}/{g}"
    card.extra["disputes: shown pairs not annotated (wrong)"] = f"{wrong_n}/{len(b.disputes)}"
    cp = copies(store, real, idx)
    card.copies = cp
    card.extra["copies: right original"] = f"{cp['right original']}/{cp['annotated']}"
    card.extra["copies: joins not annotated"] = len(cp["joins not annotated"])  # type: ignore[arg-type]
    placed, found, ok, wrong_speakers, placements = speakers_per_claim(store, real, idx)
    card.extra["annotated claims found in the store"] = f"{found}/{placed}"
    how = counts(placements)
    card.extra["found: " + " / ".join(FOUND_KINDS)] = " / ".join(str(how[k]) for k in FOUND_KINDS)
    card.extra["not found: " + " / ".join(MISS_KINDS)] = " / ".join(str(how[k]) for k in MISS_KINDS)
    card.extra["speaker right per found claim"] = card.share(ok, found)
    fur = furniture(store, b, idx)
    card.extra["furniture in claims / summary lines / entities"] = (
        f"{fur['claims']} / {fur['summary lines']} / {fur['entities']}"
    )
    card.extra["facts missing from the summary"] = missing
    card.extra["wrong disputes"] = wrong
    card.extra["speakers wrong per claim"] = wrong_speakers
    card.extra["annotated claims not found"] = miss_listing(store, placements, real.claims)
    card.extra["copies with another original"] = cp["other original"]
    card.extra["copies missed"] = cp["missed"]
    card.extra["joins not annotated"] = cp["joins not annotated"]
    card.extra["furniture entities"] = fur["entity names"]
    card.extra["furniture claims"] = fur["claim texts"]
    card.extra["ingest problems"] = problems + idx.unplaced
    card.extra["topics"] = [f"{q} ({b.topics[q]})" for q, _ in topics]
    briefed, on_actor, elsewhere = topic_subjects(real, b)
    card.extra["topics briefed on the annotated actor"] = f"{on_actor}/{briefed}"
    card.extra["topics asked back (settled by picking the annotated actor)"] = asked
    card.extra["topics named otherwise than annotated"] = elsewhere
    return [card]
