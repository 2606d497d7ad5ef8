"""Correctly signed but malformed Slack requests: what a proxy, a replayed capture or a test tool could send.

Each request starts from a payload shaped like Slack's (a slash command, a button click, an event, a URL
verification) and gets up to three mutations at random places in it — a field deleted, or its value replaced by one
of another type or by junk — or is plain random bytes. `kind` names the template, so a failure says what was sent.
"""

from __future__ import annotations

import copy
import json
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from hypothesis import strategies as st

from tests.e2e.slackreq import signed_headers
from tests.fuzz.strategies import any_text, huge, json_values, phrase


@dataclass
class Request:
    kind: str
    body: bytes
    json_body: bool
    headers: dict = field(default_factory=dict)

    def signed(self) -> dict:
        """Slack signs the bytes it sends; the server reads them as UTF-8 (bad bytes replaced) before Bolt checks."""
        return {**signed_headers(self.body.decode("utf-8", errors="replace"), json_body=self.json_body), **self.headers}


def _command(response_url: str) -> dict:
    return {
        "token": "legacy",
        "team_id": "T0TEST",
        "team_domain": "test",
        "channel_id": "C1",
        "channel_name": "general",
        "user_id": "U1",
        "user_name": "tester",
        "command": "/brief",
        "text": "kellogg",
        "api_app_id": "A1",
        "response_url": response_url,
        "trigger_id": "1.2.3",
    }


def _block_actions(response_url: str) -> dict:
    return {
        "type": "block_actions",
        "team": {"id": "T0TEST", "domain": "test"},
        "user": {"id": "U1", "username": "tester", "team_id": "T0TEST"},
        "api_app_id": "A1",
        "token": "legacy",
        "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": "C1", "is_ephemeral": True},
        "trigger_id": "1.2.3",
        "channel": {"id": "C1", "name": "general"},
        "response_url": response_url,
        "actions": [
            {
                "action_id": "brief_sources",
                "block_id": "b1",
                "value": json.dumps({"q": "kellogg"}),
                "type": "button",
                "action_ts": "1700000000.1",
            }
        ],
    }


def _other_interactive(kind: str) -> dict:
    return {
        "type": kind,
        "team": {"id": "T0TEST"},
        "user": {"id": "U1"},
        "callback_id": "cb",
        "trigger_id": "1.2.3",
        "view": {"id": "V1", "callback_id": "cb", "state": {"values": {}}},
        "message": {"text": "x", "ts": "1.2"},
        "channel": {"id": "C1"},
    }


def _event(inner: dict, n: int) -> dict:
    return {
        "token": "legacy",
        "team_id": "T0TEST",
        "api_app_id": "A1",
        "event": inner,
        "type": "event_callback",
        "event_id": f"EvFuzz{n}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": "T0TEST", "user_id": "UBOT", "is_bot": True}],
    }


