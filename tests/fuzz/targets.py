"""One generated input into one entry point, judged: accepted, or rejected with a specific message; anything else
(an exception other than the documented user error, an empty or generic message, a stored change from a rejected
input, a changed row from an accepted one) raises `Broken`, which the tests report and the benchmark counts."""

from __future__ import annotations

import atexit
import re
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bot.composer import InProcess
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
    """An entry point misbehaved on one input; the message says how, `kind` what rule it broke: "changed" (a
    refused input changed the store, or an accepted one altered stored rows), "message" (no specific message),
    or "other"."""

    def __init__(self, message: str, kind: str = "other"):
        super().__init__(message)
        self.kind = kind


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


class Scratch:
    """A working copy of a base store, reused for input after input: restored from the base in place (SQLite's
    backup API) only after an input changed it, so thousands of inputs do not each copy, open and close a file."""

    def __init__(self, base: Path):
        self.dir = Path(tempfile.mkdtemp(prefix="briefbot-fuzz-"))
        atexit.register(shutil.rmtree, self.dir, True)
        self.files = self.dir / "files"
        self.files.mkdir()
        shutil.copy(base, self.dir / "work.db")
        self.base = sqlite3.connect(base)
        self.store = Store.open(self.dir / "work.db")
        self.clean = _clean[id(self.store)] = snapshot(self.store)

    @contextmanager
    def use(self) -> Iterator[tuple[Store, Path]]:
        for leftover in self.files.iterdir():
            leftover.unlink()
        changes = self.store.db.conn.total_changes
        try:
            yield self.store, self.files
        finally:
            if self.store.db.conn.in_transaction:
                self.store.db.conn.rollback()
            if self.store.db.conn.total_changes != changes:
                self.base.backup(self.store.db.conn)


_scratches: dict[Path, Scratch] = {}
_clean: dict[int, Snapshot] = {}  # id(store) → its rows as restored before every input


def scratch_store(base: Path):
    """The store as `base` holds it and an empty folder for files, for one input (inputs never see each other)."""
    if base not in _scratches:
        _scratches[base] = Scratch(base)
    return _scratches[base].use()


def judged(store: Store, run: Callable[[], Outcome], stores_on_accept: bool) -> Outcome:
    """Run one input and check the storage rules around it. A connection whose change counter did not move wrote
    nothing (rows are compared only when it did; a scratch store's rows before are known)."""
    changes = store.db.conn.total_changes
    before = _clean.get(id(store)) or snapshot(store)
    outcome = run()
    if store.db.conn.total_changes == changes:
        return outcome
    after = snapshot(store)
    if not outcome.accepted:
        if before != after:
            raise Broken(
                f"rejected input changed the store ({', '.join(grown(before, after) or ['rows'])}): "
                f"{outcome.message[:200]}",
                "changed",
            )
        return outcome
    lost = changed(before, after, None if stores_on_accept else KNOWLEDGE)
    if stores_on_accept:
        lost = [t for t in lost if t in KNOWLEDGE]
    if lost:
        raise Broken(f"accepted input altered stored rows in {', '.join(lost)}", "changed")
    return outcome


def specific(message: str, prefix: str) -> None:
    if not message.startswith(prefix) or len(message) <= len(prefix) + 3:
        raise Broken(
            f"rejection message is not specific: {message[:200]!r} (expected it to start {prefix!r})", "message"
        )


# ---- entry points ----------------------------------------------------------------------------------------------


def query(text: str) -> Outcome:
    from knowledge.brief.query import QueryError, parse_query

    try:
        q = parse_query(text)
    except QueryError as exc:
        msg = str(exc)
        if "e.g." not in msg and "filters:" not in msg:
            raise Broken(f"query error without the syntax or an example: {msg[:200]!r}", "message") from None
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
        raise Broken("a briefing changed the store", "changed")
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
                raise Broken(f"unspecific skip reason {skip.reason!r}", "message")
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


def offline_fetcher():
    """A fetcher that resolves no host: `add <url>` and `feeds add <url>` are refused without a DNS query."""
    return _fetcher(lambda request: httpx.Response(404), resolves=False)


class _Deps:
    """What the router takes from the bot: a fetcher and a composer (in this thread)."""

    fetcher_factory = staticmethod(offline_fetcher)
    composer = InProcess()


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
            raise Broken("generic failure message", "message")
        return Outcome(not _REJECTED.match(shown), shown)

    return judged(store, run, stores_on_accept=False)


# ---- each entry point on its own copy of a base store, as the tests and benchmarks/fuzz.py run them --------------

VALID_ARTICLE = (
    b"Maria Lindqvist said on Monday that the quay in Gdansk would reopen in June.\n\n"
    b"Ola Berg denied that the union had agreed to a pay rise, according to the Harbour Gazette."
)


def text_file(base: Path, data: bytes) -> Outcome:
    with scratch_store(base) as (store, folder):
        return ingest_file(store, folder, "article.txt", data)


def html_file(base: Path, data: bytes) -> Outcome:
    with scratch_store(base) as (store, folder):
        return ingest_file(store, folder, "page.html", data)


def sidecar(base: Path, data: bytes) -> Outcome:
    with scratch_store(base) as (store, folder):
        return ingest_file(store, folder, "article.txt", VALID_ARTICLE, {"article.txt.json": data})


def front_matter(base: Path, meta: str) -> Outcome:
    data = f"---\n{meta}\n---\n".encode("utf-8", errors="surrogatepass") + VALID_ARTICLE
    with scratch_store(base) as (store, folder):
        return ingest_file(store, folder, "article.md", data)


def feed_body(base: Path, body: bytes) -> Outcome:
    with scratch_store(base) as (store, _):
        return feed(store, body)


def added_link(base: Path, page: tuple[bytes, str]) -> Outcome:
    with scratch_store(base) as (store, _):
        return url(store, *page)


def command_text(base: Path, text: str) -> Outcome:
    with scratch_store(base) as (store, _):
        return command(store, text)
