"""Real news as the test bed: briefings on real articles from many outlets, scored against annotations.

    python benchmarks/realnews.py --polnear ../shared/polnear            # PolNeAR train+dev (924), held-out dev (26)
    python benchmarks/realnews.py --polnear ../shared/polnear --reuse    # score again without re-ingesting
    python benchmarks/realnews.py --set /work/realset                    # our own annotated set (set-*.json)
    python benchmarks/realnews.py --set benchmarks/realnews/set --json   # machine-readable

PolNeAR: every train and dev article is ingested in one batch (sidecars from metadata.tsv; texts written under
`--work`, ignored by git), then the default and `--full` JSON briefings on the 20 most-covered people and
organisations are scored against the gold attributions. The held-out quarter of dev (`polnear.held_out`, 26
articles the shipped model never trained on) is ingested into a store of its own and scored the same way: that
column is the one to quote. Our set: see `realnews_set.py` (what it adds) and `realnews_pull.py` (its texts).

Figures (each with its list, printed below the table):
- claims shown: claim lines of the full briefings (grouped claims and both sides of every dispute), each once;
  backed = a citation covers a gold attribution's content (≥ half of each in the other);
- speakers: backed claims whose gold source is a name: the shown speaker contains the name's head word;
- summary lines: citing neither a gold attribution nor a stored event; not a complete sentence
  (`knowledge.brief.wellformed`);
- disputes shown (both sides backed by gold); copies recorded vs the wire credits; ingest problems.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realnews_score import Scorecard, score, take_briefings  # noqa: E402

from knowledge.store.entities import most_covered  # noqa: E402

HERE = Path(__file__).resolve().parent
WORK = HERE / "realnews"


def polnear_cards(
    polnear: Path, work: Path, reuse: bool, n_topics: int, nlp, splits: tuple[str, ...]
) -> list[Scorecard]:
    from polnear import held_out
    from realnews_polnear import build, copies, read_metadata

    articles = read_metadata(polnear, splits)
    cards = []
    held = [a for a in articles if a.split == "dev" and held_out(a.name)]
    for name, chosen, db in (
        (f"PolNeAR {'+'.join(splits)} ({len(articles)})", articles, work / f"polnear-{'-'.join(splits)}.db"),
        (f"PolNeAR held-out dev ({len(held)})", held, work / "polnear-heldout.db"),
    ):
        print(f"{name}: {'reusing' if reuse and db.exists() else 'ingesting into'} {db} …", file=sys.stderr)
        built = build(polnear, chosen, work / "texts", db, reuse)
        topics = [(row.name, row.entity_id) for row in most_covered(built.store, limit=n_topics)]
        started = time.perf_counter()
        b = take_briefings(built.store, topics)
        card = score(name, built.store, b, built.gold, nlp)
        card.documents = len(built.articles)
        card.ingest = built.ingest
        card.copies = copies(built)
        card.extra["ingest problems"] = built.problems
        card.extra["ingest seconds"] = round(built.seconds, 1) if built.seconds is not None else "not recorded"
        card.extra["briefing seconds"] = round(time.perf_counter() - started, 1)
        card.extra["topics"] = [f"{q} ({b.topics[q]})" for q, _ in topics]
        cards.append(card)
        built.store.close()
    return cards


ROWS = [
    ("documents", lambda c: str(c.documents)),
    ("ingest: stored / copies / same text / skipped", lambda c: " / ".join(str(c.ingest.get(k, "?")) for k in ("stored", "copies", "already stored", "skipped"))),
    ("ingest: failed stages / exceptions escaping", lambda c: f"{c.ingest.get('failed stages', '?')} / {c.ingest.get('exceptions escaping', '?')}"),
    ("topics briefed", lambda c: f"{c.briefings}/{c.topics}"),
    ("claims shown, backed by gold", lambda c: c.share(c.claims_backed, c.claims_shown)),
    ("speaker agrees (gold source a name)", lambda c: c.share(c.speakers_agree, c.speakers_checked)),
    ("summary lines", lambda c: str(c.summary_lines)),
    ("summary lines: speaker agrees (gold source a name)", lambda c: c.share(c.summary_speakers_agree, c.summary_speakers_checked)),
    ("summary lines citing no gold claim or event", lambda c: c.share(len(c.summary_ungrounded), c.summary_lines)),
    ("summary lines not a complete sentence", lambda c: c.share(len(c.summary_malformed), c.summary_lines)),
    ("disputes shown (both sides backed)", lambda c: f"{c.disputes_shown} ({c.disputes_both_backed})"),
    ("copies recorded (of wire stories)", lambda c: f"{c.copies.get('recorded as copies', '?')} ({c.copies.get('copies of a wire story', '?')})" if "recorded as copies" in c.copies else "—"),
    ("wire-credited articles; pairs sharing half their text (recorded)", lambda c: f"{c.copies['wire-credited articles']}; {c.copies['wire pairs sharing half their text']} ({c.copies['of them recorded']})" if "wire-credited articles" in c.copies else "—"),
]  # fmt: skip


def table(cards: list[Scorecard], rows=ROWS) -> str:
    head = ["figure", *[c.name for c in cards]]
    body = [[label, *[fn(c) for c in cards]] for label, fn in rows]
    body += [[k, *[str(c.extra.get(k, "")) for c in cards]] for k in _extra_rows(cards)]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    line = lambda r: "| " + " | ".join(v.ljust(w) for v, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, body)])


def _extra_rows(cards: list[Scorecard]) -> list[str]:
    keys: list[str] = []
    for c in cards:
        keys += [k for k, v in c.extra.items() if isinstance(v, str | int | float) and k not in keys]
    return keys


def listing(card: Scorecard, limit: int | None) -> str:
    def cut(items: list) -> list:
        return items if limit is None else items[:limit]

    def cites(s) -> str:
        return ", ".join(f"{d[:8]}:{a}-{b}" for d, (a, b) in s.citations[:2])

    out = [f"\n## {card.name}"]
    out.append(f"topics: {', '.join(card.extra.get('topics', []))}")
    out.append(f"\nspeaker disagreements ({len(card.disagreements)}): shown speaker ≠ gold source")
    out += [f"  {s.speaker!r} ≠ gold {g.source!r}  [{g.label}]  {s.text[:90]!r}" for s, g in card.disagreements]
    out.append(f"\nsummary lines whose speaker ≠ gold source ({len(card.summary_disagreements)}):")
    out += [f"  gold {g.source!r} [{g.label}]: {s.text[:110]!r}" for s, g in card.summary_disagreements]
    out.append(f"\nclaims shown without gold ({len(card.unbacked)}):")
    out += [f"  {s.speaker!r}: {s.text[:100]!r}  [{cites(s)}]" for s in cut(card.unbacked)]
    out.append(f"\nsummary lines citing no gold claim or event ({len(card.summary_ungrounded)}):")
    out += [f"  [{s.topic}] {s.text[:120]!r}" for s in cut(card.summary_ungrounded)]
    out.append(f"\nsummary lines not a complete sentence ({len(card.summary_malformed)}):")
    out += [f"  [{s.topic}] {s.text[:110]!r}: {'; '.join(p)}" for s, p in cut(card.summary_malformed)]
    out.append(f"\ndisputes shown ({card.disputes_shown}):")
    out += [f"  {a.speaker!r}: {a.text[:60]!r}  ⟷  {d.speaker!r}: {d.text[:60]!r}" for a, d in cut(card.disputes)]
    for key, value in card.extra.items():
        if isinstance(value, list) and key != "topics":
            out.append(f"\n{key} ({len(value)}):")
            out += [f"  {v}" for v in cut(value)]
    for key in ("joins without a wire credit", "wire pairs not recorded"):
        joins = card.copies.get(key)
        if isinstance(joins, list):
            out.append(f"\n{key} ({len(joins)}):")
            out += [f"  {j}" for j in cut(joins)]
    return "\n".join(out)


def as_json(card: Scorecard) -> dict:
    def shown(s) -> dict:
        return {"topic": s.topic, "speaker": s.speaker, "text": s.text, "citations": s.citations}

    return {
        "name": card.name,
        "documents": card.documents,
        "ingest": card.ingest,
        "topics": card.topics,
        "briefings": card.briefings,
        "claims_shown": card.claims_shown,
        "claims_backed": card.claims_backed,
        "speakers_checked": card.speakers_checked,
        "speakers_agree": card.speakers_agree,
        "summary_lines": card.summary_lines,
        "summary_speakers_checked": card.summary_speakers_checked,
        "summary_speakers_agree": card.summary_speakers_agree,
        "summary_ungrounded": len(card.summary_ungrounded),
        "summary_malformed": len(card.summary_malformed),
        "disputes_shown": card.disputes_shown,
        "disputes_both_backed": card.disputes_both_backed,
        "copies": card.copies,
        "extra": card.extra,
        "lists": {
            "disagreements": [{**shown(s), "gold": g.source, "gold_label": g.label} for s, g in card.disagreements],
            "unbacked": [shown(s) for s in card.unbacked],
            "summary_disagreements": [{**shown(s), "gold": g.source} for s, g in card.summary_disagreements],
            "summary_ungrounded": [shown(s) for s in card.summary_ungrounded],
            "summary_malformed": [{**shown(s), "problems": p} for s, p in card.summary_malformed],
            "disputes": [{"claim": shown(a), "rebuttal": shown(d)} for a, d in card.disputes],
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", type=Path, help="the PolNeAR folder (train/ and dev/)")
    ap.add_argument("--set", type=Path, help="a folder with set-*.json annotations and texts/<id>.txt")
    ap.add_argument("--work", type=Path, default=WORK, help="where texts and stores go (ignored by git)")
    ap.add_argument("--reuse", action="store_true", help="score the stores built by an earlier run")
    ap.add_argument("--splits", default="train,dev", help="PolNeAR splits to ingest as one store (train,dev)")
    ap.add_argument("--topics", type=int, default=20, help="most-covered people and organisations to brief on")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the scorecard")
    ap.add_argument(
        "--all",
        action="store_true",
        help="list every case (default: speaker disagreements in full, the first 12 of each other list)",
    )
    args = ap.parse_args()
    if not (args.polnear or args.set):
        ap.error("give --polnear DIR, --set DIR or both")
    from knowledge.extract.nlp import load_nlp

    nlp = load_nlp()
    args.work.mkdir(parents=True, exist_ok=True)
    cards: list[Scorecard] = []
    if args.polnear:
        cards += polnear_cards(args.polnear, args.work, args.reuse, args.topics, nlp, tuple(args.splits.split(",")))
    if args.set:
        from realnews_set import set_cards

        cards += set_cards(args.set, args.work, args.reuse, nlp)
    if args.json:
        print(json.dumps([as_json(c) for c in cards], ensure_ascii=False, indent=2, default=str))
        return
    print(f"# Real news scorecard ({time.strftime('%Y-%m-%d')})\n")
    print(table(cards))
    for card in cards:
        print(listing(card, None if args.all else 12))


if __name__ == "__main__":
    main()
