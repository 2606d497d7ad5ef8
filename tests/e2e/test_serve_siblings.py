"""`BRIEFBOT_SERVE_PROCESSES=2`: two serving processes share one port, both answer, a killed one is replaced, and
they stop with the first — driven as an operator would, on real processes and signed requests."""

from __future__ import annotations

import http.client
import json
import os
import signal
import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.servers import start_serve
from tests.e2e.slackreq import signed_headers, slash_command

TWO = {"BRIEFBOT_SERVE_PROCESSES": "2", "BRIEFBOT_COMPOSE_PROCESSES": "1"}


def serving_pids(url: str, tries: int = 40) -> set[int]:
    """The processes that answered `tries` requests, each on a new connection (the kernel picks a listener per
    connection at random: 40 all to one of two would happen once in 10^12)."""
    host, port = url.removeprefix("http://").split(":")
    pids = set()
    for _ in range(tries):
        conn = http.client.HTTPConnection(host, int(port), timeout=5)
        try:
            conn.request("GET", "/healthz")
            pids.add(json.loads(conn.getresponse().read())["pid"])
        except OSError:  # a process being replaced refused or dropped this connection
            continue
        finally:
            conn.close()
    return pids


def wait_for(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return bool(condition())


def alive(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def test_two_serving_processes_share_the_port_and_each_answers_briefings(slack, tmp_path):
    proc, url = start_serve(tmp_path / "two.db", slack.api_url, env=TWO)
    try:
        assert wait_for(lambda: len(serving_pids(url)) == 2)
        pids = serving_pids(url)
        assert len(pids) == 2 and proc.pid in pids
        for i in range(6):
            body = slash_command("kellogg", slack.new_response_url(), user_id=f"U{i}")
            with httpx.Client() as fresh:  # a new connection each: both processes get some
                resp = fresh.post(url + "/slack/events", content=body.encode(), headers=signed_headers(body))
            assert resp.status_code == 200
        posts = slack.wait_for_responses(6, timeout=60)
        assert len(posts) == 6 and all("Kellogg" in str(p) for p in posts)
    finally:
        proc.terminate()
        proc.wait(timeout=40)


def test_a_killed_sibling_is_replaced_and_the_port_keeps_answering(slack, tmp_path):
    proc, url = start_serve(tmp_path / "kill.db", slack.api_url, env=TWO)
    try:
        assert wait_for(lambda: len(serving_pids(url)) == 2)
        (sibling,) = serving_pids(url) - {proc.pid}
        os.kill(sibling, signal.SIGKILL)
        assert wait_for(lambda: len(serving_pids(url) - {proc.pid, sibling}) == 1, seconds=60)
        body = slash_command("witkoff", slack.new_response_url())
        resp = httpx.post(url + "/slack/events", content=body.encode(), headers=signed_headers(body), timeout=10)
        assert resp.status_code == 200
        assert "Witkoff" in str(slack.wait_for_responses(1, timeout=60)[0])
    finally:
        proc.terminate()
        proc.wait(timeout=40)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["terminated", "killed"])
def test_siblings_leave_when_the_first_process_is_terminated_or_killed(slack, tmp_path, stop):
    proc, url = start_serve(tmp_path / "stop.db", slack.api_url, env=TWO)
    try:
        assert wait_for(lambda: len(serving_pids(url)) == 2)
        (sibling,) = serving_pids(url) - {proc.pid}
        proc.send_signal(stop)
        proc.wait(timeout=40)
        assert wait_for(lambda: not alive(sibling), seconds=40)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
