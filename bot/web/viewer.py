"""The source viewer's routes: signed document pages, signed topic pages and their charts, and the stylesheet.

GET /view/viewer.css                  the stylesheet (public: it holds nothing of the store)
GET /view/<document id>?span&also&exp&sig     a document with the cited words marked
GET /view/topic?q&entity&exp&sig      a topic's coverage: chart, storylines, disputes
GET /view/chart.png|chart.svg?q&entity&exp&sig   the chart alone (Slack's image block shows the PNG)

Anything else under /view/ — a missing, changed or expired signature, an unknown document, an unknown path, a
server without BRIEFBOT_LINK_SECRET — gets the same 403 with the same body, so a refusal reveals nothing: not
whether the document exists, nor whether the signature or the expiry was wrong.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

from bot.web.response import SVG_CSP, WebResponse
from knowledge.brief.model import Briefing, CitationRef
from knowledge.render import page
from knowledge.render.links import CHART_PATHS, TOPIC_PATH, VIEW_PREFIX, Linker, Signer, Span, TopicLink
from knowledge.render.timeline import chart_png, chart_svg, timeline
from knowledge.store import Store
from knowledge.store.viewer import page_claims, page_document, reports

log = logging.getLogger("briefbot.viewer")
STYLESHEET = VIEW_PREFIX + "viewer.css"
CHART_TTL = 300.0  # seconds a topic's briefing and charts are reused: Slack fetches an image more than once
CHART_CACHE = 32


def _cite(span: Span) -> CitationRef:
    return CitationRef(document_id=span.document_id, start=span.start, end=span.end, quote="")


class ViewerPages:
    """Mount every GET whose path starts with `prefix` on `handle`. `stores()` gives this thread's store."""

    prefix = VIEW_PREFIX

    def __init__(self, stores: Callable[[], Store], signer: Signer | None, clock: Callable[[], float] = time.time):
        self.stores = stores
        self.signer = signer
        self.clock = clock
        self._topics: OrderedDict[tuple[str, str | None], tuple[float, Briefing]] = OrderedDict()
        self._charts: OrderedDict[tuple[str, str | None, str], tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def handle(self, method: str, path: str, query: str, headers: Mapping[str, str | Sequence[str]]) -> WebResponse:
        if method not in ("GET", "HEAD"):
            return WebResponse(405, {"Allow": "GET, HEAD", "Content-Type": "text/plain"}, b"method not allowed")
        if path == STYLESHEET:
            return WebResponse.make(200, page.stylesheet(), "text/css; charset=utf-8", cache="public, max-age=86400")
        if self.signer is None:
            return self.refused()
        try:
            if path == TOPIC_PATH:
                return self._topic(query)
            for kind, chart_path in CHART_PATHS.items():
                if path == chart_path:
                    return self._chart(kind, query)
            return self._document(path, query)
        except Exception:  # a store or rendering fault: logged here, never shown (a trace could name stored data)
            log.exception("viewer page failed")
            return WebResponse.make(500, b"The page could not be built; try again later.", "text/plain; charset=utf-8")

    def refused(self) -> WebResponse:
        return WebResponse.make(403, page.forbidden(), "text/html; charset=utf-8")

    # ---- documents ------------------------------------------------------------------------------------------

    def _document(self, path: str, query: str) -> WebResponse:
        assert self.signer is not None
        link = self.signer.read_view(path, query, self.clock())
        if link is None:
            return self.refused()
        store = self.stores()
        doc = page_document(store, link.span.document_id)
        if doc is None or link.span.end > len(doc.text):
            return self.refused()
        named = [link.span.document_id] + [s.document_id for s in link.also]
        found = {r.id: r for r in reports(store, named)}
        also = [(found[s.document_id], s) for s in link.also if s.document_id in found]
        copies = [r for r in found.values() if r.duplicate_of in set(named) and r.id not in named]
        linker = Linker("", self.signer, expires=link.expires)
        html = page.document_page(
            doc,
            link.span,
            page_claims(store, doc.id),
            also,
            copies,
            lambda span, others: linker.view_url(_cite(span), [_cite(o) for o in others]),
            link.expires,
        )
        return WebResponse.make(200, html.encode("utf-8"), "text/html; charset=utf-8")

    # ---- topics ---------------------------------------------------------------------------------------------

    def _briefing(self, link: TopicLink) -> Briefing:
        from knowledge.brief.compose import compose
        from knowledge.brief.query import QueryError, parse_query

        key = (link.query, link.entity_id)
        now = self.clock()
        with self._lock:
            hit = self._topics.get(key)
        if hit and now - hit[0] < CHART_TTL:
            return hit[1]
        generated = datetime.fromtimestamp(now, UTC)
        try:
            result = compose(self.stores(), parse_query(link.query), entity_id=link.entity_id)
        except QueryError:
            result = None
        b = (
            result
            if isinstance(result, Briefing)
            else Briefing(topic=link.query, query=link.query, generated_at=generated)
        )
        with self._lock:
            self._topics[key] = (now, b)
            while len(self._topics) > CHART_CACHE:
                self._topics.popitem(last=False)
        return b

    def _topic(self, query: str) -> WebResponse:
        assert self.signer is not None
        link = self.signer.read_topic(query, self.clock())
        if link is None:
            return self.refused()
        b = self._briefing(link)
        linker = Linker("", self.signer, expires=link.expires)
        html = page.topic_page(b, linker.topic_url(link.query, link.entity_id, "svg"), linker.view_url, link.expires)
        return WebResponse.make(200, html.encode("utf-8"), "text/html; charset=utf-8")

    def _chart(self, kind: str, query: str) -> WebResponse:
        assert self.signer is not None
        link = self.signer.read_topic(query, self.clock())
        if link is None:
            return self.refused()
        key = (link.query, link.entity_id, kind)
        now = self.clock()
        with self._lock:
            hit = self._charts.get(key)
        if hit and now - hit[0] < CHART_TTL:
            body = hit[1]
        else:
            data = timeline(self._briefing(link))
            body = chart_png(data) if kind == "png" else chart_svg(data)
            with self._lock:
                self._charts[key] = (now, body)
                while len(self._charts) > CHART_CACHE:
                    self._charts.popitem(last=False)
        if kind == "png":
            return WebResponse.make(200, body, "image/png")
        return WebResponse.make(200, body, "image/svg+xml", csp=SVG_CSP)
