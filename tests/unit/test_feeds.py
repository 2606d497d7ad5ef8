"""Feeds: entries with links are read, broken entries are skipped with a reason, garbage is an error."""

from dataclasses import dataclass, field

import httpx
import pytest

from knowledge.ingest.errors import IngestError
from knowledge.ingest.feeds import parse_feed, read_feed
from knowledge.ingest.fetch import FetchResult

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>https://wire.example/1</link><pubDate>Mon, 05 May 2025 08:00:00 GMT</pubDate>
<description>First summary</description></item>
<item><title>No link here</title></item>
<item><title>Two</title><link>https://wire.example/2</link></item>
<item><title>Two again</title><link>https://wire.example/2</link></item>
<item><title>Mail</title><link>mailto:desk@wire.example</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Three</title><link href="https://wire.example/3"/><updated>2025-05-06T10:00:00Z</updated></entry>
<entry><title>Relative</title><link href="/4"/></entry></feed>"""


def test_rss_entries_with_links_are_read_and_broken_ones_skipped_with_a_reason():
    skipped = []
    entries = parse_feed(RSS, "https://wire.example/rss", skipped)
    assert [e.link for e in entries] == ["https://wire.example/1", "https://wire.example/2"]
    first = entries[0]
    assert (first.title, first.summary) == ("One", "First summary")
    assert first.published.isoformat() == "2025-05-05T08:00:00+00:00" and entries[1].published is None
    assert len(skipped) == 2 and "entry 2 (No link here) has no usable link" in skipped[0]
    assert "Mail" in skipped[1]


def test_atom_feeds_are_read_and_relative_links_resolved():
    skipped = []
    entries = parse_feed(ATOM.encode(), "https://wire.example/atom", skipped)
    assert [e.link for e in entries] == ["https://wire.example/3", "https://wire.example/4"]
    assert entries[0].published.day == 6 and not skipped


def test_an_empty_but_valid_feed_has_no_entries():
    assert parse_feed("<rss version='2.0'><channel><title>Quiet</title></channel></rss>", "https://q.example/") == []


def test_a_body_that_looks_like_a_file_name_or_url_is_never_opened(tmp_path):
    secret = tmp_path / "feed.xml"
    secret.write_text(RSS)
    for body in (str(secret), str(secret).encode(), "file://" + str(secret)):
        with pytest.raises(IngestError, match="not a readable RSS/Atom feed"):
            parse_feed(body, "https://wire.example/rss")


@pytest.mark.parametrize(
    "body",
    [
        "<html><body>hello</body></html",
        "<html><head><title>A page</title></head><body><p>Not a feed.</p></body></html>",
        b"\x89PNG\r\n\x1a\n",
        "",
    ],
)
def test_something_that_is_not_a_feed_is_an_error(body):
    with pytest.raises(IngestError, match="https://wire.example/page: not a readable RSS/Atom feed"):
        parse_feed(body, "https://wire.example/page")


@dataclass
class FakeFetcher:
    """Answers like `Fetcher.get` from canned responses and records the validators it was sent."""

    status: int = 200
    body: bytes = RSS.encode()
    headers: dict = field(default_factory=lambda: {"ETag": '"v2"', "Last-Modified": "Tue, 06 May 2025 10:00:00 GMT"})
    calls: list = field(default_factory=list)

    def get(self, url, etag=None, last_modified=None):
        self.calls.append((url, etag, last_modified))
        return FetchResult(self.status, self.body if self.status == 200 else b"", httpx.Headers(self.headers), url)


def test_read_feed_returns_entries_and_the_new_validators():
    read = read_feed("https://wire.example/rss", FakeFetcher())
    assert [e.title for e in read.entries] == ["One", "Two"] and len(read.skipped) == 2
    assert (read.etag, read.last_modified, read.not_modified) == ('"v2"', "Tue, 06 May 2025 10:00:00 GMT", False)


def test_read_feed_sends_validators_and_treats_304_as_not_modified():
    fetcher = FakeFetcher(status=304, headers={})
    read = read_feed("https://wire.example/rss", fetcher, etag='"v1"', last_modified="Mon, 05 May 2025")
    assert fetcher.calls == [("https://wire.example/rss", '"v1"', "Mon, 05 May 2025")]
    assert read.not_modified and read.entries == [] and read.etag == '"v1"'
