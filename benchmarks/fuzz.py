"""Fuzzing every entry point with generated hostile input, far beyond what the suite runs, and printing the counts.

    python benchmarks/fuzz.py [--examples 10000] [--only query,server] [--seed 0]

Knowledge entry points (the `/brief` query parser, a briefing, a text file, a saved page, a JSON sidecar, YAML front
matter, a feed, the page behind an added link, any command text through the router, a Slack payload through the
edge check and Bolt's matchers) run the checks of tests/fuzz/targets.py on a private copy of a demo store per input;
`server` sends signed malformed requests to the threaded server with the real app (fake Slack Web API on 127.0.0.1),
then a valid `/brief`. Per entry point: inputs run, accepted, rejected, uncaught exceptions, broken rules (stored
data changed by a rejected input or stored rows altered by an accepted one; a message that does not name the input).
Target: 0 uncaught, 0 changed. Hypothesis generates the inputs (no shrinking, no example database), so a run with
the same --seed repeats.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzz import strategies, targets  # noqa: E402


def knowledge_entry_points(base: Path, shared) -> dict[str, tuple[st.SearchStrategy, Callable]]:
    from tests.fuzz.slack import payloads

    return {
        "query": (strategies.query_text, targets.query),
        "brief": (strategies.query_text, lambda text: targets.brief(shared(), text)),
        "text file": (strategies.file_bytes, lambda data: targets.text_file(base, data)),
        "html file": (strategies.html_bytes, lambda data: targets.html_file(base, data)),
        "sidecar json": (strategies.sidecar_bytes, lambda data: targets.sidecar(base, data)),
        "front matter": (strategies.front_matter_text, lambda meta: targets.front_matter(base, meta)),
        "feed": (strategies.feed_bytes, lambda body: targets.feed_body(base, body)),
        "added link": (strategies.served_pages, lambda page: targets.added_link(base, page)),
        "command": (strategies.command_text, lambda text: targets.command_text(base, text)),
        "slack payload": (payloads(), slack_payload()),
    }


def slack_payload() -> Callable:
    """The edge check, and for what it lets through, everything Bolt does before a listener runs."""
    from slack_bolt import App

    from bot import listeners
    from bot.slack.payloads import refusal
    from tests.unit.test_slack_payloads import reach_listeners

    app = App(token="xoxb-fuzz", signing_secret="fuzz", token_verification_enabled=False)
    listeners.register(app)

    def run(body) -> targets.Outcome:
        problem = refusal(body)
        if problem is None:
            reach_listeners(app, body)
            return targets.Outcome(True)
        return targets.Outcome(False, problem.field)

    return run


def generated(examples: int, seed_value: int) -> Callable[[Callable], Callable]:
    """How the benchmark runs Hypothesis: generation only (no shrinking, no example database), seeded to repeat."""
    configured = settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    return lambda test: seed(seed_value)(configured(test))


def fuzz(name: str, strategy: st.SearchStrategy, run: Callable, examples: int, seed_value: int) -> Counter:
    counts: Counter = Counter()
    first: dict[str, str] = {}

    @generated(examples, seed_value)
    @given(strategy)
    def each(value) -> None:
        counts["run"] += 1
        try:
            outcome = run(value)
        except targets.Broken as exc:
            counts[exc.kind] += 1
            first.setdefault(exc.kind, f"{exc} <- {value!r:.200}")
        except Exception:
            counts["uncaught"] += 1
            first.setdefault("uncaught", traceback.format_exc(limit=-3) + f"<- {value!r:.200}")
        else:
            counts["accepted" if outcome.accepted else "rejected"] += 1

    each()
    for kind, text in first.items():
        print(f"    first {kind}: {text}", file=sys.stderr)
    return counts


class Problems(logging.Handler):
    """Log records that are tracebacks or errors; refusals at the edge counted apart."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[str] = []
        self.refusals = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR or "Traceback" in record.getMessage():
            self.problems.append(f"{record.name}: {record.getMessage()[:200]}")
        elif record.name == "briefbot.slack":
            self.refusals += 1


