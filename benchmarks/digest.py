"""Digest fan-out: 1,000 subscribed channels against a fake Slack that enforces Slack-like rate limits.

    python benchmarks/digest.py [--channels 1000] [--per-channel 1.0] [--workspace-per-min 6000]
                                [--schedulers 2] [--postgres | --db PATH_OR_URL]

The fake answers 429 + Retry-After when one channel gets more than ~1 message/s or the workspace exceeds its
per-minute budget. Digests are sent by the same `run_digests` the scheduler uses; deferred ones are retried by
further runs as their Retry-After passes. Prints total time and messages/s. Target: ≤ 60 s.

`--schedulers N` runs N schedulers at once on the same store, each with its own connections (replicas), and
counts every channel's top-level digest posts: each must be exactly one. `--postgres` uses a throwaway local
PostgreSQL cluster (tests/pgcluster.py) instead of a SQLite file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
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
    ap.add_argument("--schedulers", type=int, default=1, help="schedulers running at once on the same store")
    ap.add_argument("--db", help="the store: a SQLite path or postgresql:// URL (default: a temporary file)")
    ap.add_argument("--postgres", action="store_true", help="use a throwaway local PostgreSQL cluster")
    args = ap.parse_args()
    cluster = None
    if args.postgres and not args.db:
        from tests.pgcluster import PgCluster

        cluster = PgCluster().start()
        args.db = cluster.create_database(name="digest_bench")
    created = datetime(2025, 1, 1, tzinfo=UTC)
    now = datetime(2025, 1, 15, 8, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as slack:
        target = args.db or str(Path(tmp) / "digest.db")
        stores = ThreadStores(target)
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
        counts = [0] * args.schedulers
        barrier = threading.Barrier(args.schedulers)

        def scheduler(i: int) -> None:
            own = stores if i == 0 else ThreadStores(target)
            barrier.wait()
            run = run_digests(own, client, now, workers=args.workers)
            sent, pending = run.sent, True
            while pending:
                time.sleep(1)
                later = now + timedelta(seconds=time.perf_counter() - start + 1)
                again = run_digests(own, client, later, workers=args.workers)
                sent += again.sent + again.recovered
                pending = own.get().db.execute("SELECT 1 FROM digests WHERE status = 'pending' LIMIT 1").fetchone()
            counts[i] = sent
            if own is not stores:
                own.close_all()

        threads = [threading.Thread(target=scheduler, args=(i,)) for i in range(args.schedulers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        sent = sum(counts)
        total = time.perf_counter() - start
        messages = len(slack.calls_to("chat.postMessage")) - slack.throttled
        per_channel: dict[str, int] = {}
        for call in slack.calls_to("chat.postMessage"):
            if call.ok and not call.params.get("thread_ts"):
                per_channel[call.params["channel"]] = per_channel.get(call.params["channel"], 0) + 1
        stores.close_all()
    if cluster:
        cluster.stop()
    doubled = sum(n - 1 for n in per_channel.values() if n > 1)
    missing = args.channels - len(per_channel)
    print(
        f"digest benchmark: {args.channels} channels, limits {args.per_channel}/s per channel, "
        f"{args.workspace_per_min}/min per workspace"
    )
    print(f"  {sent} digests sent, {messages} messages accepted, {slack.throttled} answered 429")
    print(f"  total {total:.1f} s, {messages / total:.1f} messages/s (target: all digests within 60 s)")
    print(
        f"  {args.schedulers} scheduler(s) on {'PostgreSQL' if '://' in target else 'SQLite'}: sent {counts}; "
        f"digests posted twice: {doubled}, channels missed: {missing} "
        f"({'every digest exactly once' if not doubled and not missing else 'NOT exactly once'})"
    )


if __name__ == "__main__":
    main()
