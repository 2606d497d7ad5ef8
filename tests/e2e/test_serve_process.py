"""`briefbot serve --http` as a separate process answers a signed /brief on the demo corpus."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx

from tests.e2e.servers import start_serve
from tests.e2e.slackreq import signed_headers, slash_command


def test_serve_started_as_a_process_answers_a_signed_brief_with_a_briefing(slack, tmp_path):
    proc, url = start_serve(tmp_path / "fresh.db", slack.api_url)
    try:
        body = slash_command("kellogg", slack.new_response_url())
        resp = httpx.post(url + "/slack/events", content=body.encode(), headers=signed_headers(body), timeout=10)
        assert resp.status_code == 200
        posts = slack.wait_for_responses(1, timeout=30)
        assert "Kellogg" in str(posts[0]) and posts[0].get("blocks")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def children(pid: int) -> list[int]:
    try:
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
    except OSError:  # the process is gone
        return []


def compose_processes(pid: int) -> list[int]:
    """The serving process's compose workers: the children of the fork server it started (multiprocessing's
    `forkserver`; not its resource tracker)."""
    found = []
    for child in children(pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"forkserver" in cmdline:
            found += children(child)
    return sorted(found)


def running_workers(pid: int, count: int) -> list[int]:
    """The serving process's compose workers once `count` of them run (they start with the app); asserts they do."""
    deadline = time.monotonic() + 30
    while len(compose_processes(pid)) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = compose_processes(pid)
    assert len(workers) == count
    return workers


def test_serve_answers_a_brief_after_one_of_its_compose_processes_was_killed(slack, tmp_path):
    proc, url = start_serve(tmp_path / "fresh.db", slack.api_url, env={"BRIEFBOT_COMPOSE_PROCESSES": "2"})
    try:
        workers = running_workers(proc.pid, 2)
        os.kill(workers[0], signal.SIGKILL)
        for topic in ("kellogg", "witkoff"):
            body = slash_command(topic, slack.new_response_url())
            resp = httpx.post(url + "/slack/events", content=body.encode(), headers=signed_headers(body), timeout=10)
            assert resp.status_code == 200
        posts = slack.wait_for_responses(2, timeout=60)
        assert any("Kellogg" in str(p) for p in posts) and all(p.get("blocks") for p in posts)
        assert workers[0] not in compose_processes(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_compose_processes_leave_when_the_serving_process_is_killed(slack, tmp_path):
    proc, _ = start_serve(tmp_path / "fresh.db", slack.api_url, env={"BRIEFBOT_COMPOSE_PROCESSES": "2"})
    try:
        workers = running_workers(proc.pid, 2)
    finally:
        proc.kill()
        proc.wait(timeout=10)
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{pid}").exists() and not _zombie(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists() and not _zombie(pid)]


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except OSError:
        return False
