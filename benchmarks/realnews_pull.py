"""Re-pull the texts of our real-news set into its ignored `texts/` folder, checked against the annotation.

The repository keeps only the annotations (`benchmarks/realnews/set/set-*.json`: per article the search query,
URL, outlet, date and the sha256 of its text); the texts are never committed. To score the set again:

1. For each article, run its `query` with the `search` tool on the `pages` corpus and save the answer as JSON
   (one file per query, or all results in one file). Any of these shapes is read: a list of results, or an object
   with `results`; each result with its address in `url` or `address` and its words in `text`, `content` or
   `excerpt`.
2. `python benchmarks/realnews_pull.py benchmarks/realnews/set saved-results/*.json`
   writes `benchmarks/realnews/set/texts/<article-id>.txt` for every article whose URL is found and whose text
   hashes to the annotated sha256 (as saved, or as "title, blank line, text", the set's layout). Anything else is
   listed with its reason and not written (`--force` writes it anyway, for a look; the scorer then reports the
   sha256 mismatch, since annotated spans may no longer be in it).
3. `python benchmarks/realnews.py --set benchmarks/realnews/set`.

Exit code 0 when every article's text is in place, 2 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path


def _norm_url(url: str) -> str:
    url = url.strip().split("#", 1)[0]
    for prefix in ("https://", "http://"):
        url = url.removeprefix(prefix)
    return url.removeprefix("www.").rstrip("/").lower()


def read_results(paths: list[Path]) -> dict[str, str]:
    """URL (normalised) -> text, from saved search answers."""
    found: dict[str, str] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        results = data.get("results", []) if isinstance(data, dict) else data
        for r in results if isinstance(results, list) else []:
            if not isinstance(r, dict):
                continue
            url = r.get("url") or r.get("address")
            text = r.get("text") or r.get("content") or r.get("excerpt")
            if isinstance(url, str) and isinstance(text, str) and text.strip():
                found.setdefault(_norm_url(url), text)
    return found


def candidates(article: dict, text: str) -> list[str]:
    """The ways a saved text may have been laid out when it was annotated."""
    title = article.get("title") or ""
    out = [text, text.strip() + "\n"]
    if title and not text.startswith(title):
        out += [f"{title}\n\n{text}", f"{title}\n\n{text.strip()}\n"]
    return out


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pull(folder: Path, saved: list[Path], force: bool = False) -> tuple[list[str], list[str]]:
    """Write what matches; returns (written article ids, problems)."""
    results = read_results(saved)
    out_dir = folder / "texts"
    out_dir.mkdir(parents=True, exist_ok=True)
    written, problems = [], []
    for path in sorted(folder.glob("set-*.json")):
        for article in json.loads(path.read_text(encoding="utf-8")).get("articles", []):
            aid, url = article["id"], article.get("url") or ""
            text = results.get(_norm_url(url))
            if text is None:
                problems.append(f"{aid}: {url} not in the saved results (search: {article.get('query')!r})")
                continue
            match = next((t for t in candidates(article, text) if sha(t) == article.get("sha256")), None)
            if match is None:
                problems.append(f"{aid}: the saved text does not hash to the annotated sha256")
                if not force:
                    continue
                match = candidates(article, text)[-1]
            (out_dir / f"{aid}.txt").write_bytes(match.encode("utf-8"))
            written.append(aid)
    return written, problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", type=Path, help="folder with the set-*.json annotations (texts go to its texts/)")
    ap.add_argument("saved", type=Path, nargs="+", help="saved search answers (JSON)")
    ap.add_argument("--force", action="store_true", help="write texts whose sha256 differs too")
    args = ap.parse_args()
    written, problems = pull(args.set, args.saved, args.force)
    print(f"wrote {len(written)} texts into {args.set / 'texts'}")
    for p in problems:
        print(f"  {p}")
    sys.exit(2 if problems else 0)


if __name__ == "__main__":
    main()
