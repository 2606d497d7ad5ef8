"""Page furniture and wire copies on the real-news set (and copies on PolNeAR): what the rules catch, what they miss.

    python benchmarks/pages.py /work/realset [--polnear /work/shared/polnear] [--no-extract] [-v]

Furniture: each annotated furniture item is *masked* when at least 90 % of its non-space characters are blanked by
`furniture.nonbody_ranges` in the text as ingested (or were cut by `strip_boilerplate` before storing). Masked lines
that touch no annotated item are listed as possible over-masking (read them: some are furniture the annotators
did not list). With extraction, every claim (content and speaker), event and entity mention that overlaps an
annotated item is counted: the target is none.

Copies: the articles are ingested (no extraction) into a fresh SQLite store in publication order and again in
reverse order; each annotated (copy, original) pair must come out with the copy's `duplicate_of` naming the
original's group, and no other article may be joined. With --polnear, the 924 PolNeAR train+dev articles are
ingested the same way and every join is printed with both articles' `wire` credit, for reading.
Texts are read from disk and never printed beyond short excerpts.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from knowledge.ingest.pipeline import ingest
from knowledge.models import DocumentInput
from knowledge.store import Store
from knowledge.text.boilerplate import strip_boilerplate
from knowledge.text.furniture import furniture_ranges

MASKED = 0.9


def _articles(root: Path) -> tuple[list[dict], list[dict], list[dict]]:
    arts, copies, furniture = [], [], []
    for path in sorted(root.glob("set-*.json")):
        data = json.loads(path.read_text())
        arts += data["articles"]
        copies += data["copies"]
        furniture += data["furniture"]
    return arts, copies, furniture


def _input(root: Path, art: dict) -> DocumentInput:
    raw = (root / "texts" / f"{art['id']}.txt").read_text()
    when = datetime.fromisoformat(art["published_at"]) if art.get("published_at") else None
    return DocumentInput(
        text=strip_boilerplate(raw),
        title=art.get("title"),
        url=art.get("url"),
        outlet=art.get("outlet"),
        outlet_domain=art.get("outlet_domain"),
        published_at=when,
        origin=art["id"],
    )


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], 0
    needle = needle.strip()
    while needle and (i := text.find(needle, start)) >= 0:
        out.append((i, i + len(needle)))
        start = i + 1
    return out


def _whole_line(text: str, s: int, e: int) -> bool:
    return (
        text[text.rfind("\n", 0, s) + 1 : s].strip() == ""
        and text[e : (text.find("\n", e) + 1 or len(text) + 1) - 1].strip() == ""
    )


def furniture(root: Path, arts: list[dict], items: list[dict], extract: bool, verbose: bool) -> None:
    inputs = {a["id"]: _input(root, a) for a in arts}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    masked = missing = 0
    by_kind: dict[str, list[int]] = {}
    for item in items:
        text = inputs[item["article"]].text
        ranges = [(s, e) for s, e, _ in furniture_ranges(text)]
        headline_end = text.find("\n") if "\n" in text else len(text)
        # the headline itself is never masked (its entities count; no claim is read from it)
        found = [(s, e) for s, e in _find_all(text, item["text"]) if s >= headline_end]
        blanked = set()
        for s, e in ranges:
            blanked.update(range(s, e))
        if not found:
            missing += 1  # cut before storing, or its whitespace normalised: look it up in the raw text
            ok = item["text"].strip().split("\n")[0] not in text
        else:
            # an item printed twice counts as masked when one copy is (the other may be the lead quoting it)
            ok = False
        lines = [(s, e) for s, e in found if _whole_line(text, s, e)]
        for s, e in found:
            if len(found) == 1 or not lines or (s, e) in lines:  # a copy quoted inside the story is not furniture
                spans.setdefault(item["article"], []).append((s, e, item["kind"]))
            chars = [i for i in range(s, e) if not text[i].isspace()]
            ok = ok or sum(i in blanked for i in chars) >= MASKED * max(1, len(chars))
        masked += ok
        by_kind.setdefault(item["kind"], [0, 0])[0] += ok
        by_kind[item["kind"]][1] += 1
        if verbose and not ok:
            print(f"    missed {item['kind']:<11} {item['article']}: {item['text'][:90]!r}")
    print(f"furniture: {masked}/{len(items)} annotated items masked ({missing} not found verbatim in the stored text)")
    print("  by kind: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by_kind.items())))
    over = []
    for aid, inp in inputs.items():
        for s, e, _ in furniture_ranges(inp.text):
            if not any(s < fe and fs < e for fs, fe, _ in spans.get(aid, [])):
                over.append((aid, inp.text[s:e].strip()))
    over = [o for o in over if o[1]]
    print(f"  masked lines touching no annotated item: {len(over)} (read them: over-masking or unlisted furniture)")
    if verbose:
        for aid, line in over:
            print(f"    {aid}: {line[:110]!r}")
    if not extract:
        return
    from knowledge.extract.pipeline import analyze_texts

    ids = list(inputs)
    hits: list[str] = []
    counts = {"claims": 0, "events": 0, "entities": 0}
    for aid, analysis in zip(ids, analyze_texts([(inputs[i].text, inputs[i].published_at) for i in ids])):
        text = inputs[aid].text
        fspans = spans.get(aid, [])

        def touches(s: int, e: int, fspans: list = fspans) -> str | None:
            return next((k for fs, fe, k in fspans if s < fe and fs < e), None)

        counts["claims"] += len(analysis.claims)
        counts["events"] += len(analysis.events)
        counts["entities"] += len(analysis.entities)
        for c in analysis.claims:
            if kind := next((k for s, e in (c.fragments or [c.content]) if (k := touches(s, e))), None):
                hits.append(f"claim    {aid} [{kind}] {c.speaker}: {text[c.content[0] : c.content[1]][:90]!r}")
        for ev in analysis.events:
            if kind := touches(*ev.span):
                hits.append(f"event    {aid} [{kind}] {text[ev.span[0] : ev.span[1]][:90]!r}")
        for ent in analysis.entities:
            for s, e in ent.mentions:
                if kind := touches(s, e):
                    hits.append(f"entity   {aid} [{kind}] {ent.name!r} at {text[s:e]!r}")
    print(
        f"  extraction: {counts['claims']} claims, {counts['events']} events, {counts['entities']} entities; "
        f"touching annotated furniture: {len(hits)}"
    )
    for h in hits:
        print("    " + h)


def _ingest_order(docs: list[DocumentInput]) -> dict[str, str | None]:
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "pages.db") as store:
        report = ingest(store, [(d.origin or "", d) for d in docs], extract=False)
        by_id = {r.document_id: r.label for r in report.results}
        return {by_id[d.id]: by_id.get(d.duplicate_of) if d.duplicate_of else None for d in store.iter_documents()}


def copies(root: Path, arts: list[dict], pairs: list[dict]) -> None:
    docs = [_input(root, a) for a in arts]
    dated = sorted(docs, key=lambda d: (d.published_at is None, d.published_at or datetime.min, d.origin))
    expected = {p["copy"]: p["original"] for p in pairs}
    for name, order in (("publication order", dated), ("reverse order", dated[::-1])):
        got = _ingest_order(order)
        right = sum(1 for c, o in expected.items() if got.get(c) == o)
        linked = sum(1 for c in expected if got.get(c) is not None or any(v == c for v in got.values()))
        wrong = [(c, o) for c, o in got.items() if o and expected.get(c) != o]
        print(
            f"copies ({name}): {right}/{len(expected)} annotated pairs with the right original; "
            f"{linked}/{len(expected)} joined at all; other joins: {len(wrong)}"
        )
        for c, o in wrong:
            print(f"    {c} -> {o}  (annotated: {expected.get(c)})")


def polnear(root: Path) -> None:
    docs, wire = [], {}
    for split in ("train", "dev"):
        with open(root / split / "metadata.tsv", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                text = (root / split / "text" / f"{row['filename']}.txt").read_text()
                when = datetime.fromisoformat(row["publication_date"]) if row["publication_date"] else None
                docs.append(
                    DocumentInput(
                        text=strip_boilerplate(text),
                        title=row["title"],
                        outlet=row["publisher"],
                        published_at=when,
                        origin=row["filename"],
                    )
                )
                wire[row["filename"]] = row["wire"]
    got = _ingest_order(docs)
    joins = [(c, o) for c, o in got.items() if o]
    credited = sum(1 for w in wire.values() if w not in ("None", "NA", ""))
    print(f"polnear: {len(docs)} articles ({credited} with a wire credit); copies found: {len(joins)}")
    for c, o in joins:
        print(f"    {c} [{wire[c]}] -> {o} [{wire[o]}]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("realset", type=Path)
    ap.add_argument("--polnear", type=Path)
    ap.add_argument("--no-extract", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    arts, pairs, items = _articles(args.realset)
    if not arts:
        sys.exit(f"{args.realset}: no set-*.json")
    furniture(args.realset, arts, items, not args.no_extract, args.verbose)
    copies(args.realset, arts, pairs)
    if args.polnear:
        polnear(args.polnear)


if __name__ == "__main__":
    main()
