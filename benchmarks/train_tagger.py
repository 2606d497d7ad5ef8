"""Rebuild knowledge/extract/model/attribution_model.json, the learned cue model, from PolNeAR.

    .venv/bin/python benchmarks/train_tagger.py /work/shared/polnear/train /work/shared/polnear/dev [--cache DIR]

Every verb the rules consider (`attribution.verb_candidate`) in the 840 train articles, plus the 58-article
training part of dev (weighted `--dev-weight`, 2 by default: the articles the rules were tuned on, so the model
learns where they go wrong; on held-out dev it scores within ±0.4 of `--dev-weight 0`, the train-only model that
leaves every dev article unseen), becomes one example labelled by whether it lies inside an annotated cue;
`features.verb_features` describes it. A scikit-learn logistic regression (lbfgs, C=0.3) is deterministic, so the
same data gives a byte-identical file. The 26 held-out dev articles (`polnear.held_out`) are never trained on;
the script prints them, the training part and full dev with the corpus's `score.py`. Only feature names and
weights are written, never corpus text. `--cache DIR` keeps the spaCy parses as DocBins (outside the repository)
so a second run skips the parsing (~1.5 minutes on a quiet 2-core machine). Needs `pip install -e '.[train]'`.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
OUT = ROOT / "knowledge" / "extract" / "attribution_model.json"


def parsed(split: pathlib.Path, nlp, cache: pathlib.Path | None):
    """(names, docs) of a split, parsed on two processes, or read back from the cache."""
    from spacy.tokens import DocBin

    names = [p.stem for p in sorted((split / "text").glob("*.txt"))]
    key = cache / f"{split.name}-{len(names)}.spacy" if cache else None
    if key is not None and key.exists():
        return names, list(DocBin().from_disk(key).get_docs(nlp.vocab))
    texts = [(split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    docs = list(nlp.pipe(texts, batch_size=8, n_process=2))
    if key is not None:
        key.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin()
        for d in docs:
            db.add(d)
        db.to_disk(key)
    return names, docs


def candidate(tok, broad: bool):
    """The candidates `LearnedModel.candidate` gives, for a model trained with or without broad candidates."""
    from knowledge.extract.model.learned import LearnedModel

    return LearnedModel({}, 0.5, {"broad_candidates": broad}).candidate(tok)


def examples(docs, anns, broad: bool):
    """Cue examples: one per candidate verb, labelled by whether it lies inside an annotated cue."""
    from train_attribution import gold_cues

    from knowledge.extract.model.features import verb_features
    from knowledge.extract.parse.spans import QuoteIndex, caches

    X, y = [], []
    for doc, ann in zip(docs, anns):
        cues = gold_cues(ann)
        quotes = QuoteIndex(doc.text)
        with caches(doc):
            for tok in doc:
                in_lex = candidate(tok, broad)
                if in_lex is None:
                    continue
                s, e = tok.idx, tok.idx + len(tok)
                X.append(dict.fromkeys(verb_features(tok, in_lex, quotes.at(s) is not None), 1))
                y.append(int(any(a < e and s < b for a, b in cues)))
    return X, y


TRIM = " \t\r\n\u00a0\"'“”‘’,.:;"  # what score.py trims from each piece before comparing spans


def _trimmed(text: str, frags) -> tuple:
    out = []
    for s, e in frags:
        while s < e and text[s] in TRIM:
            s += 1
        while e > s and text[e - 1] in TRIM:
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def _gold_contents(ann: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """(cue fragments, content fragments) of every annotated relation."""
    spans, out = {}, []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and " " in parts[1]:
            label, offs = parts[1].split(" ", 1)
            try:
                spans[parts[0]] = [(int(a), int(b)) for a, b in (f.split() for f in offs.split(";"))]
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            args = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            out.append((spans.get(args.get("Cue", ""), []), spans.get(args.get("Content", ""), [])))
    return out


class _Recorder:
    """Stands in for the model during extraction: decides as the model does, and records, for every cue (mode
    "cue") or content span (mode "content"), its one-step edits with the span each would end as, changing nothing."""

    def __init__(self, model, mode: str):
        self.model, self.mode, self.rows, self._doc, self._quotes = model, mode, [], None, None
        self.accept, self.candidate = model.accept, model.candidate

    def refine_cue(self, doc, cue, content):
        from knowledge.extract.model.span_edits import cue_variants
        from knowledge.extract.parse.spans import fragments

        if self.mode != "cue":
            return self.model.refine_cue(doc, cue, content)
        edits = [
            (names, _trimmed(doc.text, fragments(doc, {t.i for t in longer})))
            for _, names, longer in cue_variants(doc, cue, content)
        ]
        if edits:
            self.rows.append((cue[0].idx, _trimmed(doc.text, fragments(doc, {t.i for t in cue})), edits))
        return cue

    def refine_content(self, doc, cue, content):
        from knowledge.extract.attribution.quotes import quote_content
        from knowledge.extract.model.span_edits import variants
        from knowledge.extract.parse.spans import QuoteIndex, fragments

        head = next((t for t in cue if t.pos_ in ("VERB", "AUX")), None)
        if head is None or self.mode != "content":
            return content
        if self._doc is not doc:
            self._doc, self._quotes = doc, QuoteIndex(doc.text)

        def final(idxs):
            return _trimmed(doc.text, quote_content(doc, self._quotes, cue, fragments(doc, idxs)))

        edits = [(names, final(edited)) for _, names, edited in variants(doc, head, content)]
        if edits:
            self.rows.append((cue[0].idx, final(content), edits))
        return content


def edit_examples(model, docs, anns, mode: str):
    """Edit examples: a variant is positive when it, and not the rules' span, equals the span annotated (cue or
    content) for the same cue. Only spans whose cue starts inside an annotated cue are used."""
    from knowledge.extract.attribution import relations as attribution
    from knowledge.extract.model import learned as span_model

    X, y = [], []
    for doc, ann in zip(docs, anns):
        rec = _Recorder(model, mode)
        span_model.set_scorer(rec)
        attribution.find_attributions(doc)
        gold = _gold_contents(ann)
        for cue_start, original, edits in rec.rows:
            wanted = {
                _trimmed(doc.text, q if mode == "cue" else c) for q, c in gold if any(s <= cue_start < e for s, e in q)
            }
            if not wanted:
                continue
            for names, edited in edits:
                X.append(dict.fromkeys(names, 1))
                y.append(int(edited in wanted and original not in wanted))
    span_model.reset_scorer()
    return X, y


def fit(X, y, C: float) -> dict[str, float]:
    """Deterministic lbfgs logistic regression; weights under 0.005 are dropped (they never change a decision)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    clf = LogisticRegression(C=C, max_iter=3000).fit(vec.fit_transform(X), y)
    weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 0.005}
    weights["__bias__"] = round(float(clf.intercept_[0]), 4)
    return weights