def fuzz_server(base: Path, examples: int, seed_value: int) -> tuple[Counter, dict]:
    import httpx

    from tests.e2e.fakeslack import FakeSlack
    from tests.e2e.servers import drain, serving
    from tests.e2e.slackreq import signed_headers, slash_command
    from tests.fuzz.slack import requests

    counts: Counter = Counter()
    handler = Problems()
    logging.getLogger().addHandler(handler)
    stderr = io.StringIO()
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as slack, contextlib.redirect_stderr(stderr):
        db = Path(tmp) / "bot.db"
        shutil.copy(base, db)
        with serving(db, slack.api_url, targets.offline_fetcher) as (app, deps, url), httpx.Client(timeout=30) as http:

            @generated(examples, seed_value)
            @given(st.data())
            def each(data) -> None:
                request = data.draw(requests(slack.new_response_url()))
                status = http.post(url + "/slack/events", content=request.body, headers=request.signed()).status_code
                counts["run"] += 1
                counts[f"{status // 100}xx"] += 1
                counts[f"kind {request.kind.split(' ')[0]}"] += 1

            each()
            body = slash_command("kellogg", slack.new_response_url())
            before = len(slack.response_posts())
            http.post(url + "/slack/events", content=body, headers=signed_headers(body))
            answer = slack.wait_for_responses(before + 1, timeout=60)[-1]
            drain(app, deps)
    logging.getLogger().removeHandler(handler)
    stderr_tracebacks = stderr.getvalue().count("Traceback")
    for line in handler.problems[:3]:
        print(f"    log: {line}", file=sys.stderr)
    extra = {
        "log tracebacks/errors": len(handler.problems),
        "stderr tracebacks": stderr_tracebacks,
        "edge refusals logged": handler.refusals,
        "valid /brief afterwards": "Kellogg" in str(answer),
    }
    return counts, extra


def demo_base(tmp: Path) -> Path:
    from knowledge.ingest.service import ingest_demo
    from knowledge.store import Store

    path = tmp / "base.db"
    with Store.open(path) as store:
        ingest_demo(store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=10_000)
    ap.add_argument("--only", default="", help="comma-separated entry points (default: all)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    # Warnings and errors reach the counting handler of the server run; nothing is printed per input.
    logging.getLogger().setLevel(logging.WARNING)
    logging.getLogger().addHandler(logging.NullHandler())
    print(f"fuzz: {args.examples:,} generated inputs per entry point (seed {args.seed})")
    print(
        f"  {'entry point':<14} {'run':>7} {'accepted':>9} {'rejected':>9} {'uncaught':>9} {'changed':>8} "
        f"{'message':>8} {'time':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        base = demo_base(Path(tmp))
        shared_store: list = []

        def shared():
            from knowledge.store import Store

            if not shared_store:
                shutil.copy(base, Path(tmp) / "shared.db")
                shared_store.append(Store.open(Path(tmp) / "shared.db"))
            return shared_store[0]

        for name, (strategy, run) in knowledge_entry_points(base, shared).items():
            if only and name not in only:
                continue
            start = time.perf_counter()
            c = fuzz(name, strategy, run, args.examples, args.seed)
            print(
                f"  {name:<14} {c['run']:>7,} {c['accepted']:>9,} {c['rejected']:>9,} {c['uncaught']:>9,} "
                f"{c['changed']:>8,} {c['message'] + c['other']:>8,} {time.perf_counter() - start:>6.0f}s",
                flush=True,
            )
        if not only or "server" in only:
            start = time.perf_counter()
            c, extra = fuzz_server(base, args.examples, args.seed)
            statuses = ", ".join(f"{k} {v:,}" for k, v in sorted(c.items()) if k.endswith("xx"))
            kinds = ", ".join(f"{k[5:]} {v:,}" for k, v in sorted(c.items()) if k.startswith("kind "))
            print(f"  server: {c['run']:,} signed malformed requests ({kinds}) in {time.perf_counter() - start:.0f}s")
            print(f"    statuses: {statuses}; " + "; ".join(f"{k}: {v}" for k, v in extra.items()))


if __name__ == "__main__":
    main()
