"""The source viewer on the demo store: every link of a real briefing checked, then page latency measured.

    python benchmarks/viewer.py [--topics kellogg,witkoff,...] [--rounds 20] [--concurrency 1]
    python benchmarks/viewer.py --realset /work/realset     # the real-news set instead of the demo corpus

Starts `briefbot serve --http` as a subprocess on loopback (a fake Slack Web API beside it) with a public URL and a
link key, takes `briefbot brief TOPIC --format json` for each topic from the CLI, and

1. checks every citation: it has a `view_url`, and the page served for it holds in its <mark> exactly the
   citation's quote; one tampered and one expired link per topic must be 403 (exits 1 on any failure);
2. times GET of every viewer page over HTTP, `--rounds` times (p50/p99/max), and the same pages through the
   handler in this process (no HTTP), which is the page's own cost. Target: p99 <= 20 ms per page.

`--realset DIR` ingests DIR/texts/*.txt with the metadata of DIR/set-*.json (outlet, date, URL, title) into the
store first and briefs every actor query of its stories instead of `--topics` (the texts stay outside the repo).

The machine is shared with other agents' test runs: read the figures as an upper bound.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.fakeslack import FakeSlack  # noqa: E402
from tests.e2e.servers import free_port, start_serve  # noqa: E402

SECRET = "benchmark-viewer-key-0123456789abcdef-0123456789"
TOPICS = "kellogg,witkoff,lukashenko,tikhanovsky,zelensky"
MARK = re.compile(r'<mark id="cited"[^>]*>(.*?)</mark>', re.S)


def citations(data) -> list[dict]:
    if isinstance(data, dict):
        here = [data] if {"document_id", "start", "end", "quote"} <= set(data) else []
        return here + [c for v in data.values() for c in citations(v)]
    if isinstance(data, list):
        return [c for v in data for c in citations(v)]
    return []


def marked(body: str) -> str | None:
    m = MARK.search(body)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) if m else None


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def show(name: str, ms: list[float]) -> None:
    print(
        f"{name:38} n={len(ms):5}  p50 {statistics.median(ms):6.2f} ms  p99 {pct(ms, 0.99):6.2f} ms  "
        f"max {max(ms):6.2f} ms"
    )


def load_realset(root: Path, db: Path, work: Path) -> list[str]:
    """Real articles with their metadata as sidecars, ingested and extracted; returns the actor queries."""
    from knowledge.ingest.service import ingest_paths
    from knowledge.store import Store

    sets = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(root.glob("set-*.json"))]
    articles = {a["id"]: a for meta in sets for a in meta["articles"]}
    files = []
    for a in articles.values():
        text = root / "texts" / f"{a['id']}.txt"
        if not text.exists():
            continue
        copy = work / text.name
        copy.write_bytes(text.read_bytes())
        side = {k: a.get(k) for k in ("url", "title", "outlet", "outlet_domain") if a.get(k)}
        if a.get("published_at"):
            side["published_at"] = a["published_at"] + ("T12:00:00+00:00" if len(a["published_at"]) == 10 else "")
        (work / f"{text.name}.json").write_text(json.dumps(side), encoding="utf-8")
        files.append(copy)
    with Store.open(db) as store:
        report = ingest_paths(store, files)
    print(f"realset: {len(files)} articles ingested ({len(report.skipped)} skipped)")
    return sorted({actor["query"] for meta in sets for story in meta["stories"] for actor in story["actors"]})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--topics", default=TOPICS)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--concurrency", type=int, default=1)
    ap.add_argument("--realset", type=Path, help="a real-news set (texts/ and set-A.json) instead of the demo")
    args = ap.parse_args()
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    os.environ.update({"BRIEFBOT_PUBLIC_URL": public, "BRIEFBOT_LINK_SECRET": SECRET})
    failures = 0
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as slack:
        db = Path(tmp) / "viewer.db"
        topics = args.topics.split(",")
        if args.realset:
            (Path(tmp) / "texts").mkdir()
            topics = load_realset(args.realset, db, Path(tmp) / "texts")
        proc, _ = start_serve(db, slack.api_url, port=port, cwd=Path(tmp))  # an empty store gets the demo corpus
        try:
            links: list[dict] = []
            for topic in topics:
                done = subprocess.run(
                    [sys.executable, "-m", "bot.cli", "--db", str(db), "brief", topic, "--format", "json"],
                    capture_output=True,
                    text=True,
                    cwd=tmp,
                )
                if done.returncode not in (0, 3):  # 3: nothing known about the topic
                    print(f"{topic:12} brief failed: {done.stderr.strip()[-300:]}")
                    failures += 1
                    continue
                found = citations(json.loads(done.stdout))
                missing = [c for c in found if not c.get("view_url")]
                print(f"{topic:12} {len(found):3} citations, {len(missing)} without view_url")
                failures += len(missing) + (not found and not args.realset)  # a real topic may have no lines
                links += [c for c in found if c.get("view_url")]
            client = httpx.Client(timeout=10)
            wrong = 0
            for c in links:
                resp = client.get(c["view_url"])
                if resp.status_code != 200 or marked(resp.text) != c["quote"]:
                    wrong += 1
                    print(f"  WRONG {resp.status_code} {c['document_id']} {c['start']}-{c['end']}")
            print(f"checked {len(links)} viewer links: {len(links) - wrong} mark the exact quote, {wrong} wrong")
            failures += wrong
            from knowledge.brief.model import CitationRef
            from knowledge.render.links import Linker, Signer

            first = links[0]
            tampered = first["view_url"].replace("span=", "span=1")
            ref = CitationRef(document_id=first["document_id"], start=first["start"], end=first["end"], quote="")
            expired = Linker(public, Signer(SECRET.encode()), days=1, clock=lambda: time.time() - 3 * 86400).view_url(
                ref
            )
            codes = [client.get(u).status_code for u in (tampered, expired)]
            print(f"tampered link: {codes[0]}, expired link: {codes[1]} (both must be 403)")
            failures += sum(code != 403 for code in codes)

            urls = [c["view_url"] for c in links]

            def one(url: str) -> float:
                t0 = time.perf_counter()
                r = client.get(url)
                assert r.status_code == 200
                return (time.perf_counter() - t0) * 1000

            for url in urls[:5]:
                one(url)  # warm: templates compiled, store pages cached
            with ThreadPoolExecutor(args.concurrency) as pool:
                http_ms = list(pool.map(one, urls * args.rounds))
            show(f"GET viewer page over HTTP (x{args.concurrency})", http_ms)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        from bot.web.viewer import ViewerPages
        from knowledge.render.links import signer_from_settings
        from knowledge.store import Store

        with Store.open(db) as store:
            pages = ViewerPages(lambda: store, signer_from_settings())
            local = []
            for url in urls * args.rounds:
                parts = urlsplit(url)
                t0 = time.perf_counter()
                resp = pages.handle("GET", parts.path, parts.query, {})
                local.append((time.perf_counter() - t0) * 1000)
                assert resp.status == 200
            show("viewer page in process (no HTTP)", local)
            sizes = [len(pages.handle("GET", urlsplit(u).path, urlsplit(u).query, {}).body) for u in urls]
            print(f"page size: median {statistics.median(sizes) / 1024:.1f} KiB, max {max(sizes) / 1024:.1f} KiB")
    print("OK" if not failures else f"FAILED: {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
