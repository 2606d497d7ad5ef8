"""Signed Slack requests, shaped like the ones Slack sends, for driving the real app in tests."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from urllib.parse import urlencode

SECRET = "test0signing0secret0abcdef123456"


def signed_headers(body: str, secret: str = SECRET, timestamp: int | None = None, json_body: bool = False) -> dict:
    ts = str(int(timestamp if timestamp is not None else time.time()))
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json" if json_body else "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sig,
    }


def slash_command(
    text: str,
    response_url: str,
    user_id: str = "U1",
    channel_id: str = "C1",
    team_id: str = "T0TEST",
    command: str = "/brief",
) -> str:
    return urlencode(
        {
            "token": "legacy",
            "team_id": team_id,
            "team_domain": "test",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": "tester",
            "command": command,
            "text": text,
            "api_app_id": "A1",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    )


def event(event: dict, event_id: str = "Ev1", team_id: str = "T0TEST") -> str:
    return json.dumps(
        {
            "token": "legacy",
            "team_id": team_id,
            "api_app_id": "A1",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team_id, "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}],
        }
    )


def block_action(
    action_id: str,
    value: str,
    response_url: str,
    user_id: str = "U1",
    channel_id: str = "C1",
    team_id: str = "T0TEST",
    message_ts: str | None = None,
    is_ephemeral: bool = True,
) -> str:
    container = {
        "type": "message",
        "message_ts": message_ts or "1700000000.000001",
        "channel_id": channel_id,
        "is_ephemeral": is_ephemeral,
    }
    payload = {
        "type": "block_actions",
        "team": {"id": team_id, "domain": "test"},
        "user": {"id": user_id, "username": "tester", "team_id": team_id},
        "api_app_id": "A1",
        "token": "legacy",
        "container": container,
        "trigger_id": "1.2.3",
        "channel": {"id": channel_id, "name": "general"},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "b1",
                "value": value,
                "type": "button",
                "text": {"type": "plain_text", "text": "x"},
                "action_ts": str(time.time()),
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})
