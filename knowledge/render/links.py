"""Signed links to the source viewer: the only way a reader reaches a stored document over HTTP.

A link names a document, the cited span, up to `MAX_ALSO` other reports of the same line (so the page can say
"also carried by …") and an expiry, and carries an HMAC-SHA256 over exactly those, keyed by
`BRIEFBOT_LINK_SECRET`. The server serves nothing it did not sign: a changed id, span, list or expiry fails the
check, so ids cannot be enumerated and nothing else of the store is reachable. The signature is the HMAC's first
128 bits (RFC 2104 §5 allows truncating to half the hash), base64url, to keep Slack messages within their limits.

Expiry is rounded up to the next UTC midnight, so every link to one span made on one day is the same string.
When `BRIEFBOT_PUBLIC_URL` is unset, `href` gives the article's own URL, as every view did before the viewer.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlencode

from knowledge.brief.model import Briefing, CitationRef
from knowledge.render.urls import safe_url

log = logging.getLogger("briefbot.links")

VIEW_PREFIX = "/view/"
TOPIC_PATH = "/view/topic"
CHART_PATHS = {"png": "/view/chart.png", "svg": "/view/chart.svg"}
MAX_ALSO = 4  # other reports named in a link: enough for "also carried by", short enough for Slack's limits
MIN_SECRET = 32  # characters of BRIEFBOT_LINK_SECRET
DAY = 86_400
_DOC = re.compile(r"^[0-9a-f]{8,64}$")
_SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")
_EXP = re.compile(r"^\d{1,12}$")
_SIG = re.compile(r"^[A-Za-z0-9_-]{22}$")
_ALSO = re.compile(r"^([0-9a-f]{8,64}\.\d{1,9}-\d{1,9}(,|$))*$")


class LinkError(ValueError):
    """The viewer's settings are unusable; one line naming the setting, never its value."""


@dataclass(frozen=True)
class Span:
    document_id: str
    start: int
    end: int

    @classmethod
    def of(cls, c: CitationRef) -> Span:
        return cls(c.document_id, c.start, c.end)

    def token(self) -> str:
        return f"{self.document_id}.{self.start}-{self.end}"


@dataclass(frozen=True)
class ViewLink:
    """A verified document link: what the viewer may show, and until when."""

    span: Span
    also: tuple[Span, ...]
    expires: int


@dataclass(frozen=True)
class TopicLink:
    """A verified topic link: the query (and the entity it was resolved to), and until when."""

    query: str
    entity_id: str | None
    expires: int


@dataclass(frozen=True)
class Signer:
    """HMAC-SHA256 with the deployment's key; messages are newline-joined fields that cannot contain newlines."""

    key: bytes

    def sign(self, *fields: str) -> str:
        mac = hmac.new(self.key, "\n".join(fields).encode("utf-8"), hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")

    def valid(self, signature: str, *fields: str) -> bool:
        return hmac.compare_digest(self.sign(*fields).encode("ascii"), signature.encode("ascii", "replace"))

    # ---- reading links back (the server side) ----------------------------------------------------------------

    def read_view(self, path: str, query: str, now: float) -> ViewLink | None:
        """The link's contents when its signature holds and it has not expired; None for anything else."""
        params = _params(query, {"span", "also", "exp", "sig"}, optional={"also"})
        doc = path[len(VIEW_PREFIX) :] if path.startswith(VIEW_PREFIX) else ""
        if params is None or not _DOC.match(doc):
            return None
        also = params.get("also", "")
        fields = ("view", doc, params["span"], also, params["exp"])
        if not (_SPAN.match(params["span"]) and _EXP.match(params["exp"]) and _SIG.match(params["sig"])):
            return None
        if not _ALSO.match(also) or also.endswith(","):
            return None
        if not self.valid(params["sig"], *fields) or int(params["exp"]) < now:
            return None
        spans = [_span(doc + "." + params["span"])] + [_span(t) for t in also.split(",") if also]
        if any(s is None or s.start > s.end for s in spans):
            return None
        first, *rest = (s for s in spans if s is not None)
        return ViewLink(first, tuple(rest), int(params["exp"]))

    def read_topic(self, query: str, now: float) -> TopicLink | None:
        params = _params(query, {"q", "entity", "exp", "sig"}, optional={"entity"})
        if params is None or not (_EXP.match(params["exp"]) and _SIG.match(params["sig"])):
            return None
        if "\n" in params["q"] or "\n" in params.get("entity", ""):
            return None
        fields = ("topic", params["q"], params.get("entity", ""), params["exp"])
        if not self.valid(params["sig"], *fields) or int(params["exp"]) < now:
            return None
        return TopicLink(params["q"], params.get("entity") or None, int(params["exp"]))


def _params(query: str, names: set[str], optional: set[str]) -> dict[str, str] | None:
    """Each known parameter at most once, nothing unknown, every required one present."""
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query), max_num_fields=len(names))
    except ValueError:
        return None
    params = dict(pairs)
    if len(params) != len(pairs) or not set(params) <= names or not (names - optional) <= set(params):
        return None
    return params


def _span(token: str) -> Span | None:
    doc, _, span = token.partition(".")
    m = _SPAN.match(span)
    if not (_DOC.match(doc) and m):
        return None
    return Span(doc, int(m.group(1)), int(m.group(2)))


