"""Threads of one process writing to one SQLite file, each on its own connection, as the Slack app's do."""

from __future__ import annotations

import threading

from knowledge.store import Store
from knowledge.store.work import add_work, drop_work


def test_a_burst_of_writers_on_one_file_all_commit_without_a_locked_error(tmp_path):
    path = tmp_path / "burst.db"
    Store.open(path).close()
    errors: list[BaseException] = []
    barrier = threading.Barrier(16)

    def writer(n: int) -> None:
        try:
            with Store.open(path) as store:
                barrier.wait(timeout=30)
                for k in range(25):
                    add_work(store, f"w{n}-{k}", "command", "{}", "2030-01-01T00:00:00+00:00")
                    if k % 2:
                        drop_work(store, f"w{n}-{k}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with Store.open(path) as store:
        assert store.db["pending_work"].count == 16 * 13


def test_a_writer_waits_for_another_threads_open_transaction_and_then_commits(tmp_path):
    path = tmp_path / "turns.db"
    holder, waiter = Store.open(path), None
    entered, done = threading.Event(), threading.Event()
    order: list[str] = []

    def second() -> None:
        with Store.open(path) as store:
            entered.set()
            add_work(store, "second", "command", "{}", "2030-01-01T00:00:00+00:00")
            order.append("second committed")
            done.set()

    with holder.transaction():
        holder.db.execute(
            "INSERT INTO pending_work (id, kind, payload, lease_until, attempts) VALUES ('first', 'command', '{}', "
            "'2030-01-01T00:00:00+00:00', 1)"
        )
        waiter = threading.Thread(target=second)
        waiter.start()
        entered.wait(timeout=10)
        assert not done.wait(timeout=0.2)  # its turn comes only after this transaction
        order.append("first committed")
    waiter.join(timeout=10)
    holder.close()
    assert order == ["first committed", "second committed"]
