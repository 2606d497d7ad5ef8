"""Digest fan-out: 1,000 subscribed channels against a fake Slack that enforces Slack-like rate limits.

    python benchmarks/digest.py [--channels 1000] [--per-channel 1.0] [--workspace-per-min 6000]

The fake answers 429 + Retry-After when one channel gets more than ~1 message/s or the workspace exceeds its
per-minute budget. Digests are sent by the same `run_digests` the scheduler uses; deferred ones are retried by
further runs as their Retry-After passes. Prints total time and messages/s. Target: ≤ 60 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_sdk import WebClient  # noqa: E402

from bot.digests import run_digests  # noqa: E402
from knowledge.ingest.service import ingest
from knowledge.models import DocumentInput  # noqa: E402
from knowledge.store.threads import ThreadStores  # noqa: E402
from knowledge.workspace.subscriptions import subscribe  # noqa: E402
from tests.e2e.fakeslack import FakeSlack  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--channels", type=int, default=1000)
    ap.add_argument("--per-channel", type=float, default=1.0)
    ap.add_argument("--workspace-per-min", type=int, default=6000)
    ap.add_argument("--workers", type=int, default=48)
    args = ap.parse_args()
    created = datetime(2025, 1, 1, tzinfo=UTC)
    now = datetime(2025, 1, 15, 8, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as slack:
        stores = ThreadStores(Path(tmp) / "digest.db")
        store = stores.get()
        for n in range(3):
            text = (
                f"Harbour chief Maria Lindqvist met port workers in Gdansk on Monday about rota {n}. "
                f"Lindqvist said that rota {n} would start in spring, and the union denied that it had agreed."
            )
            at = now - timedelta(hours=5 + n)
            ingest(
                store,
                [
                    (
                        str(n),
                        DocumentInput(
                            text=text,
                            outlet=f"Wire {n}",
                            url=f"https://w.example/{n}",
                            published_at=at,
                            retrieved_at=at,
                        ),
                    )
                ],
            )
        for c in range(args.channels):
            subscribe(store, "T1", f"C{c:05d}", "lindqvist", now=created)
        slack.enforce_limits(args.per_channel, args.workspace_per_min)
        client = WebClient(token="xoxb-bench", base_url=slack.api_url)
        start = time.perf_counter()
        run = run_digests(stores, client, now, workers=args.workers)
        sent, deferred = run.sent, run.deferred
        while deferred:
            time.sleep(1)
            later = now + timedelta(seconds=time.perf_counter() - start + 1)
            again = run_digests(stores, client, later, workers=args.workers)
            sent += again.sent + again.recovered
            deferred = sum(1 for r in store.db.query("SELECT 1 FROM digests WHERE status = 'pending'"))
        total = time.perf_counter() - start
        messages = len(slack.calls_to("chat.postMessage")) - slack.throttled
        stores.close_all()
    print(
        f"digest benchmark: {args.channels} channels, limits {args.per_channel}/s per channel, "
        f"{args.workspace_per_min}/min per workspace"
    )
    print(f"  {sent} digests sent, {messages} messages accepted, {slack.throttled} answered 429")
    print(f"  total {total:.1f} s, {messages / total:.1f} messages/s (target: all digests within 60 s)")


if __name__ == "__main__":
    main()
