"""Pronoun speakers: is the person we name for "he said" / "she told" / "they said" the one the text means?

    .venv/bin/python benchmarks/resolver.py /work/shared/polnear --labels /work/labels/pronouns-dev.jsonl \
        [/work/labels/pronouns-train.jsonl] [--resolver rules learned] [--set /work/realset] [--errors] [--timing]

Labels (never in the repository): one JSON object a line for a PolNeAR Source that is a pronoun — doc, split, start,
end, pronoun, referent (full name or description), mention_start / mention_end (its nearest preceding mention),
kind (named / description / none / unsure). Only named and description labels are scored; they were written by an
annotator who never saw the code.

Each labelled article runs through the extraction pipeline (furniture masked, the real `analyze_texts`) once per
resolver (`BRIEFBOT_RESOLVER`). For each labelled pronoun two figures:
- resolved: the entity the pronoun was linked to (a named referent: the entity's name holds the referent's head
  word, as `realnews.py` compares names); "as written" when it was linked to none;
- speaker: the claim whose source is the pronoun (its context covers the pronoun, its content does not), speaker
  shown as a briefing shows it (entity name, else the words); "no claim" when no claim has that source.
A wrong name is far worse than "as written": both are counted apart. Groups: the PolNeAR held-out dev articles
(`polnear.held_out`, the 26 the shipped cue model never saw: the clean figure), the rest of dev, all dev, train
(the learned resolver's training data: not a test), and per pronoun. `--set` adds our real-news set's claims
whose annotation says the speaker was resolved from a pronoun (content matched, speaker compared by head word).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from polnear import held_out  # noqa: E402
from realnews_gold import covers, overlap, same_speaker  # noqa: E402

SCORED = ("named", "description")
STOP = {"a", "an", "the", "of", "to", "in", "on", "with", "by", "for", "and", "or", "who", "that", "his", "her"}


@dataclass
class Outcome:
    """One labelled pronoun under one resolver: `resolved` / `speaker` are right, wrong, as written, no claim."""

    label: dict
    group: str
    resolved: str
    resolved_as: str
    speaker: str
    speaker_as: str


def load_labels(paths: list[Path]) -> list[dict]:
    out = []
    for p in paths:
        if not p.exists():
            print(f"{p}: no such file (skipped)", file=sys.stderr)
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:
                    print(f"{p}: unreadable line skipped (the file may be being written)", file=sys.stderr)
    return [x for x in out if x.get("kind") in SCORED and x.get("split") in ("dev", "train")]


def group_of(label: dict) -> str:
    if label["split"] == "train":
        return "train"
    return "dev held-out" if held_out(label["doc"]) else "dev rest"


def agrees(gold: str, kind: str, shown: str | None) -> bool:
    """A named referent by its head word; a description by a shared content word ("a campaign aide" / "the aide")."""
    if not shown:
        return False
    if kind == "named":
        return same_speaker(gold, shown)
    words = lambda t: {w.lower().rstrip("s") for w in re.findall(r"\w+", t)} - STOP  # noqa: E731
    return bool(words(gold) & words(shown))


def verdict(gold: dict, shown: str | None, pronoun: str) -> str:
    if shown is None:
        return "no claim"
    if shown.strip().lower() == pronoun.strip().lower():
        return "as written"
    return "right" if agrees(gold["referent"], gold["kind"], shown) else "wrong"


def linked_entity(analysis, start: int, end: int) -> str | None:
    for e in analysis.entities:
        if any(s < end and start < t and e.type in ("PERSON", "ORG", "GPE", "NORP") for s, t in e.mentions):
            return e.name
    return None


def claim_speaker(analysis, start: int) -> str | None:
    """The speaker shown for the claim whose source holds `start` (the innermost such claim)."""
    hits = []
    for c in analysis.claims:
        pieces = c.fragments or [c.content]
        if c.context[0] <= start < c.context[1] and not any(s <= start < e for s, e in pieces):
            hits.append(c)
    if not hits:
        return None
    c = min(hits, key=lambda c: c.context[1] - c.context[0])
    return analysis.entities[c.speaker_entity].name if c.speaker_entity is not None else (c.speaker or "")


def run(resolver: str, items: list[tuple[str, None]]) -> list:
    from knowledge.extract.pipeline import analyze_texts
    from knowledge.extract.speakers.ranker import use_resolver

    use_resolver(resolver)
    return list(analyze_texts(items))


def polnear_outcomes(polnear: Path, labels: list[dict], resolver: str) -> list[Outcome]:
    docs = sorted({(x["split"], x["doc"]) for x in labels})
    texts = [(polnear / split / "text" / f"{doc}.txt").read_text(encoding="utf-8") for split, doc in docs]
    analyses = dict(zip(docs, run(resolver, [(t, None) for t in texts])))
    out = []
    for x in labels:
        a = analyses[(x["split"], x["doc"])]
        pron = x["pronoun"].strip()
        start, end = x["start"], x["start"] + len(pron)
        linked = linked_entity(a, start, end)
        shown = claim_speaker(a, start)
        out.append(
            Outcome(
                x,
                group_of(x),
                verdict(x, linked or pron, pron),
                linked or pron,
                verdict(x, shown, pron),
                shown or "-",
            )
        )
    return out


def realset_outcomes(folder: Path, resolver: str) -> list[Outcome]:
    """Claims of our set whose speaker the annotation says was resolved from a pronoun."""
    claims = []
    for path in sorted(folder.glob("set-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        claims += [
            c for c in data.get("claims", []) if (c.get("resolved_from") or "").lower() in ("he", "she", "they", "it")
        ]
    ids = sorted({c["article"] for c in claims})
    texts = {i: (folder / "texts" / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    analyses = dict(zip(ids, run(resolver, [(texts[i], None) for i in ids])))
    out = []
    for c in claims:
        text, a = texts[c["article"]], analyses[c["article"]]
        at = text.find(c["content"])
        label = {
            "doc": c["article"],
            "pronoun": c["resolved_from"],
            "referent": c["speaker"],
            "kind": "named" if c["speaker_kind"] != "unnamed" else "description",
            "start": at,
        }
        gold = [(at, at + len(c["content"]))]
        rows = [k for k in a.claims if at >= 0 and covers(k.content, gold)]
        if not rows:
            out.append(Outcome(label, "real-news set", "-", "-", "no claim", "-"))
            continue
        k = max(rows, key=lambda k: overlap(k.content, gold[0]))
        shown = a.entities[k.speaker_entity].name if k.speaker_entity is not None else (k.speaker or "")
        out.append(Outcome(label, "real-news set", "-", "-", verdict(label, shown, c["resolved_from"]), shown))
    return out


def timing(polnear: Path) -> None:
    """Milliseconds per article of the speakers stage alone (entities found once per parse), per resolver, on the
    dev articles."""
    import time

    from knowledge.extract.entities import find_entities
    from knowledge.extract.nlp import load_nlp
    from knowledge.extract.parse.spans import caches
    from knowledge.extract.speakers.anaphora import resolve_document
    from knowledge.extract.speakers.ranker import make_resolver, use_resolver

    texts = [p.read_text(encoding="utf-8") for p in sorted((polnear / "dev" / "text").glob("*.txt"))]
    docs = list(load_nlp().pipe(texts, batch_size=16))
    for resolver in ("rules", "learned"):
        use_resolver(resolver)
        spent = 0.0
        for doc in docs:
            with caches(doc):
                ents = find_entities(doc)
                t0 = time.perf_counter()
                resolve_document(doc, ents, make=make_resolver)
                spent += time.perf_counter() - t0
        print(f"speakers stage, {resolver}: {1000 * spent / len(docs):.1f} ms an article ({len(docs)} dev articles)")


def table(outcomes: dict[str, list[Outcome]], attr: str, key) -> None:
    groups: dict[str, dict[str, Counter]] = defaultdict(dict)
    for resolver, outs in outcomes.items():
        for o in outs:
            for g in key(o):
                groups[g].setdefault(resolver, Counter())[getattr(o, attr)] += 1
    resolvers = list(outcomes)
    print(f"| {attr} | n | " + " | ".join(f"{r}: right / wrong / as written / no claim" for r in resolvers) + " |")
    print("|---|---:|" + "---|" * len(resolvers))
    for g in sorted(groups):
        cells = []
        n = 0
        for r in resolvers:
            c = groups[g].get(r, Counter())
            n = sum(c.values())
            pct = 100 * c["right"] / n if n else 0.0
            cells.append(f"**{pct:.1f}%** {c['right']} / {c['wrong']} / {c['as written']} / {c['no claim']}")
        print(f"| {g} | {n} | " + " | ".join(cells) + " |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--labels", type=Path, nargs="+", required=True)
    ap.add_argument("--resolver", nargs="+", default=["rules", "learned"], choices=("rules", "learned"))
    ap.add_argument("--set", type=Path, help="our real-news set folder (set-*.json, texts/)")
    ap.add_argument("--errors", action="store_true", help="list every wrong or unresolved pronoun")
    ap.add_argument("--timing", action="store_true", help="also time the speakers stage per resolver")
    a = ap.parse_args()
    if a.timing:
        timing(a.polnear)
    labels = load_labels(a.labels)
    print(f"{len(labels)} scored labels ({Counter(x['split'] for x in labels)})\n")
    outcomes = {r: polnear_outcomes(a.polnear, labels, r) for r in a.resolver}
    by_group = lambda o: [o.group] + (["dev all"] if o.group.startswith("dev") else [])  # noqa: E731
    for attr in ("resolved", "speaker"):
        print(f"## {attr}, by split")
        table(outcomes, attr, by_group)
    print("## speaker, dev by pronoun")
    table(outcomes, "speaker", lambda o: [o.label["pronoun"].strip().lower()] if o.group != "train" else [])
    if a.set is not None:
        real = {r: realset_outcomes(a.set, r) for r in a.resolver}
        print("## speaker, real-news set (claims resolved from a pronoun)")
        table(real, "speaker", lambda o: [o.group, f"  {o.label['pronoun'].lower()}"])
        outcomes |= {f"{r} (set)": v for r, v in real.items()}
    if a.errors:
        for r, outs in outcomes.items():
            print(f"## errors: {r}")
            for o in outs:
                if o.speaker != "right" and o.group != "train":
                    x = o.label
                    print(
                        f"  {o.group} {x['doc'][:40]} @{x['start']} {x['pronoun']!r} → {x['referent']!r} ({x['kind']}):"
                        f" resolved {o.resolved_as!r} ({o.resolved}), speaker {o.speaker_as!r} ({o.speaker})"
                    )


if __name__ == "__main__":
    main()
