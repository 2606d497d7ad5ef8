"""PolNeAR as real news: its train and dev articles written out as articles with sidecars, ingested in one batch.

Each article becomes `<texts>/<split>/<name>.txt` (the corpus text with the metadata title as its first line, no
final period added: a headline, as a page gives it) and `<name>.txt.json` (title, publisher as outlet with its
domain, publication date, author, which for wire stories is the wire). The folder is outside git
(`benchmarks/realnews/texts/` is ignored): the corpus carries no licence, so its texts never enter the repo.
"""

from __future__ import annotations

import csv
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from realnews_gold import GoldAttribution, LineMap, polnear_gold

from knowledge.store import Store

OUTLETS = {
    "breitbart": ("Breitbart", "breitbart.com"),
    "huff-post": ("HuffPost", "huffingtonpost.com"),
    "nyt": ("The New York Times", "nytimes.com"),
    "politico": ("Politico", "politico.com"),
    "usa-today": ("USA Today", "usatoday.com"),
    "wash-post": ("The Washington Post", "washingtonpost.com"),
    "west-journal": ("Western Journal", "westernjournalism.com"),
}
NONE = {"", "None", "NA"}


@dataclass
class Article:
    split: str
    name: str
    publisher: str
    date: str
    author: str | None
    title: str
    wire: str | None
    credit: str | None

    @property
    def label(self) -> str:
        return f"{self.split}/{self.name}"


def read_metadata(polnear: Path, splits: tuple[str, ...] = ("train", "dev")) -> list[Article]:
    out = []
    for split in splits:
        with open(polnear / split / "metadata.tsv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out.append(
                    Article(
                        split,
                        row["filename"],
                        row["publisher"],
                        row["publication_date"],
                        None if row["author"] in NONE else row["author"],
                        row["title"].strip(),
                        None if row["wire"] in NONE else row["wire"],
                        None if row["credit"] in NONE else row["credit"],
                    )
                )
    return out


def with_title(text: str, title: str) -> str:
    """The corpus puts the title, with a period added, on line 1: put the title there as the page gave it."""
    _first, sep, rest = text.partition("\n")
    return f"{title}{sep}{rest}" if sep else text


def write_articles(polnear: Path, articles: list[Article], into: Path) -> list[Path]:
    paths = []
    for a in articles:
        folder = into / a.split
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{a.name}.txt"
        text = (polnear / a.split / "text" / f"{a.name}.txt").read_text(encoding="utf-8")
        path.write_text(with_title(text, a.title), encoding="utf-8")
        outlet, domain = OUTLETS.get(a.publisher, (a.publisher, None))
        meta = {"title": a.title, "outlet": outlet, "outlet_domain": domain, "published_at": a.date}
        if a.author or a.wire:
            meta["author"] = a.author or a.wire
        (folder / f"{a.name}.txt.json").write_text(json.dumps(meta), encoding="utf-8")
        paths.append(path)
    return paths


@dataclass
class Built:
    """The store and how its documents map back to the corpus."""

    store: Store
    articles: dict[str, Article] = field(default_factory=dict)  # document id -> article
    gold: dict[str, list[GoldAttribution]] = field(default_factory=dict)  # document id -> gold attributions
    ingest: dict[str, int] = field(default_factory=dict)
    seconds: float | None = None
    problems: list[str] = field(default_factory=list)


def build(polnear: Path, articles: list[Article], texts: Path, db: Path, reuse: bool) -> Built:
    """Ingest every article in one batch into `db` (kept for `--reuse`), then index the gold by document id."""
    from knowledge.ingest.service import ingest_paths

    ingest: dict[str, int] = {}
    problems: list[str] = []
    started = time.perf_counter()
    if not (reuse and db.exists()):
        db.unlink(missing_ok=True)
        paths = write_articles(polnear, articles, texts)
        with Store.open(db) as store:
            escaped = 0
            try:
                report = ingest_paths(store, paths)
            except Exception as exc:  # what this benchmark exists to catch: counted, not hidden
                escaped = 1
                problems.append(f"ingest raised {type(exc).__name__}: {exc}")
                report = None
            if report is not None:
                problems += report.problems
                ingest = {
                    "stored": report.stored,
                    "copies": report.count("duplicate"),
                    "already stored": report.count("exists"),
                    "skipped": len(report.skipped),
                    "failed stages": len(report.failed),
                }
            ingest["exceptions escaping"] = escaped
        seconds = time.perf_counter() - started
        saved = {"ingest": ingest, "problems": problems, "seconds": seconds}
        (db.parent / f"{db.stem}.ingest.json").write_text(json.dumps(saved))
    else:
        saved = json.loads((db.parent / f"{db.stem}.ingest.json").read_text())
        ingest, problems, seconds = saved["ingest"], saved["problems"], saved.get("seconds")
        if "already stored" not in ingest and "stored" in ingest:  # saved before this count was kept
            ingest["already stored"] = len(articles) - ingest["stored"] - ingest["copies"] - ingest["skipped"]
    built = Built(Store.open(db), ingest=ingest, seconds=seconds, problems=problems)
    by_label = {a.label: a for a in articles}
    for doc in built.store.iter_documents():
        origin = Path(doc.origin or "")
        a = by_label.get(f"{origin.parent.name}/{origin.stem}")
        if a is None:
            continue
        built.articles[doc.id] = a
        original = (polnear / a.split / "text" / f"{a.name}.txt").read_text(encoding="utf-8")
        ann = polnear / a.split / "ann" / f"{a.name}.ann"
        built.gold[doc.id] = polnear_gold(doc.id, a.label, ann, LineMap(original, doc.text), doc.text)
    return built


def copies(built: Built) -> dict[str, object]:
    """Documents recorded as copies against the `wire` column: wire stories carried twice should be joined;
    a join between two articles without a wire credit is suspect (listed)."""
    from knowledge.text.copies import copy_score

    joined = []
    texts = {d.id: d.text for d in built.store.iter_documents()}
    for doc in built.store.iter_documents():
        if doc.duplicate_of and doc.id in built.articles:
            original = built.articles.get(doc.duplicate_of)
            similar = copy_score(doc.text, texts.get(doc.duplicate_of, ""))
            joined.append((built.articles[doc.id], original, similar))
    wire = [(doc_id, a) for doc_id, a in built.articles.items() if a.wire]
    recorded = {(c.label, o.label) for c, o, _ in joined if o} | {(o.label, c.label) for c, o, _ in joined if o}
    # what the wire column lets us check: two articles credited to one wire that share at least half their text
    # (every pair compared, not only the candidates ingestion's MinHash bands propose)
    pairs = [
        (a, b)
        for n, (da, a) in enumerate(wire)
        for db_, b in wire[n + 1 :]
        if a.wire.lower() == (b.wire or "").lower() and copy_score(texts.get(da, ""), texts.get(db_, "")) >= 0.5
    ]
    return {
        "wire-credited articles": len(wire),
        "wire pairs sharing half their text": len(pairs),
        "of them recorded": sum(1 for a, b in pairs if (a.label, b.label) in recorded),
        "wire pairs not recorded": [
            f"{a.label} ~ {b.label} ({a.wire})" for a, b in pairs if (a.label, b.label) not in recorded
        ],
        "recorded as copies": len(joined),
        "copies of a wire story": sum(1 for c, o, _ in joined if c.wire or (o and o.wire)),
        "joins without a wire credit": [
            f"{c.label} → {o.label if o else '?'} ({similar:.0%} shared word shingles)"
            for c, o, similar in joined
            if not c.wire and not (o and o.wire)
        ],
    }