EVENTS = {
    "app_mention": {"type": "app_mention", "user": "U1", "text": "<@UBOT> kellogg", "channel": "C1", "ts": "1.000001"},
    "message.im": {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": "kellogg",
        "channel": "D1",
        "ts": "1.000002",
    },
    "app_home_opened": {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"},
}
ACTION_IDS = [
    "brief_details",
    "brief_sources",
    "brief_follow",
    "brief_share",
    "brief_choose_1",
    "brief_choose_x",
    "other",
]
junk = st.one_of(json_values, huge, st.sampled_from([[], {}, "", None, 0, -1, True, [1], {"id": 1}, "https://"]))


def _paths(value, prefix=()):
    """Every place in a JSON value where a mutation can go."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _paths(inner, (*prefix, i))


@st.composite
def mutated(draw, payload: dict, max_mutations: int = 3) -> dict:
    for _ in range(draw(st.integers(0, max_mutations))):
        path = draw(st.sampled_from([p for p in _paths(payload) if p]))
        parent = payload
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(draw(junk))  # a later mutation must not edit a shared constant
        if not isinstance(payload, dict):
            break
    return payload


ASCII_JSON = True  # "\ud800" escapes travel as ASCII, as a JSON encoder on the sending side writes them


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=ASCII_JSON).encode("utf-8", errors="surrogatepass")


@st.composite
def command_forms(draw, response_url: str) -> list[tuple[str, str]]:
    form = _command(response_url)
    form["text"] = draw(st.one_of(phrase, any_text, huge, st.just("kellogg")))
    for key in draw(st.lists(st.sampled_from(sorted(form)), max_size=4, unique=True)):
        if draw(st.booleans()):
            del form[key]
        else:
            form[key] = draw(st.one_of(any_text, huge))
    return list(form.items()) + draw(st.lists(st.tuples(any_text, any_text), max_size=2))


@st.composite
def interactive_payloads(draw, response_url: str) -> tuple[str, dict]:
    kind = draw(st.sampled_from(["block_actions"] * 4 + ["view_submission", "shortcut", "message_action", "x"]))
    if kind == "block_actions":
        payload = _block_actions(response_url)
        action = payload["actions"][0]
        action["action_id"] = draw(st.sampled_from(ACTION_IDS))
        action["value"] = draw(st.one_of(st.just(action["value"]), any_text, json_values.map(json.dumps)))
        if draw(st.integers(0, 3)) == 0:
            del payload["response_url"]  # as from a button in App Home or a modal
    else:
        payload = _other_interactive(kind)
    return f"interactive {kind}", draw(mutated(payload))


@st.composite
def event_payloads(draw) -> tuple[str, dict]:
    name = draw(st.sampled_from(sorted(EVENTS)))
    inner = json.loads(json.dumps(EVENTS[name]))
    if "text" in inner:
        inner["text"] = draw(st.one_of(st.just(inner["text"]), phrase, any_text))
    return f"event {name}", draw(mutated(_event(inner, draw(st.integers(0, 10**9)))))


@st.composite
def url_verification_payloads(draw) -> tuple[str, dict]:
    return "url_verification", draw(mutated({"token": "legacy", "challenge": "c0ffee", "type": "url_verification"}, 2))


def payloads(response_url: str = "https://hooks.slack.invalid/r/1") -> st.SearchStrategy:
    """Parsed bodies, as Bolt hands them on: a command's form fields, an interactive or event JSON, or any JSON."""
    return st.one_of(
        command_forms(response_url).map(lambda pairs: dict(reversed(pairs))),
        interactive_payloads(response_url).map(lambda kp: kp[1]),
        event_payloads().map(lambda kp: kp[1]),
        url_verification_payloads().map(lambda kp: kp[1]),
        json_values,
    )


# ---- as signed HTTP requests -----------------------------------------------------------------------------------


@st.composite
def commands(draw, response_url: str) -> Request:
    pairs = draw(command_forms(response_url))
    raw = [(k.encode("utf-8", "surrogatepass"), v.encode("utf-8", "surrogatepass")) for k, v in pairs]
    body = urlencode(raw)
    return Request("command", body.encode(), False)


@st.composite
def interactive(draw, response_url: str) -> Request:
    kind, payload = draw(interactive_payloads(response_url))
    return Request(kind, urlencode({"payload": _json(payload).decode()}).encode(), False)


@st.composite
def events(draw) -> Request:
    kind, payload = draw(event_payloads())
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"} if draw(st.booleans()) else {}
    return Request(kind, _json(payload), True, retry)


@st.composite
def url_verifications(draw) -> Request:
    kind, payload = draw(url_verification_payloads())
    return Request(kind, _json(payload), True)


@st.composite
def noise(draw) -> Request:
    as_json = draw(st.booleans())
    body = draw(
        st.one_of(
            st.binary(max_size=2000),
            any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.integers(1, 100_000).map(lambda n: b"[" * n),
        )
    )
    prefix = draw(st.sampled_from([b"", b"payload=", b"command=/brief&text=", b"ssl_check=1&token=x&", b"{"]))
    return Request("random bytes", prefix + body, as_json)


def requests(response_url: str) -> st.SearchStrategy[Request]:
    """Any kind of malformed request; `response_url` (on the fake Slack) is where the app's answers go."""
    return st.one_of(
        commands(response_url),
        interactive(response_url),
        interactive(response_url),
        events(),
        events(),
        url_verifications(),
        noise(),
    )
