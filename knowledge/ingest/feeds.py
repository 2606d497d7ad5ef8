"""RSS and Atom feeds with feedparser: the entries to fetch, plus why any entry was skipped.

feedparser only parses here; fetching goes through `Fetcher`, so feeds get the same SSRF, size and time rules.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional
from urllib.parse import urljoin

import feedparser

from knowledge.ingest.errors import IngestError


@dataclass
class FeedEntry:
    link: str
    title: Optional[str] = None
    published: Optional[datetime] = None
    summary: Optional[str] = None


@dataclass
class FeedRead:
    entries: list[FeedEntry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one reason per entry that could not be used
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    not_modified: bool = False


def _published(entry) -> Optional[datetime]:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


def parse_feed(body: bytes | str, url: str) -> tuple[list[FeedEntry], list[str]]:
    """Entries with an http(s) link, in feed order, once each; entries without one become skip reasons."""
    parsed = feedparser.parse(body, response_headers={"content-location": url, "content-type": "application/xml"})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        exc = parsed.get("bozo_exception")
        reason = (getattr(exc, "getMessage", None) or (lambda: str(exc or "no RSS or Atom elements")))()
        raise IngestError(f"{url}: not a readable RSS/Atom feed ({str(reason)[:80]})", url)
    entries: list[FeedEntry] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for n, entry in enumerate(parsed.entries, start=1):
        title = (entry.get("title") or "").strip() or None
        link = urljoin(url, (entry.get("link") or "").strip()) if entry.get("link") else ""
        if not link.startswith(("http://", "https://")):
            skipped.append(f"{url}: entry {n} ({(title or 'untitled')[:60]}) has no usable link")
            continue
        if link in seen:
            continue
        seen.add(link)
        entries.append(FeedEntry(link, title, _published(entry), entry.get("summary")))
    return entries, skipped


def read_feed(url: str, fetcher, etag: Optional[str] = None, last_modified: Optional[str] = None) -> FeedRead:
    """Fetch and parse a feed conditionally; a 304 is `not_modified` with the validators kept."""
    result = fetcher.get(url, etag=etag, last_modified=last_modified)
    if result.status == 304:
        return FeedRead(etag=etag, last_modified=last_modified, not_modified=True)
    entries, skipped = parse_feed(result.body, url)
    return FeedRead(entries, skipped, result.headers.get("etag"), result.headers.get("last-modified"))
