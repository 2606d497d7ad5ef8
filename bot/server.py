"""HTTP mode: a threaded server for `/slack/events` (plus OAuth paths and `/healthz`), behind any proxy.

Bolt's development server handles one request at a time; Slack expects an answer within 3 seconds even when
twenty people type `/brief` at once, so each request gets its own thread. Bolt verifies signatures and the
5-minute timestamp window; on top of that a request whose exact signature was already accepted is a replay and
gets 401 before any listener sees it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from slack_bolt import App, BoltRequest, BoltResponse

from bot.replay import ReplayGuard, guard_for
from bot.web import WebResponse

log = logging.getLogger("briefbot.http")
EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000


def make_handler(app: App, guard: ReplayGuard, pages=None):
    """`pages`: a web handler (`bot.web`) mounted on every GET under its `prefix` (the source viewer)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: with Nagle's algorithm the body waits for the client's delayed
        # ACK of the headers, ~40 ms per response on Linux loopback (viewer pages: p50 44 ms -> under 2 ms).
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
            log.debug("%s " + format, self.address_string(), *args)

        def _headers(self) -> dict[str, str | Sequence[str]]:
            return {k.lower(): [v] for k, v in self.headers.items()}

        def _send(self, status: int, body: str | dict = "", headers: dict | None = None) -> None:
            data = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
            self.send_response(status)
            for key, values in (headers or {}).items():
                for value in values if isinstance(values, (list, tuple)) else [values]:
                    if key.lower() != "content-length":
                        self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _bolt(self, resp: BoltResponse) -> None:
            self._send(resp.status, resp.body, resp.headers)

        def _web(self, resp: WebResponse) -> None:
            self.send_response(resp.status)
            for key, value in resp.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(resp.body)))
            self.end_headers()
            self.wfile.write(resp.body)

        def do_GET(self) -> None:  # noqa: N802
            path, _, query = self.path.partition("?")
            if path == "/healthz":
                self._send(200, {"ok": True}, {"Content-Type": "application/json"})
                return
            if pages is not None and path.startswith(pages.prefix):
                self._web(pages.handle("GET", path, query, self._headers()))
                return
            flow = app.oauth_flow
            if flow and path in (flow.install_path, flow.redirect_uri_path):
                req = BoltRequest(body="", query=query, headers=self._headers())
                handler = flow.handle_installation if path == flow.install_path else flow.handle_callback
                self._bolt(handler(req))
                return
            self._send(404, "not found")

        def do_POST(self) -> None:  # noqa: N802
            path, _, query = self.path.partition("?")
            if path != EVENTS_PATH:
                self._send(404, "not found")
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                self._send(400, "bad Content-Length")
                return
            if length > MAX_BODY:
                self._send(413, "request too large")
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            signature = self.headers.get("X-Slack-Signature") or ""
            if signature and guard.seen(signature):
                self._send(401, "replayed request")
                return
            try:
                # Bolt parses the body (form fields, the JSON `payload`) while building the request, before the
                # signature is checked: a body it cannot parse is answered 400 here, not a dropped connection.
                request = BoltRequest(body=body, query=query, headers=self._headers())
            except (ValueError, TypeError, AttributeError, KeyError, RecursionError):  # RecursionError: "[[[[…"
                self._send(400, "malformed request body")
                return
            resp = app.dispatch(request)
            if signature and resp.status != 401:
                guard.remember(signature)
            self._bolt(resp)

    return Handler


class BriefbotHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # The default backlog of 5 drops connections in a burst, and a dropped SYN costs a 1 s retransmit.
    request_queue_size = 128


def make_server(app: App, host: str, port: int, db: str | None = None, pages=None) -> BriefbotHTTPServer:
    """`db`: the store's target; on PostgreSQL (several replicas) replays are remembered there. `pages`: the
    source viewer (`bot.web.viewer.ViewerPages`), or None to serve only Slack's paths."""
    return BriefbotHTTPServer((host, port), make_handler(app, guard_for(db), pages))
