"""The knowledge store: every SQL statement briefbot runs lives in this package, behind typed functions.

`db` holds the connection (`Store`: WAL, pragmas, transactions), `migrations` the ordered schema steps, and one
module per table group holds that group's queries: `documents`, `entities`, `aliases`, `claims`, `events`,
`facts` (a document's extracted facts as a whole), `scope` (the briefing filters shared by claims and events) and
the workspace tables `activity`, `subscriptions`, `digests`, `feeds`.
"""

from knowledge.store.db import KNOWLEDGE_LOCK, Store, StoreError
from knowledge.store.documents import SaveResult, document_from_row

__all__ = ["KNOWLEDGE_LOCK", "SaveResult", "Store", "StoreError", "document_from_row"]
