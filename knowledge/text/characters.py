"""Characters no text may hold: half a UTF-16 surrogate pair.

A JSON "\\ud851" escape, a Slack payload's field, a file's metadata or a page decoded with "utf-7" can carry one; no
store can hold it (SQLite and PostgreSQL refuse it), and it is never typed text. Every entry point refuses it with
this one test. Searched in C: checked character by character in Python it cost each Slack acknowledgement more than
validating the payload's model (cProfile of the ack path, benchmarks/README.md).
"""

from __future__ import annotations

import re

HALF_PAIR = re.compile(r"[\ud800-\udfff]")


def has_half_pair(text: str) -> bool:
    return HALF_PAIR.search(text) is not None
