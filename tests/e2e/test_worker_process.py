"""Two `briefbot worker` processes (the scaled-out scheduler) on one PostgreSQL store: each due digest goes out
once, from whichever worker claims it first."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from knowledge.store import Store
from knowledge.workspace.subscriptions import subscribe


@pytest.mark.parametrize("backend", ["postgresql"])
def test_two_workers_on_one_database_send_each_due_digest_once(backend, demo_target, slack, tmp_path):
    now = datetime.now(UTC)
    due_at = (now - timedelta(minutes=1)).strftime("%H:%M")
    with Store.open(demo_target) as store:
        for channel in ("C1", "C2", "C3"):
            subscribe(store, "T0TEST", channel, "kellogg", at=due_at, now=now - timedelta(days=1))
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_API_URL": slack.api_url,
        "BRIEFBOT_DB": demo_target,
    }
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "worker", "--every", "1"],
            env=env,
            cwd=str(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for _ in range(2)
    ]
    try:
        slack.wait_for("chat.postMessage", count=3, timeout=60)
        time.sleep(2.5)  # more ticks of both workers: nothing may be sent again
    finally:
        for w in workers:
            w.terminate()
        outputs = [w.communicate(timeout=15)[0].decode(errors="replace") for w in workers]
    tops = [c.params["channel"] for c in slack.calls_to("chat.postMessage") if not c.params.get("thread_ts")]
    assert sorted(tops) == ["C1", "C2", "C3"], outputs
    assert all("briefbot worker" in out for out in outputs)
