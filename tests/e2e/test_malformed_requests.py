"""Signed but malformed requests of every kind against the real threaded server and Bolt app (fake Slack Web API on
127.0.0.1): never a response ≥ 500, never a traceback in the log, and a valid `/brief` still works afterwards."""

from __future__ import annotations

import json
import logging
import shutil
from urllib.parse import parse_qs, urlencode

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.e2e.servers import drain, serving
from tests.e2e.slackreq import block_action, event, signed_headers, slash_command
from tests.fuzz import examples
from tests.fuzz.slack import requests
from tests.fuzz.targets import offline_fetcher


class Served:
    def __init__(self, app, deps, url):
        self.app, self.deps, self.url = app, deps, url
        self.client = httpx.Client(timeout=20)

    def drain(self) -> None:
        drain(self.app, self.deps)


@pytest.fixture
def served(slack, demo_db, tmp_path, caplog):
    db = tmp_path / "bot.db"
    shutil.copy(demo_db, db)
    caplog.set_level(logging.WARNING)
    with serving(db, slack.api_url, offline_fetcher) as (app, deps, url):
        yield Served(app, deps, url)


def tracebacks(records: list[logging.LogRecord]) -> list[str]:
    return [
        f"{r.name}: {r.getMessage()[:300]}"
        for r in records
        if r.exc_info or r.exc_text or r.levelno >= logging.ERROR or "Traceback" in r.getMessage()
    ]


def test_signed_malformed_requests_of_every_kind_never_get_a_5xx_or_log_a_traceback(served, slack, caplog, capfd):
    kinds: dict[str, int] = {}

    @examples(3)
    @given(data=st.data())
    def storm(data):
        request = data.draw(requests(slack.new_response_url()))
        resp = served.client.post(served.url + "/slack/events", content=request.body, headers=request.signed())
        assert resp.status_code < 500, (request.kind, resp.status_code, request.body[:300])
        kinds[request.kind] = kinds.get(request.kind, 0) + 1

    storm()
    assert {"command", "random bytes", "url_verification", "event app_mention"} <= set(kinds), kinds
    assert any(k.startswith("interactive block_actions") for k in kinds), kinds

    # the storm's own commands may still be answered: wait for the answer to this one, by its response_url
    response_url = slack.new_response_url()
    body = slash_command("kellogg", response_url)
    assert (
        served.client.post(served.url + "/slack/events", content=body, headers=signed_headers(body)).status_code == 200
    )
    answer = slack.wait_for_response_to(response_url, timeout=30)
    assert "Kellogg" in str(answer)

    served.drain()
    assert tracebacks(caplog.records) == []
    assert "Traceback" not in capfd.readouterr().err


def _payload(body: dict) -> str:
    return urlencode({"payload": json.dumps(body)})


def _refusals(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "briefbot.slack"]


def test_a_button_payload_whose_actions_is_not_a_list_gets_400_and_one_warning_naming_the_field(served, slack, caplog):
    payload = json.loads(
        parse_qs(block_action("brief_sources", '{"q": "kellogg"}', slack.new_response_url()))["payload"][0]
    )
    payload["actions"] = {"action_id": "brief_sources"}
    body = _payload(payload)
    resp = served.client.post(served.url + "/slack/events", content=body, headers=signed_headers(body))
    assert resp.status_code == 400 and "block_actions: actions" in resp.text
    assert _refusals(caplog) == [
        "refused a malformed block_actions: actions (Input should be a valid list); answered 400"
    ]
    assert tracebacks(caplog.records) == []


def test_a_mention_whose_text_is_not_a_string_is_acknowledged_empty_so_slack_does_not_retry_it(served, slack, caplog):
    body = event({"type": "app_mention", "user": "U1", "text": ["kellogg"], "channel": "C1", "ts": "1.1"}, "EvList")
    resp = served.client.post(served.url + "/slack/events", content=body, headers=signed_headers(body, json_body=True))
    assert (resp.status_code, resp.text) == (200, "")
    assert _refusals(caplog) == [
        "refused a malformed event app_mention: event.text (Input should be a valid string); answered 200"
    ]
    served.drain()
    assert slack.calls_to("chat.postMessage") == [] and tracebacks(caplog.records) == []


def test_a_button_without_a_response_url_is_answered_with_an_ephemeral_message(served, slack, caplog):
    payload = json.loads(parse_qs(block_action("brief_share", '{"q": "zzqqxx"}', ""))["payload"][0])
    del payload["response_url"]
    body = _payload(payload)
    assert (
        served.client.post(served.url + "/slack/events", content=body, headers=signed_headers(body)).status_code == 200
    )
    [call] = slack.wait_for("chat.postEphemeral")
    assert call.params["channel"] == "C1" and call.params["user"] == "U1" and "Nothing known" in call.params["text"]
    served.drain()
    assert tracebacks(caplog.records) == []
