"""The interpreter's garbage collector, set for a process that composes or serves many briefings.

Why: composing one briefing allocates tens of thousands of short-lived containers (rows, members, candidate
lines). Under CPython's defaults (a young collection every 700 net allocations) that is hundreds of young
collections per briefing and, every few dozen briefings, a full collection that walks every object alive —
100-130 ms in one pause on `benchmarks/brief.py`'s 1M-claim store, which is what set compose's p99. Two changes:
what start-up made (modules, Bolt, the engine's tables) is frozen out of collection, since it lives as long as
the process; and young collections run at `YOUNG_THRESHOLD`, so far fewer of them run and fewer objects reach
the older generations whose collections are the long pauses. Garbage held in reference cycles is still
collected, a little later; at most `YOUNG_THRESHOLD` more young objects wait for it.
"""

from __future__ import annotations

import gc

# Net container allocations between young collections (CPython's default: 700). Measured on 200 composes of the
# 1M-claim store: 1.1 s in the collector at 700, 0.3-0.4 s at 10,000 (benchmarks/README.md).
YOUNG_THRESHOLD = 10_000


def settle() -> None:
    """Call once start-up is done (imports made, connections open): freeze what exists, collect less often."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
