"""The shapes of the Slack payloads briefbot handles, checked at the edge: after the signature, before Bolt's
authorization, matchers and our listeners look at a single field.

Bolt reads payloads trusting Slack's shapes — its action matcher takes `body["actions"][0]["action_id"]`, its
kwargs builder looks into `view.type` for every middleware call — so a signed but malformed payload (from a proxy,
a replayed capture, a test tool) would otherwise end in a 500 or a listener traceback. One model per payload kind
says what our code relies on; extra fields are allowed, since Slack adds fields all the time.

What a payload that does not fit gets, per kind:
- events: an empty 200 — the Events API retries any other answer three times, and a retry cannot repair a payload;
- slash commands, interactive payloads, url_verification: 400 — Slack does not retry them, and the sender (a tool,
  a proxy) learns which field was wrong;
- a well-formed interactive payload of a kind we have no listener for (a modal, a shortcut): 404, as Bolt answers
  anything unhandled — adding such a listener means adding its model here;
- anything else: 400;
- over Socket Mode, always an empty acknowledgement: nothing else reaches Slack, and it resends unacknowledged
  envelopes.
Each refusal logs one warning naming the kind and the field (never the value: it may be huge, or carry a token).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError
from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from knowledge.text.characters import has_half_pair

log = logging.getLogger("briefbot.slack")


def _http_url(value: str) -> str:
    if not value.startswith(("https://", "http://")) or len(value) > 2000:
        raise ValueError("not an http(s) URL")
    return value


Id = Annotated[StrictStr, Field(min_length=1, max_length=255)]
Url = Annotated[StrictStr, AfterValidator(_http_url)]


class Payload(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)


class AnyRef(Payload):
    """A team, user, channel or enterprise as an object; Bolt takes the ids it puts in the context from these."""

    id: StrictStr | None = None
    team_id: StrictStr | None = None
    enterprise_id: StrictStr | None = None


class Authorization(Payload):
    team_id: StrictStr | None = None
    enterprise_id: StrictStr | None = None
    user_id: StrictStr | None = None


class Envelope(Payload):
    """The fields Bolt reads into the request context (team, enterprise, user, channel, thread) from any payload:
    listeners read them back from the context, so they must be text wherever they are."""

    team_id: StrictStr | None = None
    enterprise_id: StrictStr | None = None
    user_id: StrictStr | None = None
    channel_id: StrictStr | None = None
    thread_ts: StrictStr | None = None
    team: StrictStr | AnyRef | None = None
    enterprise: StrictStr | AnyRef | None = None
    user: StrictStr | AnyRef | None = None
    channel: StrictStr | AnyRef | None = None
    authorizations: list[Authorization] | None = None


class SlashCommand(Envelope):
    command: Id
    team_id: Id
    user_id: Id
    channel_id: Id
    text: StrictStr = ""
    response_url: Url


class Ref(AnyRef):
    id: Id


class Action(Payload):
    action_id: Id
    block_id: StrictStr | None = None
    value: StrictStr | None = None


class Container(Payload):
    message_ts: StrictStr | None = None
    channel_id: StrictStr | None = None
    is_ephemeral: StrictBool | None = None


class BlockActions(Envelope):
    type: Literal["block_actions"]
    actions: list[Action] = Field(min_length=1)
    user: Ref
    team: Ref | None = None
    channel: Ref | None = None
    container: Container | None = None
    message: Envelope | None = None  # the message holding the button
    response_url: Url | None = None  # absent for buttons in App Home and in modals


class UrlVerification(Envelope):
    type: Literal["url_verification"]
    challenge: Annotated[StrictStr, Field(min_length=1, max_length=1000)]


class Event(Envelope):
    type: Id
    subtype: StrictStr | None = None
    bot_id: StrictStr | None = None
    channel_type: StrictStr | None = None
    text: StrictStr | None = None
    ts: StrictStr | None = None
    thread_ts: StrictStr | None = None
    tab: StrictStr | None = None
    message: Envelope | None = None  # edits carry the old and new message; Bolt looks into both
    previous_message: Envelope | None = None


class AppMention(Event):
    type: Literal["app_mention"]
    text: StrictStr
    user: StrictStr | None = None
    channel: Id
    ts: Id


class Message(Event):
    type: Literal["message"]
    user: StrictStr | None = None
    channel: Id
    ts: Id


class AppHomeOpened(Event):
    type: Literal["app_home_opened"]
    user: Id


EVENTS: dict[str, type[Event]] = {"app_mention": AppMention, "message": Message, "app_home_opened": AppHomeOpened}


class EventCallback(Envelope):
    type: Literal["event_callback"]
    event_id: Id
    team_id: StrictStr | None = None
    event: Event


# Interactive payload types Slack sends that briefbot has no listener for.
UNHANDLED = {
    "view_submission",
    "view_closed",
    "shortcut",
    "message_action",
    "block_suggestion",
    "interactive_message",
    "dialog_submission",
    "dialog_cancellation",
    "dialog_suggestion",
    "workflow_step_edit",
}


@dataclass
class Refusal:
    kind: str
    field: str
    reason: str
    status: int


def _surrogate_at(body: object) -> str | None:
    """The path of a string holding half a UTF-16 pair (a JSON "\\ud800" escape); Slack sends valid UTF-8 only.
    Walked with a stack, not recursion: nesting depth is the sender's choice."""
    stack: list[tuple[str, object]] = [("", body)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if has_half_pair(value):
                return path or "body"
        elif isinstance(value, dict):
            stack += [(f"{path}.{k}" if path else str(k), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(f"{path}[{i}]", v) for i, v in enumerate(value)]
    return None


def _first_error(exc: ValidationError) -> tuple[str, str]:
    err = exc.errors(include_url=False, include_input=False)[0]
    return ".".join(str(part) for part in err["loc"]) or "body", err["msg"]


def _kind(body: dict) -> tuple[str, type[Payload] | None, int]:
    """(kind, the model that must fit, status for a misfit); a None model means: answered without a listener."""
    if "command" in body:
        return "slash command", SlashCommand, 400
    kind = body.get("type")
    if kind == "event_callback":
        event = body.get("event")
        name = event.get("type") if isinstance(event, dict) else None
        model = EVENTS.get(name) if isinstance(name, str) else None
        return (f"event {name}" if model else "event"), EventCallback, 200
    if kind == "block_actions":
        return "block_actions", BlockActions, 400
    if kind == "url_verification":
        return "url_verification", UrlVerification, 400
    if isinstance(kind, str) and kind in UNHANDLED:
        return kind, None, 404
    return "request", None, 400


def refusal(body: object) -> Refusal | None:
    """Why a payload cannot go on to Bolt's matchers and our listeners, or None when it fits."""
    if not isinstance(body, dict):
        return Refusal("request", "body", "not a JSON object or a form", 400)
    kind, model, status = _kind(body)
    if model is None:
        if status == 404:
            return Refusal(kind, "type", "no listener for this kind of payload", 404)
        return Refusal(kind, "type", "not a slash command, event, interactive payload or URL verification", 400)
    try:
        model.model_validate(body)
    except ValidationError as exc:
        return Refusal(kind, *_first_error(exc), status)
    inner = EVENTS.get(body["event"]["type"]) if model is EventCallback else None
    if inner is not None:
        try:
            inner.model_validate(body["event"])
        except ValidationError as exc:
            field, msg = _first_error(exc)
            return Refusal(kind, f"event.{field}", msg, status)
    where = _surrogate_at(body)
    if where:
        return Refusal(kind, where, "half of a UTF-16 surrogate pair", status)
    return None


class CheckPayloads(Middleware):
    """A Middleware subclass, not a function: Bolt builds a function middleware's arguments from the payload,
    which is exactly what a malformed payload breaks."""

    def process(self, *, req: BoltRequest, resp: BoltResponse, next) -> BoltResponse | None:  # noqa: A002
        problem = refusal(req.body)
        if problem is None:
            return next()
        # Over Socket Mode only an acknowledgement reaches Slack, and an envelope left without one is sent again.
        status = 200 if req.mode == "socket_mode" else problem.status
        log.warning("refused a malformed %s: %s (%s); answered %d", problem.kind, problem.field, problem.reason, status)
        body = "" if status == 200 else f"malformed {problem.kind}: {problem.field} ({problem.reason})"
        return BoltResponse(status=status, body=body)
