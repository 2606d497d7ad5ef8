"""Fetching over real HTTP on 127.0.0.1: errors, limits, redirects, conditional requests, and SSRF refusals.

Nothing here uses real DNS or the network: names resolve through injected resolvers, and connections go only to a
server on 127.0.0.1 started by the tests.
"""

from __future__ import annotations

import time

import httpx
import pytest

from knowledge.ingest.errors import IngestError
from knowledge.ingest.fetch import Fetcher, fetch_article, refusal
from tests.httpsite import SiteHandler, serve

PAGE = (
    "<html><head><title>Quay opens</title></head><body><article><h1>Quay opens</h1><p>"
    + "The new quay in Lindenport opened on Monday after two years of building work by the port. " * 5
    + "</p></article></body></html>"
).encode()
PLAIN = b"Quay opens\n\nThe new quay opened on Monday.\n\nShare this article\nRead next"
LAST_MODIFIED = "Mon, 05 May 2025 08:00:00 GMT"


class Handler(SiteHandler):
    def redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):  # noqa: N802
        path = self.path
        if path == "/article":
            self.send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/plain":
            self.send(200, PLAIN, "text/plain; charset=utf-8")
        elif path == "/host":
            self.send(200, self.headers.get("Host", "").encode(), "text/plain")
        elif path == "/missing":
            self.send(404, b"no", "text/plain")
        elif path == "/broken":
            self.send(500, b"oops", "text/plain")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, PAGE, "text/html")
        elif path == "/big":
            self.send(200, b"x" * 50_000, "text/plain")
        elif path == "/big-undeclared":  # no Content-Length: the limit must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"y" * 1000)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path.startswith("/hop"):  # /hopN redirects to /hopN+1 ... up to /hop9, then to the article
            n = int(path[4:] or 0)
            self.redirect(302, f"/hop{n + 1}" if n < 9 else "/article")
        elif path.startswith("/chain"):  # /chainN: N more relative and absolute redirects, then the article
            n = int(path[6:] or 0)
            port = self.server.server_address[1]
            target = "/article" if n == 0 else (f"http://127.0.0.1:{port}/chain{n - 1}" if n % 2 else f"chain{n - 1}")
            self.redirect(301 if n % 2 else 307, target)
        elif path == "/to-loopback":
            self.redirect(302, f"http://127.0.0.1:{self.server.server_address[1]}/article")
        elif path == "/nowhere":
            self.send(302, b"", "text/plain")
        elif path == "/to-file":
            self.redirect(302, "file:///etc/passwd")
        elif path == "/feed":
            if self.headers.get("If-None-Match") == '"v1"' or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send(
                    200,
                    b"<rss version='2.0'><channel></channel></rss>",
                    "application/rss+xml",
                    {"ETag": '"v1"', "Last-Modified": LAST_MODIFIED},
                )
        elif path == "/image":
            self.send(200, b"\x89PNG", "image/png")
        elif path == "/ua":
            self.send(200, self.headers.get("User-Agent", "").encode(), "text/plain")


@pytest.fixture(scope="module")
def site():
    yield from serve(Handler)


@pytest.fixture
def fetcher():
    with Fetcher(allow_private=True, timeout=0.5, max_bytes=20_000) as f:
        yield f


def test_an_html_article_is_fetched_and_extracted(site, fetcher):
    doc = fetch_article(site + "/article", fetcher)
    assert "new quay in Lindenport" in doc.text and doc.url == site + "/article" and doc.title == "Quay opens"
    assert doc.retrieved_at is not None


def test_a_plain_text_page_loses_its_boilerplate(site, fetcher):
    doc = fetch_article(site + "/plain", fetcher)
    assert doc.text == "Quay opens\n\nThe new quay opened on Monday." and doc.url == site + "/plain"


def test_requests_carry_a_real_user_agent(site, fetcher):
    assert fetcher.get(site + "/ua").body.startswith(b"briefbot/")


def test_a_redirect_is_followed_and_the_final_url_kept(site, fetcher):
    assert fetch_article(site + "/chain1", fetcher).url == site + "/article"


def test_a_chain_of_five_redirects_is_followed_and_six_are_too_many(site, fetcher):
    result = fetcher.get(site + "/chain4")
    assert result.status == 200 and result.url == site + "/article"
    with pytest.raises(IngestError, match=r"/chain5: too many redirects"):
        fetcher.get(site + "/chain5")


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/missing", r"/missing: HTTP 404 Not Found$"),
        ("/broken", r"HTTP 500 Internal Server Error"),
        ("/slow", r"/slow: timed out after 0.5 s$"),
        ("/big", r"/big: response is over the 20 KB limit$"),
        ("/big-undeclared", r"over the 20 KB limit"),
        ("/hop0", r"too many redirects \(more than 5\)"),
        ("/image", r"/image: unsupported content type image/png$"),
        ("/nowhere", r"/nowhere: HTTP 302 redirect without a Location$"),
    ],
)
def test_bad_responses_are_clear_errors(site, fetcher, path, reason):
    with pytest.raises(IngestError, match=reason):
        fetch_article(site + path, fetcher)


def test_a_closed_port_is_connection_refused(site, fetcher):
    import socket

    with socket.socket() as s:  # a port that was free a moment ago, so nothing listens on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(IngestError, match="connection refused"):
        fetcher.get(f"http://127.0.0.1:{port}/")


def test_conditional_requests_get_304_when_nothing_changed(site, fetcher):
    first = fetcher.get(site + "/feed")
    by_etag = fetcher.get(site + "/feed", etag=first.headers["etag"])
    by_date = fetcher.get(site + "/feed", last_modified=first.headers["last-modified"])
    assert first.status == 200 and by_etag.status == 304 and by_date.status == 304 and by_etag.body == b""


