"""Parsing what a user types after `/brief` or `briefbot brief`: a topic plus optional filters.

    kellogg since:7d from:nbc limit:5
    "minerals deal" since:2025-06-01

Filters are `key:value` words anywhere in the text; everything else is the topic. A bad filter is an error that
shows the syntax, never silently ignored.
"""

from __future__ import annotations

import re
import shlex
from datetime import UTC, date, datetime, timedelta

from pydantic import BaseModel

SYNTAX = (
    "filters: since:7d | since:2w | since:3m | since:2025-06-01, from:<outlet>, limit:<1-50>; "
    "e.g. `kellogg since:7d from:nbc limit:5`"
)
_RELATIVE = re.compile(r"^(\d+)([dwmy])$")
_UNITS = {"d": 1, "w": 7, "m": 30, "y": 365}
MAX_TOPIC = 200  # characters; the longest names and subjects are a few dozen
MAX_QUERY = 1000  # a topic plus every filter fits in far less; longer text is refused before any parsing work
# Words every article contains: a topic made only of these would "match" the whole store. Lowercase words that are
# also names in capitals (us / US, who / WHO, it / IT) are left out, and a word typed in capitals is never one.
FUNCTION_WORDS = set(
    """
a an the this that these those of to in on at by for from with about as into over after before and or but nor
if then than so not no yes is are was were be been being am has have had do does did will would could should
can may might must shall he she they them his her hers their theirs its i me my you your we our what which when
where why how said says say told tell claimed also just very there here
""".split()
)


class QueryError(ValueError):
    """A filter the user typed cannot be understood; the message includes the syntax."""


class Query(BaseModel):
    topic: str
    since: date | None = None
    outlet: str | None = None
    limit: int | None = None
    raw: str = ""
    # Set by digests, not typed by users: only what was ingested in (after, before].
    ingested_after: datetime | None = None
    ingested_before: datetime | None = None

    def filters(self) -> dict[str, str]:
        out = {}
        if self.since:
            out["since"] = self.since.isoformat()
        if self.outlet:
            out["from"] = self.outlet
        if self.limit:
            out["limit"] = str(self.limit)
        return out


def parse_since(value: str, today: date) -> date:
    m = _RELATIVE.match(value.lower())
    if m:
        days = int(m.group(1)) * _UNITS[m.group(2)]
        try:
            return today - timedelta(days=days)
        except OverflowError:
            raise QueryError(f"since:{value} reaches back before the year 1; {SYNTAX}") from None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"since:{value} is not a date or a period; {SYNTAX}") from None


def parse_query(text: str, today: date | None = None, since: str | None = None) -> Query:
    today = today or datetime.now(UTC).date()
    if len(text) > MAX_QUERY:
        raise QueryError(
            f"that is {len(text):,} characters long; type a name or subject with filters in at most "
            f"{MAX_QUERY:,}, e.g. `kellogg since:7d`"
        )
    try:
        words = shlex.split(text)
    except ValueError:
        words = text.replace('"', " ").split()
    topic_words: list[str] = []
    q = Query(topic="", raw=text.strip())
    for word in words:
        key, sep, value = word.partition(":")
        key = key.lower()
        if sep and key in ("since", "from", "limit"):
            if not value:
                raise QueryError(f"{key}: needs a value; {SYNTAX}")
            if key == "since":
                q.since = parse_since(value, today)
            elif key == "from":
                q.outlet = value
            else:
                if not value.isdecimal() or not 1 <= int(value) <= 50:  # "²" is a digit int() refuses
                    raise QueryError(f"limit:{value} must be a number from 1 to 50; {SYNTAX}")
                q.limit = int(value)
        elif sep and re.fullmatch(r"[a-z]+", key) and key not in ("http", "https") and not value.startswith("//"):
            raise QueryError(f"unknown filter {key}:; {SYNTAX}")
        else:
            topic_words.append(word)
    if since:
        q.since = parse_since(since, today)
    q.topic = " ".join(topic_words).strip()
    if not any(c.isalnum() for c in q.topic):
        raise QueryError(f"no topic given; type a name or subject, e.g. `kellogg` — {SYNTAX}")
    if len(q.topic) > MAX_TOPIC:
        raise QueryError(
            f"the topic is {len(q.topic):,} characters long; type a name or subject of at most "
            f"{MAX_TOPIC}, e.g. `kellogg`"
        )
    if all(w.strip(".,;:!?\"'“”‘’()").lower() in FUNCTION_WORDS and not w.isupper() for w in topic_words):
        raise QueryError(
            f"“{q.topic}” is too general to brief on (every article has it); type a name or subject, e.g. `kellogg`"
        )
    return q
