"""The HTTP side as one WSGI application: Slack's endpoint through Bolt's WSGI adapter, plus GET pages by route.

Routes are an explicit table, path → handler: a path ending in "/" is a prefix (it serves everything under it),
any other path serves only itself. Adding a page is one entry in the `routes` given to `make_server` (see
`bot.server`). Slack's endpoint (`POST /slack/events`) and the OAuth paths stay with Bolt's adapter.

Around Bolt: a request whose exact signature was already accepted is a replay and gets 401 before any listener
sees it (`bot.replay`); a body Bolt cannot even parse gets 400; and every request gets one log line (kind, team,
channel, topic, status, latency), a refused signature a warning saying why.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest

from bot.logs import Timer, record
from bot.replay import ReplayGuard

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

log = logging.getLogger("briefbot.http")
EVENTS_PATH = "/slack/events"
SIGNATURE_WINDOW = 60 * 5


@dataclass
class HttpRequest:
    method: str
    path: str
    query: str
    headers: dict[str, str]


@dataclass
class HttpResponse:
    status: int
    body: str | bytes = ""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


RouteHandler = Callable[[HttpRequest], HttpResponse]


def json_response(status: int, payload: dict[str, Any]) -> HttpResponse:
    return HttpResponse(status, json.dumps(payload), "application/json")


def find_route(routes: dict[str, RouteHandler], path: str) -> RouteHandler | None:
    """The exact path's handler, else the longest prefix route ("/view/") the path is under."""
    if path in routes:
        return routes[path]
    prefixes = [p for p in routes if p.endswith("/") and path.startswith(p)]
    return routes[max(prefixes, key=len)] if prefixes else None


def refusal_reason(headers: dict[str, str | Sequence[str]], now: float | None = None) -> str:
    """Why Bolt answered 401, in words an operator can act on (never the signature or the secret itself)."""
    if not headers.get("x-slack-signature") or not headers.get("x-slack-request-timestamp"):
        return "missing X-Slack-Signature or X-Slack-Request-Timestamp header"
    try:
        stamp = int(str(headers["x-slack-request-timestamp"]))
    except ValueError:
        return "timestamp header is not a number"
    if abs((now or time.time()) - stamp) > SIGNATURE_WINDOW:
        return "timestamp outside the 5-minute window (replay, or this host's clock is wrong)"
    return "signature does not match SLACK_SIGNING_SECRET (wrong secret, or the body was changed on the way)"


def describe(request: BoltRequest) -> dict[str, Any]:
    """kind, team, channel and topic of a Slack request, for its log line (any shape of body: this runs on
    whatever a signed request carried)."""

    def obj(value: Any) -> dict[str, Any]:
        return value if isinstance(value, dict) else {}

    body = obj(request.body)
    kind, topic = "other", None
    if body.get("command"):
        kind, topic = "command", " ".join(str(body.get("text") or "").split())[:80] or None
    elif body.get("type") == "block_actions":
        actions = body.get("actions")
        first = obj(actions[0]) if isinstance(actions, list) and actions else {}
        kind, topic = "button", str(first.get("action_id") or "")[:80] or None
    elif body.get("type") == "event_callback":
        kind = "event:" + str(obj(body.get("event")).get("type") or "?")[:40]
    elif isinstance(body.get("type"), str):
        kind = body["type"][:40]
    ctx = request.context
    return {"kind": kind, "team": ctx.team_id, "channel": ctx.channel_id, "topic": topic}


class SlackEndpoint(SlackRequestHandler):
    """Bolt's WSGI adapter with the replay rule, a 400 for unparseable bodies and one log line per request."""

    def __init__(self, app: App, guard: ReplayGuard):
        super().__init__(app, path=EVENTS_PATH)
        self.guard = guard

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        timer = Timer()
        headers: dict[str, str | Sequence[str]] = {k: str(v) for k, v in request.get_headers().items()}
        length = int(request.environ.get("CONTENT_LENGTH") or 0)
        body = request.environ["wsgi.input"].read(length).decode("utf-8", errors="replace") if length else ""
        signature = str(headers.get("x-slack-signature") or "")
        if signature and self.guard.seen(signature):
            record(log, "refused", logging.WARNING, path=EVENTS_PATH, status=401, reason="replayed signature")
            return BoltResponse(status=401, body="replayed request")
        try:
            # Bolt parses the body (form fields, the JSON `payload`) while building the request, before the
            # signature is checked: a body it cannot parse is answered 400 here, not a dropped connection.
            bolt_request = BoltRequest(body=body, query=request.query_string, headers=headers)
        except (ValueError, TypeError, AttributeError, KeyError, RecursionError):  # RecursionError: "[[[[…"
            record(log, "refused", logging.WARNING, path=EVENTS_PATH, status=400, reason="malformed request body")
            return BoltResponse(status=400, body="malformed request body")
        response = self.app.dispatch(bolt_request)
        if response.status == 401:
            record(log, "refused", logging.WARNING, path=EVENTS_PATH, status=401, reason=refusal_reason(headers))
            return response
        if signature:
            self.guard.remember(signature)
        record(log, "request", status=response.status, ms=timer.ms, **describe(bolt_request))
        return response


class WsgiApp:
    """The whole HTTP surface: `routes` for GET (health, readiness, pages), Bolt for Slack's paths."""

    def __init__(self, app: App, guard: ReplayGuard, routes: dict[str, RouteHandler]):
        self.slack = SlackEndpoint(app, guard)
        self.routes = dict(routes)
        self.oauth_paths = (
            {app.oauth_flow.install_path, app.oauth_flow.redirect_uri_path} if app.oauth_flow is not None else set()
        )

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")
        if path == EVENTS_PATH or path in self.oauth_paths:
            return self.slack(environ, start_response)
        handler = find_route(self.routes, path) if method in ("GET", "HEAD") else None
        if handler is None:
            status = 405 if method not in ("GET", "HEAD") and find_route(self.routes, path) else 404
            response = HttpResponse(status, "not found" if status == 404 else "method not allowed")
        else:
            timer = Timer()
            headers = {k[5:].lower().replace("_", "-"): str(v) for k, v in environ.items() if k.startswith("HTTP_")}
            request = HttpRequest(method, path, environ.get("QUERY_STRING", ""), headers)
            try:
                response = handler(request)
            except Exception:
                log.exception("GET %s failed", path)
                response = HttpResponse(500, "internal error")
            if path not in ("/healthz", "/readyz") or response.status != 200:  # probes every few seconds: quiet
                record(log, "request", kind="page", path=path, status=response.status, ms=timer.ms)
        data = response.body.encode("utf-8") if isinstance(response.body, str) else response.body
        reason = {
            200: "OK",
            400: "Bad Request",
            403: "Forbidden",
            404: "Not Found",
            405: "Method Not Allowed",
            500: "Internal Server Error",
            503: "Service Unavailable",
        }
        extra = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-type", "content-length")]
        start_response(
            f"{response.status} {reason.get(response.status, 'Status')}",
            [("Content-Type", response.content_type), ("Content-Length", str(len(data))), *extra],
        )
        return [b"" if method == "HEAD" else data]
