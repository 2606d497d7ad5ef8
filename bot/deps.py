"""What every listener needs, handed to it through Bolt's context (`context["deps"]`).

Work that touches the store or NLP runs on `work`, our own thread pool, never on Bolt's listener threads: a
listener acks and returns at once, so a burst of slow briefings can never delay the next acknowledgement.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from knowledge.store.threads import ThreadStores

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Deps:
    stores: ThreadStores
    fetcher_factory: Callable[[], object]
    work: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(8, thread_name_prefix="briefbot"))
    clock: Clock = utc_now
    bot_user_id: str | None = None

    def shutdown(self) -> None:
        self.work.shutdown(wait=True, cancel_futures=False)
        self.stores.close_all()
