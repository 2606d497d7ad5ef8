"""Fetching articles and feeds safely: http(s) only, public addresses only, bounded in size and time.

A URL typed into Slack must not make the bot reach its own network (SSRF). For every request (and every redirect
hop, which is followed by hand) the host is resolved once, every address it resolves to is checked (loopback,
private, link-local, multicast, reserved, unspecified, shared/CGNAT and cloud-metadata addresses are refused), and
the connection is pinned to the checked address: the URL sent to httpx carries the IP, while the original host goes
in the Host header and, for https, in TLS SNI and certificate verification (httpcore's `sni_hostname` extension).
So a DNS answer that changes between check and connect (DNS rebinding) cannot move the request. Connections are not
kept alive, so a TLS connection verified for one host name is never reused for another name on the same IP.

IPv6 forms that wrap an IPv4 address (::ffff:a.b.c.d, 6to4 2002::/16, NAT64 64:ff9b::/96) are judged by that
IPv4 address. Environment proxies are ignored (`trust_env=False`), so no proxy can bypass the check, and an https
server reached by IP is still verified against the host name, so pinning does not weaken TLS.

Residual risks: only the first vetted address is tried (no fallback to a host's other addresses); a public
address that itself forwards to internal services (an open proxy) is out of reach of any address check.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from knowledge.config import get_settings
from knowledge.ingest.errors import IngestError
from knowledge.models import DocumentInput

MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
# Cloud instance-metadata endpoints (AWS, GCP, Azure, OpenStack on 169.254.169.254; AWS IPv6; Alibaba).
METADATA = {ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")}
# IPv6 forms that carry an IPv4 address inside: the router or NAT64 gateway would deliver to that IPv4 address,
# so "2002:7f00:1::" (6to4) or "64:ff9b::7f00:1" (NAT64) must be judged as 127.0.0.1.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
TOTAL_TIME_FACTOR = 3  # a whole response may take 3 × the timeout; each single read at most 1 ×
HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Checked in this order, so the message names the most telling reason (0.0.0.0 is also "private").
REFUSED_KINDS = [
    ("loopback", "a loopback address"),
    ("unspecified", "an unspecified address"),
    ("link_local", "a link-local address"),
    ("multicast", "a multicast address"),
    ("private", "a private address"),
    ("reserved", "a reserved address"),
]
Resolver = Callable[[str], list[str]]
# A host as urlsplit gives it: DNS labels (letters in any script, digits, hyphens), or an IPv6 literal.
_HOSTNAME = re.compile(r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)*[^\W_](?:[\w-]{0,61}[^\W_])?\.?|[0-9a-f:.%]+", re.I)


def system_resolver(host: str) -> list[str]:
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})
    except (socket.gaierror, UnicodeError):
        return []


def _embedded_v4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if addr.ipv4_mapped:  # ::ffff:127.0.0.1
        return addr.ipv4_mapped
    if addr.sixtofour:
        return addr.sixtofour
    if addr in NAT64 or (addr in IPV4_COMPATIBLE and int(addr) > 1):  # not :: or ::1, which are judged as IPv6
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def refusal(ip: str) -> str | None:
    """Why an address must not be fetched from ("a loopback address"), or None for a public address."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if addr.version == 6:
        embedded = _embedded_v4(addr)
        if embedded is not None:
            addr = embedded
    if addr in METADATA:
        return "a cloud metadata address"
    for kind, phrase in REFUSED_KINDS:
        if getattr(addr, f"is_{kind}"):
            return phrase
    if not addr.is_global:  # 100.64.0.0/10 shared address space and the like
        return "a non-public address"
    return None


def size_text(n: int) -> str:
    from knowledge.ingest.files import mb

    return mb(n)


@dataclass
class FetchResult:
    status: int
    body: bytes
    headers: httpx.Headers
    url: str  # the final URL, after redirects


