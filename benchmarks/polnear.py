"""Score the attribution extractor on PolNeAR dev: held-out quarter (the honest figure) and full dev (reference).

    .venv/bin/python benchmarks/polnear.py /work/shared/polnear [--keep PRED_DIR] [--sentence-level]

The held-out quarter is fixed by file name (see `held_out`), the same split `train_attribution.py` leaves out, so
the learned cue scorer never sees those articles. Gold files are symlinked into a temporary folder for the scorer;
nothing from the corpus is written into the repository.

`--model PATH` scores another model file, e.g. one trained on the train split alone (`train_tagger.py --dev-weight 0
--out PATH`), for which every dev article is unseen and the full-dev row is an honest figure too.

`--sentence-level` adds a secondary held-out (and full-dev) figure closer to the published references' protocol, which tags only
sentences known to hold an attribution: predicted relations whose cue lies in a sentence without any gold span are
left out before scoring. The headline stays the document-level figure, which also charges false alarms elsewhere.
"""

from __future__ import annotations

import argparse
import hashlib
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))


def held_out(name: str) -> bool:
    """A stable ~25% of articles, chosen by a hash of the file name so it never depends on listing order."""
    return int(hashlib.md5(name.encode()).hexdigest(), 16) % 4 == 0


def _subset_gold(dev: pathlib.Path, names: list[str], into: pathlib.Path) -> pathlib.Path:
    for sub, ext in (("text", "txt"), ("ann", "ann")):
        (into / sub).mkdir(parents=True)
        for n in names:
            (into / sub / f"{n}.{ext}").symlink_to(dev / sub / f"{n}.{ext}")
    return into


def _score(polnear: pathlib.Path, gold: pathlib.Path, pred: pathlib.Path) -> str:
    return subprocess.run(
        [sys.executable, str(polnear / "score.py"), str(gold), str(pred)], check=True, capture_output=True, text=True
    ).stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=pathlib.Path)
    ap.add_argument("--keep", type=pathlib.Path, help="write predictions here instead of a temp folder")
    ap.add_argument("--sentence-level", action="store_true", help="also score held-out on gold-bearing sentences")
    ap.add_argument("--timing", action="store_true", help="also time parse vs extraction on 600-word chunks")
    ap.add_argument("--extractor", choices=("learned", "rules"), default="learned", help="cue decisions to score")
    ap.add_argument("--model", type=pathlib.Path, help="score this model file instead of the shipped one")
    a = ap.parse_args()
    from knowledge.extract.brat import attribute_dir
    from knowledge.extract.model.learned import load_model, set_scorer, use_extractor
    from knowledge.extract.nlp import load_nlp

    use_extractor(a.extractor)
    if a.model is not None:  # e.g. one `train_tagger.py --dev-weight 0 --out` wrote: every dev article unseen
        set_scorer(load_model(a.model))

    dev = (a.polnear / "dev").resolve()
    names = sorted(p.stem for p in (dev / "text").glob("*.txt"))
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        pred = a.keep or tmp / "pred"
        t0 = time.perf_counter()
        n, _ = attribute_dir(dev / "text", pred, nlp=nlp)
        dt = time.perf_counter() - t0
        gold_ho = _subset_gold(dev, [x for x in names if held_out(x)], tmp / "heldout")
        print(f"## held-out dev ({sum(held_out(x) for x in names)} articles)")
        print(_score(a.polnear, gold_ho, pred))
        if a.sentence_level:
            kept = _in_gold_sentences(nlp, dev, [x for x in names if held_out(x)], pred, tmp / "sentences")
            print("## held-out dev, sentence level (relations in sentences holding a gold span; secondary figure)")
            print(_score(a.polnear, gold_ho, kept).splitlines()[-1])
            print()
        gold_tr = _subset_gold(dev, [x for x in names if not held_out(x)], tmp / "train")
        print(
            f"## training part of dev ({sum(not held_out(x) for x in names)} articles: cue scorer trained and rules tuned here)"
        )
        print(_score(a.polnear, gold_tr, pred).splitlines()[-1])
        print()
        print(f"## full dev ({len(names)} articles, reference only: includes the training part)")
        print(_score(a.polnear, dev, pred))
        if a.sentence_level:
            kept = _in_gold_sentences(nlp, dev, names, pred, tmp / "sentences-all")
            print("## full dev, sentence level (secondary figure)")
            print(_score(a.polnear, dev, kept).splitlines()[-1])
        print(f"{n} documents in {dt:.1f}s (parse + extraction) = {n / dt:.1f} docs/s")
    if a.timing:
        _timing(nlp, dev / "text")


def _in_gold_sentences(
    nlp, dev: pathlib.Path, names: list[str], pred: pathlib.Path, into: pathlib.Path
) -> pathlib.Path:
    """Copy each prediction file keeping only the relations (and their spans) whose cue starts in a gold sentence."""
    into.mkdir()
    for name in names:
        text = (dev / "text" / f"{name}.txt").read_text(encoding="utf-8")
        gold = [
            _offsets(line)
            for line in (dev / "ann" / f"{name}.ann").read_text(encoding="utf-8").splitlines()
            if line.startswith("T") and line.split("\t")[1].split(" ")[0] in ("Source", "Cue", "Content")
        ]
        marked = {i for frags in gold for s, e in frags for i in range(s, e)}
        sents = [
            (s.start_char, s.end_char)
            for s in nlp(text).sents
            if any(i in marked for i in range(s.start_char, s.end_char))
        ]
        lines = (pred / f"{name}.ann").read_text(encoding="utf-8").splitlines()
        spans = {line.split("\t")[0]: _offsets(line) for line in lines if line.startswith("T")}
        keep: set[str] = set()
        for line in lines:
            if not line.startswith("E"):
                continue
            args = dict(arg.split(":", 1) for arg in line.split("\t")[1].split())
            cue = spans.get(args.get("Cue", ""), [])
            if cue and any(s <= cue[0][0] < e for s, e in sents):
                keep |= {line.split("\t")[0], *args.values()}
        (into / f"{name}.ann").write_text(
            "".join(f"{ln}\n" for ln in lines if ln.split("\t")[0] in keep), encoding="utf-8"
        )
    return into


def _offsets(t_line: str) -> list[tuple[int, int]]:
    frags = t_line.split("\t")[1].split(" ", 1)[1]
    return [(int(s), int(e)) for s, e in (f.split() for f in frags.split(";"))]


def _timing(nlp, text_dir: pathlib.Path, words_per_doc: int = 600) -> None:
    """Extraction overhead over the parse it needs, on documents of a typical article's length."""
    from knowledge.extract.attribution.relations import find_attributions

    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(text_dir.glob("*.txt"))).split(" ")
    docs = [" ".join(words[i : i + words_per_doc]) for i in range(0, len(words) - words_per_doc, words_per_doc)]
    list(nlp.pipe(docs[:4]))
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(docs, batch_size=16))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc in parsed:
        find_attributions(doc)
    t_extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(nlp.pipe(docs, batch_size=8, n_process=2))
    t_parse2 = time.perf_counter() - t0
    n = len(docs)
    print(
        f"{n} docs of {words_per_doc} words: parse {n / t_parse:.1f} docs/s (1 process), "
        f"{n / t_parse2:.1f} docs/s (2 processes); extraction {1000 * t_extract / n:.1f} ms/doc, "
        f"overhead {(t_parse + t_extract) / t_parse:.3f}x"
    )


if __name__ == "__main__":
    main()
