"""The per-file queue of SQLite writers in one process (`knowledge.store.writers`): first come, first served."""

from __future__ import annotations

import threading
import time

import pytest

from knowledge.store.writers import WriteQueue, WriteTurnTimeout


def wait_until(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.001)


def test_waiting_writers_get_their_turn_in_the_order_they_arrived():
    queue = WriteQueue()
    queue.acquire(timeout=1)
    order: list[int] = []

    def writer(n: int) -> None:
        queue.acquire(timeout=5)
        order.append(n)
        queue.release()

    threads = []
    for n in range(6):
        t = threading.Thread(target=writer, args=(n,))
        t.start()
        threads.append(t)
        wait_until(lambda n=n: queue.waiting == n + 1)  # n+1 writers queued, in this order
    queue.release()
    for t in threads:
        t.join(timeout=5)
    assert order == [0, 1, 2, 3, 4, 5]


def test_a_free_queue_is_taken_at_once_and_released_for_the_next():
    queue = WriteQueue()
    queue.acquire(timeout=0.01)
    queue.release()
    queue.acquire(timeout=0.01)
    queue.release()
    assert queue.waiting == 0


def test_a_writer_that_waits_past_its_timeout_gets_a_clear_error_and_leaves_the_line():
    queue = WriteQueue()
    queue.acquire(timeout=1)
    with pytest.raises(WriteTurnTimeout, match="database is locked"):
        queue.acquire(timeout=0.05)
    assert queue.waiting == 0
    queue.release()
    queue.acquire(timeout=0.01)  # the one that gave up did not keep a place that would block everyone after it
    queue.release()


def test_a_writer_that_gave_up_does_not_hold_up_those_behind_it():
    queue = WriteQueue()
    queue.acquire(timeout=1)
    got: list[str] = []
    impatient = threading.Thread(target=lambda: got.append(_try(queue, 0.05)))
    impatient.start()
    wait_until(lambda: queue.waiting == 1)
    patient = threading.Thread(target=lambda: got.append(_try(queue, 5)))
    patient.start()
    wait_until(lambda: queue.waiting == 2)
    impatient.join(timeout=5)
    queue.release()
    patient.join(timeout=5)
    assert got == ["timed out", "served"]


def _try(queue: WriteQueue, timeout: float) -> str:
    try:
        queue.acquire(timeout=timeout)
    except WriteTurnTimeout:
        return "timed out"
    queue.release()
    return "served"


def test_an_urgent_writer_goes_before_background_writers_that_queued_earlier():
    queue = WriteQueue()
    queue.acquire(timeout=1)
    order: list[str] = []

    def writer(name: str, urgent: bool) -> None:
        queue.acquire(timeout=5, urgent=urgent)
        order.append(name)
        queue.release()

    threads = []
    for n, (name, urgent) in enumerate(
        [("bookkeeping 1", False), ("bookkeeping 2", False), ("ack 1", True), ("ack 2", True)]
    ):
        t = threading.Thread(target=writer, args=(name, urgent))
        t.start()
        threads.append(t)
        wait_until(lambda n=n: queue.waiting == n + 1)
    queue.release()
    for t in threads:
        t.join(timeout=5)
    assert order == ["ack 1", "ack 2", "bookkeeping 1", "bookkeeping 2"]
