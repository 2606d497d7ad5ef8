"""One generated input into one entry point, judged: accepted, or rejected with a specific message; anything else
(an exception other than the documented user error, an empty or generic message, a stored change from a rejected
input, a changed row from an accepted one) raises `Broken`, which the tests report and the benchmark counts."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from knowledge.store import Store

PUBLIC_IP = "93.184.216.34"  # what the test resolver answers; a MockTransport answers, so nothing leaves the process
FEED_URL = "https://wire.example/rss"
ARTICLE = (
    b"<html><head><title>Quay to reopen</title></head><body><article><p>Maria Lindqvist said on Monday that the quay "
    b"in Gdansk would reopen in June, after a strike that lasted three weeks and cost the port its busiest month."
    b"</p></article></body></html>"
)
# Tables whose existing rows no input may change: the articles and everything extracted from them. Workspace tables
# (subscriptions, feeds, aliases of a team) are what some commands are for.
KNOWLEDGE = {"documents", "claims", "events", "event_actors", "mentions", "disputes", "claim_about", "entities"}


class Broken(AssertionError):
    """An entry point misbehaved on one input; the message says how."""


@dataclass
class Outcome:
    accepted: bool
    message: str = ""


Snapshot = dict[str, Counter]


def snapshot(store: Store) -> Snapshot:
    """Every row of every table (FTS shadow tables left out: they follow their content tables)."""
    names = [
        r[0]
        for r in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'"
        )
    ]
    return {n: Counter(store.db.execute(f'SELECT * FROM "{n}"').fetchall()) for n in names}


def changed(before: Snapshot, after: Snapshot, tables: set[str] | None = None) -> list[str]:
    """Tables where a row of `before` is gone or altered (new rows alone do not count)."""
    return [t for t in before if (tables is None or t in tables) and before[t] - after.get(t, Counter())]


def grown(before: Snapshot, after: Snapshot) -> list[str]:
    return [t for t in after if after[t] - before.get(t, Counter())]


@contextmanager
def scratch_store(base: Path) -> Iterator[tuple[Store, Path]]:
    """A private copy of `base` (one per input, so inputs never see each other) and a folder for files."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.db"
        shutil.copy(base, path)
        store = Store.open(path)
        try:
            yield store, Path(tmp)
        finally:
            store.close()


def judged(store: Store, run: Callable[[], Outcome], stores_on_accept: bool) -> Outcome:
    """Run one input and check the storage rules around it."""
    before = snapshot(store)
    outcome = run()
    after = snapshot(store)
    if not outcome.accepted:
        if before != after:
            raise Broken(
                f"rejected input changed the store ({', '.join(grown(before, after) or ['rows'])}): "
                f"{outcome.message[:200]}"
            )
        return outcome
    lost = changed(before, after, None if stores_on_accept else KNOWLEDGE)
    if stores_on_accept:
        lost = [t for t in lost if t in KNOWLEDGE]
    if lost:
        raise Broken(f"accepted input altered stored rows in {', '.join(lost)}")
    return outcome


def specific(message: str, prefix: str) -> None:
    if not message.startswith(prefix) or len(message) <= len(prefix) + 3:
        raise Broken(f"rejection message is not specific: {message[:200]!r} (expected it to start {prefix!r})")


# ---- entry points ----------------------------------------------------------------------------------------------


def query(text: str) -> Outcome:
    from knowledge.brief.query import QueryError, parse_query

    try:
        q = parse_query(text)
    except QueryError as exc:
        msg = str(exc)
        if "e.g." not in msg and "filters:" not in msg:
            raise Broken(f"query error without the syntax or an example: {msg[:200]!r}") from None
        return Outcome(False, msg)
    if not q.topic or len(q.topic) > 200:
        raise Broken(f"accepted a query with topic {q.topic[:80]!r}")
    return Outcome(True)


def brief(store: Store, text: str) -> Outcome:
    """`/brief <text>` through the router: read-only, so the store must not change whatever the answer."""
    from bot.router import brief as route_brief

    before = snapshot(store)
    reply = route_brief(store, text)
    if snapshot(store) != before:
        raise Broken("a briefing changed the store")
    if not reply.messages or not all(m.get("text") for m in reply.messages):
        raise Broken("empty reply")
    return Outcome(reply.topic is not None, reply.messages[0]["text"])


