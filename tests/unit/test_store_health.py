"""The outage rule, with a store nobody listens for: a PostgreSQL URL on a loopback port with no server."""

from __future__ import annotations

import logging
import socket
import sqlite3

import pytest

from bot.replay import SharedReplayGuard
from knowledge.store.errors import StoreError, StoreUnreachable
from knowledge.store.health import Outage, unavailable
from knowledge.store.threads import ThreadStores


@pytest.fixture
def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql://nobody@127.0.0.1:{port}/gone"  # closed again: connections are refused


def test_unreachable_servers_and_failing_files_are_outages_but_bad_urls_and_bugs_are_not():
    import psycopg

    assert unavailable(StoreUnreachable("x: cannot connect"))
    assert unavailable(psycopg.OperationalError("terminating connection due to administrator command"))
    assert unavailable(sqlite3.OperationalError("disk I/O error"))
    assert not unavailable(StoreError("x: unsupported database URL scheme"))
    assert not unavailable(psycopg.errors.UndefinedTable("relation does not exist"))
    assert not unavailable(ValueError("a bug"))


def test_an_outage_is_one_line_at_its_start_and_one_at_its_end(caplog):
    caplog.set_level(logging.WARNING, logger="briefbot.store")
    outage = Outage("db-under-test")
    for _ in range(50):
        outage.failed(StoreUnreachable("db-under-test: cannot connect to PostgreSQL (refused)"))
    outage.recovered()
    outage.recovered()
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2
    assert lines[0] == "briefing store db-under-test unreachable: cannot connect to PostgreSQL (refused)"
    assert "reachable again" in lines[1] and "50 operations failed" in lines[1]


def test_a_store_that_cannot_be_reached_raises_the_passing_kind_of_error_and_reports_it(dead_url):
    stores = ThreadStores(dead_url)
    with pytest.raises(StoreUnreachable):
        stores.get()
    assert stores.outage.down
    assert stores.ready()[0] is False


def test_the_replay_guard_fails_open_to_process_memory_when_the_store_is_down(dead_url):
    guard = SharedReplayGuard(dead_url)
    assert guard.seen("v0=abc") is False  # no answer from the store: not a known replay
    guard.remember("v0=abc")
    assert guard.seen("v0=abc") is True  # ...but one this process accepted is refused again
    guard.close()


def test_a_server_that_never_answers_holds_up_one_caller_a_second_not_every_caller():
    import threading
    import time

    silent = socket.socket()  # accepts connections (the kernel does) and never says a word: a hung server
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    stores = ThreadStores(f"postgresql://nobody@127.0.0.1:{silent.getsockname()[1]}/hung")
    try:
        start = time.monotonic()
        with pytest.raises(StoreUnreachable):
            stores.get()
        first = time.monotonic() - start
        waits: list[float] = []

        def one() -> None:
            t = time.monotonic()
            with pytest.raises(StoreUnreachable):
                stores.get()
            waits.append(time.monotonic() - t)

        threads = [threading.Thread(target=one) for _ in range(10)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert first < ThreadStores.CONNECT_TIMEOUT + 1.5  # bounded by the connect timeout, not libpq's default
        assert len(waits) == 10 and sorted(waits)[8] < 0.5  # the rest are told at once
    finally:
        silent.close()


def test_a_sqlite_store_failing_on_every_write_is_one_outage_not_a_line_per_request(caplog):
    caplog.set_level(logging.WARNING, logger="briefbot.store")
    outage = Outage("file-under-test")
    for _ in range(20):  # each request: the file opens fine, then its write fails
        outage.recovered(quiet=10.0)
        outage.failed(sqlite3.OperationalError("attempt to write a readonly database"))
    assert [r.getMessage() for r in caplog.records] == [
        "briefing store file-under-test unreachable: attempt to write a readonly database"
    ]
