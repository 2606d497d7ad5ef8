"""Summary figures on the demo corpus: storylines, summary lines and sizes of each view, per topic.

    python benchmarks/summary.py [--db PATH] [topic ...]

Ingests the bundled demo corpus into a fresh store (or reads --db), then for each topic prints how many members
(event and claim rows) were grouped into how many storylines, the summary's lines and characters, how many lines
cite two or more documents, and the size of the default text view (URLs not counted) and of the first Slack
message (visible characters). These are the figures the summary issue (#18) sets limits for.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.slack.summary import summary_message, visible_length  # noqa: E402
from knowledge.brief import outline as outline_module  # noqa: E402
from knowledge.brief.compose import compose  # noqa: E402
from knowledge.brief.query import parse_query  # noqa: E402
from knowledge.ingest.service import ingest_demo  # noqa: E402
from knowledge.render import render  # noqa: E402
from knowledge.store import Store  # noqa: E402

TOPICS = ["kellogg", "lukashenko", "witkoff", "zelensky", "tikhanovsky", "ceasefire"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path)
    ap.add_argument("topics", nargs="*")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "demo.db"
    seen: dict[str, tuple[int, int]] = {}
    real = outline_module.outline

    def counting(members, *rest, **kw):
        lines, storylines = real(members, *rest, **kw)
        seen["last"] = (len(members), len(storylines))
        return lines, storylines

    import knowledge.brief.compose as compose_module

    compose_module.outline = counting
    with Store.open(path) as store:
        if not store.document_count():
            ingest_demo(store)
        print(
            "| topic | members | storylines | summary lines | summary chars | multi-document lines | text chars | Slack chars |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for topic in args.topics or TOPICS:
            b = compose(store, parse_query(topic))
            if b.kind != "briefing":
                print(f"| {topic} | {b.kind} | | | | | | |")
                continue
            members, storylines = seen.get("last", (0, 0))
            chars = sum(len(line.text) for line in b.summary)
            multi = sum(1 for line in b.summary if len({c.document_id for c in line.citations}) >= 2)
            text = len(re.sub(r"https?://\S+", "", render(b, "text")))
            slack = visible_length(summary_message(b)["blocks"]) if b.summary else 0
            print(f"| {topic} | {members} | {storylines} | {len(b.summary)} | {chars} | {multi} | {text} | {slack} |")
    tmp.cleanup()


if __name__ == "__main__":
    main()
