"""Starting `briefbot serve --http` as a real subprocess, pointed at a fake Slack, for tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.e2e.slackreq import SECRET


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(
    db: str | Path,
    api_url: str,
    port: int | None = None,
    timeout: float = 90,
    cwd: Path | None = None,
    demo: bool = True,
    env: dict[str, str] | None = None,
    launcher: list[str] | None = None,
) -> tuple[subprocess.Popen, str]:
    """`db`: a SQLite path or a postgresql:// URL; `cwd` defaults to the SQLite file's folder; `demo`: pass
    `--demo` (an empty store gets the demo corpus); `env`: more settings (e.g. BRIEFBOT_WORK_LEASE);
    `launcher`: what runs the CLI instead of `-m bot.cli` (`benchmarks/serve_profile.py` and its output file)."""
    port = port or free_port()
    extra = env or {}
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": api_url,
        "BRIEFBOT_DB": str(db),
    }
    env.pop("SLACK_APP_TOKEN", None)
    env.update(extra)
    proc = subprocess.Popen(
        [
            sys.executable,
            *(launcher or ["-m", "bot.cli"]),
            "serve",
            "--http",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-scheduler",
            *(["--demo"] if demo else []),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=str(cwd or Path(db).parent),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited: {proc.stdout.read().decode(errors='replace')}")
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("serve did not start in time")


@contextmanager
def serving(db: Path, api_url: str, fetcher_factory=None, settings=None):
    """The real Bolt app behind the threaded HTTP server in this process, on a free loopback port: (app, deps, url).
    `settings`: the app's `SlackSettings` when a test needs other than the defaults (timeouts, retries)."""
    from bot.app import create_app, default_fetcher_factory
    from bot.server import make_server
    from bot.settings import SlackSettings

    settings = settings or SlackSettings(
        slack_bot_token="xoxb-test-token", slack_signing_secret=SECRET, slack_api_url=api_url, _env_file=None
    )
    app, deps = create_app(settings, db, fetcher_factory=fetcher_factory or default_fetcher_factory)
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield app, deps, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        deps.shutdown()


def drain(app, deps) -> None:
    """Wait until every listener and every piece of background work has finished (the app takes no more work)."""
    app.listener_runner.listener_executor.shutdown(wait=True)
    if deps.inflight is not None:
        deps.inflight.stop()  # what was acknowledged is queued and handed to the work pool first
    deps.work.shutdown(wait=True)