class Fetcher:
    """GET over http(s) with the SSRF guard; `allow_private=True` is for tests against a local server only.

    `resolver` and `transport` are seams for tests, so SSRF cases run without DNS or network; the guard runs
    before the transport is called, so a test transport sees only requests that passed it.
    """

    def __init__(
        self,
        allow_private: bool = False,
        resolver: Resolver | None = None,
        timeout: float | None = None,
        max_bytes: int | None = None,
        transport: httpx.BaseTransport | None = None,
    ):
        settings = get_settings()
        self.allow_private = allow_private
        self.resolver = resolver or system_resolver
        self.timeout = timeout or settings.fetch_timeout
        self.max_bytes = max_bytes or settings.max_document_bytes
        self.client = httpx.Client(
            timeout=self.timeout,
            follow_redirects=False,
            trust_env=False,
            transport=transport,
            limits=httpx.Limits(max_keepalive_connections=0),
            headers={
                "User-Agent": settings.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            },
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def vet(self, url: str, host: str, ips: list[str], literal: bool) -> str:
        """The address to connect to, after checking every address the host has; raises IngestError."""
        if not self.allow_private:
            for ip in ips:
                why = refusal(ip)
                if why:
                    subject = f"{ip} is" if literal else f"{host} resolves to {ip},"
                    raise IngestError(f"{url}: refused: {subject} {why}", url)
        return ips[0]

    def _target(self, url: str) -> tuple[str, dict, dict]:
        """Check the URL and return (URL pinned to the vetted IP, headers, request extensions)."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise IngestError(f"{url}: refused: only http and https links can be fetched", url)
        host = parts.hostname
        if not host:
            raise IngestError(f"{url}: refused: no host in the URL", url)
        try:
            # an international name goes to DNS, the Host header and SNI as ASCII (bücher.example is
            # xn--bcher-kva.example); a name IDNA cannot encode (a label over 63 characters) is no host name
            ascii_host = host.encode("idna").decode("ascii") if _HOSTNAME.fullmatch(host) else ""
        except UnicodeError:
            ascii_host = ""
        if not ascii_host:
            # checked before any DNS query: "exa mple.org" is a typo, not a name to send to a resolver
            raise IngestError(f"{url}: refused: {host!r} is not a valid host name", url)
        try:
            port = parts.port
        except ValueError:
            raise IngestError(f"{url}: refused: bad port in the URL", url) from None
        try:
            ips, literal = [str(ipaddress.ip_address(host))], True
        except ValueError:
            ips, literal = self.resolver(ascii_host), False
        if not ips:
            raise IngestError(f"{url}: cannot resolve host {host}", url)
        ip = self.vet(url, host, ips, literal)
        netloc = (f"[{ip}]" if ":" in ip else ip) + (f":{port}" if port else "")
        pinned = urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
        host_header = (f"[{host}]" if ":" in host else ascii_host) + (f":{port}" if port else "")
        extensions = {"sni_hostname": ascii_host} if parts.scheme.lower() == "https" else {}
        return pinned, {"Host": host_header}, extensions

    def check(self, url: str) -> None:
        """Refuse a URL now, for the reasons a fetch of it would (used when a feed is added, not fetched)."""
        self._target(url)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """The response to GET url; redirects followed (each hop vetted), 304 returned as a normal result."""
        start = url
        for _ in range(MAX_REDIRECTS + 1):
            pinned, headers, extensions = self._target(url)
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            deadline = time.monotonic() + self.timeout * TOTAL_TIME_FACTOR
            try:
                with self.client.stream("GET", pinned, headers=headers, extensions=extensions) as resp:
                    if resp.status_code in REDIRECTS:
                        if not resp.headers.get("location", "").strip():
                            raise IngestError(f"{url}: HTTP {resp.status_code} redirect without a Location", url)
                        url = urljoin(url, resp.headers["location"].strip())
                        continue
                    if resp.status_code == 304:
                        return FetchResult(304, b"", resp.headers, url)
                    if resp.status_code >= 400:
                        raise IngestError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}".rstrip(), url)
                    limit_error = IngestError(f"{url}: response is over the {size_text(self.max_bytes)} limit", url)
                    declared = resp.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > self.max_bytes:
                        raise limit_error
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > self.max_bytes:
                            raise limit_error
                        if time.monotonic() > deadline:
                            raise httpx.ReadTimeout("total time exceeded")
                    return FetchResult(resp.status_code, bytes(body), resp.headers, url)
            except httpx.TimeoutException:
                raise IngestError(f"{url}: timed out after {self.timeout:g} s", url) from None
            except httpx.ConnectError as exc:
                reason = "connection refused" if "refused" in str(exc).lower() else f"cannot connect ({exc})"
                raise IngestError(f"{url}: {reason}", url) from None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:  # InvalidURL: a control character, a huge URL
                raise IngestError(f"{url}: request failed ({exc.__class__.__name__}: {exc})", url) from None
        raise IngestError(f"{start}: too many redirects (more than {MAX_REDIRECTS})", start)

    def close(self) -> None:
        self.client.close()


def _charset(headers: httpx.Headers) -> str | None:
    for param in headers.get("content-type", "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def fetch_article(url: str, fetcher: Fetcher | None = None) -> DocumentInput:
    """Fetch one article page (HTML or plain text) and return its clean text with metadata; url is the final URL."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        result = fetcher.get(url)
    finally:
        if own:
            fetcher.close()
    retrieved = datetime.now(UTC)
    kind = (result.headers.get("content-type") or "text/html").split(";")[0].strip().lower()
    charset = _charset(result.headers)
    if kind in HTML_TYPES:
        from knowledge.ingest.html import decode_declared, from_html

        body: str | bytes = (decode_declared(result.body, charset) if charset else None) or result.body
        doc = from_html(body, url=result.url)
        return doc.model_copy(update={"origin": url, "retrieved_at": retrieved})
    if kind == "text/plain":
        from knowledge.ingest.files import decode, refuse_binary
        from knowledge.ingest.html import decode_declared
        from knowledge.text.boilerplate import strip_boilerplate

        refuse_binary(result.body, url, url)  # a PDF served as text/plain; charset=latin-1 is still not text
        raw = (decode_declared(result.body, charset) if charset else None) or decode(result.body, url, url)
        text = strip_boilerplate(raw)
        if not text:
            raise IngestError(f"{url}: the page is empty", url)
        domain = (urlsplit(result.url).hostname or "").removeprefix("www.") or None
        return DocumentInput(
            text=text, url=result.url, outlet=domain, outlet_domain=domain, origin=url, retrieved_at=retrieved
        )
    raise IngestError(f"{url}: unsupported content type {kind}", url)
