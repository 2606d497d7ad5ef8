"""Speaker accuracy on the project's own test articles (tests/data/speakers): who said each claim.

    .venv/bin/python benchmarks/speakers.py [--dir tests/data/speakers]

Each article (NAME.txt, its metadata NAME.json) comes with NAME.expect.json: the claims a reader would mark (a few words of the content and the speaker: an entity's
name or, for somebody unnamed, the words that name them). A claim counts as right when a claim whose content holds
those words was extracted and its speaker (entity name, else its words) is the expected one; a claim not found
counts as wrong, so the figure is speaker accuracy over all expected claims, split into wrong speakers (far worse)
and claims not found. Also prints the extracted claims no expectation covers (spurious), dispute pairs on another
proposition or missed, weekday events dated wrong, furniture lines that yielded a claim or event, and the time per
article. Target: >= 95 %, no wrong speaker, no wrong pair.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.extract.pipeline import analyze_texts  # noqa: E402


def load(folder: Path) -> list[tuple[str, str, dict]]:
    """(name, text, expectations) per article; the publish date comes from the article's metadata sidecar."""
    out = []
    for txt in sorted(folder.glob("*.txt")):
        spec = json.loads(txt.with_name(txt.stem + ".expect.json").read_text(encoding="utf-8"))
        meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        spec["published"] = meta["published_at"]
        out.append((txt.stem, txt.read_text(encoding="utf-8"), spec))
    return out


def speakers_of(text: str, analysis) -> list[tuple[str, str]]:
    """(content text, speaker as a briefing shows it) for every extracted claim."""
    out = []
    for c in analysis.claims:
        name = analysis.entities[c.speaker_entity].name if c.speaker_entity is not None else c.speaker
        out.append((text[c.content[0] : c.content[1]], name or ""))
    return out


def others(text: str, spec: dict, analysis) -> dict[str, list[str]]:
    """Failures beyond speakers: dispute pairs on another proposition or missed, weekday events dated wrong, page
    furniture that became a claim or an event (its line overlaps one)."""
    quote = lambda c: text[c.content[0] : c.content[1]]  # noqa: E731
    pairs = [(quote(analysis.claims[d.claim]), quote(analysis.claims[d.other])) for d in analysis.disputes]
    wants = spec.get("disputes", [])
    out: dict[str, list[str]] = {"wrong pair": [], "missed pair": [], "wrong date": [], "furniture": []}
    if "disputes" in spec:
        out["wrong pair"] = [
            f"{c!r} / {d!r}" for c, d in pairs if not any(w["claim"] in c and w["denial"] in d for w in wants)
        ]
        out["wrong pair"] += [f"plain {p!r}" for p in spec.get("plain_denials", []) if any(p in d for _, d in pairs)]
        out["missed pair"] = [str(w) for w in wants if not any(w["claim"] in c and w["denial"] in d for c, d in pairs)]
    for want in spec.get("events", []):
        hits = [
            e for e in analysis.events if want["text"] in text[e.span[0] : e.span[1]] and e.trigger == want["trigger"]
        ]
        if not hits or str(hits[0].date_start) != want["date"]:
            out["wrong date"].append(f"{want['text']!r}: {hits[0].date_start if hits else 'no event'}")
    spans = [c.context for c in analysis.claims] + [e.span for e in analysis.events]
    for marker in spec.get("nonbody", []) + spec.get("cut", []):
        at = text.find(marker)
        line = (text.rfind("\n", 0, at) + 1, text.find("\n", at) % (len(text) + 1))
        if at >= 0 and any(s < line[1] and line[0] < e for s, e in spans):
            out["furniture"].append(repr(marker))
    return out


def score(text: str, spec: dict, analysis) -> tuple[int, int, list[str], list[str]]:
    found = speakers_of(text, analysis)
    right, wrong, used = 0, [], set()
    for want in spec["claims"]:
        hits = [i for i, (content, _) in enumerate(found) if want["content"] in content and i not in used]
        match = next((i for i in hits if found[i][1] == want["speaker"]), hits[0] if hits else None)
        if match is not None:
            used.add(match)
        if match is not None and found[match][1] == want["speaker"]:
            right += 1
        else:
            got = found[match][1] if match is not None else "(claim not found)"
            wrong.append(f"{want['content']!r}: expected {want['speaker']!r}, got {got!r}")
    spurious = [f"{c!r} by {s!r}" for i, (c, s) in enumerate(found) if i not in used]
    return right, len(spec["claims"]), wrong, spurious


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=ROOT / "tests" / "data" / "speakers")
    args = ap.parse_args()
    articles = load(args.dir)
    items = [(text, datetime.fromisoformat(spec["published"])) for _, text, spec in articles]
    list(analyze_texts(items[:1]))  # load the model outside the timing
    start = time.perf_counter()
    analyses = list(analyze_texts(items))
    elapsed = time.perf_counter() - start
    total_right = total = missing = 0
    failures: dict[str, int] = {}
    for (name, text, spec), analysis in zip(articles, analyses):
        right, n, wrong, spurious = score(text, spec, analysis)
        total_right, total = total_right + right, total + n
        missing += sum(line.endswith("'(claim not found)'") for line in wrong)
        print(f"{name}: {right}/{n}")
        for line in wrong:
            print(f"   wrong: {line}")
        for line in spurious:
            print(f"   spurious: {line}")
        for kind, lines in others(text, spec, analysis).items():
            failures[kind] = failures.get(kind, 0) + len(lines)
            for line in lines:
                print(f"   {kind}: {line}")
    print(f"speaker accuracy: {total_right}/{total} = {100 * total_right / max(total, 1):.1f} %")
    print(
        f"wrong speaker {total - total_right - missing}, claim not found {missing}; "
        + ", ".join(f"{k} {v}" for k, v in failures.items())
    )
    print(f"{len(articles)} articles in {elapsed:.2f} s ({1000 * elapsed / max(len(articles), 1):.0f} ms an article)")


if __name__ == "__main__":
    main()
