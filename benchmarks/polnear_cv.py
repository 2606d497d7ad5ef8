"""4-fold cross-validation on the training part of PolNeAR dev: how rule and lexicon changes are chosen.

    .venv/bin/python benchmarks/polnear_cv.py /work/shared/polnear [--threshold 0.5] [--C 0.3]

The 58 training articles are cut into 4 folds by sorted name; for each fold the cue scorer is retrained on the other
three (in memory: the shipped weights file is not touched) and the extractor is run on the fold. Every fold's
predictions are scored together with the corpus's own `score.py`. Unlike the training-part figure printed by
`polnear.py`, no article is scored by a scorer that saw it, so this is the number to compare two variants by; the
held-out quarter stays for reporting. Needs scikit-learn (`pip install scikit-learn`).
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=pathlib.Path)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--C", type=float, default=0.3)
    a = ap.parse_args()
    from polnear import _subset_gold, held_out
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from train_attribution import cue_examples, gold_cues

    from knowledge.extract.attribution import relations as attribution
    from knowledge.extract.brat import to_brat
    from knowledge.extract.model.learned import use_extractor
    from knowledge.extract.nlp import load_nlp

    use_extractor("rules")  # this CV retrains the rules' small scorer; the learned model is train_tagger.py's
    dev = (a.polnear / "dev").resolve()
    names = sorted(p.stem for p in (dev / "text").glob("*.txt") if not held_out(p.stem))
    nlp = load_nlp()
    texts = [(dev / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    docs = list(nlp.pipe(texts, batch_size=16))
    cues = [gold_cues((dev / "ann" / f"{n}.ann").read_text(encoding="utf-8")) for n in names]
    scorer = attribution._get_scorer()
    scorer.threshold = a.threshold
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        pred = tmp / "pred"
        pred.mkdir()
        for k in range(4):
            train = [i for i in range(len(names)) if i % 4 != k]
            X, y = cue_examples([docs[i] for i in train], [cues[i] for i in train])
            vec = DictVectorizer()
            clf = LogisticRegression(C=a.C, max_iter=2000).fit(vec.fit_transform(X), y)
            scorer.weights = {f: float(w) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0])}
            scorer.weights["__bias__"] = float(clf.intercept_[0])
            for i in range(k, len(names), 4):
                (pred / f"{names[i]}.ann").write_text(
                    to_brat(texts[i], attribution.find_attributions(docs[i])), encoding="utf-8"
                )
        gold = _subset_gold(dev, names, tmp / "gold")
        out = subprocess.run(
            [sys.executable, str(a.polnear / "score.py"), str(gold), str(pred)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    print(f"## 4-fold CV over the {len(names)}-article training part (threshold {a.threshold}, C {a.C})")
    print(out)


if __name__ == "__main__":
    main()
