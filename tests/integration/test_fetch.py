"""Fetching over real HTTP on 127.0.0.1: errors, limits, redirects, conditional requests, and SSRF refusals."""

from __future__ import annotations

import time

import pytest

from knowledge.ingest.errors import IngestError
from tests.httpsite import SiteHandler, serve
from knowledge.ingest.fetch import Fetcher, fetch_article

PAGE = ("<html><head><title>Quay opens</title></head><body><article><h1>Quay opens</h1><p>"
        + "The new quay in Lindenport opened on Monday after two years of building work by the port. " * 5
        + "</p></article></body></html>").encode()


class Handler(SiteHandler):
    def do_GET(self):  # noqa: N802
        path = self.path
        if path == "/article":
            self.send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/missing":
            self.send(404, b"no", "text/plain")
        elif path == "/slow":
            time.sleep(2)
            self.send(200, PAGE, "text/html")
        elif path == "/big":
            self.send(200, b"x" * 50_000, "text/plain")
        elif path.startswith("/hop"):
            n = int(path[4:] or 0)
            self.send_response(302)
            self.send_header("Location", f"/hop{n + 1}" if n < 9 else "/article")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-article":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/feed":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send(200, b"<rss version='2.0'><channel></channel></rss>", "application/rss+xml", {"ETag": '"v1"'})
        elif path == "/image":
            self.send(200, b"\x89PNG", "image/png")



@pytest.fixture(scope="module")
def site():
    yield from serve(Handler)


@pytest.fixture
def fetcher():
    f = Fetcher(allow_private=True, timeout=1.0, max_bytes=20_000)
    yield f
    f.close()


def test_an_html_article_is_fetched_and_extracted(site, fetcher):
    doc = fetch_article(site + "/article", fetcher)
    assert "new quay in Lindenport" in doc.text and doc.url == site + "/article"


def test_a_redirect_is_followed_and_the_final_url_kept(site, fetcher):
    assert fetch_article(site + "/to-article", fetcher).url == site + "/article"


@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404"),
    ("/slow", "timed out after 1 s"),
    ("/big", "over the 0.0 MB limit"),
    ("/hop0", "too many redirects"),
    ("/image", "unsupported content type image/png"),
])
def test_bad_responses_are_clear_errors(site, fetcher, path, reason):
    with pytest.raises(IngestError, match=reason):
        fetch_article(site + path, fetcher)


def test_a_closed_port_is_a_connection_error(fetcher):
    with pytest.raises(IngestError, match="cannot connect"):
        fetcher.get("http://127.0.0.1:9/")


def test_conditional_requests_get_304_when_nothing_changed(site, fetcher):
    first = fetcher.get(site + "/feed")
    again = fetcher.get(site + "/feed", etag=first.headers["etag"])
    assert first.status == 200 and again.status == 304


@pytest.mark.parametrize("url, reason", [
    ("http://127.0.0.1/x", "loopback"),
    ("http://localhost/x", "loopback"),
    ("http://169.254.169.254/latest/meta-data", "metadata"),
    ("http://10.0.0.5/", "private"),
    ("http://[::1]/", "loopback"),
    ("file:///etc/passwd", "only http and https"),
    ("ftp://files.example/a", "only http and https"),
])
def test_the_default_fetcher_refuses_local_and_non_web_targets(url, reason):
    with pytest.raises(IngestError, match=reason):
        Fetcher(resolver=lambda host: ["127.0.0.1"] if host == "localhost" else []).get(url)


def test_a_public_name_that_resolves_to_a_private_address_is_refused():
    fetcher = Fetcher(resolver=lambda host: ["10.1.2.3"])
    with pytest.raises(IngestError, match="news.example resolves to 10.1.2.3, a private address"):
        fetcher.get("http://news.example/story")


def test_a_redirect_to_a_loopback_address_is_refused(site):
    """The first hop is allowed (as if public); the redirect target is checked again and refused."""
    port = site.rsplit(":", 1)[1]
    strict = Fetcher(resolver=lambda host: ["127.0.0.1"], timeout=1.0)
    original = strict._target

    def first_hop_public(url, _calls=[0]):
        _calls[0] += 1
        if _calls[0] == 1:
            strict.allow_private = True
            try:
                return original(url)
            finally:
                strict.allow_private = False
        return original(url)

    strict._target = first_hop_public
    with pytest.raises(IngestError, match="loopback"):
        strict.get(f"http://site.example:{port}/to-article")
