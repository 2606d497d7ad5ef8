"""Socket Mode: the same app, connected to a loopback WebSocket server that speaks Slack's envelopes."""

from __future__ import annotations

import contextlib
import shutil
from urllib.parse import parse_qsl

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.app import create_app
from bot.settings import SlackSettings
from tests.e2e.fakesocket import FakeSocketMode
from tests.e2e.slackreq import slash_command


@contextlib.contextmanager
def socket_app(slack, demo_db, tmp_path):
    """The app on a copy of the demo store, connected over Socket Mode to a loopback server; closed afterwards."""
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
        yield app, deps, sock
    finally:
        handler.close()
        sock.stop()
        deps.shutdown()


def test_a_slash_command_over_socket_mode_is_acked_and_answered(slack, demo_db, tmp_path):
    with socket_app(slack, demo_db, tmp_path) as (_, _, sock):
        payload = dict(parse_qsl(slash_command("kellogg", slack.new_response_url())))
        envelope = sock.push("slash_commands", payload, accepts_response_payload=True)
        ack = sock.wait_for_ack(envelope)
        assert ack is not None and ack["envelope_id"] == envelope
        [post, *_] = slack.wait_for_responses(1)
        assert "Kellogg" in str(post)


def test_malformed_payloads_over_socket_mode_are_acked_and_refused_without_a_traceback(
    slack, demo_db, tmp_path, caplog
):
    import json
    import logging

    from tests.e2e.servers import drain
    from tests.e2e.slackreq import block_action, event

    caplog.set_level(logging.WARNING)
    with socket_app(slack, demo_db, tmp_path) as (app, deps, sock):
        button = json.loads(dict(parse_qsl(block_action("brief_sources", "{}", slack.new_response_url())))["payload"])
        button["actions"] = "brief_sources"
        mention = json.loads(event({"type": "app_mention", "text": 7, "channel": "C1", "ts": "1.1"}))
        for kind, payload in (("interactive", button), ("events_api", mention)):
            assert sock.wait_for_ack(sock.push(kind, payload)) is not None, kind
        drain(app, deps)
    refusals = [r.getMessage() for r in caplog.records if r.name == "briefbot.slack"]
    assert len(refusals) == 2 and "block_actions: actions" in refusals[0] and "event.text" in refusals[1]
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []
