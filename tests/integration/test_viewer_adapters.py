"""The viewer's handler behind the two standard server interfaces: a real WSGI server (wsgiref) on loopback, and
the ASGI protocol driven directly, give the same pages and the same 403 as the threaded server."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit
from wsgiref.simple_server import WSGIRequestHandler, make_server

import httpx

from bot.web.adapters import asgi, wsgi
from bot.web.viewer import ViewerPages
from knowledge.brief.compose import compose
from knowledge.brief.query import parse_query
from knowledge.render.links import Linker, Signer

KEY = Signer(b"adapter-test-key-0123456789abcdef-01")


class Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


def first_link(store) -> tuple[str, str]:
    b = compose(store, parse_query("kellogg"))
    c = b.summary[0].citations[0]
    return Linker("", KEY).view_url(c, b.summary[0].citations).split("#")[0], c.quote


def test_a_wsgi_server_serves_the_viewer_page_and_refuses_a_tampered_link(demo_db):
    from knowledge.store.threads import ThreadStores

    stores = ThreadStores(demo_db)
    with make_server("127.0.0.1", 0, wsgi(ViewerPages(stores.get, KEY)), handler_class=Quiet) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            from knowledge.store import Store

            with Store.open(demo_db) as store:
                link, quote = first_link(store)
            base = f"http://127.0.0.1:{server.server_port}"
            ok = httpx.get(base + link, timeout=10)
            assert ok.status_code == 200 and "default-src 'none'" in ok.headers["content-security-policy"]
            assert quote.split()[0] in ok.text
            bad = httpx.get(base + link.replace("span=", "span=9"), timeout=10)
            assert bad.status_code == 403
            css = httpx.get(base + "/view/viewer.css", timeout=10)
            assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
        finally:
            server.shutdown()
            stores.close_all()


def test_the_asgi_app_answers_with_the_handlers_status_headers_and_body(demo_store, demo_target):
    from knowledge.store.threads import ThreadStores

    link, quote = first_link(demo_store)
    stores = ThreadStores(demo_target)  # the app runs on a worker thread: a store of its own there
    app = asgi(ViewerPages(stores.get, KEY))
    parts = urlsplit(link)

    async def call(query: str) -> list[dict]:
        sent: list[dict] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": parts.path, "query_string": query.encode(), "headers": []}
        await app(scope, receive, send)
        return sent

    def run(query: str) -> list[dict]:  # a loop of its own, whatever loop this thread may already run
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, call(query)).result()

    start, body = run(parts.query)
    assert start["status"] == 200 and (b"content-type", b"text/html; charset=utf-8") in start["headers"]
    assert b"<mark" in body["body"]
    start, body = run(parts.query.replace("span=", "span=9"))
    assert start["status"] == 403 and b"not valid" in body["body"]
    stores.close_all()
