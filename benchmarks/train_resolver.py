"""Train the pronoun ranker (`knowledge/extract/speakers/ranker.py`) on labelled PolNeAR pronoun sources.

    .venv/bin/python benchmarks/train_resolver.py /work/shared/polnear \
        --labels /work/labels/pronouns-train.jsonl /work/labels/pronouns-dev.jsonl [--train train "dev rest"] \
        [--out knowledge/extract/model/resolver_model.json] [--C 1.0]

Every labelled article is run as the pipeline runs it (furniture masked, entities found, headline skipped) through
the rules' resolver, which records for each subject pronoun the compatible candidates within reach and their
features (`ranker.candidate_features`); a candidate is right when its entity's name holds the labelled referent's
head word (a description: shares a content word with it) or its span overlaps the labelled nearest mention. A
logistic regression (scikit-learn) is fitted on the candidates of the training groups (`--train`: "train", "dev
rest"; never "dev held-out" unless asked) and written as JSON (feature names and weights only: no corpus text).

Printed per group: pronouns with candidates, how often a right candidate is among them (the ceiling), and how
often the rules' choice and the model's choice are right (candidate level; `resolver.py` scores the whole
pipeline). The threshold below which the model leaves a pronoun as written is chosen per pronoun on the training
pronouns (`per_pronoun`: right − `--wrong-cost` × wrong, 1 by default), each scored by a model fitted without its
article (`--folds`, 5 by default: in sample the model is surer of its own training pronouns than of new text, and
picked a "they" threshold of 0.3 where out of fold it is 0.6), unless `--threshold` gives one for all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from resolver import agrees, group_of, load_labels  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def record(polnear: Path, labels: list[dict]) -> list[tuple[dict, object, list[bool]]]:
    """(label, recorded candidates, which candidates are right) for every label the resolver saw a pronoun at."""
    from knowledge.extract.entities import find_entities
    from knowledge.extract.nlp import load_nlp
    from knowledge.extract.parse.spans import caches
    from knowledge.extract.pipeline import headline_end
    from knowledge.extract.speakers.ranker import PronounCandidates, RankedResolver
    from knowledge.text.furniture import furniture_ranges, mask

    nlp = load_nlp()
    by_doc: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for x in labels:
        by_doc[(x["split"], x["doc"])].append(x)
    keys = sorted(by_doc)
    texts = []
    for split, doc in keys:
        text = (polnear / split / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        texts.append(mask(text, [(s, e) for s, e, k in furniture_ranges(text) if k != "no-response"]))
    out = []
    for key, text, doc in zip(keys, texts, nlp.pipe(texts, batch_size=16)):
        rec: list[PronounCandidates] = []
        with caches(doc):
            ents = find_entities(doc)
            RankedResolver(doc, ents, body_start=headline_end(text), record=rec).run()
        at = {r.start: r for r in rec}
        for x in by_doc[key]:
            start = x["start"] + (len(x["pronoun"]) - len(x["pronoun"].lstrip()))
            r = at.get(start)
            if r is None:
                continue
            right = []
            for m in r.candidates:
                name = ents.entities[m.entity].name if m.entity is not None else m.text
                near = m.start < x.get("mention_end", -1) and x.get("mention_start", -1) < m.end
                right.append(near or agrees(x["referent"], x["kind"], name))
            out.append((x, r, right))
    return out


def fit(rows, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats = [f for _, r, _ in rows for f in r.features]
    ys = [y for _, _, right in rows for y in right]
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    lr = LogisticRegression(C=c, max_iter=3000).fit(x, ys)
    weights = {k: round(float(w), 4) for k, w in zip(vec.get_feature_names_out(), lr.coef_[0]) if abs(w) >= 0.005}
    return weights, float(lr.intercept_[0])


def choices(rows, model) -> list[tuple[bool | None, bool | None]]:
    """(rules right, model right) per pronoun; None where the choice was to leave it as written."""
    out = []
    for x, r, right in rows:
        rule = None if r.chosen is None else any(ok and m is r.chosen for m, ok in zip(r.candidates, right))
        probs = [model.probability(f) for f in r.features]
        best = max(range(len(probs)), key=lambda i: (probs[i], r.candidates[i].start))
        ok = probs[best] >= model.threshold_for(x["pronoun"].strip())
        out.append((rule, right[best] if ok else None))
    return out


def _cell(got: list[bool | None]) -> str:
    return f"{sum(v is True for v in got)} / {sum(v is False for v in got)} / {sum(v is None for v in got)}"


def report(rows, model, groups: list[str]) -> None:
    print("| group | pronouns | right among candidates | rules right / wrong / left | model right / wrong / left |")
    print("|---|---:|---:|---|---|")
    for g in groups:
        part = [row for row in rows if group_of(row[0]) == g or g == "dev all" and row[0]["split"] == "dev"]
        if not part:
            continue
        pairs = choices(part, model)
        ceiling = sum(any(right) for _, _, right in part)

        print(f"| {g} | {len(part)} | {ceiling} | {_cell([p[0] for p in pairs])} | {_cell([p[1] for p in pairs])} |")
    print()


def scored(rows, model) -> list[tuple[str, float, bool]]:
    """(pronoun, probability of its best candidate, whether that candidate is right) for every row."""
    out = []
    for x, r, right in rows:
        probs = [model.probability(f) for f in r.features]
        best = max(range(len(probs)), key=lambda i: (probs[i], r.candidates[i].start))
        out.append((x["pronoun"].strip().lower(), probs[best], right[best]))
    return out


def out_of_fold(train, c: float, folds: int) -> list[tuple[str, float, bool]]:
    """`scored` for every training pronoun by a model fitted without its article's fold (articles dealt round-robin
    in name order): the thresholds are chosen on these, as a model is surer of its own training pronouns than of
    new text."""
    from knowledge.extract.speakers.ranker import RankerModel

    docs = sorted({x["doc"] for x, _, _ in train})
    fold = {d: i % folds for i, d in enumerate(docs)}
    out = []
    for k in range(folds):
        weights, bias = fit([row for row in train if fold[row[0]["doc"]] != k], c)
        out += scored([row for row in train if fold[row[0]["doc"]] == k], RankerModel(weights, bias, 0.0))
    return out


def per_pronoun(picks: list[tuple[str, float, bool]], cost: float) -> dict[str, float]:
    """For each pronoun, the threshold (0, 0.05, … 0.95) that maximises right − cost × wrong on the scored training
    pronouns: a wrong name is worse for a reader than "he said" left as written."""
    out = {}
    for pronoun in sorted({p for p, _, _ in picks}):
        part = [(prob, ok) for p, prob, ok in picks if p == pronoun]

        def gain(t: float, part=part) -> float:
            return sum(ok for prob, ok in part if prob >= t) - cost * sum(not ok for prob, ok in part if prob >= t)

        out[pronoun] = max((i / 20 for i in range(20)), key=lambda t: (gain(t), -t))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--labels", type=Path, nargs="+", required=True)
    ap.add_argument("--train", nargs="+", default=["train"], help='groups: "train", "dev rest", "dev held-out"')
    ap.add_argument("--out", type=Path, default=ROOT / "knowledge" / "extract" / "model" / "resolver_model.json")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, help="one threshold for every pronoun (default: chosen per pronoun)")
    ap.add_argument("--wrong-cost", type=float, default=1.0, help="a wrong choice costs this many right ones")
    ap.add_argument("--folds", type=int, default=5, help="thresholds chosen out of this many folds (0: in sample)")
    a = ap.parse_args()
    from knowledge.extract.speakers.ranker import RankerModel

    labels = load_labels(a.labels)
    rows = record(a.polnear, labels)
    train = [row for row in rows if group_of(row[0]) in a.train]
    print(f"{len(rows)} labelled pronouns with candidates; {len(train)} to train on ({', '.join(a.train)})\n")
    weights, bias = fit(train, a.C)
    threshold = a.threshold if a.threshold is not None else 0.0
    thresholds = {}
    if a.threshold is None:
        picks = out_of_fold(train, a.C, a.folds) if a.folds > 1 else scored(train, RankerModel(weights, bias, 0.0))
        thresholds = per_pronoun(picks, a.wrong_cost)
    model = RankerModel(weights, bias, threshold, thresholds)
    report(rows, model, ["train", "dev rest", "dev held-out", "dev all"])
    meta = {
        "trained_on": a.train,
        "pronouns": len(train),
        "candidates": sum(len(r.candidates) for _, r, _ in train),
        "C": a.C,
        "sklearn": __import__("sklearn").__version__,
    }
    meta["wrong_cost"] = a.wrong_cost
    meta["threshold_folds"] = a.folds
    data = {
        "weights": dict(sorted(weights.items())),
        "bias": round(bias, 4),
        "threshold": threshold,
        "thresholds": thresholds,
        "meta": meta,
    }
    a.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {a.out} ({len(weights)} weights, threshold {threshold}, per pronoun {thresholds})")


if __name__ == "__main__":
    main()
