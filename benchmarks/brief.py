"""Briefing latency on a large synthetic store, next to the same lookups done as a naive LIKE scan.

    python benchmarks/brief.py [--docs 100000] [--claims-per-doc 10] [--queries 200] [--db PATH_OR_URL] [--postgres]

Builds (or reuses, with --db) a store of 100k documents and 1M claims written straight into the tables, then
times `compose()` for random entity topics (p50/p99) and a scan that finds the same topics' claims and events
with `LIKE '%name%'` over every row. Target: p99 ≤ 100 ms and ≥ 50× faster than the scan.

`--db` takes a SQLite path or a postgresql:// URL; `--postgres` runs the same on a throwaway local PostgreSQL
cluster (tests/pgcluster.py), so both backends answer the same queries over the same synthetic store.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import OUTLETS, PLACES, TOPICS  # noqa: E402

from knowledge.brief.compose import compose  # noqa: E402
from knowledge.brief.query import Query  # noqa: E402
from knowledge.heap import settle  # noqa: E402
from knowledge.names import name_key  # noqa: E402
from knowledge.store import Store  # noqa: E402

FIRST = ["Anna", "Tomas", "Lina", "Marek", "Sofia", "Jon", "Priya", "Omar", "Elena", "Kenji", "Grace", "Luis"]
LAST = [
    "Berger",
    "Okafor",
    "Park",
    "Novak",
    "Reyes",
    "Halvorsen",
    "Raman",
    "Haddad",
    "Petrova",
    "Watanabe",
    "Mensah",
    "Ortega",
    "Lindqvist",
    "Moreau",
    "Castillo",
    "Nakamura",
    "Adeyemi",
    "Kowalski",
    "Silva",
    "Jensen",
]


def people(n: int) -> list[str]:
    rng = random.Random(3)
    names = [f"{f} {chr(65 + m)}. {last}" for f in FIRST for m in range(26) for last in LAST]
    rng.shuffle(names)
    return names[:n]


def build(path: str, n_docs: int, per_doc: int) -> list[tuple[str, str]]:
    rng = random.Random(11)
    names = people(5000)
    ids = [f"person:{name_key(n).replace(' ', '-')}" for n in names]
    weights = [1 / (i + 1) for i in range(len(names))]  # a few people are in most stories
    with Store.open(path) as store:
        db = store.db
        if db["documents"].count >= n_docs:
            return list(zip(ids, names))
        db.execute("SET synchronous_commit = off" if store.is_postgres else "PRAGMA synchronous=OFF")
        with db.atomic():
            db["sources"].insert_all({"id": o.lower().replace(" ", "-"), "name": o, "domain": None} for o in OUTLETS)
            db["entities"].insert_all(
                (
                    {
                        "id": i,
                        "name": n,
                        "name_key": name_key(n),
                        "type": "PERSON",
                        "descriptions": "[]",
                        "search_text": name_key(n),
                    }
                    for i, n in zip(ids, names)
                )
            )
        start = datetime(2024, 1, 1, tzinfo=UTC)
        for base in range(0, n_docs, 5000):
            docs, claims, about, mentions, events, actors = [], [], [], [], [], []
            for d in range(base, min(base + 5000, n_docs)):
                doc_id = f"d{d:07d}"
                day = (start + timedelta(minutes=d * 5)).date().isoformat()
                parts, offsets = [], []
                pos = 0
                for _ in range(per_doc):
                    who = rng.choices(range(len(names)), weights)[0]
                    other = rng.choices(range(len(names)), weights)[0]
                    sentence = (
                        f"{names[who]} said that {names[other]} backed {rng.choice(TOPICS)} in {rng.choice(PLACES)}."
                    )
                    parts.append(sentence)
                    offsets.append((pos, pos + len(sentence), who, other))
                    pos += len(sentence) + 1
                text = " ".join(parts)
                docs.append(
                    {
                        "id": doc_id,
                        "text": text,
                        "title": f"Story {d}",
                        "source_id": OUTLETS[d % len(OUTLETS)].lower().replace(" ", "-"),
                        "published_at": day + "T08:00:00+00:00",
                        "retrieved_at": day + "T09:00:00.000000+00:00",
                        "language": "en",
                    }
                )
                for c, (s, e, who, other) in enumerate(offsets):
                    cid = f"{doc_id}:c{c}"
                    content_start = s + len(names[who]) + len(" said that ")
                    claims.append(
                        {
                            "id": cid,
                            "document_id": doc_id,
                            "speaker_entity_id": ids[who],
                            "speaker": names[who],
                            "cue": "said",
                            "cue_lemma": "say",
                            "stance": "assert",
                            "negated": 0,
                            "kind": "indirect",
                            "start": content_start,
                            "end": e,
                            "quote": text[content_start:e],
                            "context_start": s,
                            "context_end": e,
                            "sort_date": day,
                        }
                    )
                    about.append({"claim_id": cid, "entity_id": ids[other], "sort_date": day})
                    mentions.append(
                        {
                            "entity_id": ids[who],
                            "document_id": doc_id,
                            "start": s,
                            "end": s + len(names[who]),
                            "text": names[who],
                        }
                    )
                    if c < 2:
                        eid = f"{doc_id}:e{c}"
                        events.append(
                            {
                                "id": eid,
                                "document_id": doc_id,
                                "what": text[s:e],
                                "trigger": "back",
                                "date_precision": "day",
                                "date_start": day,
                                "date_end": day,
                                "date_unresolved": 0,
                                "start": s,
                                "end": e,
                                "quote": text[s:e],
                                "sort_date": day,
                            }
                        )
                        actors.append({"event_id": eid, "entity_id": ids[who], "sort_date": day})
            with db.atomic():
                db["documents"].insert_all(docs, batch_size=1000)
                db["claims"].insert_all(claims, batch_size=2000)
                db["claim_about"].insert_all(about, batch_size=5000, ignore=True)
                db["mentions"].insert_all(mentions, batch_size=5000)
                db["events"].insert_all(events, batch_size=2000)
                db["event_actors"].insert_all(actors, batch_size=5000, ignore=True)
            print(f"  built {min(base + 5000, n_docs)} documents", end="\r", flush=True)
        db.execute("ANALYZE")
        print()
    return list(zip(ids, names))


def naive(store: Store, name: str) -> int:
    like = f"%{name}%"
    rows = store.db.execute(
        "SELECT id FROM claims WHERE quote LIKE ? OR speaker LIKE ? ORDER BY sort_date DESC LIMIT 150", [like, like]
    ).fetchall()
    rows += store.db.execute(
        "SELECT id FROM events WHERE quote LIKE ? ORDER BY sort_date DESC LIMIT 150", [like]
    ).fetchall()
    return len(rows)


@dataclass
class CollectorClock:
    """Time the garbage collector spends, from `gc.callbacks`: what it adds to compose's tail."""

    seconds: float = 0.0
    runs: int = 0
    longest: float = 0.0
    _start: float = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
            return
        took = time.perf_counter() - self._start
        self.seconds, self.runs, self.longest = self.seconds + took, self.runs + 1, max(self.longest, took)


