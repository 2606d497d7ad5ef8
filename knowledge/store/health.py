"""Whether the store answers: the readiness probe's one cheap query."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.store.db import Store


def check_reachable(store: Store) -> None:
    """One indexed read of a table every store has; raises whatever the driver raises when the store is gone."""
    store.db.execute("SELECT 1 FROM documents LIMIT 1").fetchall()
