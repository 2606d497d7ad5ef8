"""What every listener needs, handed to it through Bolt's context (`context["deps"]`).

Work that touches the store or NLP runs on `work`, our own thread pool, never on Bolt's listener threads: a
listener acks and returns at once, so a burst of slow briefings can never delay the next acknowledgement.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.composer import Composer, InProcess
from knowledge.store.threads import ThreadStores

if TYPE_CHECKING:
    from bot.durable import Inflight

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
    slack_retries: int = 3  # retries of one Slack call after a 5xx, 429 or timeout (`bot.delivery`; SLACK_RETRIES)
    inflight: Inflight | None = None  # the durable work queue (`bot.durable`), set by `create_app`
    composer: Composer = field(default_factory=InProcess)  # where briefings are composed (`bot.composer`)

    def shutdown(self) -> None:
        if self.inflight is not None:
            self.inflight.stop()
        self.work.shutdown(wait=True, cancel_futures=False)
        self.composer.close()
        self.stores.close_all()
