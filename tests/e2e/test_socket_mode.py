"""Socket Mode: the same app, connected to a loopback WebSocket server that speaks Slack's envelopes."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qsl

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.app import create_app
from bot.settings import SlackSettings
from tests.e2e.fakesocket import FakeSocketMode
from tests.e2e.slackreq import slash_command


def test_a_slash_command_over_socket_mode_is_acked_and_answered(slack, demo_db, tmp_path):
    db = tmp_path / "socket.db"
    shutil.copy(demo_db, db)
    sock = FakeSocketMode().start()
    slack.socket_url = sock.url
    settings = SlackSettings(
        slack_bot_token="xoxb-test-token", slack_app_token="xapp-1-test", slack_api_url=slack.api_url, _env_file=None
    )
    app, deps = create_app(settings, db, socket_mode=True)
    handler = SocketModeHandler(app, settings.slack_app_token)
    try:
        handler.connect()
        assert sock.connected.wait(10)
        payload = dict(parse_qsl(slash_command("kellogg", slack.new_response_url())))
        envelope = sock.push("slash_commands", payload, accepts_response_payload=True)
        ack = sock.wait_for_ack(envelope)
        assert ack is not None and ack["envelope_id"] == envelope
        [post, *_] = slack.wait_for_responses(1)
        assert "Kellogg" in str(post)
    finally:
        handler.close()
        sock.stop()
        deps.shutdown()
