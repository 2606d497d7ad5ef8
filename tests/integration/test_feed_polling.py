"""Feed polling over real HTTP on 127.0.0.1: new entries ingested once, 304s, broken entries, timeouts, back-off."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from knowledge.ingest.fetch import Fetcher
from knowledge.workspace.feedwatch import POLL_EVERY, FeedError, add_feed, backoff, list_feeds, poll_due
from tests.httpsite import SiteHandler, serve

NOW = datetime(2025, 5, 5, 8, tzinfo=UTC)
STATE = {"slow": False, "hits": 0}


def article(n: int) -> bytes:
    body = f"Harbour chief Maria Lindqvist said on Monday that quay {n} would reopen in June after repairs. " * 3
    return f"<html><head><title>Quay {n}</title></head><body><article><h1>Quay {n}</h1><p>{body}</p></article></body></html>".encode()


class Handler(SiteHandler):
    def do_GET(self):  # noqa: N802
        STATE["hits"] += 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/rss":
            if STATE["slow"]:
                time.sleep(1.5)
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, b"", "text/plain")
            items = "".join(f"<item><title>Quay {n}</title><link>{base}/a/{n}</link></item>" for n in (1, 2))
            items += "<item><title>Broken entry without a link</title></item>"
            items += f"<item><title>Gone</title><link>{base}/missing</link></item>"
            feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>{items}</channel></rss>"
            return self.send(200, feed.encode(), "application/rss+xml", {"ETag": '"v1"'})
        if self.path.startswith("/a/"):
            return self.send(200, article(int(self.path[3:])), "text/html")
        self.send(404, b"missing", "text/plain")


@pytest.fixture
def site():
    STATE.update(slow=False, hits=0)
    yield from serve(Handler)


@pytest.fixture
def fetcher():
    f = Fetcher(allow_private=True, timeout=0.5)
    yield f
    f.close()


def test_new_entries_are_ingested_and_broken_ones_reported(store, site, fetcher):
    add_feed(store, "T1", site + "/rss", now=NOW, fetcher=fetcher)
    [result] = poll_due(store, fetcher, NOW)
    assert result.status == "new" and result.stored == 2
    assert any("no usable link" in s for s in result.skipped) and any("HTTP 404" in s for s in result.skipped)
    assert store.stats()["documents"] == 2


def test_an_unchanged_feed_answers_304_and_nothing_is_fetched_again(store, site, fetcher):
    add_feed(store, "T1", site + "/rss", now=NOW, fetcher=fetcher)
    poll_due(store, fetcher, NOW)
    hits = STATE["hits"]
    [result] = poll_due(store, fetcher, NOW + POLL_EVERY)
    assert result.status == "not-modified" and STATE["hits"] == hits + 1
    assert store.stats()["documents"] == 2


def test_a_feed_is_not_polled_before_its_time(store, site, fetcher):
    add_feed(store, "T1", site + "/rss", now=NOW, fetcher=fetcher)
    poll_due(store, fetcher, NOW)
    assert poll_due(store, fetcher, NOW + timedelta(minutes=5)) == []


def test_a_feed_that_times_out_backs_off_without_stopping_the_others(store, site, fetcher):
    add_feed(store, "T1", site + "/rss", now=NOW, fetcher=fetcher)
    add_feed(store, "T1", site + "/missing", now=NOW, fetcher=fetcher)
    STATE["slow"] = True
    results = {r.url.rsplit("/", 1)[1]: r for r in poll_due(store, fetcher, NOW)}
    assert results["rss"].status == "error" and "timed out" in results["rss"].error
    assert results["missing"].status == "error" and "404" in results["missing"].error
    feeds = {f["url"].rsplit("/", 1)[1]: f for f in list_feeds(store)}
    assert feeds["rss"]["failures"] == 1 and feeds["rss"]["next_poll_at"] > (NOW + timedelta(minutes=14)).isoformat()
    assert backoff(3) == POLL_EVERY * 4 and backoff(30) == timedelta(hours=24)


def test_following_a_feed_on_a_private_address_is_refused_when_it_is_added(store, site):
    with pytest.raises(FeedError, match="refused: 127.0.0.1 is a loopback address"):
        add_feed(store, "T1", site + "/rss", now=NOW)
    assert list_feeds(store) == []


def test_a_feed_url_with_an_impossible_host_name_is_refused_before_any_lookup(store):
    with pytest.raises(FeedError, match="'exa mple.org' is not a valid host name"):
        add_feed(store, "T1", "https://exa mple.org/rss", now=NOW, fetcher=Fetcher(resolver=lambda host: 1 / 0))
    assert list_feeds(store) == []


def test_a_feed_stored_on_a_private_address_is_still_refused_when_polled(store, site, fetcher):
    add_feed(store, "T1", site + "/rss", now=NOW, fetcher=fetcher)  # e.g. added before the check existed
    [result] = poll_due(store, Fetcher(), NOW)
    assert result.status == "error" and "loopback" in result.error
