"""A document's extracted facts as a whole (mentions, events, claims, disputes): cleared before re-extraction.

The writes of each kind live with their table group (`entities`, `events`, `claims`); this module only removes
all of a document's facts at once, children before parents, inside the caller's transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.store.db import Store


def clear_facts(store: Store, document_id: str) -> None:
    db = store.db
    claim_ids = "SELECT id FROM claims WHERE document_id = ?"
    db.execute(
        f"DELETE FROM disputes WHERE claim_id IN ({claim_ids}) OR other_claim_id IN ({claim_ids})",
        [document_id, document_id],
    )
    db.execute(f"DELETE FROM claim_about WHERE claim_id IN ({claim_ids})", [document_id])
    db.execute("UPDATE claims SET parent_id = NULL WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM claims WHERE document_id = ?", [document_id])
    db.execute(
        "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE document_id = ?)", [document_id]
    )
    db.execute("DELETE FROM events WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM mentions WHERE document_id = ?", [document_id])
