"""RSS and Atom feeds with feedparser: the entries to fetch, plus why any entry was skipped.

feedparser only parses here; fetching goes through `Fetcher`, so feeds get the same SSRF, size and time rules.
"""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser

from knowledge.ingest.errors import IngestError


@dataclass
class FeedEntry:
    link: str
    title: str | None = None
    published: datetime | None = None
    summary: str | None = None


@dataclass
class FeedRead:
    entries: list[FeedEntry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one reason per entry that could not be used
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def _published(entry) -> datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def parse_feed(body: bytes | str, url: str, skipped: list[str] | None = None) -> list[FeedEntry]:
    """Entries with an http(s) link, in feed order, once each; why other entries were dropped goes to `skipped`.

    The body is handed to feedparser as a stream: given a str or bytes, feedparser would treat something that
    looks like a URL or a file name as one and fetch or open it, and a feed body is untrusted input.
    """
    data = body.encode("utf-8") if isinstance(body, str) else body
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers={"content-location": url, "content-type": "application/xml"}
    )
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        exc = parsed.get("bozo_exception")
        reason = (getattr(exc, "getMessage", None) or (lambda: str(exc or "no RSS or Atom elements")))()
        raise IngestError(f"{url}: not a readable RSS/Atom feed ({str(reason)[:80]})", url)
    skipped = skipped if skipped is not None else []
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for n, entry in enumerate(parsed.entries, start=1):
        title = (entry.get("title") or "").strip() or None
        link = urljoin(url, (entry.get("link") or "").strip()) if entry.get("link") else ""
        if not link.startswith(("http://", "https://")):
            skipped.append(f"{url}: entry {n} ({(title or 'untitled')[:60]}) has no usable link")
            continue
        if link in seen:
            continue  # the same article listed twice is one entry, not a broken one
        seen.add(link)
        entries.append(FeedEntry(link, title, _published(entry), entry.get("summary")))
    return entries


def read_feed(url: str, fetcher, etag: str | None = None, last_modified: str | None = None) -> FeedRead:
    """Fetch and parse a feed conditionally; a 304 is `not_modified` with the validators kept."""
    result = fetcher.get(url, etag=etag, last_modified=last_modified)
    if result.status == 304:
        return FeedRead(etag=etag, last_modified=last_modified, not_modified=True)
    skipped: list[str] = []
    entries = parse_feed(result.body, url, skipped)
    return FeedRead(entries, skipped, result.headers.get("etag"), result.headers.get("last-modified"))
