"""Several processes on one database (replicas, workers), each with its own connection, racing on purpose.

Every test runs on both backends: what PostgreSQL replicas must guarantee, SQLite already did for processes on one
file, and must keep doing. Threads stand in for processes: each opens its own `Store`, so the database sees
separate sessions, and a barrier lines them up so the racy part really overlaps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from knowledge.ingest.fetch import Fetcher
from knowledge.ingest.pipeline import ingest
from knowledge.models import DocumentInput
from knowledge.store import Store
from knowledge.store.migrations import MIGRATIONS, current_version
from knowledge.workspace.activity import claim_event
from knowledge.workspace.feedwatch import add_feed, poll_due
from knowledge.workspace.subscriptions import list_subscriptions, subscribe
from tests.httpsite import SiteHandler, serve

NOW = datetime(2025, 5, 5, 8, tzinfo=UTC)


def race(target: str, n: int, work: Callable[[Store, int], object]) -> list:
    """Run `work(store, i)` in n threads at once, each on its own connection; their results in thread order."""
    barrier = threading.Barrier(n)
    results: list = [None] * n
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            with Store.open(target) as store:
                barrier.wait(timeout=30)
                results[i] = work(store, i)
        except BaseException as exc:  # reported below, with the thread's own traceback
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    if errors:
        raise errors[0]
    return results


STORIES = [
    "Harbour chief Maria Lindqvist said on Monday that the north quay in Gdansk would reopen in June. The dockers' "
    "union denied that it had agreed to the new shift rota, and the port authority said talks would resume.",
    "The city council of Lindenport voted on Tuesday to close the old ferry terminal for six weeks of repairs. "
    "Mayor Tomas Berger said a temporary pier would serve commuters while engineers replace the pilings.",
    "Orchard growers in the Vistula valley expect a smaller apple harvest after a late frost, the growers' "
    "association said. Its chair, Anna Novak, warned that prices at market stalls could rise by a fifth.",
]


def story(n: int) -> DocumentInput:
    return DocumentInput(text=STORIES[n], outlet="Baltic Wire", url=f"https://wire.example/{n}", published_at=NOW)


def test_two_replicas_starting_on_an_empty_database_migrate_it_once(store_target):
    versions = race(store_target, 4, lambda store, i: current_version(store.db))
    assert versions == [len(MIGRATIONS)] * 4
    with Store.open(store_target) as store:
        assert store.stats()["documents"] == 0
        assert store.db["aliases"].count > 0  # the shipped aliases, inserted once, not once per replica


def test_two_workers_ingesting_the_same_articles_at_once_store_each_once(store_target, tmp_path):
    articles = [story(n) for n in range(3)]
    reports = race(store_target, 2, lambda store, i: ingest(store, [(a.url, a) for a in articles[:: 1 - 2 * i]]))
    statuses = sorted(r.status for report in reports for r in report.results)
    assert statuses == ["exists"] * 3 + ["stored"] * 3
    with Store.open(store_target) as shared, Store.open(tmp_path / "alone.db") as alone:
        ingest(alone, [(a.url, a) for a in articles])
        # The same facts as one worker alone would have written: no entity created twice, no mention doubled.
        assert shared.stats() == alone.stats()
        names = [r["name"] for r in shared.db.query("SELECT name FROM entities ORDER BY name")]
        assert names == [r["name"] for r in alone.db.query("SELECT name FROM entities ORDER BY name")]


def test_a_slack_event_delivered_to_several_replicas_at_once_is_handled_once(store_target):
    def deliver(store: Store, i: int) -> list[bool]:
        return [claim_event(store, f"Ev{n}", "T1") for n in range(10)]

    outcomes = race(store_target, 3, deliver)
    for n in range(10):
        assert sum(replica[n] for replica in outcomes) == 1, f"event Ev{n} handled {sum(r[n] for r in outcomes)}x"


def test_two_replicas_subscribing_the_same_channel_at_once_make_one_subscription(store_target):
    race(store_target, 3, lambda store, i: subscribe(store, "T1", "C1", "ceasefire", at="09:00", now=NOW))
    with Store.open(store_target) as store:
        [sub] = list_subscriptions(store)
    assert (sub.channel_id, sub.topic, sub.at_time) == ("C1", "ceasefire", "09:00")


class FeedSite(SiteHandler):
    hits: dict[str, int] = {}

    def do_GET(self):  # noqa: N802
        FeedSite.hits[self.path] = FeedSite.hits.get(self.path, 0) + 1
        if self.path.startswith("/rss"):
            feed = "<?xml version='1.0'?><rss version='2.0'><channel><title>W</title></channel></rss>"
            return self.send(200, feed.encode(), "application/rss+xml")
        self.send(404, b"missing", "text/plain")


def test_each_due_feed_is_polled_by_one_scheduler_only(store_target):
    FeedSite.hits = {}
    for base in serve(FeedSite):
        fetcher = Fetcher(allow_private=True, timeout=2)
        with Store.open(store_target) as store:
            for n in range(6):
                add_feed(store, "T1", f"{base}/rss{n}", now=NOW, fetcher=fetcher)
        fetcher.close()

        def poll(store: Store, i: int) -> list[str]:
            with Fetcher(allow_private=True, timeout=2) as own:
                return [r.url for r in poll_due(store, own, NOW)]

        polled = race(store_target, 3, poll)
    urls = sorted(u for replica in polled for u in replica)
    assert urls == sorted(f"{base}/rss{n}" for n in range(6))
    assert all(FeedSite.hits[f"/rss{n}"] == 1 for n in range(6)), FeedSite.hits
