"""The real Bolt app behind our threaded HTTP server, talking to a fake Slack Web API on 127.0.0.1."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import httpx
import pytest

from bot.app import create_app
from bot.server import make_server
from bot.settings import SlackSettings
from tests.e2e.browser import browser  # noqa: F401  (the session's chromium, for the viewer tests)
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.slackreq import SECRET, signed_headers


@pytest.fixture
def slack():
    with FakeSlack() as fake:
        yield fake


class Running:
    def __init__(self, url: str, deps, db: Path):
        self.url, self.deps, self.db = url, deps, db

    def post(self, body: str, json_body: bool = False, headers: dict | None = None, **sign) -> httpx.Response:
        h = headers if headers is not None else signed_headers(body, json_body=json_body, **sign)
        return httpx.post(self.url + "/slack/events", content=body.encode(), headers=h, timeout=10)


@pytest.fixture
def bot(slack, demo_db, tmp_path):
    db = tmp_path / "bot.db"
    shutil.copy(demo_db, db)
    settings = SlackSettings(
        slack_bot_token="xoxb-test-token", slack_signing_secret=SECRET, slack_api_url=slack.api_url, _env_file=None
    )
    app, deps = create_app(settings, db)
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield Running(f"http://127.0.0.1:{server.server_address[1]}", deps, db)
    server.shutdown()
    server.server_close()
    deps.shutdown()