def score(dev: pathlib.Path, names, docs, gold: pathlib.Path) -> str:
    """The corpus scorer's summary line for `gold` (a dev folder or a subset of it)."""
    from knowledge.extract.attribution.relations import find_attributions
    from knowledge.extract.brat import to_brat

    with tempfile.TemporaryDirectory() as tmp:
        for name, doc in zip(names, docs):
            (pathlib.Path(tmp) / f"{name}.ann").write_text(to_brat(doc.text, find_attributions(doc)), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(dev.parent / "score.py"), str(gold), tmp], check=True, capture_output=True, text=True
        ).stdout
    return out.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=pathlib.Path)
    ap.add_argument("dev", type=pathlib.Path)
    ap.add_argument("--cache", type=pathlib.Path, help="keep parsed DocBins here (never inside the repository)")
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--dev-weight", type=int, default=2, help="copies of dev's training part (0: train split only)")
    ap.add_argument("--broad", action=argparse.BooleanOptionalAction, default=True, help="verbs outside the lexicon")
    ap.add_argument("--edit-C", type=float, default=1.0)
    ap.add_argument("--cue-edit-threshold", type=float, default=0.5, help="cue extents (1: no cue edit model)")
    ap.add_argument("--edit-threshold", type=float, default=0.3, help="boundary edits (1: no edit model)")
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    a = ap.parse_args()
    from polnear import _subset_gold, held_out

    from knowledge.extract.model import learned as span_model
    from knowledge.extract.model.learned import LearnedModel
    from knowledge.extract.nlp import load_nlp

    t0 = time.perf_counter()
    nlp = load_nlp()
    train, dev = a.train.resolve(), a.dev.resolve()
    tr_names, tr_docs = parsed(train, nlp, a.cache)
    dv_names, dv_docs = parsed(dev, nlp, a.cache)
    print(f"parsed {len(tr_docs)} train and {len(dv_docs)} dev articles in {time.perf_counter() - t0:.0f}s", flush=True)
    read = lambda split, n: (split / "ann" / f"{n}.ann").read_text(encoding="utf-8")  # noqa: E731
    part = [i for i, n in enumerate(dv_names) if not held_out(n)]
    docs = tr_docs + [dv_docs[i] for i in part] * a.dev_weight
    anns = [read(train, n) for n in tr_names] + [read(dev, dv_names[i]) for i in part] * a.dev_weight
    X, y = examples(docs, anns, a.broad)
    meta = {
        "train_articles": len(tr_names),
        "dev_training_part_articles": len(part) if a.dev_weight else 0,
        "dev_weight": a.dev_weight,
        "broad_candidates": a.broad,
        "cue_examples": len(y),
        "cue_positives": sum(y),
        "C": a.C,
        "features": "knowledge.extract.model.features.verb_features, knowledge.extract.model.span_edits.variants",
    }
    model = LearnedModel(fit(X, y, a.C), a.threshold, meta)
    print(f"cue model: {len(y)} candidates ({sum(y)} cues), {len(model.weights)} weights", flush=True)
    if a.cue_edit_threshold < 1:
        Xe, ye = edit_examples(model, docs, anns, "cue")
        model.cue_edits, model.cue_edit_threshold = fit(Xe, ye, a.edit_C), a.cue_edit_threshold
        meta.update(cue_edit_examples=len(ye), cue_edit_positives=sum(ye))
        print(f"cue edit model: {len(ye)} edits ({sum(ye)} right), {len(model.cue_edits)} weights", flush=True)
    if a.edit_threshold < 1:
        Xe, ye = edit_examples(model, docs, anns, "content")
        model.content, model.content_threshold = fit(Xe, ye, a.edit_C), a.edit_threshold
        meta.update(edit_examples=len(ye), edit_positives=sum(ye), edit_C=a.edit_C)
        print(f"content edit model: {len(ye)} edits ({sum(ye)} right), {len(model.content)} weights", flush=True)
    span_model.set_scorer(model)
    with tempfile.TemporaryDirectory() as tmp:
        ho = _subset_gold(dev, [n for n in dv_names if held_out(n)], pathlib.Path(tmp) / "ho")
        tp = _subset_gold(dev, [dv_names[i] for i in part], pathlib.Path(tmp) / "tp")
        scores = {"held_out_dev": score(dev, dv_names, dv_docs, ho), "full_dev": score(dev, dv_names, dv_docs, dev)}
        scores["dev_training_part"] = score(dev, dv_names, dv_docs, tp)
    for k, v in scores.items():
        print(f"  {k}: {v}")
    model.meta["scores"] = {k: v.split(": ", 1)[1].split(" (")[0] for k, v in scores.items()}
    a.out.write_text(json.dumps(model.to_json(), sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KB) in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
