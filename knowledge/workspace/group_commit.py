"""Group commit: threads that each need a small write before they may answer share one transaction.

A burst of Slack commands arrives on many request threads at once, and each must queue its work durably before
its acknowledgement goes out. One transaction each makes them pass the write lock along one by one, and every
hand-over waits for the next thread to be scheduled (under the GIL, milliseconds each): measured with
`benchmarks/serve.py` at 20 concurrent, an ack waited ~45 ms (p50) for its turn while each write held the lock
for 0.1 ms. Here the first thread to arrive writes everything queued by then in one transaction (the leader);
the others wait for that commit. Whoever arrives during a commit is written by the next leader — the first of
them, woken as soon as the previous batch is out — so no thread waits for more than its own batch and the one
before it, and none returns before its item is committed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass
class _Slot(Generic[Item, Result]):
    item: Item
    done: threading.Event = field(default_factory=threading.Event)
    lead: bool = False  # woken to write the next batch rather than because its own item is written
    written: bool = False  # its batch is over (committed, or failed with `error`)
    result: Result | None = None
    error: BaseException | None = None


class GroupCommit(Generic[Item, Result]):
    """`write(items)` commits a batch in one transaction and returns one result per item, in order; it runs in
    the leader's thread (so a per-thread store connection works), and an exception fails the whole batch."""

    def __init__(self, write: Callable[[Sequence[Item]], Sequence[Result]]) -> None:
        self._write = write
        self._mutex = threading.Lock()
        self._pending: list[_Slot[Item, Result]] = []
        self._leading = False

    def submit(self, item: Item) -> Result:
        """Block until `item` is committed (alone or with others); its result, or the batch's exception."""
        slot: _Slot[Item, Result] = _Slot(item)
        with self._mutex:
            self._pending.append(slot)
            slot.lead = not self._leading
            self._leading = True
        while True:
            if slot.lead:
                self._lead()
            slot.done.wait()
            if slot.written:
                break
            slot.done.clear()  # woken to lead the next batch, which holds our own item
        if slot.error is not None:
            raise slot.error
        return slot.result  # type: ignore[return-value]

    def _lead(self) -> None:
        with self._mutex:
            batch, self._pending = self._pending, []
        try:
            results = self._write([s.item for s in batch])
            if len(results) != len(batch):
                raise RuntimeError(f"group commit: {len(results)} results for {len(batch)} items")
            for s, r in zip(batch, results, strict=True):
                s.result = r
        except BaseException as exc:  # every waiter of this batch learns why, in its own thread
            for s in batch:
                s.error = exc
        with self._mutex:
            nxt = self._pending[0] if self._pending else None
            if nxt is None:
                self._leading = False
            else:
                nxt.lead = True
        if nxt is not None:
            # Woken first: its own item is in the next batch, which it writes (then returns) while this batch's
            # waiters are still on their way out, instead of queueing behind all of them for the interpreter.
            nxt.done.set()
        for s in batch:
            s.lead, s.written = False, True
            s.done.set()