def _collector_clock() -> CollectorClock:
    clock = CollectorClock()
    gc.callbacks.append(clock)
    return clock


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--claims-per-doc", type=int, default=10)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--scans", type=int, default=5, help="naive scans to time (each reads every row)")
    ap.add_argument("--db", help="keep the synthetic store here (path or postgresql:// URL) and reuse it")
    ap.add_argument("--postgres", action="store_true", help="build it on a throwaway local PostgreSQL cluster")
    ap.add_argument("--default-gc", action="store_true", help="CPython's collector settings, not knowledge.heap's")
    args = ap.parse_args()
    tmp = cluster = None
    path = args.db
    if args.postgres and path is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.pgcluster import PgCluster

        cluster = PgCluster().start()
        path = cluster.create_database(name="brief_bench")
    if path is None:
        tmp = tempfile.TemporaryDirectory()
        path = str(Path(tmp.name) / "brief-bench.db")
    t0 = time.perf_counter()
    entities = build(path, args.docs, args.claims_per_doc)
    print(
        f"store: {args.docs} documents, {args.docs * args.claims_per_doc} claims ({time.perf_counter() - t0:.0f} s to build)"
    )
    rng = random.Random(5)
    picks = [entities[min(int(rng.paretovariate(1.2)) - 1, len(entities) - 1)] for _ in range(args.queries)]
    with Store.open(path) as store:
        print(f"backend: {store.dialect}")
        compose(store, Query(topic=picks[0][1], raw=picks[0][1]))  # warm the page cache
        if not args.default_gc:
            settle()  # as compose processes run (bot.composer): start-up frozen, fewer young collections
        collected = _collector_clock()
        times, cpu, kinds, lines = [], [], {}, 0
        for _eid, name in picks:
            start, start_cpu = time.perf_counter(), time.process_time()
            result = compose(store, Query(topic=name, raw=name))
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            assert result.kind in ("briefing", "ambiguous"), result.kind
            kinds[result.kind] = kinds.get(result.kind, 0) + 1
            if result.kind == "briefing":
                lines += len(result.developments) + sum(len(m.claims) for m in result.matters) + len(result.disputes)
        scans = []
        for _eid, name in picks[: args.scans]:
            start = time.perf_counter()
            naive(store, name)
            scans.append((time.perf_counter() - start) * 1000)
    p50, p99 = statistics.median(times), percentile(times, 0.99)
    scan = statistics.median(scans)
    print(f"compose: p50 {p50:.1f} ms  p99 {p99:.1f} ms  over {len(times)} topics (target p99 <= 100 ms)")
    # CPU time of this process: what the code costs, less moved by other work on a shared machine than wall time.
    print(f"compose CPU: p50 {statistics.median(cpu):.1f} ms  p99 {percentile(cpu, 0.99):.1f} ms")
    print(
        f"garbage collector ({'CPython defaults' if args.default_gc else 'knowledge.heap'}): "
        f"{collected.seconds * 1000:.0f} ms in {collected.runs} collections, longest {collected.longest * 1000:.0f} ms"
    )
    print(f"results: {kinds}, {lines / max(kinds.get('briefing', 1), 1):.1f} lines per briefing")
    print(f"naive LIKE scan: median {scan:.0f} ms over {len(scans)} topics")
    print(f"speed-up at the median: {scan / p50:.0f}x (target >= 50x)")
    if tmp:
        tmp.cleanup()
    if cluster:
        cluster.stop()


if __name__ == "__main__":
    main()
