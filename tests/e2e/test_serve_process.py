"""`briefbot serve --http` as a separate process answers a signed /brief on the demo corpus."""

from __future__ import annotations

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
