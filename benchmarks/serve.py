"""Ack latency and briefing throughput of `briefbot serve --http` under concurrent signed slash commands.

    python benchmarks/serve.py [--requests 200] [--concurrency 20]

Starts the server as a subprocess on loopback against a fake Slack Web API (also on loopback), fires signed
`/brief <topic>` commands from a thread pool, and prints the HTTP ack latency (p50/p99) and how many briefings
per second arrive at the response_url. Target: p99 ack < 300 ms at 20 concurrent commands on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.fakeslack import FakeSlack  # noqa: E402
from tests.e2e.servers import start_serve  # noqa: E402
from tests.e2e.slackreq import signed_headers, slash_command  # noqa: E402

TOPICS = ["kellogg", "witkoff", "lukashenko", "tikhanovsky", "zelensky", "minsk", "ceasefire", "dudakov"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as slack:
        proc, url = start_serve(Path(tmp) / "serve.db", slack.api_url)
        try:
            client = httpx.Client(timeout=10, limits=httpx.Limits(max_connections=args.concurrency * 2))

            def one(i: int) -> float:
                body = slash_command(TOPICS[i % len(TOPICS)], slack.new_response_url(), user_id=f"U{i}")
                start = time.perf_counter()
                resp = client.post(url + "/slack/events", content=body.encode(), headers=signed_headers(body))
                elapsed = (time.perf_counter() - start) * 1000
                assert resp.status_code == 200, resp.status_code
                return elapsed

            one(0)
            slack.wait_for_responses(1, timeout=60)
            done_before = len(slack.response_posts())
            start = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                acks = list(pool.map(one, range(1, args.requests + 1)))
            slack.wait_for_responses(done_before + args.requests, timeout=300)
            total = time.perf_counter() - start
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    acks.sort()
    p99 = acks[min(len(acks) - 1, int(0.99 * len(acks)))]
    print(f"serve benchmark: {args.requests} signed /brief commands, {args.concurrency} concurrent")
    print(f"  ack latency: p50 {statistics.median(acks):.1f} ms  p99 {p99:.1f} ms  (target p99 < 300 ms)")
    print(f"  briefings delivered: {args.requests / total:.1f} per second ({total:.1f} s in all)")


if __name__ == "__main__":
    main()
