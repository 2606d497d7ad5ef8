"""One queue of writers per SQLite file in this process, served first come, first served.

SQLite lets one connection write at a time. A connection that finds the file locked does not wait in line: its
busy handler sleeps and polls (1, 2, 5 … 100 ms), and whoever polls at the right moment wins. Under a burst of
short writes from many threads (a slash command queued durably before its ack, answers finishing, briefings
logged) a waiter can lose that race for seconds while every write holds the lock for a millisecond: measured with
`benchmarks/serve.py`, 20 concurrent commands, the queue write before the ack waited up to 1.9 s.

Threads of one process therefore queue here before `BEGIN IMMEDIATE` and are handed the turn in arrival order
the moment the previous writer commits. Urgent writes — the ones a Slack acknowledgement waits on (the durable
queue's insert, an event id claimed) — go before queued background writes (answers' bookkeeping), since Slack
gives an ack 3 s and nobody waits on the bookkeeping; they are short and come one per request, so they cannot
starve the rest for long. Other processes on the same file still meet SQLite's own lock and busy
handler; within a process nobody polls. PostgreSQL needs none of this (its lock waits are queued already).
"""

from __future__ import annotations

import threading
from collections import deque
from pathlib import Path

from knowledge.store.errors import StoreError


class WriteTurnTimeout(StoreError):
    """Waited longer than the busy timeout for this process's other writers: the file is as good as locked."""


class WriteQueue:
    """A lock handed from one holder to the next waiter in arrival order (a plain lock wakes an arbitrary one).

    Not reentrant: a thread that holds the turn and opens a second connection to the same file to write would
    wait for itself, exactly as SQLite would make it; `timeout` turns that into an error instead of a hang.
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._urgent: deque[threading.Lock] = deque()
        self._waiters: deque[threading.Lock] = deque()

    def acquire(self, timeout: float, urgent: bool = False) -> None:
        with self._mutex:
            if not self._held:
                self._held = True
                return
            turn = threading.Lock()
            turn.acquire()
            line = self._urgent if urgent else self._waiters
            line.append(turn)
        if turn.acquire(timeout=timeout):
            return  # the previous holder handed the turn to us; `_held` stayed True
        with self._mutex:
            if turn in line:
                line.remove(turn)
                raise WriteTurnTimeout(f"waited {timeout:.0f} s for this process's other writers (database is locked)")
        # handed to us between the timeout and taking the mutex: we hold it after all

    def release(self) -> None:
        with self._mutex:
            line = self._urgent or self._waiters
            if line:
                line.popleft().release()  # ownership passes directly; `_held` stays True
            else:
                self._held = False

    @property
    def waiting(self) -> int:
        with self._mutex:
            return len(self._urgent) + len(self._waiters)


_queues: dict[str, WriteQueue] = {}
_registry = threading.Lock()


def queue_for(path: Path) -> WriteQueue | None:
    """The process-wide queue of the SQLite file at `path` (None for an in-memory database, private to its
    connection)."""
    if str(path) == ":memory:":
        return None
    key = str(path.resolve())
    with _registry:
        return _queues.setdefault(key, WriteQueue())
