"""Ingestion throughput: N synthetic documents into an empty store, with and without extraction.

    python benchmarks/ingest.py [--docs 200] [--words 600]

Prints documents/s and MB/s for the storage path alone (hashing, near-duplicate bands, FTS, one transaction per
document) and for the full path (plus spaCy and our extraction passes).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import document  # noqa: E402

from knowledge.ingest.pipeline import ingest  # noqa: E402
from knowledge.models import DocumentInput  # noqa: E402
from knowledge.store import Store  # noqa: E402


def run(n: int, words: int, extract: bool) -> tuple[float, float, int]:
    docs = [DocumentInput(**document(i, words)) for i in range(n)]
    size_mb = sum(len(d.text.encode()) for d in docs) / 1e6
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        if extract:
            from knowledge.extract.nlp import load_nlp

            load_nlp()  # model loading is start-up cost, not throughput
        start = time.perf_counter()
        report = ingest(store, [(str(i), d) for i, d in enumerate(docs)], extract=extract)
        elapsed = time.perf_counter() - start
        stored = report.stored
    return n / elapsed, size_mb / elapsed, stored


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--words", type=int, default=600)
    args = ap.parse_args()
    print(f"ingest benchmark: {args.docs} synthetic documents of ~{args.words} words into an empty store")
    for extract in (False, True):
        docs_s, mb_s, stored = run(args.docs, args.words, extract)
        label = "store + extraction" if extract else "store only        "
        print(f"  {label}: {docs_s:8.1f} documents/s  {mb_s:6.2f} MB/s  ({stored} stored)")


if __name__ == "__main__":
    main()
