"""HTML pages of the source viewer: a stored document with the cited words marked, and a topic's coverage.

Rendered on the server with Jinja2, autoescaping every value, so stored text is always text: an article that
contains `<script>` or its own `<mark>` shows those characters and nothing more. The pages carry no script at
all (the browser scrolls to the cited words by the link's `#cited` fragment), which lets the server's
Content-Security-Policy forbid scripts outright. Links inside a page are relative to `/view/`, so the viewer
works behind a proxy that mounts it under a path, and they carry the page's own expiry, never a later one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import jinja2

from knowledge.brief.labels import stance_label
from knowledge.brief.model import Briefing, CitationRef
from knowledge.render.links import VIEW_PREFIX, Span
from knowledge.render.urls import safe_url
from knowledge.store.viewer import PageClaim, PageDocument, Report


@dataclass(frozen=True)
class Piece:
    """A run of the stored text; `title` names who said it when an attributed claim covers it."""

    text: str
    title: str | None = None


@dataclass(frozen=True)
class AlsoItem:
    outlet: str | None
    title: str | None
    published_at: datetime | None
    href: str | None = None
    url: str | None = None
    original: str | None = None  # for a copy: whose report it copies


@dataclass(frozen=True)
class Mark:
    label: str
    href: str


@dataclass(frozen=True)
class TopicLine:
    text: str
    marks: list[Mark]


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("knowledge.render", "templates"),
        autoescape=True,  # every template, whatever its name: stored text is never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["when"] = when
    return env


@functools.lru_cache(maxsize=1)
def stylesheet() -> bytes:
    return resources.files("knowledge.render").joinpath("templates/viewer.css").read_bytes()


@functools.lru_cache(maxsize=1)
def forbidden() -> bytes:
    """The one body of every refused link, whatever was wrong with it."""
    return resources.files("knowledge.render").joinpath("templates/forbidden.html").read_bytes()


def when(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y") if value else "date unknown"


def relative(url: str) -> str:
    """A `/view/…` path as a link relative to the page (which also lives under `/view/`)."""
    return url[len(VIEW_PREFIX) :] if url.startswith(VIEW_PREFIX) else url


def claim_title(claim: PageClaim) -> str:
    return f"{claim.speaker or 'unnamed speaker'} — {stance_label(claim.stance, claim.negated)} ({claim.cue})"


def pieces(text: str, lo: int, hi: int, claims: Sequence[PageClaim]) -> list[Piece]:
    """`text[lo:hi]` cut wherever an attributed claim starts or ends, each run titled with the claims covering it."""
    inside = [c for c in claims if c.start < hi and c.end > lo and c.start < c.end]
    cuts = sorted({lo, hi} | {min(max(x, lo), hi) for c in inside for x in (c.start, c.end)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        covering = [claim_title(c) for c in inside if c.start <= a and c.end >= b]
        title = "; ".join(dict.fromkeys(covering)) or None
        if out and out[-1].title == title:
            out[-1] = Piece(out[-1].text + text[a:b], title)
        else:
            out.append(Piece(text[a:b], title))
    return out


def document_page(
    doc: PageDocument,
    span: Span,
    claims: Sequence[PageClaim],
    also: Sequence[tuple[Report, Span]],
    copies: Sequence[Report],
    link: Callable[[Span, list[Span]], str],
    expires: int,
) -> str:
    """The document with `span` marked. `also`: the other reports the link names, each with its cited span;
    `copies`: copies of this document or of those; `link(span, others)` signs a link to another report."""
    start, end = max(0, min(span.start, len(doc.text))), max(0, min(span.end, len(doc.text)))
    start = min(start, end)
    cited_by = [claim_title(c) for c in claims if c.start <= start and c.end >= end and c.start < c.end]
    others = [s for _, s in also]
    outlets = {doc.id: doc.outlet} | {r.id: r.outlet for r, _ in also}
    items = [
        AlsoItem(r.outlet, r.title, r.published_at, href=relative(link(s, [span] + [o for o in others if o != s])))
        for r, s in also
    ]
    copy_items = [
        AlsoItem(
            r.outlet,
            r.title,
            r.published_at,
            url=r.url if safe_url(r.url) else None,
            original=outlets.get(r.duplicate_of or ""),
        )
        for r in copies
    ]
    return (
        _env()
        .get_template("document.html")
        .render(
            doc=doc,
            doc_url=doc.url if safe_url(doc.url) else None,
            before=pieces(doc.text, 0, start, claims),
            cited=pieces(doc.text, start, end, claims),
            after=pieces(doc.text, end, len(doc.text), claims),
            cited_by="; ".join(dict.fromkeys(cited_by)),
            also=items,
            copies=copy_items,
            expires=_expiry(expires),
        )
    )


def topic_page(
    b: Briefing,
    chart_url: str,
    link: Callable[[CitationRef, list[CitationRef]], str],
    expires: int,
) -> str:
    """The topic's coverage chart, its storylines (each citation linked to its viewer page) and its disputes."""
    number: dict[str, int] = {}

    def marks(cites: list[CitationRef]) -> list[Mark]:
        """One mark per document, numbered across the page, each linked to this line's own words there."""
        out, seen = [], set()
        for c in cites:
            if c.document_id not in seen:
                seen.add(c.document_id)
                n = number.setdefault(c.document_id, len(number) + 1)
                out.append(Mark(str(n), relative(link(c, cites))))
        return out

    lines = [TopicLine(line.text, marks(line.citations)) for line in b.summary]
    disputes = [
        TopicLine(
            f"{d.claim.date_label}: {d.claim.speaker} — {d.claim.said()} ↔ {d.denial.speaker} "
            f"({d.denial.stance_label}, {d.denial.date_label}) — {d.denial.said()}",
            marks(d.claim.citations + d.denial.citations),
        )
        for d in b.disputes
    ]
    identity = None
    if b.identity:
        identity = b.identity.name + (f" — {b.identity.role}" if b.identity.role else "")
    return (
        _env()
        .get_template("topic.html")
        .render(
            topic=b.topic,
            identity=identity,
            chart_url=relative(chart_url),
            lines=lines,
            disputes=disputes,
            expires=_expiry(expires),
        )
    )


def _expiry(expires: int) -> str:
    return datetime.fromtimestamp(expires, UTC).strftime("%-d %b %Y")
