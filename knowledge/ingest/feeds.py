"""RSS and Atom feeds with feedparser: the entries to fetch, plus why any entry was skipped."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional

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
    skipped: list[str] = field(default_factory=list)
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    not_modified: bool = False


def parse_feed(body: bytes | str, url: str) -> tuple[list[FeedEntry], list[str]]:
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or str(parsed.get("bozo_exception"))
        raise IngestError(f"{url}: not a readable RSS/Atom feed ({reason[:80]})")
    if not parsed.entries and not parsed.get("feed"):
        raise IngestError(f"{url}: not a readable RSS/Atom feed")
    entries, skipped = [], []
    for n, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            skipped.append(f"{url}: entry {n} ({(entry.get('title') or 'untitled')[:60]}) has no usable link")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc) if stamp else None
        entries.append(FeedEntry(link, entry.get("title"), published, entry.get("summary")))
    return entries, skipped


def read_feed(url: str, fetcher, etag: Optional[str] = None, last_modified: Optional[str] = None) -> FeedRead:
    result = fetcher.get(url, etag=etag, last_modified=last_modified)
    if result.status == 304:
        return FeedRead(etag=etag, last_modified=last_modified, not_modified=True)
    entries, skipped = parse_feed(result.body, url)
    return FeedRead(entries, skipped, result.headers.get("etag"), result.headers.get("last-modified"))
