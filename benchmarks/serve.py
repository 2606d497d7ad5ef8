"""Ack latency and briefing throughput of `briefbot serve --http` under concurrent signed slash commands.

    python benchmarks/serve.py [--requests 200] [--concurrency 20] [--replicas 2 --postgres] [--retried 50]
                               [--slow-clients 200]

Starts the server as a subprocess on loopback against a fake Slack Web API (also on loopback), fires signed
`/brief <topic>` commands from a thread pool, and prints the HTTP ack latency (p50/p99) and how many briefings
per second arrive at the response_url. Targets: ack p99 < 50 ms at 20 concurrent and < 150 ms at 100
concurrent, 0 errors. It also prints a floor: GET /healthz, which does none of briefbot's work, at the same
concurrency from the same client — what the HTTP server and a Python client on this machine cost by themselves.

The requests come from `loadgen.py` (one asyncio process, keep-alive connections; why: its docstring);
`--threads-client` sends them as before 2026-12-07, from a pool of httpx threads in this process, for comparing
with figures measured that way.

`--profile OUT` runs the (first) serving process under `serve_profile.py`: every thread of it under cProfile by
thread CPU, written to OUT (pstats) and OUT.threads (CPU by thread kind) when it stops; its figures then include
the profiler's own cost, so measure with and profile without one run each.

`--by-thread` also splits the serving process's CPU per /brief by thread (the HTTP I/O loop, waitress's request
threads, the queue writer, the work pool that answers), read from /proc; the process runs under
`serve_profile.py --names-only`, which only records each thread's name as it starts.

`--slow-clients N` first opens N connections that send half a request and then stall (a slowloris), and while they
hold their sockets open measures how long one valid `/brief` takes to be acknowledged and to be answered at its
response_url (target: answered within 3 s).

`--replicas N` starts N servers on one store (`--postgres`: a throwaway local PostgreSQL cluster; otherwise a
SQLite file) and spreads the commands over them, as a load balancer would; `--retried M` also sends M
app_mention events twice, the second time as Slack's retry to another replica. Duplicates are counted: response
URLs posted to more than once, and mentions answered more than once (target: 0 of each).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import loadgen  # noqa: E402  (benchmarks/, beside this script)

from tests.e2e.fakeslack import FakeSlack  # noqa: E402
from tests.e2e.servers import start_serve  # noqa: E402
from tests.e2e.slackreq import SECRET, event, signed_headers, slash_command  # noqa: E402

TOPICS = ["kellogg", "witkoff", "lukashenko", "tikhanovsky", "zelensky", "minsk", "ceasefire", "dudakov"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--replicas", type=int, default=1, help="servers sharing one store")
    ap.add_argument("--postgres", action="store_true", help="share a throwaway local PostgreSQL store")
    ap.add_argument("--retried", type=int, default=0, help="app_mention events also retried to another replica")
    ap.add_argument("--slow-clients", type=int, default=0, help="stalled connections held open during a /brief")
    ap.add_argument(
        "--profile", type=Path, help="cProfile every thread of the (first) serving process by thread CPU into this file"
    )
    ap.add_argument("--by-thread", action="store_true", help="also CPU per /brief by thread of the serving process")
    ap.add_argument("--threads-client", action="store_true", help="httpx threads in this process (the old client)")
    args = ap.parse_args()
    cluster = None
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as slack:
        target: str = str(Path(tmp) / "serve.db")
        if args.postgres:
            from tests.pgcluster import PgCluster

            cluster = PgCluster().start()
            target = cluster.create_database(name="serve_bench")
        procs = []
        try:
            profiler = Path(__file__).with_name("serve_profile.py")
            for n in range(args.replicas):  # one at a time: the first loads the demo corpus into the empty store
                launcher = [str(profiler), str(args.profile.resolve())] if args.profile and n == 0 else None
                if args.by_thread and n == 0 and launcher is None:
                    launcher = [str(profiler), "--names-only", str(Path(tmp) / "threads")]
                procs.append(start_serve(target, slack.api_url, cwd=Path(tmp), launcher=launcher))
            urls = [url for _, url in procs]
            client = httpx.Client(timeout=10, limits=httpx.Limits(max_connections=args.concurrency * 2))

            def mention(i: int) -> None:
                ts = f"1700000000.{i:06d}"
                text = {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {TOPICS[i % len(TOPICS)]}"}
                body = event({**text, "ts": ts, "channel": "C9", "event_ts": ts}, f"EvBench{i}")
                for n, url in enumerate((urls[i % len(urls)], urls[(i + 1) % len(urls)])):
                    retry = {"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"} if n else {}
                    headers = {**signed_headers(body, json_body=True, timestamp=int(time.time()) + n), **retry}
                    assert client.post(url + "/slack/events", content=body.encode(), headers=headers).status_code == 200

            first = slash_command(TOPICS[0], slack.new_response_url(), user_id="U0")
            assert loadgen.run([loadgen.Request(urls[0], "/slack/events", first)], 1, SECRET) != [None]
            slack.wait_for_responses(1, timeout=60)
            probes = [loadgen.Request(urls[i % len(urls)], "/healthz") for i in range(args.requests)]
            send = threads_client(client) if args.threads_client else loadgen.run
            floor = sorted(f for f in send(probes, args.concurrency, SECRET) if f is not None)
            slow = slow_clients(urls[0], args.slow_clients, slack) if args.slow_clients else None
            briefs = [
                loadgen.Request(
                    urls[i % len(urls)],
                    "/slack/events",
                    slash_command(TOPICS[i % len(TOPICS)], slack.new_response_url(), user_id=f"U{i}"),
                )
                for i in range(1, args.requests + 1)
            ]
            done_before = len(slack.response_posts())
            cpu_before = [process_cpu(proc.pid) for proc, _ in procs]
            threads_before = thread_cpu(procs[0][0].pid)
            start = time.perf_counter()
            with ThreadPoolExecutor(max(1, min(args.retried, 20))) as pool:
                retried = pool.map(mention, range(args.retried))
                acks = send(briefs, args.concurrency, SECRET)
                list(retried)
            slack.wait_for_responses(done_before + args.requests, timeout=300)
            total = time.perf_counter() - start
            cpu_after = [process_cpu(proc.pid) for proc, _ in procs]
            threads_after = thread_cpu(procs[0][0].pid)
            names = thread_names(Path(tmp) / "threads.tids") if args.by_thread else {}
            time.sleep(2)  # let any duplicate arrive before counting
        finally:
            for proc, _ in procs:
                proc.terminate()
                proc.wait(timeout=10)
            if cluster:
                cluster.stop()
    per_url: dict[str, int] = {}
    for path, _ in slack.responses:
        per_url[path] = per_url.get(path, 0) + 1
    threads: dict[str, set] = {}
    for call in slack.calls_to("chat.postMessage"):
        if call.params.get("thread_ts", "").startswith("1700000000."):
            threads.setdefault(call.params["thread_ts"], set()).add(call.params.get("text"))
    answered = {
        ts: len([c for c in slack.calls_to("chat.postMessage") if c.params.get("thread_ts") == ts]) for ts in threads
    }
    errors = sum(1 for a in acks if a is None)
    acks = sorted(a for a in acks if a is not None)
    p99 = percentile99(acks)
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"serve benchmark: {args.requests} signed /brief commands, {args.concurrency} concurrent")
    print(f"  {args.replicas} replica(s) on one {backend} store")
    print(f"  ack latency: p50 {statistics.median(acks):.1f} ms  p99 {p99:.1f} ms  errors: {errors}")
    print("  (targets: p99 < 50 ms at 20 concurrent, < 150 ms at 100 concurrent, 0 errors)")
    f99 = percentile99(floor)
    print(
        f"  floor, GET /healthz at the same concurrency (HTTP server and this client, none of briefbot's work): "
        f"p50 {statistics.median(floor):.1f} ms  p99 {f99:.1f} ms"
    )
    if slow:
        print(
            f"  with {args.slow_clients} stalled connections open: /brief acked in {slow[0]:.0f} ms, "
            f"answered in {slow[1]:.2f} s (target < 3 s)"
        )
    print(f"  briefings delivered: {args.requests / total:.1f} per second ({total:.1f} s in all)")
    serving = sum(a.own - b.own for a, b in zip(cpu_after, cpu_before, strict=True))
    composing = sum(a.descendants - b.descendants for a, b in zip(cpu_after, cpu_before, strict=True))
    print(
        f"  CPU per /brief: serving process {serving / args.requests * 1000:.2f} ms (ack, queue, deliver), "
        f"its compose processes {composing / args.requests * 1000:.2f} ms"
    )
    if names:
        from serve_profile import kind

        by_kind: dict[str, float] = {}
        for tid, cpu in threads_after.items():
            name = kind(names.get(tid, "unnamed"))
            by_kind[name] = by_kind.get(name, 0.0) + cpu - threads_before.get(tid, 0.0)
        print(
            "  of which, by thread: "
            + ", ".join(
                f"{k} {cpu / args.requests * 1000:.2f} ms" for k, cpu in sorted(by_kind.items(), key=lambda kv: -kv[1])
            )
        )
    print(f"  response URLs posted to more than once: {sum(1 for n in per_url.values() if n > 1)} (target 0)")
    if args.retried:
        twice = sum(1 for ts, n in answered.items() if n > len(threads[ts]))
        print(
            f"  mentions sent twice across replicas: {args.retried}, answered: {len(answered)}, "
            f"answered more than once: {twice} (target 0)"
        )


def threads_client(client: httpx.Client) -> Callable[[list[loadgen.Request], int, str], list[float | None]]:
    """The client this benchmark used before `loadgen`: `concurrency` threads sharing one httpx client."""

    def send(requests: list[loadgen.Request], concurrency: int, secret: str) -> list[float | None]:
        def one(request: loadgen.Request) -> float | None:
            headers = signed_headers(request.body, secret) if request.body else {}  # signed before the clock starts
            start = time.perf_counter()
            if request.body:
                resp = client.post(request.url + request.path, content=request.body.encode(), headers=headers)
            else:
                resp = client.get(request.url + request.path)
            elapsed = (time.perf_counter() - start) * 1000
            return elapsed if resp.status_code == 200 else None

        with ThreadPoolExecutor(concurrency) as pool:
            return list(pool.map(one, requests))

    return send


@dataclass(frozen=True)
class ProcessCpu:
    """CPU seconds (user + system) of one process, and of the processes it started (alive ones, read from /proc):
    what serving costs per request, a figure the machine's other load moves far less than latency."""

    own: float
    descendants: float