def test_the_connection_goes_to_the_vetted_address_with_the_original_host_header(site):
    port = site.rsplit(":", 1)[1]
    calls = []
    resolver = lambda host: calls.append(host) or ["127.0.0.1"]  # noqa: E731
    with Fetcher(allow_private=True, resolver=resolver, timeout=1.0) as f:
        result = f.get(f"http://news.example:{port}/host")
    assert result.body == f"news.example:{port}".encode() and calls == ["news.example"]


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1/x", r"^http://127.0.0.1/x: refused: 127.0.0.1 is a loopback address$"),
        ("http://localhost/x", r"refused: localhost resolves to 127.0.0.1, a loopback address"),
        ("http://169.254.169.254/latest/meta-data", r"169.254.169.254 is a cloud metadata address"),
        ("http://[fd00:ec2::254]/", r"a cloud metadata address"),
        ("http://10.0.0.5/", r"10.0.0.5 is a private address"),
        ("http://0.0.0.0/", r"an unspecified address"),
        ("http://[::1]/", r"::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", r"a loopback address"),
        ("http://[2002:7f00:1::]/", r"a loopback address"),  # 6to4 around 127.0.0.1
        ("http://[64:ff9b::a00:1]/", r"a private address"),  # NAT64 around 10.0.0.1
        ("http://100.64.0.1/", r"a non-public address"),
        ("http://224.0.0.1/", r"a multicast address"),
        ("file:///etc/passwd", r"refused: only http and https"),
        ("ftp://files.example/a", r"refused: only http and https"),
        ("http://nowhere.example/", r"cannot resolve host nowhere.example"),
    ],
)
def test_the_default_fetcher_refuses_local_and_non_web_targets(url, reason):
    with Fetcher(resolver=lambda host: ["127.0.0.1"] if host == "localhost" else []) as f:
        with pytest.raises(IngestError, match=reason):
            f.get(url)


def test_a_public_name_that_resolves_to_a_private_address_is_refused():
    with Fetcher(resolver=lambda host: ["93.184.216.34", "10.0.0.1"]) as f:
        with pytest.raises(IngestError, match="news.example resolves to 10.0.0.1, a private address"):
            f.get("http://news.example/story")


def test_public_addresses_are_not_refused():
    assert refusal("93.184.216.34") is None and refusal("2606:2800:220:1:248:1893:25c8:1946") is None


class PublicLooking(Fetcher):
    """A default (strict) fetcher that treats public.example as public although it lives on 127.0.0.1."""

    def vet(self, url, host, ips, literal):
        if host == "public.example":
            return ips[0]
        return super().vet(url, host, ips, literal)


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/to-loopback", r"/article: refused: 127.0.0.1 is a loopback address"),
        ("/to-file", r"file:///etc/passwd: refused: only http and https"),
    ],
)
def test_every_redirect_hop_is_checked_again(site, path, reason):
    port = site.rsplit(":", 1)[1]
    with PublicLooking(resolver=lambda host: ["127.0.0.1"], timeout=1.0) as strict:
        assert strict.get(f"http://public.example:{port}/article").status == 200  # the first hop is allowed
        with pytest.raises(IngestError, match=reason):
            strict.get(f"http://public.example:{port}{path}")


def test_a_public_name_redirecting_to_loopback_or_to_a_private_name_is_refused_before_connecting():
    names = {"public.example": ["93.184.216.34"], "internal.example": ["10.0.0.1"]}
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:  # stands in for the public server; no network
        seen.append((str(request.url), request.headers["host"]))
        target = {"/to-loopback": "http://127.0.0.1/admin", "/to-internal": "http://internal.example/admin"}
        return httpx.Response(302, headers={"Location": target[request.url.path]})

    with Fetcher(resolver=lambda host: names.get(host, []), transport=httpx.MockTransport(answer)) as f:
        with pytest.raises(IngestError, match=r"^http://127.0.0.1/admin: refused: 127.0.0.1 is a loopback address$"):
            f.get("http://public.example/to-loopback")
        with pytest.raises(IngestError, match="internal.example resolves to 10.0.0.1, a private address"):
            f.get("http://public.example/to-internal")
    assert seen == [
        ("http://93.184.216.34/to-loopback", "public.example"),
        ("http://93.184.216.34/to-internal", "public.example"),
    ]


def test_https_is_pinned_to_the_vetted_address_with_the_name_kept_for_sni():
    sent = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append((str(request.url), request.headers["host"], request.extensions.get("sni_hostname")))
        return httpx.Response(200, text="ok")

    with Fetcher(resolver=lambda host: ["93.184.216.34"], transport=httpx.MockTransport(answer)) as f:
        assert f.get("https://news.example/a?b=1").url == "https://news.example/a?b=1"
    assert sent == [("https://93.184.216.34/a?b=1", "news.example", "news.example")]


def test_an_international_host_name_is_resolved_and_sent_as_ascii_and_a_control_character_is_a_refusal():
    sent, asked = [], []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append((request.headers["host"], request.extensions.get("sni_hostname")))
        return httpx.Response(200, text="ok")

    resolver = lambda host: asked.append(host) or ["93.184.216.34"]  # noqa: E731
    with Fetcher(resolver=resolver, transport=httpx.MockTransport(answer)) as f:
        assert f.get("https://bücher.example/a").status == 200
        with pytest.raises(IngestError, match=r"^https://news.example/a\x00b: request failed \(InvalidURL"):
            f.get("https://news.example/a\x00b")
        with pytest.raises(IngestError, match="is not a valid host name"):
            f.get("https://" + "a" * 64 + ".example/")
    assert asked[0] == "xn--bcher-kva.example" and sent == [("xn--bcher-kva.example", "xn--bcher-kva.example")]
