"""Extraction throughput next to raw spaCy throughput, in the same run, on 1 and 2 processes.

    python benchmarks/extract.py [--docs 120] [--words 600]

"raw" is `nlp.pipe` alone (our full pipeline, parse and NER); "extract" is the same plus every briefbot pass
(entities, attribution, events, disputes). Targets: extract/raw ≤ 1.3×, ≥ 12 documents/s on 2 processes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import document  # noqa: E402

from knowledge.extract.nlp import load_nlp  # noqa: E402
from knowledge.extract.pipeline import analyze_texts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--words", type=int, default=600)
    args = ap.parse_args()
    docs = [document(i, args.words) for i in range(args.docs)]
    texts = [d["text"] for d in docs]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:4]))  # warm up
    print(f"extraction benchmark: {args.docs} documents, {words} words (~{words // args.docs} per document)")
    for procs in (1, 2):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16, n_process=procs):
            pass
        raw = time.perf_counter() - start
        start = time.perf_counter()
        found = sum(
            len(a.claims) for a in analyze_texts(((d["text"], d["published_at"]) for d in docs), n_process=procs)
        )
        full = time.perf_counter() - start
        print(
            f"  {procs} process(es): raw nlp.pipe {args.docs / raw:6.1f} docs/s {words / raw:8.0f} words/s | "
            f"extract {args.docs / full:6.1f} docs/s {words / full:8.0f} words/s | overhead {full / raw:.2f}x "
            f"| {found} claims"
        )


if __name__ == "__main__":
    main()
