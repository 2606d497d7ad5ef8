"""Checks extraction on the two seed articles (kept outside the repository), printing PASS/FAIL per expectation.

    python benchmarks/seeds_check.py [../shared/seeds]

Ingests the seeds into a temporary store exactly as `briefbot ingest` does, then looks for what a briefing on
them must contain. Exits non-zero if any expectation fails. Not part of the test suite: the seeds are not ours.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from knowledge.ingest.service import ingest_paths
from knowledge.store import Store


def main() -> int:
    seeds = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "seeds")
    files = sorted(seeds.glob("*.txt"))
    if not files:
        print(f"no seed articles in {seeds}; nothing to check")
        return 0
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "seeds.db") as store:
        report = ingest_paths(store, files)
        db = store.db
        claims = list(
            db.query(
                "SELECT c.*, e.name AS speaker_name FROM claims c LEFT JOIN entities e ON e.id = c.speaker_entity_id"
            )
        )
        events = list(db.query("SELECT * FROM events"))
        entities = {r["name"] for r in db.query("SELECT name FROM entities")}
        texts = {r["id"]: r["text"] for r in db.query("SELECT id, text FROM documents")}

        def claim(pred) -> bool:
            return any(pred(c) for c in claims)

        checks = {
            "2 documents stored": report.stored == 2,
            "no boilerplate left in stored text": not any(
                m in t
                for t in texts.values()
                for m in ("Share this article", "Prev Post", "Leave a Reply", "Read next", "BMW")
            ),
            "anonymous Russian official's quote via NBC": claim(
                lambda c: (c["speaker"] or "").lower().startswith("a russian official") and "NBC" in (c["via"] or "")
            ),
            "Russian officials' view via NBC News ('According to NBC News')": claim(
                lambda c: (c["speaker"] or "") == "Russian officials" and (c["via"] or "") == "NBC News"
            ),
            "Russia's claim in the dash aside ('... prolongs the conflict')": claim(
                lambda c: (c["speaker_name"] or "") == "Russia" and "prolongs the conflict" in c["quote"]
            ),
            "Dudakov's quote via RT": claim(
                lambda c: "Dudakov" in (c["speaker_name"] or c["speaker"] or "") and (c["via"] or "") == "RT"
            ),
            "Lukashenko's claim and Kellogg's denial linked as a dispute": bool(
                list(
                    db.query(
                        "SELECT 1 FROM disputes d JOIN claims a ON a.id = d.claim_id JOIN claims b ON b.id = d.other_claim_id "
                        "JOIN entities ea ON ea.id = a.speaker_entity_id JOIN entities eb ON eb.id = b.speaker_entity_id "
                        "WHERE ea.name LIKE '%Lukashenko%' AND eb.name LIKE '%Kellogg%' AND b.stance = 'deny'"
                    )
                )
            ),
            "June 21 Minsk meeting as an event": any(
                e["trigger"] == "meet" and e["place_text"] == "Minsk" and "June 21" in (e["date_text"] or "")
                for e in events
            ),
            "Tsikhanouski's release as an event": any(
                e["trigger"] in ("release", "free") and "Tsikhanouski" in e["quote"] for e in events
            ),
            "no boilerplate entity (BMW, French defense minister)": not ({"BMW", "French"} & entities),
            "every citation slices back": all(
                texts[c["document_id"]][c["start"] : c["end"]] == c["quote"] for c in claims
            )
            and all(texts[e["document_id"]][e["start"] : e["end"]] == e["quote"] for e in events),
        }
        checks.update(_raw_attributions(seeds, Path(tmp) / "ann"))
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 0 if all(checks.values()) else 1


def _raw_attributions(seeds: Path, out: Path) -> dict[str, bool]:
    """`briefbot attribute` on the raw seed files (boilerplate and all): the brat relations themselves."""
    from knowledge.extract.brat import attribute_dir

    attribute_dir(seeds, out)
    spans: dict[str, dict[str, str]] = {}
    for ann in out.glob("*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                tid, kind_span, text = line.split("\t")
                spans[f"{ann.stem}:{tid}"] = {"kind": kind_span.split()[0], "text": text}
    relations = []
    for ann in out.glob("*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("E"):
                roles = dict(part.split(":") for part in line.split("\t")[1].split()[1:])
                relations.append({k: spans[f"{ann.stem}:{v}"]["text"] for k, v in roles.items()})
    return {
        "raw: 'According to' with source NBC News": any(
            r.get("Cue") == "According to" and r.get("Source") == "NBC News" for r in relations
        ),
        "raw: Russia 'claims' ... prolongs the conflict": any(
            r.get("Source") == "Russia" and r.get("Cue") == "claims" and "prolongs the conflict" in r.get("Content", "")
            for r in relations
        ),
        "raw: no claim from the page furniture (French defense minister)": not any(
            "French defense minister" in r.get("Source", "") for r in relations
        ),
    }


if __name__ == "__main__":
    sys.exit(main())
