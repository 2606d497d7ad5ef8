"""The real Bolt app behind our threaded HTTP server, talking to a fake Slack Web API on 127.0.0.1."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest

from tests.e2e.browser import browser  # noqa: F401  (the session's chromium, for the viewer tests)
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.servers import serving
from tests.e2e.slackreq import signed_headers


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
    with serving(db, slack.api_url) as (_, deps, url):
        yield Running(url, deps, db)
