"""HTTP mode: the WSGI app (`bot.wsgi`) on waitress, with bounded threads and connections, behind any proxy.

Why waitress: its I/O loop reads each request completely (headers and body) before a worker thread sees it, so a
slow or stalled client costs one idle socket, never a worker; the workers are a fixed pool, open connections are
capped, bodies are size-limited, all in pure Python with no dependencies of its own and no forking (a forked
gunicorn worker would load the spaCy model once per worker; its sync workers are held by slow clients unless a
buffering proxy sits in front). uvicorn would need an ASGI bridge around Bolt's synchronous App and has no deadline
for a request that trickles in. What waitress lacks we add here: a deadline for reading one request (a client
dribbling a byte every few seconds is cut off) and a graceful stop that finishes requests already received.

Add a GET page: pass `routes={"/view/": handler}` to `make_server` (see `bot.wsgi` for the handler's shape);
`bot.cli.serve.page_routes` is where `briefbot serve` collects them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import App
from waitress.server import TcpWSGIServer
from waitress.wasyncore import dispatcher

from bot.replay import ReplayGuard, guard_for
from bot.wsgi import HttpRequest, HttpResponse, RouteHandler, WsgiApp, json_response

log = logging.getLogger("briefbot.http")

# How long a thread may hold the interpreter lock while others wait for it (Python's default: 5 ms). An ack passes
# between four threads (waitress's I/O loop, a request thread, Bolt's listener thread, back), and each hand-over
# can wait a whole interval behind a thread that is busy delivering a briefing: with 0.5 ms, 100 concurrent
# commands were acked at p50 118-204 ms / p99 288-337 ms against 279 / 454-493 ms (benchmarks/serve.py, A/B on
# this 2-core machine, loaded). The serving process only acks, queues and delivers (briefings are composed in
# other processes), so the extra switching costs it little.
SWITCH_INTERVAL = 0.0005


@dataclass(frozen=True)
class ServerLimits:
    """Every bound of the HTTP server in one place (`briefbot serve` flags map onto these)."""

    threads: int = 16  # requests handled at once; Bolt acks in milliseconds and hands the work to our own pool
    connections: int = 1000  # open sockets, idle or slow ones included; beyond it new ones wait in the backlog
    max_body_bytes: int = 1_000_000  # Slack's payloads are a few kB; larger is refused with 413
    request_seconds: float = 10.0  # a request must arrive in full within this after its first byte
    idle_seconds: int = 30  # a keep-alive connection with nothing to do is closed after this
    drain_seconds: float = 20.0  # on shutdown: how long requests already received may take to finish


def health(_: HttpRequest) -> HttpResponse:
    """`/healthz`: the process answers. It names itself, so an operator (and a test) can tell which of several
    serving processes on one port answered."""
    return json_response(200, {"ok": True, "pid": os.getpid()})


def readiness(target: str | None) -> RouteHandler:
    """`/readyz`: 200 when the store answers one cheap query, 503 (with the reason, no password) when not.

    Probes come every few seconds from any request thread: PostgreSQL keeps one connection for them (under a lock,
    reopened after a failure), so a replica's connection budget grows by one, not by a thread count; a SQLite file
    is opened per probe (a file open; its connections may not cross threads)."""
    if target is None:
        return lambda _: json_response(200, {"ok": True, "store": "not checked (no store given)"})
    from knowledge.store.db import Store, backend_of, redact
    from knowledge.store.health import check_reachable

    lock = threading.Lock()
    kept: list[Store] = []
    shared = backend_of(target) == "postgresql"

    def ready(_: HttpRequest) -> HttpResponse:
        with lock:
            try:
                store = kept[0] if kept else Store.open(target)
                try:
                    check_reachable(store)
                finally:
                    if shared and not kept:
                        kept.append(store)
                    elif not shared:
                        store.close()
            except Exception as exc:
                for old in kept:
                    with contextlib.suppress(Exception):
                        old.close()
                kept.clear()  # a broken connection is opened anew on the next probe
                reason = redact(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
                log.warning("not ready: the store did not answer (%s)", reason)
                return json_response(503, {"ok": False, "store": reason})
        return json_response(200, {"ok": True})

    return ready


class _Waitress(TcpWSGIServer):
    """waitress's TCP server plus a deadline for reading each request (waitress only times out idle sockets), and
    SO_REUSEPORT when several serving processes listen on one port (the kernel spreads new connections over them)."""

    request_seconds = 10.0

    def __init__(self, *args: Any, reuse_port: bool = False, **kwargs: Any) -> None:
        self.reuse_port = reuse_port  # read by set_reuse_addr, which the base class calls before binding
        super().__init__(*args, **kwargs)

    def set_reuse_addr(self) -> None:
        super().set_reuse_addr()
        if self.reuse_port:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        started: dict[int, float] = getattr(self, "_started", {})
        current: dict[int, float] = {}
        for channel in list(self.active_channels.values()):
            parser = channel.request  # a request still arriving (None when idle or already complete)
            if parser is None or channel.requests:
                continue
            first = started.get(id(parser), now)
            current[id(parser)] = first
            if now - first > self.request_seconds:
                channel.will_close = True
                log.warning(
                    "closed a connection from %s: request not complete after %ss", channel.addr[0], self.request_seconds
                )
        self._started = current


class BriefbotServer:
    """What the CLI and tests drive: `serve_forever()` in a thread, `shutdown()` (graceful), `server_close()`."""

    def __init__(
        self, wsgi: WsgiApp, host: str, port: int, limits: ServerLimits, guard: ReplayGuard, reuse_port: bool = False
    ):
        self.limits, self.guard, self.wsgi = limits, guard, wsgi
        self._server = _Waitress(
            wsgi,
            reuse_port=reuse_port,
            host=host,
            port=port,
            threads=limits.threads,
            connection_limit=limits.connections,
            max_request_body_size=limits.max_body_bytes,
            channel_timeout=limits.idle_seconds,
            cleanup_interval=1,
            asyncore_use_poll=True,  # select() stops at 1024 descriptors; poll() has no such limit
            backlog=1024,
            ident="briefbot",
            expose_tracebacks=False,
            clear_untrusted_proxy_headers=True,
        )
        self._server.request_seconds = limits.request_seconds
        self._stopped = threading.Event()

    @property
    def server_address(self) -> tuple[str, int]:
        return str(self._server.effective_host), int(self._server.effective_port)

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Run the I/O loop until `shutdown()` (`poll_interval` is accepted for `socketserver` compatibility).
        The process's lock hand-over interval becomes `SWITCH_INTERVAL`: serving owns the process from here."""
        sys.setswitchinterval(SWITCH_INTERVAL)
        try:
            self._server.run()
        finally:
            self._stopped.set()

    def in_flight(self) -> int:
        """Requests received and not yet fully answered."""
        for _ in range(5):
            try:
                channels = list(self._server.active_channels.values())
                break
            except RuntimeError:  # the I/O thread changed the dict while we copied it
                continue
        else:
            return 1
        return sum(1 for ch in channels if ch.requests or ch.total_outbufs_len)

    def shutdown(self, timeout: float | None = None) -> bool:
        """Stop accepting, let requests already received finish (up to `drain_seconds`), then close every socket.
        True when nothing was cut off."""
        server = self._server
        deadline = time.monotonic() + (self.limits.drain_seconds if timeout is None else timeout)

        def stop_listening() -> None:
            server.accepting = False
            dispatcher.close(server)  # the listening socket only; the trigger stays to wake the loop

        self._in_loop(stop_listening)
        while self.in_flight() and time.monotonic() < deadline:
            time.sleep(0.02)
        drained = not self.in_flight()
        if not drained:
            log.warning(
                "shutdown: %d request(s) still running after %.0f s; closing anyway",
                self.in_flight(),
                self.limits.drain_seconds,
            )

        def close_all() -> None:
            for channel in list(server._map.values()):
                if channel is not server.trigger:
                    channel.close()
            with contextlib.suppress(OSError):  # a descriptor already closed under it: nothing left to close
                server.trigger.close()

        self._in_loop(close_all)
        self._stopped.wait(5)
        return drained

    def _in_loop(self, thunk: Callable[[], None]) -> None:
        """Run `thunk` in the I/O loop's thread (sockets belong to it), woken through its trigger pipe. When that
        pipe is already closed (the loop died, or something closed the descriptor under it), the loop will never
        run the thunk: run it here, so stopping still closes every socket instead of failing halfway."""
        try:
            self._server.trigger.pull_trigger(thunk)
        except OSError as exc:
            log.warning("shutdown: the server loop's wake-up pipe is gone (%s); closing sockets from this thread", exc)
            thunk()

    def server_close(self) -> None:
        self._server.task_dispatcher.shutdown(cancel_pending=True, timeout=5)
        close = getattr(self.guard, "close", None)  # the shared guard holds store connections
        if close is not None:
            close()


def make_server(
    app: App,
    host: str,
    port: int,
    db: str | None = None,
    *,
    routes: dict[str, RouteHandler] | None = None,
    limits: ServerLimits | None = None,
    shared_port: bool = False,
) -> BriefbotServer:
    """`db`: the store's target; on PostgreSQL (several replicas) replays are remembered there, and `/readyz`
    checks it. `routes`: extra GET pages by path (or path prefix ending in "/"). `shared_port`: one of several
    serving processes on this port (`bot.siblings`): the port is shared, and replays are remembered in the store
    whatever its kind, since the next request may reach a sibling."""
    limits = limits or ServerLimits()
    table: dict[str, RouteHandler] = {"/healthz": health, "/readyz": readiness(db), **(routes or {})}
    guard = guard_for(db, shared=shared_port)
    return BriefbotServer(WsgiApp(app, guard, table), host, port, limits, guard, reuse_port=shared_port)