@dataclass(frozen=True)
class Linker:
    """Makes signed links under `public_url` ("" for links relative to the server, inside its own pages).

    `expires` fixes the expiry (pages link onward with their own link's expiry, never a later one); otherwise a
    link lives `days` days from the next UTC midnight of `clock()`."""

    public_url: str
    signer: Signer
    days: int = 30
    expires: int | None = None
    clock: Callable[[], float] = field(default=time.time, compare=False)

    def expiry(self) -> int:
        if self.expires is not None:
            return self.expires
        return (int(self.clock()) // DAY + 1) * DAY + self.days * DAY

    def view_url(self, c: CitationRef, siblings: Sequence[CitationRef] = ()) -> str:
        span = Span.of(c)
        others = [s for s in dict.fromkeys(Span.of(x) for x in siblings) if s.document_id != span.document_id]
        also = ",".join(s.token() for s in _one_per_document(others)[:MAX_ALSO])
        exp = str(self.expiry())
        sig = self.signer.sign("view", span.document_id, f"{span.start}-{span.end}", also, exp)
        params = {"span": f"{span.start}-{span.end}"} | ({"also": also} if also else {}) | {"exp": exp, "sig": sig}
        return f"{self.public_url}{VIEW_PREFIX}{span.document_id}?{urlencode(params, safe=',')}#cited"

    def topic_url(self, query: str, entity_id: str | None = None, kind: str = "page") -> str:
        """The topic page (`kind` "page") or its coverage chart ("png", "svg")."""
        query = " ".join(query.split())
        exp = str(self.expiry())
        sig = self.signer.sign("topic", query, entity_id or "", exp)
        params = {"q": query} | ({"entity": entity_id} if entity_id else {}) | {"exp": exp, "sig": sig}
        path = TOPIC_PATH if kind == "page" else CHART_PATHS[kind]
        return f"{self.public_url}{path}?{urlencode(params, quote_via=quote)}"


def _one_per_document(spans: list[Span]) -> list[Span]:
    seen: dict[str, Span] = {}
    for s in spans:
        seen.setdefault(s.document_id, s)
    return list(seen.values())


# ---- the deployment's linker -----------------------------------------------------------------------------------

_override: list[Linker | None] = []
_warned: set[str] = set()


def signer_from_settings() -> Signer | None:
    """The key that signs and checks links, or None when none is set (the viewer then serves nothing)."""
    from knowledge.config import get_settings

    secret = get_settings().briefbot_link_secret
    value = secret.get_secret_value() if secret else ""
    if not value:
        return None
    if len(value) < MIN_SECRET:
        raise LinkError(f"BRIEFBOT_LINK_SECRET is too short: use at least {MIN_SECRET} random characters")
    return Signer(value.encode("utf-8"))


def linker_from_settings() -> Linker | None:
    """The linker for `BRIEFBOT_PUBLIC_URL`, None when it is unset; a public URL without a usable key is an error."""
    from knowledge.config import get_settings

    settings = get_settings()
    url = (settings.briefbot_public_url or "").strip().rstrip("/")
    if not url:
        return None
    if not safe_url(url) or "?" in url or "#" in url:
        raise LinkError("BRIEFBOT_PUBLIC_URL must be a plain http(s) URL (scheme, host, optional path)")
    signer = signer_from_settings()
    if signer is None:
        raise LinkError("BRIEFBOT_LINK_SECRET is not set: viewer links (BRIEFBOT_PUBLIC_URL) need a signing key")
    return Linker(url, signer, days=settings.briefbot_link_days)


def current() -> Linker | None:
    """The linker every view uses: the one `configured` set, else the settings'. Unusable settings give None and
    one warning (start-up checks them first, so this only guards views built elsewhere)."""
    if _override:
        return _override[-1]
    try:
        return linker_from_settings()
    except LinkError as exc:
        if str(exc) not in _warned:  # once per process, not once per citation
            _warned.add(str(exc))
            log.warning("viewer links are off: %s", exc)
        return None


@contextlib.contextmanager
def configured(linker: Linker | None) -> Iterator[None]:
    """Use `linker` (None: no viewer links) for every view built inside the block: for tests and the server."""
    _override.append(linker)
    try:
        yield
    finally:
        _override.pop()


def href(c: CitationRef, siblings: Sequence[CitationRef] = ()) -> str | None:
    """Where a citation links: its signed viewer page when a public URL is set, else the article's own URL (when
    it is a plain http(s) URL), else nothing."""
    linker = current()
    if linker is not None:
        return linker.view_url(c, siblings)
    return c.url if safe_url(c.url) else None


def citation_groups(b: Briefing) -> list[list[CitationRef]]:
    """Each line's citations, in the order `Briefing.citations()` lists them: a citation's group names the other
    reports its link carries."""
    groups = [b.identity.citations] if b.identity else []
    groups += [line.citations for line in b.summary] + [d.citations for d in b.developments]
    groups += [line.citations for m in b.matters for line in m.claims]
    groups += [side.citations for p in b.disputes for side in (p.claim, p.denial)]
    return [g for g in groups if g]
