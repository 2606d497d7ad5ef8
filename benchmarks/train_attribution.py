"""Train the cue scorer (knowledge/extract/model/cue_weights.json) on PolNeAR dev minus its held-out quarter.

    .venv/bin/python benchmarks/train_attribution.py /work/shared/polnear [--C 0.3] [--threshold 0.5]

Every verb the extractor would consider (`verb_candidate`) becomes one example, labelled by whether it lies inside
an annotated cue. Only feature weights are written (a few thousand numbers as JSON), never corpus text.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))


def gold_cues(ann: str) -> list[tuple[int, int]]:
    out = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and parts[1].startswith("Cue "):
            for frag in parts[1].split(" ", 1)[1].split(";"):
                s, e = frag.split()
                out.append((int(s), int(e)))
    return out


def cue_examples(docs, cues_per_doc):
    """One example per candidate verb of each parsed doc, labelled by whether it lies inside an annotated cue."""
    from knowledge.extract.attribution.relations import verb_candidate
    from knowledge.extract.model.rules_scorer import features
    from knowledge.extract.parse.spans import QuoteIndex

    X, y = [], []
    for doc, cues in zip(docs, cues_per_doc):
        quotes = QuoteIndex(doc.text)
        for tok in doc:
            in_lex = verb_candidate(tok)
            if in_lex is None:
                continue
            s, e = tok.idx, tok.idx + len(tok)
            X.append({f: 1 for f in features(tok, in_lex, quotes.at(s) is not None)})
            y.append(int(any(a < e and s < b for a, b in cues)))
    return X, y


def examples(polnear: pathlib.Path, nlp, train: bool):
    from polnear import held_out

    dev = polnear / "dev"
    paths = [p for p in sorted((dev / "text").glob("*.txt")) if held_out(p.stem) != train]
    docs = nlp.pipe((p.read_text(encoding="utf-8") for p in paths), batch_size=16)
    cues = [gold_cues((dev / "ann" / f"{p.stem}.ann").read_text(encoding="utf-8")) for p in paths]
    return cue_examples(docs, cues)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=pathlib.Path)
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--threshold", type=float, default=0.5)  # chosen by benchmarks/polnear_cv.py
    a = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    from knowledge.extract.nlp import load_nlp

    nlp = load_nlp()
    X, y = examples(a.polnear, nlp, train=True)
    vec = DictVectorizer()
    clf = LogisticRegression(C=a.C, max_iter=2000).fit(vec.fit_transform(X), y)
    Xh, yh = examples(a.polnear, nlp, train=False)
    ph = clf.predict_proba(vec.transform(Xh))[:, 1]
    print(f"train candidates {len(y)} (positive {sum(y)}), held-out {len(yh)} (positive {sum(yh)})")
    for t in (0.3, 0.4, 0.45, 0.5, 0.6):
        print(f"  held-out candidate F1 @ {t}: {100 * f1_score(yh, ph >= t):.1f}")
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-3}
    weights["__bias__"] = round(float(clf.intercept_[0]), 4)
    out = pathlib.Path(__file__).resolve().parents[1] / "knowledge" / "extract" / "cue_weights.json"
    out.write_text(
        json.dumps({"threshold": a.threshold, "weights": weights}, sort_keys=True, indent=0), encoding="utf-8"
    )
    print(f"wrote {len(weights)} weights to {out}")


if __name__ == "__main__":
    main()
