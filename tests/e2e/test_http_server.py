"""The production HTTP server: bounded, time-limited, probed by /healthz and /readyz, stopped gracefully, and
logging one line per request (a refused signature as a warning with its reason)."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import threading
import time
from contextlib import contextmanager

import httpx
import pytest

from bot.app import create_app
from bot.server import ServerLimits, make_server
from bot.settings import SlackSettings
from knowledge.store import Store
from tests.e2e.servers import start_serve
from tests.e2e.slackreq import SECRET, signed_headers, slash_command


@contextmanager
def running(slack, db, limits: ServerLimits | None = None, target: str | None = None, routes=None):
    settings = SlackSettings(
        slack_bot_token="xoxb-test-token", slack_signing_secret=SECRET, slack_api_url=slack.api_url, _env_file=None
    )
    app, deps = create_app(settings, db)
    server = make_server(app, "127.0.0.1", 0, db=target, limits=limits, routes=routes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        deps.shutdown()


def test_readyz_is_200_when_the_store_answers_and_503_naming_the_problem_when_it_cannot(slack, tmp_path):
    good = tmp_path / "good.db"
    Store.open(good).close()
    with running(slack, good, target=str(good)) as url:
        assert httpx.get(url + "/healthz").json()["ok"] is True
        assert httpx.get(url + "/readyz").status_code == 200
    unreachable = tmp_path / "a-folder"
    unreachable.mkdir()  # a directory where the database file should be: no store can be opened there
    with running(slack, good, target=str(unreachable)) as url:
        assert httpx.get(url + "/healthz").status_code == 200  # the process is alive ...
        resp = httpx.get(url + "/readyz")  # ... but not ready to serve
        assert resp.status_code == 503 and "a-folder" in resp.json()["store"]


def test_a_client_that_stalls_mid_request_is_cut_off_and_others_are_still_answered(slack, demo_db, tmp_path):
    db = tmp_path / "bot.db"
    shutil.copy(demo_db, db)
    with running(slack, db, limits=ServerLimits(request_seconds=1.0)) as url:
        port = int(url.rsplit(":", 1)[1])
        stalled = socket.create_connection(("127.0.0.1", port))
        stalled.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\npartial")
        stalled.settimeout(8)
        started = time.monotonic()
        body = slash_command("help", slack.new_response_url())
        assert httpx.post(url + "/slack/events", content=body, headers=signed_headers(body)).status_code == 200
        assert stalled.recv(1024) == b""  # closed by the server, not answered
        assert time.monotonic() - started < 6
        stalled.close()


def test_a_body_over_the_size_limit_is_refused_with_413(slack, tmp_path):
    db = tmp_path / "bot.db"
    with running(slack, db, limits=ServerLimits(max_body_bytes=10_000)) as url:
        body = "text=" + "x" * 20_000
        assert httpx.post(url + "/slack/events", content=body, headers=signed_headers(body)).status_code == 413


def test_unsigned_and_wrongly_signed_requests_are_logged_as_warnings_with_the_reason_and_no_secret(bot, caplog):
    body = slash_command("kellogg", "http://127.0.0.1:1/r")
    with caplog.at_level(logging.INFO, logger="briefbot"):
        assert bot.post(body, headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 401
        assert bot.post(body, secret="not-the-configured-secret-at-all").status_code == 401
        assert bot.post(body, timestamp=int(time.time()) - 3600).status_code == 401
    refused = [r for r in caplog.records if r.getMessage() == "refused"]
    assert [r.levelno for r in refused] == [logging.WARNING] * 3
    reasons = [r.fields["reason"] for r in refused]
    assert "missing X-Slack-Signature" in reasons[0]
    assert "does not match SLACK_SIGNING_SECRET" in reasons[1]
    assert "outside the 5-minute window" in reasons[2]
    assert SECRET not in caplog.text


def test_a_handled_command_logs_one_line_with_kind_team_channel_topic_status_and_latency(bot, slack, caplog):
    body = slash_command("kellogg since:30d", slack.new_response_url(), channel_id="C42")
    with caplog.at_level(logging.INFO, logger="briefbot"):
        assert bot.post(body).status_code == 200
    lines = [r.fields for r in caplog.records if r.getMessage() == "request"]
    assert len(lines) == 1
    assert lines[0]["kind"] == "command" and lines[0]["team"] == "T0TEST" and lines[0]["channel"] == "C42"
    assert lines[0]["topic"] == "kellogg since:30d" and lines[0]["status"] == 200 and lines[0]["ms"] >= 0


def test_a_brief_is_acknowledged_while_another_process_holds_the_stores_write_lock_and_answered_after_it(bot, slack):
    import sqlite3

    holder = sqlite3.connect(bot.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's writer; SQLite makes ours wait up to 30 s for it
    try:
        body = slash_command("kellogg", slack.new_response_url())
        resp = httpx.post(bot.url + "/slack/events", content=body, headers=signed_headers(body), timeout=10)
        assert resp.status_code == 200  # the acknowledgement did not wait for the store
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    [answer] = slack.wait_for_responses(1, timeout=30)
    assert "Kellogg" in str(answer)
    bot.deps.inflight.stop()
    bot.deps.work.shutdown(wait=True)
    with Store.open(bot.db) as store:
        assert store.db["pending_work"].count == 0  # queued once the lock was free, dropped once answered


def test_serve_on_an_empty_store_stores_nothing_and_says_how_to_fill_it(slack, tmp_path):
    db = tmp_path / "empty.db"
    proc, url = start_serve(db, slack.api_url, demo=False)
    try:
        assert httpx.get(url + "/readyz").status_code == 200
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0].decode()
    assert "holds no documents" in out and "demo corpus" not in out.split("holds no documents")[0]
    with Store.open(db) as store:
        assert store.document_count() == 0


def test_sigterm_lets_a_briefing_already_under_way_reach_slack_then_exits_cleanly(slack, tmp_path):
    proc, url = start_serve(tmp_path / "fresh.db", slack.api_url)
    try:
        body = slash_command("kellogg", slack.new_response_url())
        assert httpx.post(url + "/slack/events", content=body, headers=signed_headers(body)).status_code == 200
        os.kill(proc.pid, signal.SIGTERM)  # at once: the briefing is still being composed
        assert proc.wait(timeout=60) == 0
        posts = slack.response_posts()
        assert len(posts) == 1 and "Kellogg" in str(posts[0])
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_briefing_leaves_one_done_line_with_its_outcome_and_latency(bot, slack, caplog):
    body = slash_command("kellogg", slack.new_response_url(), channel_id="C7")
    with caplog.at_level(logging.INFO, logger="briefbot"):
        assert bot.post(body).status_code == 200
        slack.wait_for_responses(1, timeout=30)
        bot.deps.work.shutdown(wait=True)
    done = [r.fields for r in caplog.records if r.getMessage() == "done"]
    assert len(done) == 1
    assert done[0]["kind"] == "command" and done[0]["channel"] == "C7" and done[0]["topic"] == "kellogg"
    assert done[0]["outcome"] == "ok" and done[0]["ms"] > 0


def test_readyz_turns_503_when_postgresql_goes_away_and_keeps_one_connection_for_probes(slack, tmp_path):
    from tests.pgcluster import start_or_skip

    cluster = start_or_skip()
    try:
        url = cluster.create_database(name="ready")
        with running(slack, tmp_path / "bot.db", target=url) as base:
            for _ in range(5):
                assert httpx.get(base + "/readyz").status_code == 200
            with Store.open(url) as store:
                probes = store.db.execute(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = 'ready' AND pid <> pg_backend_pid()"
                ).fetchone()[0]
            assert probes == 1
            cluster.stop()
            resp = httpx.get(base + "/readyz", timeout=30)
            assert resp.status_code == 503 and resp.json()["ok"] is False
            assert httpx.get(base + "/healthz").status_code == 200
    finally:
        cluster.stop()


def test_a_page_added_to_the_route_table_is_served_under_its_prefix_and_slack_keeps_its_path(slack, demo_db, tmp_path):
    from bot.wsgi import HttpResponse

    db = tmp_path / "bot.db"
    shutil.copy(demo_db, db)
    seen = []

    def page(request) -> HttpResponse:
        seen.append((request.path, request.query))
        return HttpResponse(200, "<p>page</p>", "text/html; charset=utf-8")

    with running(slack, db, routes={"/view/": page, "/exact": page}) as url:
        resp = httpx.get(url + "/view/abc?sig=1")
        assert (
            resp.status_code == 200
            and resp.text == "<p>page</p>"
            and resp.headers["content-type"].startswith("text/html")
        )
        assert httpx.get(url + "/exact").status_code == 200 and httpx.get(url + "/exact/more").status_code == 404
        assert httpx.post(url + "/view/abc").status_code == 405
        assert httpx.get(url + "/nothing-here").status_code == 404
        body = slash_command("help", slack.new_response_url())
        assert httpx.post(url + "/slack/events", content=body, headers=signed_headers(body)).status_code == 200
    assert seen == [("/view/abc", "sig=1"), ("/exact", "")]


def test_stopping_a_server_whose_wake_up_pipe_was_closed_under_it_still_closes_its_socket(slack, tmp_path):
    settings = SlackSettings(
        slack_bot_token="xoxb-test-token", slack_signing_secret=SECRET, slack_api_url=slack.api_url, _env_file=None
    )
    app, deps = create_app(settings, tmp_path / "pipe.db")
    server = make_server(app, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert httpx.get(url + "/healthz", timeout=5).status_code == 200
        os.close(server._server.trigger.trigger)  # the loop's wake-up pipe, gone the way a stray double close loses it
        server.shutdown(timeout=1)
        with pytest.raises(httpx.ConnectError):
            httpx.get(url + "/healthz", timeout=2)
    finally:
        server.server_close()
        deps.shutdown()
