"""A web handler (`prefix`, `handle(method, path, query, headers) -> WebResponse`) as a WSGI or an ASGI app.

For the production server (#28): mount `wsgi(pages)` or `asgi(pages)` on the handler's prefix, or call
`handle` from the server's own route for GET paths under it; either way the handler needs only the method, the
path (percent-decoded, without the query), the raw query string and the request headers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any, Protocol

from bot.web.response import WebResponse


class WebHandler(Protocol):
    prefix: str

    def handle(self, method: str, path: str, query: str, headers: Mapping[str, str | Sequence[str]]) -> WebResponse: ...


def _reason(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def wsgi(handler: WebHandler) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        # WSGI hands the path as latin-1 decoded bytes; re-read it as UTF-8 like any other server would.
        path = (
            (environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")).encode("latin-1").decode("utf-8", "replace")
        )
        headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
        resp = handler.handle(environ.get("REQUEST_METHOD", "GET"), path, environ.get("QUERY_STRING", ""), headers)
        start_response(_reason(resp.status), [*resp.headers.items(), ("Content-Length", str(len(resp.body)))])
        return [resp.body]

    return app


Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def asgi(handler: WebHandler) -> Callable[[dict[str, Any], Receive, Send], Awaitable[None]]:
    """An ASGI HTTP app; the handler reads the store synchronously, so an async server should run this app in a
    thread pool (or call `handle` via `run_in_threadpool`) to keep its event loop free."""

    async def app(scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        query = scope.get("query_string", b"").decode("latin-1")
        resp = handler.handle(scope["method"], scope["path"], query, headers)
        raw = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in resp.headers.items()
        ]  # ASGI: lowercase names
        raw.append((b"content-length", str(len(resp.body)).encode()))
        await send({"type": "http.response.start", "status": resp.status, "headers": raw})
        await send({"type": "http.response.body", "body": resp.body})

    return app
