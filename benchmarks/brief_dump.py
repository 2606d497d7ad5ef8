"""Dump the JSON briefings of a store's most-covered topics, so a change meant to be output-neutral can be checked.

    python benchmarks/brief_dump.py --db STORE --out DIR [--topics 40] [--demo]

Writes DIR/NNN.json (the JSON view, `briefbot brief TOPIC --format json`) for each of the `--topics` most-covered people and
organisations (an ambiguous answer settled with the entity id, as a user picking the choice would), and
DIR/topics.txt naming them; each topic is composed twice and must answer the same both times. Run it before and after a change and compare with `diff -r`: a speed-up that
alters a single byte of any briefing is a behaviour change, not a speed-up. `--demo` loads the bundled demo
corpus into STORE first when it is empty (so the demo briefings can be checked the same way). The store is
only read otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.brief.compose import compose  # noqa: E402
from knowledge.brief.query import parse_query  # noqa: E402
from knowledge.render.jsonview import render_json  # noqa: E402
from knowledge.store import Store  # noqa: E402
from knowledge.store.entities import most_covered  # noqa: E402

# the one field that names the moment of composing, not the briefing: left out of the comparison
STAMP = re.compile(r'("generated_at": )"[^"]*"')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the store to brief from (SQLite path or postgresql:// URL)")
    ap.add_argument("--out", required=True, type=Path, help="directory for the JSON briefings")
    ap.add_argument("--topics", type=int, default=40, help="most-covered people and organisations to brief on")
    ap.add_argument("--demo", action="store_true", help="load the demo corpus into an empty store first")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with Store.open(args.db) as store:
        if args.demo:
            from knowledge.ingest.service import ensure_demo

            ensure_demo(store)
        rows = most_covered(store, limit=args.topics)
        spent = [0.0, 0.0]  # CPU of the first compose of each topic, and of the second
        names, unsteady = [], []
        for n, row in enumerate(rows):
            names.append(f"{n:03d}\t{row.entity_id}\t{row.name}")
            texts = []
            for again in range(2):  # twice: whatever compose keeps between calls must not change the second answer
                query = parse_query(row.name)
                started = time.process_time()
                result = compose(store, query)
                if result.kind == "ambiguous":
                    result = compose(store, query, entity_id=row.entity_id)
                spent[again] += time.process_time() - started
                texts.append(STAMP.sub(r'\1"(when composed)"', render_json(result)))
            (args.out / f"{n:03d}.json").write_text(texts[0], encoding="utf-8")
            if texts[1] != texts[0]:
                unsteady.append(row.name)
        (args.out / "topics.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    print(
        f"{len(rows)} topics dumped to {args.out}; compose CPU {spent[0]:.2f} s the first time, {spent[1]:.2f} s again"
    )
    if unsteady:
        sys.exit(f"a second compose answered differently for: {', '.join(unsteady)}")


if __name__ == "__main__":
    main()