def process_cpu(pid: int) -> ProcessCpu:
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}  # pid -> (parent pid, CPU seconds)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # gone meanwhile
                continue
            stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    children: dict[int, list[int]] = {}
    for child, (parent, _) in stats.items():
        children.setdefault(parent, []).append(child)
    below, todo = 0.0, list(children.get(pid, []))
    while todo:
        child = todo.pop()
        below += stats[child][1]
        todo += children.get(child, [])
    return ProcessCpu(stats.get(pid, (0, 0.0))[1], below)


def thread_cpu(pid: int) -> dict[int, float]:
    """CPU seconds (user + system) of each thread of a process, by kernel thread id (read from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    cpu: dict[int, float] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        cpu[int(task.name)] = (int(fields[11]) + int(fields[12])) / tick
    return cpu


def thread_names(path: Path) -> dict[int, str]:
    """Kernel thread id → Python thread name, as `serve_profile.py` wrote them when each thread started."""
    names: dict[int, str] = {}
    for line in path.read_text().splitlines():
        tid, _, name = line.partition(" ")
        names[int(tid)] = name
    return names


def percentile99(ordered: list[float]) -> float:
    """The 99th percentile of values already sorted (the largest of fewer than 100)."""
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def slow_clients(url: str, count: int, slack: FakeSlack) -> tuple[float, float]:
    """Open `count` connections that each send half a request and stall; while they are open, time one valid
    /brief: (ack in ms, answer at the response_url in s). The sockets are closed afterwards."""
    import socket

    host, port = url.removeprefix("http://").split(":")
    held = []
    for _ in range(count):
        sock = socket.create_connection((host, int(port)))
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\ntext=")
        held.append(sock)
    try:
        before = len(slack.response_posts())
        body = slash_command("kellogg", slack.new_response_url(), user_id="Uslow")
        start = time.perf_counter()
        resp = httpx.post(url + "/slack/events", content=body.encode(), headers=signed_headers(body), timeout=30)
        acked = (time.perf_counter() - start) * 1000
        assert resp.status_code == 200, resp.status_code
        slack.wait_for_responses(before + 1, timeout=60)
        return acked, time.perf_counter() - start
    finally:
        for sock in held:
            sock.close()


if __name__ == "__main__":
    main()
