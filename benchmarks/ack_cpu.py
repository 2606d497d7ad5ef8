"""CPU of one `/brief` acknowledgement in the serving process, timed in process (no socket, no HTTP server).

    python benchmarks/ack_cpu.py [--acks 400] [--profile]

Builds the real app (`create_app`, compose processes included) on a copy of the demo store against a fake Slack
Web API on loopback, and calls the WSGI app directly with signed slash commands, one at a time with a pause
between them so each ack is timed alone. Prints the request thread's CPU per ack (`time.thread_time`: what the
machine's other load moves least) and its wall time; `--profile` adds a cProfile of the ack path by thread CPU.
Why: on a shared machine `serve.py`'s latencies move with everyone else's work, and the ack's own CPU is what
every other acknowledgement waits behind for the interpreter lock.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.fakeslack import FakeSlack  # noqa: E402
from tests.e2e.slackreq import SECRET, signed_headers, slash_command  # noqa: E402

TOPICS = ["kellogg", "witkoff", "lukashenko", "zelensky"]


def environ(body: str) -> dict:
    """A WSGI environ as waitress builds it for a signed slash command."""
    headers = signed_headers(body)
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "3000",
        "wsgi.url_scheme": "http",
        "CONTENT_TYPE": headers["Content-Type"],
        "CONTENT_LENGTH": str(len(body.encode())),
        "wsgi.input": io.BytesIO(body.encode()),
        "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["X-Slack-Request-Timestamp"],
        "HTTP_X_SLACK_SIGNATURE": headers["X-Slack-Signature"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--acks", type=int, default=400)
    ap.add_argument("--profile", action="store_true", help="cProfile of the ack path (thread CPU)")
    args = ap.parse_args()
    from bot.app import create_app
    from bot.server import make_server
    from bot.settings import SlackSettings
    from knowledge.ingest.service import ingest_demo
    from knowledge.store import Store

    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as slack:
        db = Path(tmp) / "ack.db"
        with Store.open(db) as store:
            ingest_demo(store)
        settings = SlackSettings(
            slack_bot_token="xoxb-test-token", slack_signing_secret=SECRET, slack_api_url=slack.api_url, _env_file=None
        )
        app, deps = create_app(settings, str(db))
        server = make_server(app, "127.0.0.1", 0)
        profile = cProfile.Profile(time.thread_time) if args.profile else None

        def ack(i: int) -> tuple[float, float]:
            env = environ(slash_command(TOPICS[i % len(TOPICS)], slack.new_response_url(), user_id=f"U{i}"))
            status: list[str] = []
            cpu, wall = time.thread_time(), time.perf_counter()
            if profile is not None:
                profile.enable()
            b"".join(server.wsgi(env, lambda s, h: status.append(s)))
            if profile is not None:
                profile.disable()
            cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
            assert status and status[0].startswith("200"), status
            return cpu * 1000, wall * 1000

        try:
            warm = 20
            for i in range(warm):
                ack(i)
            slack.wait_for_responses(warm, timeout=60)
            cpus, walls = [], []
            for i in range(warm, warm + args.acks):
                cpu, wall = ack(i)
                cpus.append(cpu)
                walls.append(wall)
                time.sleep(0.03)  # the previous briefing is answered meanwhile: each ack is timed alone
            slack.wait_for_responses(warm + args.acks, timeout=120)
        finally:
            server.server_close()
            deps.shutdown()
        cpus.sort()
        walls.sort()
        p90 = int(0.9 * len(cpus))
        print(f"{args.acks} acks, one at a time, in process")
        print(f"  request thread CPU per ack: p50 {statistics.median(cpus):.3f} ms  p90 {cpus[p90]:.3f} ms")
        print(f"  wall per ack: p50 {statistics.median(walls):.3f} ms  p90 {walls[p90]:.3f} ms")
        if profile is not None:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
