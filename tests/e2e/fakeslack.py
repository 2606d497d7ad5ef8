"""A fake Slack Web API on 127.0.0.1 for end-to-end tests and benchmarks.

It speaks enough of the real protocol for slack_sdk's WebClient and WebhookClient: form or JSON bodies, bearer
tokens, `{"ok": ...}` envelopes, HTTP 429 with Retry-After. It records every call and every response_url post,
and can be told to fail a method for one channel, rate-limit it, or enforce per-channel and workspace limits.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

TEAM = "T0TEST"
BOT_USER = "UBOT"


@dataclass
class Call:
    method: str
    params: dict
    headers: dict
    at: float = field(default_factory=time.time)
    ok: bool = True


@dataclass
class Script:
    method: str
    error: str | None
    channel: str | None
    times: int | None
    retry_after: int | None = None


@dataclass
class Flaky:
    """Every `every`-th call to `method` ("response_url" for response_url posts) fails in `mode`: "500", "429",
    "hang" (held past the client's timeout, never processed) or "hang_after" (processed, then held: Slack took
    it but the client never hears so)."""

    method: str
    every: int
    mode: str
    times: int | None = None  # failures left to serve; None: no end
    seen: int = 0


class FakeSlack:
    def __init__(self, user_tz: str = "Europe/Berlin"):
        self.calls: list[Call] = []
        self.responses: list[tuple[str, dict]] = []
        self.response_at: dict[str, float] = {}  # response_url path → when its first post arrived (benchmarks)
        self.messages: dict[str, list[dict]] = {}
        self.user_tz = user_tz
        self.socket_url: str | None = None  # set by a test that runs a FakeSocketMode
        self.not_member: set[str] = set()  # channels the bot is not in (conversations.info says is_member false)
        self.scripts: list[Script] = []
        self.flakies: list[Flaky] = []
        self.injected = 0  # failures served by `flaky`
        self.hang_seconds = 2.0
        self.throttled = 0
        self._per_channel: float | None = None
        self._workspace_per_min: int | None = None
        self._last_post: dict[str, float] = {}
        self._window: list[float] = []
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self._lock = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # ---- lifecycle -------------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def start(self) -> FakeSlack:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---- scripting -------------------------------------------------------------------------------------------

    def fail(self, method: str, error: str, channel: str | None = None, times: int | None = None) -> None:
        self.scripts.append(Script(method, error, channel, times))

    def rate_limit(self, method: str, channel: str | None = None, retry_after: int = 1, times: int = 1) -> None:
        self.scripts.append(Script(method, "ratelimited", channel, times, retry_after))

    def flaky(self, method: str, every: int = 3, mode: str = "500", times: int | None = None) -> None:
        if mode not in ("500", "429", "hang", "hang_after"):
            raise ValueError(f"unknown failure mode {mode!r}")
        self.flakies.append(Flaky(method, every, mode, times))

    def _flaky_mode(self, method: str) -> str | None:
        with self._lock:
            for flaky in self.flakies:
                if flaky.method == method and flaky.times != 0:
                    flaky.seen += 1
                    if flaky.seen % flaky.every == 0:
                        if flaky.times is not None:
                            flaky.times -= 1
                        self.injected += 1
                        return flaky.mode
        return None

    def enforce_limits(self, per_channel_per_sec: float = 1.0, workspace_per_min: int | None = None) -> None:
        self._per_channel, self._workspace_per_min = per_channel_per_sec, workspace_per_min

    def new_response_url(self) -> str:
        return f"{self.url}/response/{next(self._ids)}"

    # ---- inspection ------------------------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10) -> list[Call]:
        deadline = time.time() + timeout
        with self._lock:
            while len([c for c in self.calls if c.method == method]) < count:
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError(f"{method}: expected {count} calls, got {len(self.calls_to(method))}")
                self._lock.wait(left)
            return [c for c in self.calls if c.method == method]

    def response_posts(self) -> list[dict]:
        with self._lock:
            return [body for _, body in self.responses]

    def wait_for_responses(self, count: int = 1, timeout: float = 10) -> list[dict]:
        deadline = time.time() + timeout
        with self._lock:
            while len(self.responses) < count:
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError(f"expected {count} response_url posts, got {len(self.responses)}")
                self._lock.wait(left)
            return [body for _, body in self.responses]

    def wait_for_response_to(self, response_url: str, timeout: float = 10) -> dict:
        """The first post to one response_url: the answer to that request, whatever else is being answered."""
        path = response_url.removeprefix(self.url)
        deadline = time.time() + timeout
        with self._lock:
            while True:
                found = [body for p, body in self.responses if p == path]
                if found:
                    return found[0]
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError(f"no post to {path} within {timeout} s")
                self._lock.wait(left)

    # ---- the API ---------------------------------------------------------------------------------------------

    def _scripted(self, method: str, channel: str | None) -> Script | None:
        for script in self.scripts:
            if script.method == method and script.channel in (None, channel) and script.times != 0:
                if script.times is not None:
                    script.times -= 1
                return script
        return None

    def _throttle(self, channel: str) -> int | None:
        now = time.monotonic()
        if self._per_channel:
            gap = 1.0 / self._per_channel
            last = self._last_post.get(channel)
            if last is not None and now - last < gap * 0.95:
                self.throttled += 1
                return max(1, int(gap - (now - last) + 0.999))
        if self._workspace_per_min:
            self._window = [t for t in self._window if now - t < 60]
            if len(self._window) >= self._workspace_per_min:
                self.throttled += 1
                return max(1, int(60 - (now - self._window[0]) + 0.999))
            self._window.append(now)
        self._last_post[channel] = now
        return None

    def _api(self, method: str, params: dict) -> tuple[int, dict, dict]:
        channel = params.get("channel")
        with self._lock:
            script = self._scripted(method, channel)
            if script and script.retry_after is not None:
                return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(script.retry_after)}
            if script:
                return 200, {"ok": False, "error": script.error}, {}
            if method == "chat.postMessage":
                wait = self._throttle(channel or "")
                if wait is not None:
                    return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(wait)}
                ts = f"{1_700_000_000 + next(self._ts)}.000100"
                metadata = params.get("metadata")
                if isinstance(metadata, str):
                    metadata = json.loads(metadata)
                message = {
                    "type": "message",
                    "ts": ts,
                    "text": params.get("text", ""),
                    "user": BOT_USER,
                    "thread_ts": params.get("thread_ts"),
                    "blocks": _maybe_json(params.get("blocks")),
                    "metadata": metadata,
                }
                self.messages.setdefault(channel, []).append(message)
                return 200, {"ok": True, "channel": channel, "ts": ts, "message": message}, {}
        if method == "auth.test":
            return (
                200,
                {
                    "ok": True,
                    "team_id": TEAM,
                    "team": "Test Team",
                    "user_id": BOT_USER,
                    "bot_id": "BBOT",
                    "url": "https://test.slack.invalid/",
                },
                {},
            )
        if method == "conversations.history":
            oldest = float(params.get("oldest") or 0)
            with self._lock:
                msgs = [m for m in reversed(self.messages.get(channel, [])) if float(m["ts"]) >= oldest]
            return 200, {"ok": True, "messages": msgs[: int(params.get("limit") or 100)], "has_more": False}, {}
        if method == "conversations.replies":
            root = params.get("ts")
            with self._lock:
                msgs = [m for m in self.messages.get(channel, []) if root in (m["ts"], m.get("thread_ts"))]
            return 200, {"ok": True, "messages": msgs[: int(params.get("limit") or 100)], "has_more": False}, {}
        if method == "conversations.info":
            info = {"id": channel, "is_channel": True, "is_member": channel not in self.not_member}
            return 200, {"ok": True, "channel": info}, {}
        if method == "users.info":
            return 200, {"ok": True, "user": {"id": params.get("user"), "tz": self.user_tz, "team_id": TEAM}}, {}
        if method in (
            "views.publish",
            "chat.postEphemeral",
            "chat.update",
            "chat.delete",
            "views.open",
            "team.info",
        ):
            return 200, {"ok": True, "channel": {"id": channel}, "team": {"id": TEAM}}, {}
        return 200, {"ok": False, "error": "unknown_method"}, {}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw).items()}
                headers = {k.lower(): v for k, v in self.headers.items()}
                is_response = self.path.startswith("/response/")
                method = "response_url" if is_response else self.path.split("/api/", 1)[-1].split("?")[0]
                mode = fake._flaky_mode(method)
                if mode in ("500", "429", "hang"):
                    self._fail(method, params, headers, mode)
                    return
                if is_response:
                    with fake._lock:
                        fake.responses.append((self.path, params))
                        fake.response_at.setdefault(self.path, time.time())
                        fake._lock.notify_all()
                    if mode == "hang_after":
                        time.sleep(fake.hang_seconds)
                    self._reply(200, "ok", {}, plain=True)
                    return
                auth = headers.get("authorization", "")
                if method == "apps.connections.open" and auth.startswith("Bearer xapp-") and fake.socket_url:
                    status, body, extra = 200, {"ok": True, "url": fake.socket_url}, {}
                elif not auth.startswith("Bearer xox"):
                    params.pop("token", None)
                    status, body, extra = 200, {"ok": False, "error": "not_authed"}, {}
                else:
                    status, body, extra = fake._api(method, params)
                with fake._lock:
                    fake.calls.append(Call(method, params, headers, ok=status == 200 and body.get("ok", False)))
                    fake._lock.notify_all()
                if mode == "hang_after":
                    time.sleep(fake.hang_seconds)
                self._reply(status, body, extra)

            def _fail(self, method: str, params: dict, headers: dict, mode: str) -> None:
                with fake._lock:
                    fake.calls.append(Call(method, params, headers, ok=False))
                    fake._lock.notify_all()
                if mode == "hang":
                    time.sleep(fake.hang_seconds)
                status = 429 if mode == "429" else 500
                extra = {"Retry-After": "1"} if mode == "429" else {}
                error = "ratelimited" if mode == "429" else "internal_error"
                self._reply(status, {"ok": False, "error": error}, extra)

            def _reply(self, status: int, body, extra: dict, plain: bool = False) -> None:
                data = (body if plain else json.dumps(body)).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain" if plain else "application/json")
                for k, v in extra.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                try:
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # a client that timed out and left

        return Handler


def _maybe_json(value):
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
