"""Multi-workspace installs on PostgreSQL: what one replica stores during OAuth, every other replica sees."""

from __future__ import annotations

import threading

import httpx
from slack_sdk.oauth.installation_store import Installation

from bot.app import create_app
from bot.oauth import SharedInstallationStore, SharedOAuthStateStore
from bot.server import make_server
from bot.settings import SlackSettings
from knowledge.store.threads import ThreadStores
from tests.e2e.slackreq import SECRET


def test_a_workspace_installed_through_one_replica_is_known_to_another(pg_url):
    one, other = ThreadStores(pg_url), ThreadStores(pg_url)
    try:
        SharedInstallationStore(one).save(
            Installation(
                app_id="A1",
                team_id="T9",
                user_id="U1",
                bot_token="xoxb-9",
                bot_id="B9",
                bot_user_id="UB9",
                user_token="xoxp-1",
            )
        )
        # A second installer without a bot token (user scopes only) still finds the workspace's bot.
        SharedInstallationStore(one).save(Installation(app_id="A1", team_id="T9", user_id="U2", user_token="xoxp-2"))
        seen = SharedInstallationStore(other)
        assert seen.find_bot(enterprise_id=None, team_id="T9").bot_token == "xoxb-9"
        latest = seen.find_installation(enterprise_id=None, team_id="T9")
        assert latest.user_id == "U2" and latest.bot_token == "xoxb-9"
        assert seen.find_installation(enterprise_id=None, team_id="T9", user_id="U1").user_token == "xoxp-1"
        assert seen.find_bot(enterprise_id=None, team_id="T0") is None
        seen.delete_bot(enterprise_id=None, team_id="T9")
        assert SharedInstallationStore(one).find_bot(enterprise_id=None, team_id="T9") is None
    finally:
        one.close_all()
        other.close_all()


def test_an_oauth_state_issued_by_one_replica_is_accepted_once_by_another(pg_url):
    one, other = ThreadStores(pg_url), ThreadStores(pg_url)
    try:
        state = SharedOAuthStateStore(one).issue()
        assert SharedOAuthStateStore(other).consume(state) is True
        assert SharedOAuthStateStore(one).consume(state) is False
        expired = SharedOAuthStateStore(one, expiration_seconds=-1).issue()
        assert SharedOAuthStateStore(other).consume(expired) is False
    finally:
        one.close_all()
        other.close_all()


def test_the_install_page_of_a_replica_on_postgresql_keeps_its_state_in_the_store(slack, pg_url):
    settings = SlackSettings(
        slack_signing_secret=SECRET,
        slack_client_id="111.222",
        slack_client_secret="s3cret",
        slack_api_url=slack.api_url,
        _env_file=None,
    )
    app, deps = create_app(settings, pg_url)
    server = make_server(app, "127.0.0.1", 0, db=pg_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        resp = httpx.get(f"http://127.0.0.1:{server.server_address[1]}/slack/install")
        assert resp.status_code in (200, 302)
        assert "oauth/v2/authorize" in resp.text + resp.headers.get("location", "")
        assert deps.stores.get().db["slack_oauth_states"].count == 1
    finally:
        server.shutdown()
        server.server_close()
        deps.shutdown()
