"""Fetching articles and feeds safely: http(s) only, public addresses only, bounded in size and time.

A URL typed into Slack must not make the bot reach its own network (SSRF). The host is resolved once, every
address is checked (loopback, private, link-local, metadata, multicast, reserved are refused), and the connection is
pinned to the checked address (the URL's host goes in the Host header and TLS SNI), so a DNS answer that changes
between check and connect cannot redirect it. Redirects are followed by hand so each hop is checked the same way.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from knowledge.config import get_settings
from knowledge.ingest.errors import IngestError
from knowledge.models import DocumentInput

MAX_REDIRECTS = 5
METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
Resolver = Callable[[str], list[str]]


def system_resolver(host: str) -> list[str]:
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})
    except socket.gaierror:
        return []


def refusal(ip: str) -> Optional[str]:
    addr = ipaddress.ip_address(ip)
    if addr in METADATA:
        return "a cloud metadata address"
    for kind in ("loopback", "private", "link_local", "multicast", "reserved", "unspecified"):
        if getattr(addr, f"is_{kind}"):
            return f"a {kind.replace('_', '-')} address"
    return None


@dataclass
class FetchResult:
    status: int
    body: bytes
    headers: httpx.Headers
    url: str


class Fetcher:
    def __init__(self, allow_private: bool = False, resolver: Optional[Resolver] = None,
                 timeout: Optional[float] = None, max_bytes: Optional[int] = None):
        settings = get_settings()
        self.allow_private = allow_private
        self.resolver = resolver or system_resolver
        self.timeout = timeout or settings.fetch_timeout
        self.max_bytes = max_bytes or settings.max_document_bytes
        self.client = httpx.Client(timeout=self.timeout, follow_redirects=False, trust_env=False,
                                   headers={"User-Agent": settings.user_agent})

    def _target(self, url: str) -> tuple[str, dict, dict]:
        """Check the URL and return (pinned URL, headers, request extensions)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise IngestError(f"{url}: refused: only http and https links can be fetched")
        host = parts.hostname
        if not host:
            raise IngestError(f"{url}: refused: no host in the URL")
        try:
            literal = str(ipaddress.ip_address(host))
            ips = [literal]
        except ValueError:
            ips = self.resolver(host)
        if not ips:
            raise IngestError(f"{url}: cannot resolve host {host}")
        if not self.allow_private:
            for ip in ips:
                why = refusal(ip)
                if why:
                    raise IngestError(f"{url}: refused: {host} resolves to {ip}, {why}")
        ip = ips[0]
        netloc = f"[{ip}]" if ":" in ip else ip
        if parts.port:
            netloc += f":{parts.port}"
        pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        host_header = host + (f":{parts.port}" if parts.port else "")
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        return pinned, {"Host": host_header}, extensions

    def get(self, url: str, etag: Optional[str] = None, last_modified: Optional[str] = None) -> FetchResult:
        for _ in range(MAX_REDIRECTS + 1):
            pinned, headers, extensions = self._target(url)
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            try:
                with self.client.stream("GET", pinned, headers=headers, extensions=extensions) as resp:
                    if resp.status_code in (301, 302, 303, 307, 308) and resp.headers.get("location"):
                        url = urljoin(url, resp.headers["location"])
                        continue
                    if resp.status_code == 304:
                        return FetchResult(304, b"", resp.headers, url)
                    if resp.status_code >= 400:
                        raise IngestError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > self.max_bytes:
                            raise IngestError(f"{url}: response is over the {self.max_bytes / 1e6:.1f} MB limit")
                    return FetchResult(resp.status_code, bytes(body), resp.headers, url)
            except httpx.TimeoutException:
                raise IngestError(f"{url}: timed out after {self.timeout:g} s") from None
            except httpx.ConnectError as exc:
                raise IngestError(f"{url}: cannot connect ({exc.__class__.__name__})") from None
            except httpx.HTTPError as exc:
                raise IngestError(f"{url}: request failed ({exc.__class__.__name__})") from None
        raise IngestError(f"{url}: too many redirects (more than {MAX_REDIRECTS})")

    def close(self) -> None:
        self.client.close()


def fetch_article(url: str, fetcher: Optional[Fetcher] = None) -> DocumentInput:
    fetcher = fetcher or Fetcher()
    result = fetcher.get(url)
    kind = result.headers.get("content-type", "text/html").split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        from knowledge.ingest.html import from_html

        return from_html(result.body, url=result.url)
    if kind == "text/plain":
        from knowledge.ingest.boilerplate import strip_boilerplate
        from knowledge.ingest.files import decode

        text = strip_boilerplate(decode(result.body, url))
        if not text:
            raise IngestError(f"{url}: the page is empty")
        return DocumentInput(text=text, url=result.url, outlet_domain=urlsplit(result.url).hostname, origin=url)
    raise IngestError(f"{url}: unsupported content type {kind}")
