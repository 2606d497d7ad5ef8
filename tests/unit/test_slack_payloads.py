"""Property: the payload check at the edge is total (any parsed body → a refusal or a pass, never an exception), and
whatever it lets through is safe for everything Bolt does before a listener runs: building middleware and listener
arguments (`to_action`, `to_view`, `to_step` …) and running every matcher of our listeners."""

from __future__ import annotations

import pytest
from hypothesis import given
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.request import payload_utils

from bot import listeners
from bot.slack.payloads import refusal
from tests.fuzz import examples
from tests.fuzz.slack import _block_actions, _command, _event, payloads

BUILDERS = ("to_options", "to_shortcut", "to_action", "to_view", "to_command", "to_event", "to_message", "to_step")


@pytest.fixture(scope="module")
def app() -> App:
    app = App(token="xoxb-unit", signing_secret="unit", token_verification_enabled=False)
    listeners.register(app)
    return app


def reach_listeners(app: App, body: dict) -> int:
    """What Bolt does with a body between the middleware and the listener: returns how many listeners match."""
    for name in BUILDERS:
        getattr(payload_utils, name)(body)
    req, resp = BoltRequest(body=body, mode="socket_mode"), BoltResponse(status=200)
    return sum(listener.matches(req=req, resp=resp) for listener in app._listeners)


@examples(3)
@given(payloads())
def test_any_payload_is_refused_with_a_field_named_or_is_safe_for_bolt_and_our_matchers(app, body):
    problem = refusal(body)
    if problem is None:
        reach_listeners(app, body)
    else:
        assert problem.kind and problem.field and problem.reason and problem.status in (200, 400, 404)


@pytest.mark.parametrize(
    "body",
    [
        _command("https://hooks.slack.invalid/r/1"),
        _block_actions("https://hooks.slack.invalid/r/1"),
        _event({"type": "app_mention", "user": "U1", "text": "<@UBOT> kellogg", "channel": "C1", "ts": "1.1"}, 1),
        _event({"type": "message", "channel_type": "im", "text": "hi", "channel": "D1", "ts": "1.2"}, 2),
        _event({"type": "app_home_opened", "user": "U1", "tab": "home"}, 3),
        {"type": "url_verification", "token": "t", "challenge": "abc"},
    ],
)
def test_every_payload_shaped_as_slack_sends_it_passes_and_reaches_exactly_one_listener(app, body):
    assert refusal(body) is None
    assert body.get("type") == "url_verification" or reach_listeners(app, body) == 1


@pytest.mark.parametrize(
    "change, kind, field, status",
    [
        (lambda b: b.update(actions={"action_id": "x"}), "block_actions", "actions", 400),
        (lambda b: b.update(actions=[]), "block_actions", "actions", 400),
        (lambda b: b["actions"][0].update(action_id=7), "block_actions", "actions.0.action_id", 400),
        (lambda b: b.update(response_url="javascript:x"), "block_actions", "response_url", 400),
        (lambda b: b["user"].pop("id"), "block_actions", "user.id", 400),
        (lambda b: b.update(type="view_submission"), "view_submission", "type", 404),
        (lambda b: b.update(type=["block_actions"]), "request", "type", 400),
    ],
)
def test_a_malformed_button_payload_is_refused_naming_the_field(change, kind, field, status):
    body = _block_actions("https://hooks.slack.invalid/r/1")
    change(body)
    problem = refusal(body)
    assert (problem.kind, problem.field, problem.status) == (kind, field, status)


def test_an_event_that_does_not_fit_is_acknowledged_with_200_so_slack_does_not_retry_it():
    body = _event({"type": "app_mention", "user": "U1", "text": {"a": 1}, "channel": "C1", "ts": "1.1"}, 1)
    problem = refusal(body)
    assert (problem.kind, problem.field, problem.status) == ("event app_mention", "event.text", 200)
    assert refusal(_event({"type": "app_mention", "text": "x\ud800", "channel": "C1", "ts": "1"}, 2)).field == (
        "event.text"
    )