def ingest_file(store: Store, folder: Path, name: str, data: bytes, extra: dict[str, bytes] | None = None) -> Outcome:
    """One file (and any sidecar) ingested as `briefbot ingest FILE` does, extraction included."""
    from knowledge.ingest.service import ingest_paths

    path = folder / name
    path.write_bytes(data)
    for other, content in (extra or {}).items():
        (folder / other).write_bytes(content)

    def run() -> Outcome:
        report = ingest_paths(store, [path])
        if len(report.results) + len(report.skipped) != 1:
            raise Broken(f"one file gave {len(report.results)} results and {len(report.skipped)} skips")
        if report.skipped:
            reason = report.skipped[0].reason
            named = [f for f in (name, *(extra or {})) if reason.startswith(f"{f}")]
            specific(reason, f"{named[-1] if named else name}")
            return Outcome(False, reason)
        return Outcome(True)

    return judged(store, run, stores_on_accept=True)


def _fetcher(answer: Callable[[httpx.Request], httpx.Response], resolves: bool = True):
    from knowledge.ingest.fetch import Fetcher

    return Fetcher(resolver=lambda host: [PUBLIC_IP] if resolves else [], transport=httpx.MockTransport(answer))


def feed(store: Store, body: bytes) -> Outcome:
    """`briefbot ingest --feed URL` for a feed serving `body`; entries on wire.example get a real article."""
    from knowledge.ingest.errors import IngestError
    from knowledge.ingest.service import ingest_feed

    def answer(request: httpx.Request) -> httpx.Response:
        host = request.headers.get("host", "")
        if str(request.url).endswith("/rss") and host == "wire.example":
            return httpx.Response(200, content=body, headers={"content-type": "application/rss+xml"})
        if host == "wire.example":
            return httpx.Response(200, content=ARTICLE, headers={"content-type": "text/html"})
        return httpx.Response(404)

    def run() -> Outcome:
        with _fetcher(answer) as fetcher:
            try:
                report = ingest_feed(store, FEED_URL, fetcher)
            except IngestError as exc:
                specific(str(exc), f"{FEED_URL}: ")
                return Outcome(False, str(exc))
        for skip in report.skipped:
            if not skip.reason.strip() or skip.reason.startswith("Traceback"):
                raise Broken(f"unspecific skip reason {skip.reason!r}")
        return Outcome(bool(report.results), "; ".join(s.reason for s in report.skipped))

    return judged(store, run, stores_on_accept=True)


def url(store: Store, body: bytes, content_type: str) -> Outcome:
    """`/brief add <url>` for a page answering `body` with `content_type`."""
    from knowledge.ingest.service import ingest_urls

    link = "https://news.example/story"

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": content_type})

    def run() -> Outcome:
        with _fetcher(answer) as fetcher:
            report = ingest_urls(store, [link], fetcher)
        if report.skipped:
            specific(report.skipped[0].reason, f"{link}: ")
            return Outcome(False, report.skipped[0].reason)
        return Outcome(True)

    return judged(store, run, stores_on_accept=True)


class _Deps:
    """What the router takes from the bot: a fetcher that resolves no host, so `add`/`feeds add` never go out."""

    def fetcher_factory(self):
        return _fetcher(lambda request: httpx.Response(404), resolves=False)


_REJECTED = re.compile(
    r"^(Usage:|Could not |This channel does not follow |Not following |:warning:|That briefing no longer)"
)


def command(store: Store, text: str) -> Outcome:
    """Anything typed after `/brief` (subscribe, alias, feeds, add, …): the knowledge tables never change, and a
    rejected command changes nothing at all."""
    from bot.router import route

    def run() -> Outcome:
        reply = route(store, text, "T0TEST", "U1", "C1", _Deps(), "Europe/Berlin")
        if not reply.messages or not all(m.get("text") for m in reply.messages):
            raise Broken("empty reply")
        first = reply.messages[0]
        shown = first["blocks"][0]["text"]["text"] if first.get("blocks") else first["text"]
        if "ran into a problem" in shown:
            raise Broken("generic failure message")
        return Outcome(not _REJECTED.match(shown), shown)

    return judged(store, run, stores_on_accept=False)
