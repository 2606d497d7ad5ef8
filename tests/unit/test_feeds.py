"""Feeds: entries with links are read, broken entries are skipped with a reason, garbage is an error."""

import pytest

from knowledge.ingest.errors import IngestError
from knowledge.ingest.feeds import parse_feed

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>https://wire.example/1</link><pubDate>Mon, 05 May 2025 08:00:00 GMT</pubDate></item>
<item><title>No link here</title></item>
<item><title>Two</title><link>https://wire.example/2</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Three</title><link href="https://wire.example/3"/><updated>2025-05-06T10:00:00Z</updated></entry></feed>"""


def test_rss_entries_with_links_are_read_and_broken_ones_skipped_with_a_reason():
    entries, skipped = parse_feed(RSS, "https://wire.example/rss")
    assert [e.link for e in entries] == ["https://wire.example/1", "https://wire.example/2"]
    assert entries[0].published.isoformat() == "2025-05-05T08:00:00+00:00"
    assert len(skipped) == 1 and "no usable link" in skipped[0]


def test_atom_feeds_are_read_too():
    entries, _ = parse_feed(ATOM, "https://wire.example/atom")
    assert entries[0].link == "https://wire.example/3" and entries[0].published.day == 6


def test_something_that_is_not_a_feed_is_an_error():
    with pytest.raises(IngestError, match="not a readable RSS/Atom feed"):
        parse_feed("<html><body>hello</body></html", "https://wire.example/page")
